#pragma once
// Scoring a whole corpus (many systems, threads) and per-document scores.
//
//   mteval::LoadedCorpus loaded = mteval::LoadCorpus(files, {});
//   const mteval::Bleu bleu;
//   mteval::CorpusScorerOptions run;
//   run.threads = 4;                                       // same figures for any count
//   std::vector<mteval::StatsMatrix> stats = mteval::ComputeSegmentStats(bleu, loaded.corpus, run);
//   std::vector<mteval::MetricScore> scores = mteval::CorpusScores(bleu, stats);  // one per system
//
// Thread safety: the functions may run concurrently; each uses its own scorers.

#include <memory>
#include <string>
#include <vector>

#include <mteval/corpus.h>
#include <mteval/metric.h>
#include <mteval/stats.h>

namespace mteval {

// ---- corpus_scorer.h
// Runs metrics over a corpus: per-segment statistics for every system,
// computed segment by segment so that each segment's references are prepared
// once and shared by all systems.

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

// ---- doc_scores.h
// Per-document scores (`mteval score --per-doc`): each document's segment
// statistics are summed and scored like a corpus of their own.
// report/doc_scores_format.h prints them.

// Documents in order of first appearance, with their segment rows.
struct DocGroup {
  std::string id;
  std::vector<size_t> rows;
};
std::vector<DocGroup> GroupByDocument(const std::vector<std::string>& doc_ids);

// One document of one system: its segment count and one score per metric.
struct DocScore {
  size_t system = 0;
  std::string doc_id;
  size_t num_segments = 0;
  std::vector<MetricScore> scores;  // [metric]
};

// Scores every (system, document), systems outer, documents in order of
// first appearance. `stats` is [metric][system] with one row per segment;
// `doc_ids` has one id per segment. Throws Error(kUsage) when no segment
// has a document id.
std::vector<DocScore> ScoreDocuments(const std::vector<std::unique_ptr<Metric>>& metrics,
                                     const std::vector<std::vector<StatsMatrix>>& stats,
                                     const std::vector<std::string>& doc_ids);

}  // namespace mteval
