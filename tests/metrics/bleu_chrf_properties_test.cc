// Properties every corpus metric must have: statistics of shards merge into
// the whole corpus's, a hypothesis equal to its reference scores the
// maximum, and the order of segments changes nothing.

#include <catch2/catch.hpp>
#include <algorithm>
#include <random>

#include <mteval/stats.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>

namespace mteval {
namespace {

TextCorpus RandomCorpus(std::mt19937& rng, size_t segments, size_t systems, size_t refs) {
  const std::vector<std::string> words = {"the", "cat", "sat", "on", "mat", ",", ".", "IP", "office",
                                          "\xE4\xB8\xAD\xE5\x9B\xBD", "caf\xC3\xA9", "3.5", "(x)", "-"};
  auto sentence = [&] {
    std::string s;
    size_t n = rng() % 15;
    for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + words[rng() % words.size()];
    return s;
  };
  TextCorpus c;
  for (size_t r = 0; r < refs; ++r) {
    c.ref_names.push_back("ref" + std::to_string(r));
    c.refs.emplace_back();
    for (size_t i = 0; i < segments; ++i) c.refs.back().push_back(sentence());
  }
  for (size_t s = 0; s < systems; ++s) {
    c.system_names.push_back("sys" + std::to_string(s));
    c.systems.emplace_back();
    for (size_t i = 0; i < segments; ++i) c.systems.back().push_back(sentence());
  }
  return c;
}

std::vector<std::pair<std::string, MetricOptions>> MetricVariants() {
  std::vector<std::pair<std::string, MetricOptions>> v;
  for (const char* tok : {"13a", "zh", "intl", "char", "none"}) {
    MetricOptions o;
    o.bleu.tokenize = tok;
    v.emplace_back("bleu", o);
  }
  MetricOptions o;
  o.bleu.smooth_method = "add-k";
  o.bleu.lowercase = true;
  v.emplace_back("bleu", o);
  o = {};
  v.emplace_back("chrf", o);
  o.chrf.word_order = 2;
  v.emplace_back("chrf", o);
  o.chrf.whitespace = true;
  o.chrf.eps_smoothing = true;
  v.emplace_back("chrf", o);
  return v;
}

}  // namespace

TEST_CASE("merged shard statistics equal the whole corpus, also through JSON", "[metrics][property]") {
  std::mt19937 rng(11);
  for (const auto& [id, options] : MetricVariants()) {
    auto metric = MakeMetric(id, options);
    TextCorpus whole = RandomCorpus(rng, 60, 2, 2);
    auto stats = ComputeSegmentStats(*metric, whole);
    const size_t cut = 23;
    TextCorpus a = whole, b = whole;
    for (auto* part : {&a, &b}) {
      for (auto& v : part->refs) v = part == &a ? std::vector<std::string>(v.begin(), v.begin() + cut)
                                               : std::vector<std::string>(v.begin() + cut, v.end());
      for (auto& v : part->systems) v = part == &a ? std::vector<std::string>(v.begin(), v.begin() + cut)
                                                  : std::vector<std::string>(v.begin() + cut, v.end());
    }
    auto sa = ComputeSegmentStats(*metric, a);
    auto sb = ComputeSegmentStats(*metric, b);
    for (size_t s = 0; s < 2; ++s) {
      StatsRecord ra{id, "sig", "sys", sa[s], sa[s].Sum(), cut};
      StatsRecord rb{id, "sig", "sys", sb[s], sb[s].Sum(), 60 - cut};
      // Round-trip both shards through the serialised form, then merge.
      auto pa = StatsFromJson(StatsToJson({ra}, true), "a.json");
      auto pb = StatsFromJson(StatsToJson({rb}, false), "b.json");
      StatsRecord merged = MergeRecords({pa[0], pb[0]});
      CHECK(merged.totals == stats[s].Sum());
      CHECK(merged.num_segments == 60);
      CHECK(metric->Score(merged.totals.data()).score == metric->Score(stats[s].Sum().data()).score);
    }
  }
}

TEST_CASE("a hypothesis equal to its reference scores 100", "[metrics][property]") {
  std::mt19937 rng(12);
  for (const auto& [id, options] : MetricVariants()) {
    auto metric = MakeMetric(id, options);
    TextCorpus c = RandomCorpus(rng, 40, 1, 1);
    std::vector<std::string> ref = c.refs[0].ToStrings();
    for (auto& line : ref) {
      if (line.empty()) line = "nonempty line here";  // an empty pair has no n-grams to match
    }
    c.refs[0] = ref;
    c.systems[0] = c.refs[0];
    auto stats = ComputeSegmentStats(*metric, c);
    INFO(metric->Name() << " " << metric->GetSignature(1).Format(false));
    CHECK(metric->Score(stats[0].Sum().data()).score == Approx(100.0).epsilon(1e-12));
  }
}

TEST_CASE("reordering segments changes no corpus statistic", "[metrics][property]") {
  std::mt19937 rng(13);
  for (const auto& [id, options] : MetricVariants()) {
    auto metric = MakeMetric(id, options);
    TextCorpus c = RandomCorpus(rng, 50, 2, 2);
    auto before = ComputeSegmentStats(*metric, c);
    std::vector<size_t> perm(50);
    for (size_t i = 0; i < perm.size(); ++i) perm[i] = i;
    std::shuffle(perm.begin(), perm.end(), rng);
    TextCorpus d = c;
    auto permuted = [&](const LineList& lines) {
      std::vector<std::string_view> out;
      for (size_t i : perm) out.push_back(lines[i]);
      return lines.WithViews(out);
    };
    for (size_t r = 0; r < 2; ++r) d.refs[r] = permuted(c.refs[r]);
    for (size_t s = 0; s < 2; ++s) d.systems[s] = permuted(c.systems[s]);
    auto after = ComputeSegmentStats(*metric, d);
    for (size_t s = 0; s < 2; ++s) CHECK(before[s].Sum() == after[s].Sum());
  }
}

TEST_CASE("threaded scoring equals single-threaded scoring", "[metrics][property]") {
  std::mt19937 rng(14);
  TextCorpus c = RandomCorpus(rng, 500, 3, 2);
  for (const auto& [id, options] : MetricVariants()) {
    auto metric = MakeMetric(id, options);
    CorpusScorerOptions two;
    two.threads = 2;
    auto a = ComputeSegmentStats(*metric, c);
    auto b = ComputeSegmentStats(*metric, c, two);
    for (size_t s = 0; s < 3; ++s) CHECK(a[s].data() == b[s].data());
  }
}

TEST_CASE("BLEU edge cases", "[metrics]") {
  MetricOptions o;
  auto bleu = MakeMetric("bleu", o);
  auto scorer = bleu->NewScorer();
  std::vector<int64_t> st(bleu->NumStats());
  scorer->SetReferences({"a b c d"});
  scorer->ScoreHypothesis("", st.data());
  CHECK(st[0] == 0);
  CHECK(st[1] == 4);
  CHECK(bleu->Score(st.data()).score == 0.0);
  // Closest reference length, the shorter one on ties.
  scorer->SetReferences({"a b", "a b c d e f"});
  scorer->ScoreHypothesis("a b c d", st.data());
  CHECK(st[1] == 2);
  CHECK(bleu->GetSignature(1).Format(false) == "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:mteval-0.1.0");
  CHECK(bleu->GetSignature(1).Format(true) == "#:1|c:mixed|e:no|tok:13a|s:exp|v:mteval-0.1.0");
  o.bleu.smooth_method = "floor";
  CHECK(MakeMetric("bleu", o)->GetSignature(-1).Format(false).find("nrefs:var|") == 0);
  CHECK(MakeMetric("bleu", o)->GetSignature(2).Format(false).find("smooth:floor[0.10]") != std::string::npos);
  o.bleu.smooth_method = "bogus";
  CHECK_THROWS_WITH(MakeMetric("bleu", o), Catch::Contains("exp, floor, add-k, none"));
  o = {};
  o.bleu.max_ngram_order = 0;
  CHECK_THROWS_WITH(MakeMetric("bleu", o), Catch::Contains("--max-ngram-order"));
}

TEST_CASE("chrF picks the reference with the best sentence F-score", "[metrics]") {
  MetricOptions o;
  auto chrf = MakeMetric("chrf", o);
  auto scorer = chrf->NewScorer();
  std::vector<int64_t> one(chrf->NumStats()), two(chrf->NumStats());
  scorer->SetReferences({"completely different"});
  scorer->ScoreHypothesis("the cat sat", one.data());
  scorer->SetReferences({"completely different", "the cat sat"});
  scorer->ScoreHypothesis("the cat sat", two.data());
  CHECK(chrf->Score(two.data()).score == Approx(100.0));
  CHECK(chrf->Score(one.data()).score < 50.0);
  CHECK(chrf->Name() == "chrF2");
  o.chrf.word_order = 2;
  CHECK(MakeMetric("chrf", o)->Name() == "chrF2++");
  o.chrf.beta = -1;
  CHECK_THROWS_WITH(MakeMetric("chrf", o), Catch::Contains("--chrf-beta"));
  // beta 0 is precision only, as in sacreBLEU: chrF0 of a hypothesis whose
  // n-grams all occur in the reference is 100 however short it is.
  o.chrf.beta = 0;
  o.chrf.word_order = 0;
  auto chrf0 = MakeMetric("chrf", o);
  CHECK(chrf0->Name() == "chrF0");
  auto s0 = chrf0->NewScorer();
  std::vector<int64_t> stats(chrf0->NumStats());
  s0->SetReferences({"the cat sat on the mat"});
  s0->ScoreHypothesis("the cat sat", stats.data());
  CHECK(chrf0->Score(stats.data()).score == Approx(100.0));
}

}  // namespace mteval
