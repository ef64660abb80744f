// Parity with sacreBLEU 2.6.0's TER on every TER line of
// ../shared/parity/sacrebleu-2.6.0/*.corpus.jsonl (num_edits and ref_length
// identical, score bit-identical, signature equal up to the version) and on
// the `ter` column of *.sentence.tsv (bit-identical).

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "support/parity_data.h"
#include "support/sacrebleu_options.h"
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using testing::ParityFileLines;
using testing::ParityPairs;
using testing::SignatureWithoutVersion;

double Field(const MetricScore& s, const std::string& key) {
  for (const ScoreField& f : s.fields) {
    if (f.key == key) return f.values.at(0);
  }
  FAIL("no field " << key);
  return 0;
}

struct Group {
  nlohmann::json options;
  std::vector<std::string> refs;
  std::vector<nlohmann::json> lines;
};

}  // namespace

TEST_CASE("corpus TER matches sacreBLEU 2.6.0", "[parity][ter]") {
  if (testing::SkipWithoutSharedData("the sacreBLEU TER parity figures")) return;
  size_t checked = 0, mismatched = 0;
  for (const std::string& pair : ParityPairs()) {
    std::map<std::string, Group> groups;
    for (const std::string& line : ParityFileLines(pair + ".corpus.jsonl")) {
      nlohmann::json j = nlohmann::json::parse(line);
      if (j["metric"] != "ter") continue;
      Group& g = groups[j["options"].dump() + j["refs"].dump()];
      g.options = j["options"];
      g.refs = j["refs"].get<std::vector<std::string>>();
      g.lines.push_back(j);
    }
    for (auto& [key, g] : groups) {
      std::vector<std::string> hyps;
      for (const auto& j : g.lines) hyps.push_back(j["hyp"]);
      TextCorpus corpus = testing::Wmt22Corpus(g.refs, hyps);
      auto metric = MakeMetric("ter", testing::SacrebleuMetricOptions("ter", g.options));
      std::vector<StatsMatrix> stats = ComputeSegmentStats(*metric, corpus);
      for (size_t s = 0; s < hyps.size(); ++s) {
        const nlohmann::json& want = g.lines[s];
        INFO(pair << " " << want["system"] << " ter " << g.options.dump() << " refs=" << g.refs.size());
        std::vector<int64_t> total = stats[s].Sum();
        MetricScore got = metric->Score(total.data());
        const bool ok = Field(got, "num_edits") == want["num_edits"].get<double>() &&
                        Field(got, "ref_length") == want["ref_length"].get<double>() &&
                        got.score == want["score"].get<double>();
        CHECK(Field(got, "num_edits") == want["num_edits"].get<double>());
        CHECK(Field(got, "ref_length") == want["ref_length"].get<double>());
        CHECK(got.score == want["score"].get<double>());
        CHECK(got.name == "TER");
        CHECK(SignatureWithoutVersion(metric->GetSignature(static_cast<int>(g.refs.size())).Format(false)) ==
              SignatureWithoutVersion(want["signature"]));
        if (!ok) ++mismatched;
        ++checked;
      }
    }
  }
  WARN("checked " << checked << " TER corpus lines, " << mismatched << " mismatched");
  CHECK(checked > 0);
  CHECK(mismatched == 0);
}

TEST_CASE("sentence TER matches sacreBLEU 2.6.0", "[parity][ter]") {
  if (testing::SkipWithoutSharedData("the sacreBLEU sentence-level TER figures")) return;
  size_t checked = 0, mismatched = 0;
  auto metric = MakeMetric("ter", MetricOptions{});
  for (const std::string& pair : ParityPairs()) {
    std::vector<std::string> lines = ParityFileLines(pair + ".sentence.tsv");
    REQUIRE(lines.size() > 1);
    const std::vector<std::string> header = testing::SplitTab(lines[0]);
    size_t col = 0;
    while (col < header.size() && header[col] != "ter") ++col;
    REQUIRE(col < header.size());
    std::map<std::pair<std::string, std::string>, std::vector<std::vector<std::string>>> by_system;
    for (size_t i = 1; i < lines.size(); ++i) {
      auto f = testing::SplitTab(lines[i]);
      by_system[{f[0], f[1]}].push_back(f);
    }
    for (auto& [key, rows] : by_system) {
      const std::string hyp = testing::Wmt22HypPath(pair, key.first);
      TextCorpus corpus = testing::Wmt22Corpus({key.second}, {hyp});
      REQUIRE(rows.size() == corpus.num_segments());
      std::vector<StatsMatrix> stats = ComputeSegmentStats(*metric, corpus);
      for (size_t i = 0; i < rows.size(); ++i) {
        const double want = std::stod(rows[i][col]);
        const double got = metric->Score(stats[0].Row(i)).score;
        if (got != want) {
          ++mismatched;
          INFO(pair << " " << key.first << " line " << rows[i][2]);
          CHECK(got == want);
        }
        ++checked;
      }
    }
  }
  WARN("checked " << checked << " sentence TER scores, " << mismatched << " mismatched");
  CHECK(checked > 0);
  CHECK(mismatched == 0);
}

}  // namespace mteval
