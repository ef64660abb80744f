// Parity with sacreBLEU 2.6.0's significance tests on every line of
// ../shared/parity/sacrebleu-2.6.0/*.significance.jsonl: paired bootstrap
// (bs), paired approximate randomization (ar) and the single-system bootstrap
// confidence interval (ci), for BLEU, chrF and TER, at seed 12345. score,
// p_value, mean and ci must be bit-identical (null where sacreBLEU has none):
// they are, once the mean is taken of the sorted scores as numpy does.

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include <mteval/error.h>
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include <mteval/significance.h>
#include "support/parity_data.h"
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using testing::ParityFileLines;
using testing::ParityPairs;
using testing::SharedDir;

std::string MetricId(const std::string& name) {
  if (name == "BLEU") return "bleu";
  if (name.rfind("chrF", 0) == 0) return "chrf";
  if (name == "TER") return "ter";
  FAIL("unknown metric " << name);
  return "";
}

bool Identical(const nlohmann::json& want, const std::optional<double>& got) {
  if (want.is_null()) return !got.has_value();
  return got.has_value() && *got == want.get<double>();
}

std::string Show(const std::optional<double>& v) {
  if (!v) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", *v);
  return buf;
}

struct Tally {
  size_t checked = 0, mismatched = 0;

  void Check(const nlohmann::json& want, const SignificanceResult& got) {
    const bool ok = got.score == want["score"].get<double>() && Identical(want["mean"], got.mean) &&
                    Identical(want["ci"], got.ci) && Identical(want.value("p_value", nlohmann::json()), got.p_value);
    ++checked;
    if (!ok) {
      ++mismatched;
      INFO(want.dump());
      INFO("got score " << Show(got.score) << " p " << Show(got.p_value) << " mean " << Show(got.mean) << " ci "
                        << Show(got.ci));
      CHECK(ok);
    }
  }
};

// The metric, or nullptr when its tokenizer is not in this build (ja-mecab
// before MeCab support).
std::unique_ptr<Metric> MakeUsableMetric(const std::string& id, const MetricOptions& options) {
  try {
    return MakeMetric(id, options);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kUnavailable) throw;
    return nullptr;
  }
}

MetricOptions OptionsFor(const std::string& pair) {
  MetricOptions o;
  o.bleu.trg_lang = pair.substr(pair.find('-') + 1);
  return o;
}

}  // namespace

TEST_CASE("significance tests match sacreBLEU 2.6.0", "[parity][significance]") {
  if (testing::SkipWithoutSharedData("the sacreBLEU significance figures")) return;
  Tally tally;
  size_t lines_read = 0, skipped = 0;
  for (const std::string& pair : ParityPairs()) {
    // test -> lines, in file order.
    std::map<std::string, std::vector<nlohmann::json>> by_test;
    for (const std::string& line : ParityFileLines(pair + ".significance.jsonl")) {
      nlohmann::json j = nlohmann::json::parse(line);
      by_test[j["test"]].push_back(j);
      ++lines_read;
    }
    const MetricOptions options = OptionsFor(pair);
    for (const std::string test : {"bs", "ar"}) {
      const auto& lines = by_test[test];
      if (lines.empty()) continue;
      // Metric order and system order as the file lists them.
      std::vector<std::string> metric_names, systems;
      for (const auto& j : lines) {
        if (std::find(metric_names.begin(), metric_names.end(), j["metric"]) == metric_names.end()) {
          metric_names.push_back(j["metric"]);
        }
        if (std::find(systems.begin(), systems.end(), j["system"]) == systems.end()) systems.push_back(j["system"]);
      }
      REQUIRE(systems.front() == lines.front()["baseline"].get<std::string>());
      std::vector<std::string> hyps;
      for (const auto& s : systems) hyps.push_back(testing::Wmt22HypPath(pair, s));
      TextCorpus corpus = testing::Wmt22Corpus({lines.front()["ref"].get<std::string>()}, hyps);
      std::vector<std::unique_ptr<Metric>> owned;
      std::vector<const Metric*> metrics;
      std::vector<std::vector<StatsMatrix>> stats;
      std::vector<std::string> usable;
      for (const auto& name : metric_names) {
        std::unique_ptr<Metric> metric = MakeUsableMetric(MetricId(name), options);
        if (!metric) continue;
        usable.push_back(name);
        owned.push_back(std::move(metric));
        REQUIRE(owned.back()->Name() == name);
        metrics.push_back(owned.back().get());
        stats.push_back(ComputeSegmentStats(*owned.back(), corpus, CorpusScorerOptions{2}));
      }
      SignificanceOptions so;
      so.seed = lines.front()["seed"].get<uint64_t>();
      so.threads = 2;
      const PairedTestKind kind = test == "bs" ? PairedTestKind::kBootstrap : PairedTestKind::kApproximateRandomization;
      if (kind == PairedTestKind::kBootstrap) {
        so.bootstrap_samples = 1000;
        REQUIRE(lines.front()["signature"].get<std::string>().find("|bs:1000|") != std::string::npos);
      } else {
        so.ar_trials = 10000;
        REQUIRE(lines.front()["signature"].get<std::string>().find("|ar:10000|") != std::string::npos);
      }
      const auto results = PairedTest(kind, metrics, stats, systems, so);
      for (const auto& j : lines) {
        const size_t m = std::find(usable.begin(), usable.end(), j["metric"]) - usable.begin();
        if (m == usable.size()) {
          ++skipped;
          continue;
        }
        const size_t s = std::find(systems.begin(), systems.end(), j["system"]) - systems.begin();
        INFO(pair << " " << test);
        tally.Check(j, results[m][s]);
      }
    }
    for (const auto& j : by_test["ci"]) {
      TextCorpus corpus = testing::Wmt22Corpus({j["ref"].get<std::string>()}, {testing::Wmt22HypPath(pair, j["system"])});
      auto metric = MakeUsableMetric(MetricId(j["metric"]), options);
      if (!metric) {
        ++skipped;
        continue;
      }
      REQUIRE(metric->Name() == j["metric"].get<std::string>());
      const std::vector<StatsMatrix> stats = ComputeSegmentStats(*metric, corpus);
      SignificanceOptions so;
      so.seed = j["seed"].get<uint64_t>();
      so.bootstrap_samples = j["n_bootstrap"].get<int>();
      INFO(pair << " ci");
      tally.Check(j, BootstrapConfidence(*metric, stats[0], so));
    }
  }
  WARN("checked " << tally.checked << " significance lines, " << tally.mismatched << " mismatched; skipped "
                   << skipped << " lines whose tokenizer is not in this build");
  CHECK(tally.checked > 0);
  CHECK(tally.checked + skipped == lines_read);
  CHECK(tally.mismatched == 0);
}

TEST_CASE("TER bootstrap with three references adds float32 averages in sacreBLEU's order", "[parity][significance]") {
  if (testing::SkipWithoutSharedData("the three-reference TER bootstrap")) return;
  // The first 200 lines of zh-en: references A, B and HuaweiTSC's output (so
  // that per-segment average lengths are thirds), AISP-SJTU and Online-B as
  // the systems. sacreBLEU 2.6.0's figures (Python API, seed 12345, 1000
  // resamples) below.
  const std::string dir = testing::MakeTempDir();
  auto head = [&](const std::string& rel, const std::string& name) {
    std::ifstream in(SharedDir() + "/wmt22/" + rel);
    std::string line, text;
    int lines = 0;
    for (; lines < 200 && std::getline(in, line); ++lines) text += line + "\n";
    REQUIRE(lines == 200);  // fewer would check other figures, none would check nothing
    testing::WriteFile(dir + "/" + name, text);
    return dir + "/" + name;
  };
  TextCorpusOptions files;
  files.ref_paths = {head("references/generaltest2022.zh-en.ref.A.en", "refA"),
                     head("references/generaltest2022.zh-en.ref.B.en", "refB"),
                     head("system-outputs/generaltest2022.zh-en.hyp.HuaweiTSC.en", "refC")};
  files.hyp_paths = {head("system-outputs/generaltest2022.zh-en.hyp.AISP-SJTU.en", "a"),
                     head("system-outputs/generaltest2022.zh-en.hyp.Online-B.en", "b")};
  const TextCorpus corpus = LoadTextCorpus(files);
  auto ter = MakeMetric("ter", MetricOptions{});
  const std::vector<StatsMatrix> stats = ComputeSegmentStats(*ter, corpus);
  SignificanceOptions so;
  so.seed = 12345;
  so.bootstrap_samples = 1000;
  // Score.estimate_ci for one system (--confidence).
  const SignificanceResult ci = BootstrapConfidence(*ter, stats[0], so);
  CHECK(ci.score == Approx(33.00832520813021).margin(1e-9));  // corpus TER: see the user guide on 3 references
  CHECK(*ci.mean == 33.03201248645782);
  CHECK(*ci.ci == 2.6075541973114014);
  // Paired bootstrap, AISP-SJTU as the baseline.
  const auto paired = PairedTest(PairedTestKind::kBootstrap, {ter.get()}, {stats}, {"a", "b"}, so);
  CHECK(*paired[0][0].mean == 33.03201248645782);
  CHECK(*paired[0][0].ci == 2.6075541973114014);
  CHECK(paired[0][1].score == Approx(30.623265581639547).margin(1e-9));
  CHECK(*paired[0][1].p_value == 0.029970029970029972);
  CHECK(*paired[0][1].mean == 30.58556288778782);
  CHECK(*paired[0][1].ci == 2.6903286576271057);
}

}  // namespace mteval
