// Properties of the significance tests that do not need sacreBLEU's figures:
// determinism across thread counts, self-comparison, interval width, seeds
// and input errors. Parity with sacreBLEU is in
// tests/parity/sacrebleu_significance_parity_test.cc.

#include <catch2/catch.hpp>
#include <algorithm>
#include <random>

#include <mteval/error.h>
#include <mteval/metrics.h>
#include <mteval/significance.h>

namespace mteval {
namespace {

// Plausible BLEU statistics (hyp_len, ref_len, correct[4], total[4]) for
// `segments` segments, from a fixed pseudo-random stream.
StatsMatrix FakeBleuStats(size_t segments, unsigned seed, int quality) {
  std::mt19937 rng(seed);
  StatsMatrix m(segments, 10);
  for (size_t s = 0; s < segments; ++s) {
    int64_t* row = m.Row(s);
    const int64_t len = 5 + static_cast<int64_t>(rng() % 30);
    row[0] = len;
    row[1] = len + static_cast<int64_t>(rng() % 7) - 3;
    for (int n = 0; n < 4; ++n) {
      const int64_t total = std::max<int64_t>(0, len - n);
      row[6 + n] = total;
      row[2 + n] = total == 0 ? 0 : static_cast<int64_t>(rng() % (total + 1)) * quality / 10;
    }
  }
  return m;
}

// Plausible chrF statistics (hyp, ref, match for 6 orders).
StatsMatrix FakeChrfStats(size_t segments, unsigned seed) {
  std::mt19937 rng(seed);
  StatsMatrix m(segments, 18);
  for (size_t s = 0; s < segments; ++s) {
    int64_t* row = m.Row(s);
    const int64_t len = 10 + static_cast<int64_t>(rng() % 100);
    for (int n = 0; n < 6; ++n) {
      row[3 * n] = std::max<int64_t>(0, len - n);
      row[3 * n + 1] = std::max<int64_t>(0, len + 3 - n);
      row[3 * n + 2] = static_cast<int64_t>(rng() % (row[3 * n] + 1));
    }
  }
  return m;
}

// `m` repeated `times` times (the same corpus, more segments).
StatsMatrix Tiled(const StatsMatrix& m, int times) {
  StatsMatrix out;
  out = m;
  for (int i = 1; i < times; ++i) out.Append(m);
  return out;
}

struct Fixture {
  std::unique_ptr<Metric> bleu = MakeMetric("bleu", MetricOptions{});
  std::unique_ptr<Metric> chrf = MakeMetric("chrf", MetricOptions{});
  std::vector<const Metric*> metrics{bleu.get(), chrf.get()};
  std::vector<std::vector<StatsMatrix>> stats;
  std::vector<std::string> names;

  explicit Fixture(size_t systems, size_t segments = 300) {
    stats.resize(2);
    for (size_t s = 0; s < systems; ++s) {
      stats[0].push_back(FakeBleuStats(segments, 100 + static_cast<unsigned>(s), 5 + static_cast<int>(s % 5)));
      stats[1].push_back(FakeChrfStats(segments, 200 + static_cast<unsigned>(s)));
      names.push_back("sys" + std::to_string(s));
    }
  }
};

void RequireSame(const std::vector<std::vector<SignificanceResult>>& a,
                 const std::vector<std::vector<SignificanceResult>>& b) {
  REQUIRE(a.size() == b.size());
  for (size_t m = 0; m < a.size(); ++m) {
    REQUIRE(a[m].size() == b[m].size());
    for (size_t s = 0; s < a[m].size(); ++s) {
      CHECK(a[m][s].score == b[m][s].score);
      CHECK(a[m][s].p_value == b[m][s].p_value);
      CHECK(a[m][s].mean == b[m][s].mean);
      CHECK(a[m][s].ci == b[m][s].ci);
    }
  }
}

}  // namespace

TEST_CASE("paired tests give the same numbers for every thread count", "[significance]") {
  Fixture f(5);
  for (PairedTestKind kind : {PairedTestKind::kBootstrap, PairedTestKind::kApproximateRandomization}) {
    SignificanceOptions o;
    o.bootstrap_samples = 300;
    o.ar_trials = 700;  // not a multiple of the trial block size
    o.ar_confidence_samples = kind == PairedTestKind::kApproximateRandomization ? 200 : 0;
    o.threads = 1;
    const auto one = PairedTest(kind, f.metrics, f.stats, f.names, o);
    for (int t : {2, 3, 8}) {
      o.threads = t;
      INFO("threads " << t);
      RequireSame(one, PairedTest(kind, f.metrics, f.stats, f.names, o));
    }
    REQUIRE(one[0][1].p_value.has_value());
    CHECK_FALSE(one[0][0].p_value.has_value());
  }
}

TEST_CASE("confidence intervals give the same numbers for every thread count", "[significance]") {
  Fixture f(1);
  SignificanceOptions o;
  o.threads = 1;
  const SignificanceResult one = BootstrapConfidence(*f.chrf, f.stats[1][0], o);
  o.threads = 2;
  const SignificanceResult two = BootstrapConfidence(*f.chrf, f.stats[1][0], o);
  CHECK(one.mean == two.mean);
  CHECK(one.ci == two.ci);
}

TEST_CASE("significance gives the same numbers whatever the chunk of resamples held in memory", "[significance]") {
  // Chunks of one resample (or trial) at a time, and of a few, against the
  // default (everything in one chunk here): the draws continue across
  // chunks exactly as one numpy call, AR's 32-bit bool buffer included
  // (300 segments is not a multiple of 32).
  Fixture f(3);
  for (PairedTestKind kind : {PairedTestKind::kBootstrap, PairedTestKind::kApproximateRandomization}) {
    SignificanceOptions o;
    o.bootstrap_samples = 300;
    o.ar_trials = 700;
    o.ar_confidence_samples = kind == PairedTestKind::kApproximateRandomization ? 200 : 0;
    const auto whole = PairedTest(kind, f.metrics, f.stats, f.names, o);
    for (size_t entries : {size_t{1}, size_t{300 * 7 + 5}}) {
      INFO("chunk of " << entries << " values");
      o.chunk_entries = entries;
      for (int t : {1, 2}) {
        o.threads = t;
        RequireSame(whole, PairedTest(kind, f.metrics, f.stats, f.names, o));
      }
    }
  }
  SignificanceOptions o;
  const SignificanceResult whole = BootstrapConfidence(*f.bleu, f.stats[0][0], o);
  o.chunk_entries = 1;
  const SignificanceResult chunked = BootstrapConfidence(*f.bleu, f.stats[0][0], o);
  CHECK(whole.mean == chunked.mean);
  CHECK(whole.ci == chunked.ci);
  o.chunk_entries = 0;
  CHECK_THROWS_AS(BootstrapConfidence(*f.bleu, f.stats[0][0], o), Error);
}

TEST_CASE("a system compared with itself gets p = 1, or sacreBLEU's 1 / (n + 1) on request", "[significance]") {
  // sacreBLEU counts strictly greater differences, so identical systems
  // (real difference 0, every resampled difference 0) get c = 0.
  Fixture f(1);
  f.stats[0].push_back(f.stats[0][0]);
  f.stats[1].push_back(f.stats[1][0]);
  SignificanceOptions o;
  o.bootstrap_samples = 500;
  o.ar_trials = 999;
  const auto bs_one = PairedTest(PairedTestKind::kBootstrap, f.metrics, f.stats, {"a", "a"}, o);
  const auto ar_one = PairedTest(PairedTestKind::kApproximateRandomization, f.metrics, f.stats, {"a", "a"}, o);
  o.identical_p_one = false;
  const auto bs = PairedTest(PairedTestKind::kBootstrap, f.metrics, f.stats, {"a", "a"}, o);
  const auto ar = PairedTest(PairedTestKind::kApproximateRandomization, f.metrics, f.stats, {"a", "a"}, o);
  for (size_t m = 0; m < 2; ++m) {
    CHECK(*bs_one[m][1].p_value == 1.0);
    CHECK(*ar_one[m][1].p_value == 1.0);
    CHECK(*bs[m][1].p_value == 1.0 / 501.0);
    CHECK(*ar[m][1].p_value == 1.0 / 1000.0);
    CHECK(bs[m][1].score == bs[m][0].score);
    CHECK(bs[m][1].mean == bs[m][0].mean);
    CHECK(bs[m][1].ci == bs[m][0].ci);
  }
}

TEST_CASE("a clearly better system gets the smallest p-value, a close one a large p-value", "[significance]") {
  Fixture f(1);
  // System 2: the baseline with all matches doubled where possible.
  StatsMatrix better = f.stats[0][0];
  for (size_t s = 0; s < better.num_segments(); ++s) {
    for (int n = 0; n < 4; ++n) better.Row(s)[2 + n] = better.Row(s)[6 + n];
  }
  // System 3: the baseline with one unigram match more in even segments and
  // one fewer in odd ones (almost cancelling out).
  StatsMatrix close = f.stats[0][0];
  for (size_t s = 0; s < close.num_segments(); ++s) {
    int64_t* row = close.Row(s);
    row[2] = std::clamp<int64_t>(row[2] + (s % 2 == 0 ? 1 : -1), 0, row[6]);
  }
  std::vector<const Metric*> metrics{f.bleu.get()};
  std::vector<std::vector<StatsMatrix>> stats{{f.stats[0][0], better, close}};
  SignificanceOptions o;
  o.bootstrap_samples = 1000;
  o.ar_trials = 2000;
  const auto bs = PairedTest(PairedTestKind::kBootstrap, metrics, stats, {"base", "better", "close"}, o);
  const auto ar = PairedTest(PairedTestKind::kApproximateRandomization, metrics, stats, {"base", "better", "close"}, o);
  CHECK(*bs[0][1].p_value == 1.0 / 1001.0);
  CHECK(*ar[0][1].p_value == 1.0 / 2001.0);
  CHECK(*bs[0][2].p_value > 0.05);
  CHECK(*ar[0][2].p_value > 0.05);
}

TEST_CASE("the confidence interval narrows as the corpus grows", "[significance]") {
  Fixture f(1, 200);
  SignificanceOptions o;
  for (const Metric* metric : f.metrics) {
    const StatsMatrix& base = metric == f.bleu.get() ? f.stats[0][0] : f.stats[1][0];
    const SignificanceResult small = BootstrapConfidence(*metric, base, o);
    const SignificanceResult large = BootstrapConfidence(*metric, Tiled(base, 16), o);
    INFO(metric->Name() << " ci " << *small.ci << " -> " << *large.ci);
    CHECK(small.score == large.score);
    // Sixteen times the segments: about a quarter of the width.
    CHECK(*large.ci < 0.5 * *small.ci);
    CHECK(*large.ci > 0.0);
    CHECK(std::abs(*large.mean - large.score) < std::abs(*small.mean - small.score) + *small.ci);
  }
}

TEST_CASE("the seed decides the draws", "[significance]") {
  Fixture f(1);
  SignificanceOptions a, b;
  b.seed = 54321;
  const SignificanceResult ra = BootstrapConfidence(*f.bleu, f.stats[0][0], a);
  const SignificanceResult ra2 = BootstrapConfidence(*f.bleu, f.stats[0][0], a);
  const SignificanceResult rb = BootstrapConfidence(*f.bleu, f.stats[0][0], b);
  CHECK(ra.mean == ra2.mean);
  CHECK(ra.mean != rb.mean);
  SignificanceOptions none;
  none.seed = std::nullopt;
  const SignificanceResult rn = BootstrapConfidence(*f.bleu, f.stats[0][0], none);
  CHECK(rn.ci.has_value());
}

TEST_CASE("seeds are parsed as sacreBLEU reads SACREBLEU_SEED", "[significance]") {
  CHECK(ParseSeed("12345", "s") == std::optional<uint64_t>(12345));
  CHECK(ParseSeed(" 7 ", "s") == std::optional<uint64_t>(7));
  CHECK(ParseSeed("0", "s") == std::optional<uint64_t>(0));
  CHECK_FALSE(ParseSeed("None", "s").has_value());
  CHECK_FALSE(ParseSeed("NONE", "s").has_value());
  for (const char* bad : {"", "-1", "1.5", "abc", "99999999999999999999"}) {
    INFO(bad);
    CHECK_THROWS_AS(ParseSeed(bad, "s"), Error);
  }
}

TEST_CASE("significance input errors are clear", "[significance]") {
  Fixture f(3);
  SignificanceOptions o;
  SECTION("fewer than 2 systems") {
    std::vector<std::vector<StatsMatrix>> one{{f.stats[0][0]}, {f.stats[1][0]}};
    try {
      PairedTest(PairedTestKind::kBootstrap, f.metrics, one, {"only.txt"}, o);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kUsage);
      CHECK(std::string(e.what()).find("at least 2 systems") != std::string::npos);
    }
  }
  SECTION("systems of different lengths name the file") {
    f.stats[0][2] = FakeBleuStats(299, 1, 5);
    f.stats[1][2] = FakeChrfStats(299, 1);
    try {
      PairedTest(PairedTestKind::kApproximateRandomization, f.metrics, f.stats, {"a.txt", "b.txt", "short.txt"}, o);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kMismatch);
      CHECK(std::string(e.what()).find("short.txt") != std::string::npos);
      CHECK(std::string(e.what()).find("299") != std::string::npos);
    }
  }
  SECTION("n < 1") {
    SignificanceOptions bad = o;
    bad.bootstrap_samples = 0;
    CHECK_THROWS_AS(BootstrapConfidence(*f.bleu, f.stats[0][0], bad), Error);
    CHECK_THROWS_AS(PairedTest(PairedTestKind::kBootstrap, f.metrics, f.stats, f.names, bad), Error);
    bad = o;
    bad.ar_trials = -3;
    try {
      PairedTest(PairedTestKind::kApproximateRandomization, f.metrics, f.stats, f.names, bad);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kUsage);
      CHECK(std::string(e.what()).find("--paired-ar-n") != std::string::npos);
    }
    bad = o;
    bad.threads = 0;
    CHECK_THROWS_AS(BootstrapConfidence(*f.bleu, f.stats[0][0], bad), Error);
  }
  SECTION("no segments") {
    CHECK_THROWS_AS(BootstrapConfidence(*f.bleu, StatsMatrix(0, 10), o), Error);
  }
}

TEST_CASE("resampled scores of integer statistics equal the metric's score where sacreBLEU's arithmetic is exact",
          "[significance]") {
  Fixture f(1);
  const std::vector<int64_t> total = f.stats[0][0].Sum();
  std::vector<double> as_double(total.begin(), total.end());
  CHECK(f.bleu->ResampledScore(as_double.data()) == f.bleu->Score(total.data()).score);
  // chrF's float32 precision and recall move the score by about 1e-7 at most.
  const std::vector<int64_t> ct = f.stats[1][0].Sum();
  std::vector<double> cd(ct.begin(), ct.end());
  CHECK(std::abs(f.chrf->ResampledScore(cd.data()) - f.chrf->Score(ct.data()).score) < 1e-5);
}

}  // namespace mteval
