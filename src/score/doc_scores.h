#pragma once
// Per-document scores (`mteval score --per-doc`): each document's segment
// statistics are summed and scored like a corpus of their own.
// report/doc_scores_format.h prints them.

#include <memory>
#include <string>
#include <vector>

#include "metric/metric.h"
#include "metric/stats.h"

namespace mteval {

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
