#pragma once
// Runs metrics over a corpus: per-segment statistics for every system,
// computed segment by segment so that each segment's references are prepared
// once and shared by all systems.

#include <vector>

#include "corpus/text_corpus.h"
#include "metric/metric.h"
#include "metric/stats.h"

namespace mteval {

struct CorpusScorerOptions {
  // Worker threads (segments are split into contiguous chunks). 1 = no threads.
  int threads = 1;

  void Validate() const;
};

// Returns one StatsMatrix (segments x metric.NumStats()) per system.
std::vector<StatsMatrix> ComputeSegmentStats(const Metric& metric, const TextCorpus& corpus,
                                             const CorpusScorerOptions& options = {});

// Scores of merged statistics for each system.
std::vector<MetricScore> CorpusScores(const Metric& metric, const std::vector<StatsMatrix>& stats);

}  // namespace mteval
