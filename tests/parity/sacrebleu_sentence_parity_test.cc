// Parity with sacreBLEU 2.6.0's sentence-level BLEU, chrF and chrF++
// (../shared/parity/sacrebleu-2.6.0/*.sentence.tsv): every score bit-identical.

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "support/parity_data.h"
#include "support/shared_data.h"
#include "support/test_paths.h"
#include "tokenize/builtin_tokenizers.h"

namespace mteval {

namespace {

}  // namespace

TEST_CASE("sentence BLEU, chrF and chrF++ match sacreBLEU 2.6.0", "[parity]") {
  if (testing::SkipWithoutSharedData("the sacreBLEU sentence-level figures")) return;
  size_t checked = 0, checked_mecab = 0, skipped_mecab = 0;
  for (const std::string& pair : testing::ParityPairs()) {
    std::vector<std::string> lines = testing::ParityFileLines(pair + ".sentence.tsv");
    REQUIRE(lines.size() > 1);
    std::vector<std::string> header = testing::SplitTab(lines[0]);
    REQUIRE(header[3] == "bleu");
    // system -> rows
    std::map<std::pair<std::string, std::string>, std::vector<std::vector<std::string>>> by_system;
    for (size_t i = 1; i < lines.size(); ++i) {
      auto f = testing::SplitTab(lines[i]);
      by_system[{f[0], f[1]}].push_back(f);
    }
    for (auto& [key, rows] : by_system) {
      TextCorpus corpus = testing::Wmt22Corpus({key.second}, {testing::Wmt22HypPath(pair, key.first)});
      REQUIRE(rows.size() == corpus.num_segments());
      const std::string tok = rows[0][4];
      MetricOptions o;
      o.bleu.tokenize = tok;
      o.bleu.effective_order = true;
      MetricOptions opp;
      opp.chrf.word_order = 2;
      std::vector<std::pair<std::unique_ptr<Metric>, int>> metrics;
      if (tok != "ja-mecab" || MecabAvailable()) {
        metrics.emplace_back(MakeMetric("bleu", o), 3);
        if (tok == "ja-mecab") checked_mecab += rows.size();
      } else {
        skipped_mecab += rows.size();
      }
      metrics.emplace_back(MakeMetric("chrf", o), 5);
      metrics.emplace_back(MakeMetric("chrf", opp), 6);
      for (auto& [metric, column] : metrics) {
        StatsMatrix stats = ComputeSegmentStats(*metric, corpus)[0];
        for (size_t i = 0; i < rows.size(); ++i) {
          double want = std::stod(rows[i][static_cast<size_t>(column)]);
          double got = metric->Score(stats.Row(i)).score;
          if (got != want) {
            FAIL_CHECK(pair << " " << key.first << " line " << rows[i][2] << " " << metric->Name() << ": got "
                            << got << ", sacreBLEU " << want);
          }
          ++checked;
        }
      }
    }
  }
  WARN("checked " << checked << " sentence scores, " << checked_mecab << " of them ja-mecab BLEU");
  CHECK(checked > 0);
  if (MecabAvailable()) {
    CHECK(checked_mecab == 4074);
  } else {
    WARN("SKIPPED " << skipped_mecab << " ja-mecab BLEU sentences: this build has no MeCab");
  }
}

}  // namespace mteval
