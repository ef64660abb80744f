// The significance section of `mteval compare`: the provider's figures are
// PairedTest's (differential, same seed), neighbour tests follow each
// metric's rank order, and clusters follow the documented rule.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include <mteval/metrics.h>
#include <mteval/compare.h>
#include "report/significance_table.h"
#include <mteval/scoring.h>
#include "support/test_paths.h"

namespace mteval {
namespace {

TextCorpus SigCorpus() {
  TextCorpus c;
  c.ref_names = {"ref"};
  c.system_names = {"base", "same", "good", "bad"};
  std::vector<std::string> ref, base, good, bad;
  for (int i = 0; i < 40; ++i) {
    const std::string n = std::to_string(i);
    ref.push_back("the quick brown fox " + n + " jumps over the lazy dog today");
    base.push_back(i % 3 == 0 ? "the quick brown fox " + n + " jumps over the lazy dog today"
                              : "a quick fox " + n + " jumped over a lazy dog");
    good.push_back(i % 5 == 0 ? "a quick fox " + n + " jumped over the lazy dog"
                              : "the quick brown fox " + n + " jumps over the lazy dog today");
    bad.push_back(i % 2 ? "fox " + n : "the dog " + n);
  }
  c.refs = {ref};
  c.systems = {base, base, good, bad};
  return c;
}

struct SigFixture {
  TextCorpus corpus = SigCorpus();
  MetricOptions mo;
  std::unique_ptr<Metric> bleu = MakeMetric("bleu", mo), chrf = MakeMetric("chrf", mo), ter = MakeMetric("ter", mo);
  std::vector<const Metric*> metrics{bleu.get(), chrf.get(), ter.get()};
  std::vector<std::vector<StatsMatrix>> stats;
  std::vector<std::string> names{"base", "same", "good", "bad"};
  SigFixture() {
    for (const Metric* m : metrics) stats.push_back(ComputeSegmentStats(*m, corpus));
  }
  std::vector<MetricSignificance> Run(const ReportSignificanceOptions& o) {
    SignificanceRequest req;
    req.metrics = &metrics;
    req.stats = &stats;
    return MakeSignificanceProvider(o)(req);
  }
};

}  // namespace

TEST_CASE("significance provider gives PairedTest's figures at the same seed", "[report][significance]") {
  SigFixture f;
  for (PairedTestKind kind : {PairedTestKind::kBootstrap, PairedTestKind::kApproximateRandomization}) {
    ReportSignificanceOptions o;
    o.kind = kind;
    o.bootstrap_samples = 200;
    o.ar_trials = 300;
    o.ci_samples = 150;
    o.seed = 7;
    o.threads = 2;
    const auto sig = f.Run(o);
    SignificanceOptions so;
    so.seed = 7;
    so.bootstrap_samples = 200;
    so.ar_trials = 300;
    so.ar_confidence_samples = 150;
    const auto direct = PairedTest(kind, f.metrics, f.stats, f.names, so);
    REQUIRE(sig.size() == 3);
    for (size_t m = 0; m < 3; ++m) {
      INFO("metric " << m << (kind == PairedTestKind::kBootstrap ? " bs" : " ar"));
      REQUIRE(sig[m].ci.size() == 4);
      CHECK_FALSE(sig[m].p_vs_baseline[0].has_value());
      for (size_t s = 0; s < 4; ++s) {
        REQUIRE(sig[m].ci[s].has_value());
        CHECK(sig[m].ci[s]->mean == *direct[m][s].mean);
        CHECK(sig[m].ci[s]->lower == *direct[m][s].mean - *direct[m][s].ci);
        CHECK(sig[m].ci[s]->upper == *direct[m][s].mean + *direct[m][s].ci);
        if (s > 0) CHECK(sig[m].p_vs_baseline[s] == direct[m][s].p_value);
      }
      const bool bs = kind == PairedTestKind::kBootstrap;
      CHECK(sig[m].signature ==
            WithTestFields(f.metrics[m]->GetSignature(1), bs ? 200 : 0, bs ? 0 : 300, 7).Format(false));
      CHECK_THAT(sig[m].signature, Catch::Contains(bs ? "|bs:200|" : "|ar:300|") && Catch::Contains("seed:7"));
    }
  }
}

TEST_CASE("significance provider: neighbours in each metric's rank order, clusters", "[report][significance]") {
  SigFixture f;
  ReportSignificanceOptions o;
  o.bootstrap_samples = 300;
  const auto sig = f.Run(o);
  SignificanceOptions so;
  so.bootstrap_samples = 300;
  for (size_t m = 0; m < 3; ++m) {
    INFO("metric " << m);
    // Rank order: good, base = same (input order on ties), bad; TER too
    // (lower is better), which checks that the direction is respected.
    const std::vector<size_t> order{2, 0, 1, 3};
    for (size_t r = 0; r + 1 < order.size(); ++r) {
      const size_t a = order[r], b = order[r + 1];
      const std::vector<std::vector<StatsMatrix>> pair{{f.stats[m][a], f.stats[m][b]}};
      const auto direct = PairedTest(PairedTestKind::kBootstrap, {f.metrics[m]}, pair, {"a", "b"}, so);
      CHECK(sig[m].p_vs_next[a] == direct[0][1].p_value);
    }
    CHECK_FALSE(sig[m].p_vs_next[3].has_value());
    // A system identical to the baseline shares its cluster, whatever p the
    // test gives it (sacreBLEU's formula: 1/(n+1)); its p is PairedTest's.
    const auto direct = PairedTest(PairedTestKind::kBootstrap, {f.metrics[m]}, {f.stats[m]}, f.names, so);
    CHECK(sig[m].p_vs_baseline[1] == direct[0][1].p_value);
    CHECK(sig[m].cluster[1] == sig[m].cluster[0]);
    CHECK(sig[m].cluster[2] == 1);
    CHECK(sig[m].cluster[0] == 2);
    CHECK(sig[m].cluster[3] == 3);
  }
}

TEST_CASE("significance clusters: split only on a significant, strictly worse neighbour", "[report][significance]") {
  const std::vector<size_t> order{1, 0, 2, 3};
  const std::vector<double> scores{30, 31, 30, 10};
  std::vector<std::optional<double>> p(4);
  p[1] = 0.2;    // 1 -> 0 not significant
  p[0] = 0.001;  // 0 -> 2 significant but equal scores
  p[2] = 0.01;   // 2 -> 3 significant
  CHECK(SignificanceClusters(order, scores, p, 0.05) == std::vector<int>{1, 1, 1, 2});
  CHECK(SignificanceClusters(order, scores, p, 0.005) == std::vector<int>{1, 1, 1, 1});
  p[1] = 0.01;
  CHECK(SignificanceClusters(order, scores, p, 0.05) == std::vector<int>{2, 1, 2, 3});
}

TEST_CASE("significance options are validated", "[report][significance]") {
  ReportSignificanceOptions o;
  o.alpha = 0;
  CHECK_THROWS(MakeSignificanceProvider(o));
  o = ReportSignificanceOptions{};
  o.bootstrap_samples = 0;
  CHECK_THROWS(MakeSignificanceProvider(o));
  SigFixture f;
  f.stats = {{f.stats[0][0]}};
  f.metrics = {f.metrics[0]};
  CHECK_THROWS(f.Run(ReportSignificanceOptions{}));
}

TEST_CASE("compare: significance on by default, off with --no-significance", "[report][cli][significance]") {
  const std::string dir = testing::MakeTempDir();
  const TextCorpus c = SigCorpus();
  std::string ref, a, b;
  for (size_t i = 0; i < c.refs[0].size(); ++i) {
    ref.append(c.refs[0][i]).append("\n");
    a.append(c.systems[0][i]).append("\n");
    b.append(c.systems[3][i]).append("\n");
  }
  testing::WriteFile(dir + "/ref.txt", ref);
  testing::WriteFile(dir + "/a.txt", a);
  testing::WriteFile(dir + "/b.txt", b);
  const std::string inputs = dir + "/ref.txt -i " + dir + "/a.txt " + dir + "/b.txt -f json -m bleu ter";
  auto on = testing::RunMteval("compare " + inputs + " --paired-bs-n 100 --seed 3");
  REQUIRE(on.exit_code == 0);
  auto j = nlohmann::json::parse(on.out);
  const auto& sig = j["ranking"]["significance"];
  REQUIRE(sig.size() == 2);
  CHECK(sig[0]["p_vs_baseline"][1].get<double>() < 0.05);
  CHECK(sig[0]["cluster"] == nlohmann::json({1, 2}));
  CHECK_THAT(sig[0]["signature"].get<std::string>(), Catch::Contains("|bs:100|seed:3|"));
  CHECK_THAT(sig[1]["method"].get<std::string>(), Catch::Contains("bootstrap"));
  auto ar = testing::RunMteval("compare " + inputs + " --paired-ar --paired-ar-n 50");
  REQUIRE(ar.exit_code == 0);
  CHECK_THAT(nlohmann::json::parse(ar.out)["ranking"]["significance"][0]["signature"].get<std::string>(),
             Catch::Contains("|ar:50|seed:12345|"));
  auto off = testing::RunMteval("compare " + inputs + " --no-significance");
  REQUIRE(off.exit_code == 0);
  auto k = nlohmann::json::parse(off.out);
  for (const auto& s : k["ranking"]["significance"]) CHECK(s.is_null());
  auto html = testing::RunMteval("compare " + dir + "/ref.txt -i " + dir + "/a.txt " + dir + "/b.txt -f html --no-significance");
  CHECK(html.out.find(" cluster</th>") == std::string::npos);
  // SACREBLEU_SEED is read when --seed is absent, as in `mteval score`.
  ::setenv("SACREBLEU_SEED", "3", 1);
  auto env = testing::RunMteval("compare " + inputs + " --paired-bs-n 100");
  ::unsetenv("SACREBLEU_SEED");
  REQUIRE(env.exit_code == 0);
  CHECK(nlohmann::json::parse(env.out)["ranking"]["significance"] == sig);
  CHECK(testing::RunMteval("compare " + inputs + " --paired-bs --paired-ar").exit_code == 2);
  CHECK(testing::RunMteval("compare " + inputs + " --no-significance --paired-ar").exit_code == 2);
  CHECK(testing::RunMteval("compare " + inputs + " --paired-bs-n 0").exit_code == 2);
  CHECK(testing::RunMteval("compare " + inputs + " --seed x").exit_code == 2);
}

}  // namespace mteval
