#include "score/doc_scores.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "common/error.h"
#include "report/html_escape.h"
#include "report/score_format.h"

namespace mteval {
namespace {

std::vector<DocGroup> CheckedGroups(const DocScoresInput& in) {
  std::vector<DocGroup> groups = GroupByDocument(*in.doc_ids);
  if (groups.empty() || (groups.size() == 1 && groups[0].id.empty())) {
    throw Error(ErrorKind::kUsage, "--per-doc needs document ids: use WMT XML or XLIFF files, or give --doc-col for TSV/JSONL");
  }
  return groups;
}

MetricScore DocScore(const DocScoresInput& in, size_t metric, size_t system, const DocGroup& g) {
  const StatsMatrix& m = (*in.stats)[metric][system];
  std::vector<int64_t> sum(m.num_stats(), 0);
  for (size_t r : g.rows) {
    const int64_t* row = m.Row(r);
    for (size_t j = 0; j < sum.size(); ++j) sum[j] += row[j];
  }
  return (*in.metrics)[metric]->Score(sum.data());
}

}  // namespace

std::vector<DocGroup> GroupByDocument(const std::vector<std::string>& doc_ids) {
  std::vector<DocGroup> groups;
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < doc_ids.size(); ++i) {
    auto [it, added] = index.emplace(doc_ids[i], groups.size());
    if (added) groups.push_back({doc_ids[i], {}});
    groups[it->second].rows.push_back(i);
  }
  return groups;
}

std::string FormatDocScoresText(const DocScoresInput& in) {
  const std::vector<DocGroup> groups = CheckedGroups(in);
  const size_t systems = in.system_names->size();
  std::string out;
  for (size_t s = 0; s < systems; ++s) {
    for (const DocGroup& g : groups) {
      // Names and ids come from the inputs: shown so that they cannot drive
      // the terminal.
      std::string line = systems > 1 ? ShowHiddenControls((*in.system_names)[s]) + "\t" : "";
      line += ShowHiddenControls(g.id) + "\t" + std::to_string(g.rows.size()) + " segs";
      for (size_t k = 0; k < in.metrics->size(); ++k) {
        line += "\t" + FormatScoreText(DocScore(in, k, s, g), "", in.width);
      }
      out += line + "\n";
    }
  }
  return out;
}

std::string FormatDocScoresJson(const DocScoresInput& in) {
  const std::vector<DocGroup> groups = CheckedGroups(in);
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (size_t s = 0; s < in.system_names->size(); ++s) {
    for (const DocGroup& g : groups) {
      nlohmann::ordered_json d;
      d["system"] = (*in.system_names)[s];
      d["doc_id"] = g.id;
      d["segments"] = g.rows.size();
      nlohmann::ordered_json scores;
      for (size_t k = 0; k < in.metrics->size(); ++k) {
        MetricScore score = DocScore(in, k, s, g);
        scores[score.name] = std::strtod(FormatFixedWidth(score.score, in.width).c_str(), nullptr);
      }
      d["scores"] = scores;
      arr.push_back(d);
    }
  }
  return arr.dump(1);
}

}  // namespace mteval
