// Parity with sacreBLEU 2.6.0's SentencePiece BLEU on every line of
// ../shared/parity/sacrebleu-2.6.0/spm.jsonl. Those figures were made with
// sacreBLEU's flores tokenizer code path (" ".join(sp.EncodeAsPieces(line)))
// and ../shared/spm/<options.spm_model> in place of the flores model; here
// that file is given as -tok spm --spm-model.

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "support/parity_data.h"
#include "support/shared_data.h"
#include "support/test_paths.h"
#include "tokenize/model_files.h"

namespace mteval {

TEST_CASE("SentencePiece BLEU matches sacreBLEU 2.6.0 (spm.jsonl)", "[parity][spm]") {
  if (testing::SkipWithoutSharedData("the sacreBLEU SentencePiece figures")) return;
  struct Group {
    nlohmann::json options;
    std::vector<std::string> refs;
    std::vector<nlohmann::json> lines;
  };
  std::map<std::string, Group> groups;
  size_t total_lines = 0;
  for (const std::string& line : testing::ParityFileLines("spm.jsonl")) {
    nlohmann::json j = nlohmann::json::parse(line);
    REQUIRE(j["metric"] == "bleu");
    REQUIRE(j["options"]["tokenize"] == "spm");
    Group& g = groups[j["options"].dump() + j["refs"].dump()];
    g.options = j["options"];
    g.refs = j["refs"].get<std::vector<std::string>>();
    g.lines.push_back(j);
    ++total_lines;
  }
  REQUIRE(total_lines == 76);
  size_t checked = 0, mismatched = 0;
  for (auto& [key, g] : groups) {
    std::vector<std::string> hyps;
    for (const auto& j : g.lines) hyps.push_back(j["hyp"]);
    TextCorpus corpus = testing::Wmt22Corpus(g.refs, hyps);
    MetricOptions o;
    o.bleu.tokenize = "spm";
    o.bleu.spm_model = testing::SharedDir() + "/spm/" + g.options["spm_model"].get<std::string>();
    o.bleu.lowercase = g.options.value("lowercase", false);
    auto metric = MakeMetric("bleu", o);
    // A custom model's signature names the first 8 hex digits of its SHA-256.
    const std::string sig = metric->GetSignature(1).Format(false);
    CHECK(sig.find("|tok:spm-" + ShortFileHash(o.bleu.spm_model) + "|") != std::string::npos);
    std::vector<StatsMatrix> stats = ComputeSegmentStats(*metric, corpus);
    for (size_t s = 0; s < hyps.size(); ++s) {
      const nlohmann::json& want = g.lines[s];
      INFO(want["pair"] << " " << want["hyp"] << " " << g.options.dump());
      std::vector<int64_t> total = stats[s].Sum();
      MetricScore got = metric->Score(total.data());
      std::vector<double> counts, totals;
      for (const ScoreField& f : got.fields) {
        if (f.key == "counts") counts = f.values;
        if (f.key == "totals") totals = f.values;
      }
      bool ok = got.score == want["score"].get<double>() &&
                counts == want["counts"].get<std::vector<double>>() &&
                totals == want["totals"].get<std::vector<double>>() && total[0] == want["sys_len"].get<int64_t>() &&
                total[1] == want["ref_len"].get<int64_t>();
      if (!ok) {
        ++mismatched;
        FAIL_CHECK("mismatch: got " << got.score << " sys_len " << total[0] << " ref_len " << total[1]
                                    << ", sacreBLEU " << want["score"] << " sys_len " << want["sys_len"]
                                    << " ref_len " << want["ref_len"]);
      }
      ++checked;
    }
  }
  WARN("checked " << checked << " SentencePiece BLEU lines, " << mismatched << " mismatched");
  CHECK(checked == 76);
}

}  // namespace mteval
