// BuildReport: every section computed from the corpus, and the hooks for
// significance and terminology.

#include <catch2/catch.hpp>

#include "analysis/ngram_analysis.h"
#include <mteval/error.h>
#include <mteval/metrics.h>
#include <mteval/compare.h>
#include <mteval/report.h>
#include <mteval/scoring.h>
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

TextCorpus SmallCorpus() {
  TextCorpus c;
  c.ref_names = {"ref"};
  c.refs = {{"The cat sat on the mat .", "It was raining again today", "A short one",
             "one two three four five six seven eight nine ten eleven twelve"}};
  c.system_names = {"base", "good", "bad"};
  c.systems = {{"The cat sat on a mat .", "It rained again today", "A short one",
                "one two three four five six seven eight nine ten"},
               {"The cat sat on the mat .", "It was raining again today", "A short one",
                "one two three four five six seven eight nine ten eleven twelve"},
               {"dog", "rain", "short", "one two"}};
  return c;
}

struct Fixture {
  TextCorpus corpus = SmallCorpus();
  MetricOptions mo;
  std::unique_ptr<Metric> bleu = MakeMetric("bleu", mo), chrf = MakeMetric("chrf", mo), ter = MakeMetric("ter", mo);
  std::unique_ptr<Metric> sentence_bleu;
  ReportInputs in;
  Fixture() {
    MetricOptions eff = mo;
    eff.bleu.effective_order = true;
    sentence_bleu = MakeMetric("bleu", eff);
    in.corpus = &corpus;
    in.metrics = {bleu.get(), chrf.get(), ter.get()};
    in.sentence_metrics = {sentence_bleu.get(), nullptr, nullptr};
    in.num_refs = 1;
  }
};

}  // namespace

TEST_CASE("report ranking equals the corpus scorer's scores", "[report]") {
  Fixture f;
  ReportData d = BuildReport(f.in, ReportBuildOptions{});
  REQUIRE(d.metrics.size() == 3);
  CHECK(d.metrics[0].name == "BLEU");
  CHECK(d.metrics[2].higher_is_better == false);
  CHECK(d.metrics[1].signature == f.chrf->GetSignature(1).Format(false));
  for (size_t k = 0; k < 3; ++k) {
    auto expected = CorpusScores(*f.in.metrics[k], ComputeSegmentStats(*f.in.metrics[k], f.corpus));
    for (size_t s = 0; s < 3; ++s) CHECK(d.ranking.scores[k][s] == expected[s].score);
  }
  CHECK(d.ranking.order == std::vector<size_t>{1, 0, 2});
  REQUIRE(d.ranking.significance.size() == 3);
  CHECK_FALSE(d.ranking.significance[0].has_value());
  CHECK_FALSE(d.notes.empty());
  CHECK_FALSE(d.terminology.has_value());
  CHECK(d.documents.empty());
}

TEST_CASE("report charts: distributions, wins, length buckets", "[report]") {
  Fixture f;
  ReportBuildOptions o;
  o.length_bucket_bounds = {5, 10};
  ReportData d = BuildReport(f.in, o);
  REQUIRE(d.charts.size() == 3);
  const MetricCharts& bleu = d.charts[0];
  REQUIRE(bleu.sentence_scores.size() == 3);
  CHECK(bleu.sentence_scores[1].min == Approx(100.0));
  CHECK(bleu.sentence_scores[1].count == 4);
  // "good" is at least as good as the baseline everywhere, strictly on 3 segments.
  CHECK(bleu.wins[1] == 3);
  CHECK(bleu.ties[1] == 1);
  CHECK(bleu.losses[1] == 0);
  CHECK(bleu.losses[2] == 4);
  CHECK(bleu.diff_vs_baseline[0].count == 0);
  CHECK(bleu.diff_vs_baseline[1].min >= 0.0);
  // TER: lower is better, so "bad" loses there too.
  CHECK(d.charts[2].losses[2] == 4);
  // Buckets by reference length (13a words): 0-4, 5-9, 10+.
  REQUIRE(bleu.by_length.size() == 3);
  CHECK(bleu.by_length[0].label == "0-4");
  CHECK(bleu.by_length[2].label == "10+");
  CHECK(bleu.by_length[0].count + bleu.by_length[1].count + bleu.by_length[2].count == 4);
  CHECK(bleu.by_length[0].count == 1);  // "A short one"
  CHECK(bleu.by_length[2].values[1].value() == Approx(100.0));
  size_t total = 0;
  for (size_t c : bleu.histogram[0]) total += c;
  CHECK(total == 4);
  CHECK(bleu.histogram_edges.size() == 21);
}

TEST_CASE("Summarize uses numpy's linear quantiles", "[report]") {
  Summary s = Summarize({4, 1, 3, 2});
  CHECK(s.min == 1);
  CHECK(s.max == 4);
  CHECK(s.median == Approx(2.5));
  CHECK(s.q1 == Approx(1.75));
  CHECK(s.q3 == Approx(3.25));
  CHECK(s.mean == Approx(2.5));
  CHECK(Summarize({}).count == 0);
}

TEST_CASE("n-gram comparison counts clipped matches in both directions", "[report]") {
  TextCorpus c;
  c.refs = {{"a b a c"}};
  c.system_names = {"x", "y"};
  c.systems = {{"a a b"}, {"c c c"}};
  TokenizerOptions to;
  to.name = "none";
  auto tok = MakeTokenizer(to);
  TokenizedCorpus t = TokenizeCorpus(c, *tok);
  auto cmp = CompareNgrams(t, 0, 2, 10, 1);
  REQUIRE(cmp.size() == 1);
  CHECK(cmp[0].system_a == 0);
  CHECK(cmp[0].system_b == 1);
  REQUIRE_FALSE(cmp[0].a_better.empty());
  // x matches "a" twice (clipped at 2), y never: score (2+1)/(2+0+2).
  CHECK(cmp[0].a_better[0].ngram == "a");
  CHECK(cmp[0].a_better[0].count_a == 2);
  CHECK(cmp[0].a_better[0].score == Approx(0.75));
  // y matches "c" once (clipped from 3 to 1).
  REQUIRE(cmp[0].b_better.size() == 1);
  CHECK(cmp[0].b_better[0].ngram == "c");
  CHECK(cmp[0].b_better[0].count_b == 1);
  CHECK(cmp[0].b_better[0].count_a == 0);
}

TEST_CASE("word F-measure by reference frequency", "[report]") {
  TextCorpus c;
  c.refs = {{"a a b", "a c"}};
  c.system_names = {"x"};
  c.systems = {{"a b", "z"}};
  TokenizerOptions to;
  to.name = "none";
  TokenizedCorpus t = TokenizeCorpus(c, *MakeTokenizer(to));
  WordFrequencySection w = WordFMeasureByFrequency(t, {2, 3});
  REQUIRE(w.f_measure.size() == 3);
  CHECK(w.f_measure[0].label == "1");
  CHECK(w.f_measure[2].label == "3+");
  CHECK(w.f_measure[0].count == 2);  // b, c
  // Frequency 1 (b, c): hyp b matched; P = 1/1, R = 1/2 -> F = 66.67.
  CHECK(w.f_measure[0].values[0].value() == Approx(200.0 / 3.0));
  CHECK_FALSE(w.f_measure[1].values[0].has_value());  // no word of frequency 2
  // Frequency 3 (a): P = 1/1, R = 1/3 -> F = 50.
  CHECK(w.f_measure[2].values[0].value() == Approx(50.0));
}

TEST_CASE("examples: largest spread first, with diffs and sources", "[report]") {
  Fixture f;
  f.in.source = {"s1", "s2", "s3", "s4"};
  f.in.src_path = "src.txt";
  ReportBuildOptions o;
  o.num_examples = 2;
  ReportData d = BuildReport(f.in, o);
  REQUIRE(d.examples.has_value());
  REQUIRE(d.examples->examples.size() == 2);
  const Example& e = d.examples->examples[0];
  CHECK(e.spread >= d.examples->examples[1].spread);
  CHECK(e.hyps.size() == 3);
  CHECK(e.source == f.in.source[e.segment]);
  CHECK(e.refs[0] == f.corpus.refs[0][e.segment]);
  for (const auto& tok : e.hyps[1]) CHECK(tok.matched);  // "good" equals the reference
  o.num_examples = 0;
  CHECK_FALSE(BuildReport(f.in, o).examples.has_value());
  f.in.source.pop_back();
  CHECK_THROWS_AS(BuildReport(f.in, o), Error);
}

TEST_CASE("per-document scores when document ids are given", "[report]") {
  Fixture f;
  f.in.doc_ids = {"d1", "d2", "d1", "d2"};
  ReportData d = BuildReport(f.in, ReportBuildOptions{});
  REQUIRE(d.documents.size() == 2);
  CHECK(d.documents[0].doc_id == "d1");
  CHECK(d.documents[0].num_segments == 2);
  // Document d1 = segments 0 and 2, scored as a corpus of its own.
  TextCorpus sub;
  sub.refs = {{f.corpus.refs[0][0], f.corpus.refs[0][2]}};
  sub.system_names = f.corpus.system_names;
  for (const auto& s : f.corpus.systems) sub.systems.push_back({s[0], s[2]});
  auto expected = CorpusScores(*f.bleu, ComputeSegmentStats(*f.bleu, sub));
  for (size_t s = 0; s < 3; ++s) CHECK(d.documents[0].scores[0][s] == expected[s].score);
  std::string html = RenderHtml(d, {});
  CHECK(html.find("id=\"documents\"") != std::string::npos);
}

TEST_CASE("significance and terminology providers fill their sections", "[report]") {
  Fixture f;
  ReportBuildOptions o;
  size_t calls = 0;
  o.significance = [&](const SignificanceRequest& req) {
    ++calls;
    REQUIRE(req.metrics->size() == 3);
    REQUIRE(req.stats->size() == 3);
    CHECK((*req.stats)[0].size() == 3);
    CHECK(req.baseline == 0);
    std::vector<MetricSignificance> out(3);
    for (auto& m : out) {
      m.method = "test";
      m.ci = {ConfidenceInterval{1, 0.5, 1.5}, std::nullopt, std::nullopt};
      m.p_vs_baseline = {std::nullopt, 0.001, 0.5};
      m.cluster = {1, 1, 2};
      m.p_vs_next = {0.25, std::nullopt, std::nullopt};
    }
    return out;
  };
  o.terminology = [](const TextCorpus& c) {
    TerminologySection t;
    t.glossary = "g.tsv";
    t.systems.resize(c.systems.size());
    t.systems[0].accuracy = 87.5;
    t.systems[0].forbidden.push_back({"<bad>", 1});
    return t;
  };
  ReportData d = BuildReport(f.in, o);
  CHECK(calls == 1);
  REQUIRE(d.ranking.significance[0].has_value());
  CHECK(d.notes.empty());
  CHECK(SignificanceMark(d, 0, 1) == "*");
  CHECK(SignificanceMark(d, 0, 2) == "");
  CHECK(SignificanceMark(d, 0, 0) == "");
  REQUIRE(d.terminology.has_value());
  std::string html = RenderHtml(d, {});
  CHECK(html.find("id=\"terminology\"") != std::string::npos);
  CHECK(html.find("&lt;bad&gt;") != std::string::npos);
  // The forbidden hit in segment 2 links to its example; CIs draw whiskers.
  CHECK(html.find("in segment <a href=\"#seg-2\">2</a>") != std::string::npos);
  CHECK(html.find("id=\"seg-2\"") != std::string::npos);
  CHECK(html.find("BLEU by system (95% CI)") != std::string::npos);
  CHECK(html.find("95% CI 0.50-1.50") != std::string::npos);
  CHECK(html.find("cluster</th>") != std::string::npos);
  // The neighbour test's p-value is shown next to the cluster.
  CHECK(html.find("(p\xE2\x86\x93 0.2500)") != std::string::npos);
  std::string csv = RenderDelimited(d, {}, ',');
  CHECK(csv.find("BLEU ci_low") != std::string::npos);
  CHECK(RenderText(d, {}).find("Term accuracy") != std::string::npos);
  // Without the hooks none of this is printed.
  ReportData plain = BuildReport(f.in, ReportBuildOptions{});
  std::string plain_html = RenderHtml(plain, {});
  CHECK(plain_html.find("id=\"terminology\"") == std::string::npos);
  CHECK(plain_html.find("cluster</th>") == std::string::npos);
  CHECK(RenderDelimited(plain, {}, ',').find("ci_low") == std::string::npos);
}

TEST_CASE("report progress goes forward and ends with done", "[report]") {
  Fixture f;
  ReportBuildOptions o;
  std::vector<std::pair<std::string, size_t>> calls;
  size_t total = 0;
  o.progress = [&](const std::string& stage, size_t done, size_t t) {
    calls.emplace_back(stage, done);
    total = t;
  };
  BuildReport(f.in, o);
  REQUIRE(calls.size() >= 4);
  CHECK(calls.front().first == "scoring BLEU");
  CHECK(calls.back().first == "done");
  CHECK(calls.back().second == total);
  for (size_t i = 1; i < calls.size(); ++i) CHECK(calls[i].second >= calls[i - 1].second);
}

TEST_CASE("report build options are validated", "[report]") {
  ReportBuildOptions o;
  o.histogram_bins = 0;
  CHECK_THROWS_AS(o.Validate(), Error);
  o = ReportBuildOptions{};
  o.length_bucket_bounds = {10, 5};
  CHECK_THROWS_AS(o.Validate(), Error);
  o = ReportBuildOptions{};
  o.max_ngram_order = 9;
  CHECK_THROWS_AS(o.Validate(), Error);
}

}  // namespace mteval
