#pragma once
// Per-document scores (`mteval score --per-doc`): each document's segment
// statistics are summed and scored like a corpus of their own.

#include <memory>
#include <string>
#include <vector>

#include "metric/metric.h"
#include "metric/stats.h"

namespace mteval {

struct DocScoresInput {
  const std::vector<std::unique_ptr<Metric>>* metrics = nullptr;  // [metric]
  const std::vector<std::vector<StatsMatrix>>* stats = nullptr;   // [metric][system], one row per segment
  const std::vector<std::string>* system_names = nullptr;
  const std::vector<std::string>* doc_ids = nullptr;  // one per segment, "" = no document
  int width = 1;
};

// Documents in order of first appearance, with their segment rows.
struct DocGroup {
  std::string id;
  std::vector<size_t> rows;
};
std::vector<DocGroup> GroupByDocument(const std::vector<std::string>& doc_ids);

// Text: one line per (system, document): "SYSTEM<TAB>DOC<TAB>N segs<TAB>NAME = SCORE VERBOSE ..."
// (the system column only with several systems). Throws Error(kUsage) when
// no segment has a document id.
std::string FormatDocScoresText(const DocScoresInput& in);
// JSON array of {"system", "doc_id", "segments", "scores": {NAME: SCORE}}.
std::string FormatDocScoresJson(const DocScoresInput& in);

}  // namespace mteval
