#include "report/doc_scores_format.h"

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "text/escape.h"
#include <mteval/report.h>

namespace mteval {

std::string FormatDocScoresText(const std::vector<DocScore>& docs, const std::vector<std::string>& system_names,
                                int width) {
  std::string out;
  for (const DocScore& d : docs) {
    // Names and ids come from the inputs: shown so that they cannot drive
    // the terminal.
    std::string line = system_names.size() > 1 ? ShowHiddenControls(system_names[d.system]) + "\t" : "";
    line += ShowHiddenControls(d.doc_id) + "\t" + std::to_string(d.num_segments) + " segs";
    for (const MetricScore& score : d.scores) line += "\t" + FormatScoreText(score, "", width);
    out += line + "\n";
  }
  return out;
}

std::string FormatDocScoresJson(const std::vector<DocScore>& docs, const std::vector<std::string>& system_names,
                                int width) {
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const DocScore& d : docs) {
    nlohmann::ordered_json j;
    j["system"] = system_names[d.system];
    j["doc_id"] = d.doc_id;
    j["segments"] = d.num_segments;
    nlohmann::ordered_json scores;
    for (const MetricScore& score : d.scores) {
      scores[score.name] = std::strtod(FormatFixedWidth(score.score, width).c_str(), nullptr);
    }
    j["scores"] = scores;
    arr.push_back(j);
  }
  return arr.dump(1);
}

}  // namespace mteval
