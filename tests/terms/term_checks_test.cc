// Term matching, glossary compliance, consistency and QA checks.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "terms/stemmer.h"
#include "terms/term_matcher.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

SegmentedText Lines(const std::vector<std::string>& lines, const std::string& doc = "") {
  SegmentedText t;
  t.path = "mem";
  for (size_t i = 0; i < lines.size(); ++i) {
    Segment s;
    s.text = lines[i];
    s.doc_id = doc;
    s.seg_id = std::to_string(i + 1);
    t.segments.push_back(s);
  }
  return t;
}

bool Finds(const std::string& text, const std::string& term, bool case_sensitive = false, Stemmer* stem = nullptr) {
  std::vector<MatchToken> toks = TokenizeForTerms(text, stem);
  TermPattern p = MakeTermPattern(term, case_sensitive, stem);
  return FindUnused(toks, p, std::vector<bool>(toks.size(), false)) < toks.size();
}

Glossary MakeGlossary(std::vector<GlossaryEntry> entries) {
  Glossary g;
  g.src_lang = "zh";
  g.tgt_lang = "en";
  g.entries = std::move(entries);
  return g;
}

}  // namespace

TEST_CASE("terms match on token boundaries with Unicode case folding and NFC", "[terms][match]") {
  CHECK(Finds("IP protection", "ip"));
  CHECK_FALSE(Finds("IPR protection", "IP"));      // never inside a word
  CHECK_FALSE(Finds("the SHIP sails", "ship", true));  // case-sensitive
  CHECK(Finds("the SHIP sails", "ship"));
  CHECK(Finds("STRASSE und straße", "STRASSE"));
  CHECK(Finds("Straße", "strasse"));                // full case folding: ß -> ss
  CHECK(Finds("Cafe\xCC\x81 noir", "café"));         // NFD text, NFC term
  CHECK(Finds("(PPH) pilot", "PPH"));
  CHECK(Finds("China-Europe seminar", "china-europe"));
  CHECK_FALSE(Finds("China Europe", "China-Europe"));
  // CJK by characters: a term inside a longer run of Han characters is found.
  CHECK(Finds("国家知识产权局局长", "知识产权"));
  std::vector<MatchToken> t = TokenizeForTerms("ab 知识", nullptr);
  REQUIRE(t.size() == 3);
  CHECK(t[1].begin == 3);
  CHECK(t[1].end == 6);
}

TEST_CASE("stemmed matching finds inflected forms", "[terms][match]") {
  Stemmer en("english");
  CHECK(Finds("two patent applications", "patent application", false, &en));
  CHECK_FALSE(Finds("two patent applications", "patent application"));
  Stemmer fr("fr");
  CHECK(Finds("les symptômes", "symptôme", false, &fr));
  CHECK_THROWS_AS(Stemmer("klingon"), Error);
}

TEST_CASE("glossary compliance: accuracy, missing terms, forbidden hits, one use per occurrence",
          "[terms][compliance]") {
  GlossaryEntry ip;
  ip.source = "知识产权";
  ip.allowed = {"intellectual property", "IP"};
  ip.forbidden = {"IPR"};
  GlossaryEntry office;
  office.source = "国家知识产权局";
  office.allowed = {"CNIPA"};
  office.forbidden = {"SIPO"};
  Glossary g = MakeGlossary({ip, office});
  SegmentedText src = Lines({"国家知识产权局重视知识产权", "知识产权和知识产权", "无"});
  SegmentedText hyp = Lines({"SIPO values IP", "IP and IPR", "nothing about IPR"});
  GlossaryCheckResult r = CheckGlossary(g, src, hyp, GlossaryCheckOptions());
  REQUIRE(r.occurrences == 4);  // the office (longest match, not its inner 知识产权), then 知识产权 x3
  CHECK(r.correct == 2);
  CHECK(r.accuracy == 0.5);
  CHECK(r.items[0].entry == 1);
  CHECK(r.items[0].forbidden);
  CHECK(r.items[0].variant == "SIPO");
  CHECK(r.items[0].source.begin == 0);
  CHECK(r.items[0].source.end == 21);
  CHECK(r.items[1].correct);
  CHECK(r.items[1].target.begin == 12);  // "IP" in "SIPO values IP"
  CHECK(r.items[2].correct);             // the first IP of segment 2
  CHECK_FALSE(r.items[3].correct);       // the same IP cannot serve twice; IPR is forbidden
  CHECK(r.items[3].forbidden);
  REQUIRE(r.forbidden_hits.size() == 3);
  CHECK(r.forbidden_hits[0].form == "SIPO");
  CHECK(r.forbidden_hits[0].source_present);
  CHECK(r.forbidden_hits[2].target.seg_id == "3");
  CHECK_FALSE(r.forbidden_hits[2].source_present);
  CHECK(r.unused_entries.empty());
  CHECK_THROWS_AS(CheckGlossary(g, src, Lines({"a"}), GlossaryCheckOptions()), Error);
}

TEST_CASE("consistency: micro and macro over repeated terms per document", "[terms][consistency]") {
  std::vector<TermRendering> r = {
      {"IP", "d1", "1", "IP"}, {"IP", "d1", "2", "IPR"}, {"IP", "d1", "3", "IP"},
      {"EPO", "d1", "1", "EPO"}, {"EPO", "d1", "4", "EPO"},
      {"IP", "d2", "1", "intellectual property"},  // alone in its document: not counted
      {"PPH", "d2", "2", ""}, {"PPH", "d2", "3", "PPH"},
  };
  ConsistencyResult c = ComputeConsistency(r);
  CHECK(c.groups == 3);
  CHECK(c.occurrences == 7);
  CHECK(c.micro == Approx(5.0 / 7));                       // 2 + 2 + 1 of 7
  CHECK(c.macro == Approx((2.0 / 3 + 1.0 + 0.5) / 3));
  REQUIRE(c.inconsistent.size() == 2);
  CHECK(c.inconsistent[0].term == "IP");
  CHECK(c.inconsistent[0].variants[0].form == "IP");
  CHECK(c.inconsistent[0].variants[0].seg_ids == std::vector<std::string>{"1", "3"});
  CHECK(c.inconsistent[0].variants[1].form == "IPR");
  CHECK(c.inconsistent[1].variants.back().form.empty());  // unknown rendering listed last
  ConsistencyResult none = ComputeConsistency({});
  CHECK(none.micro == 1.0);
  CHECK(none.groups == 0);
}

TEST_CASE("numbers are extracted with separators and scale words", "[terms][qa]") {
  CHECK(ExtractNumbers("受理申请158.6万件，增长3.2%") == std::vector<std::string>{"1586000", "3.2"});
  CHECK(ExtractNumbers("1.586 million applications, up 3,2 %") == std::vector<std::string>{"1586000", "3.2"});
  CHECK(ExtractNumbers("1,586,000 pieces in ２０２５") == std::vector<std::string>{"1586000", "2025"});
  CHECK(ExtractNumbers("no digits") .empty());
}

TEST_CASE("QA checks: repeated sources, shared translations, numbers", "[terms][qa]") {
  SegmentedText src = Lines({"你好", "11月8日 2025年", "你好", "再见", "共3件"});
  SegmentedText hyp = Lines({"Hello", "On November 8 in 2024", "Hi", "Hello", "3 items"});
  QaResult q = RunQaChecks(src, hyp);
  REQUIRE(q.same_source_different_translation.size() == 1);
  CHECK(q.same_source_different_translation[0].text == "你好");
  CHECK(q.same_source_different_translation[0].seg_ids == std::vector<std::string>{"1", "3"});
  CHECK(q.same_source_different_translation[0].variants == std::vector<std::string>{"Hello", "Hi"});
  REQUIRE(q.same_translation_different_source.size() == 1);
  CHECK(q.same_translation_different_source[0].variants == std::vector<std::string>{"你好", "再见"});
  REQUIRE(q.numbers.size() == 1);  // 11月 is satisfied by "November"
  CHECK(q.numbers[0].seg_id == "2");
  CHECK(q.numbers[0].missing == std::vector<std::string>{"2025"});
  CHECK(q.numbers[0].unexpected == std::vector<std::string>{"2024"});
}

TEST_CASE("mteval terms on the bundled release with the sample glossary", "[terms][cli]") {
  std::string dir = testing::SourceDir() + "/corpora/release/";
  testing::RunResult run = testing::RunMteval("terms --src " + dir + "workshop.zh --ref " + dir +
                                              "workshop.ref.en --hyp " + dir + "mt-generic.en --glossary " + dir +
                                              "glossary.tsv -f json");
  REQUIRE(run.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(run.out);
  CHECK(j["glossary"]["term_accuracy"].is_number());
  CHECK(j["glossary"]["term_accuracy"].get<double>() < 1.0);
  CHECK(j["glossary"]["forbidden_hits"].size() > 0);
  CHECK(j["consistency"]["basis"] == "glossary");
  CHECK(j["consistency"]["micro"].get<double>() < 1.0);
  CHECK(j["consistency"]["inconsistent"].size() > 0);
  CHECK(j["qa"]["numbers"].is_array());

  testing::RunResult text = testing::RunMteval("terms --src " + dir + "workshop.zh --hyp " + dir +
                                               "mt-glossary.en --glossary " + dir + "glossary.tbx -f text");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("term accuracy") && Catch::Contains("Consistency (glossary)"));
}

TEST_CASE("mteval terms: a glossary with a byte-order mark matches its first entry", "[terms][cli]") {
  std::string tmp = testing::MakeTempDir();
  testing::WriteFile(tmp + "/s.txt", "知识产权\n");
  testing::WriteFile(tmp + "/h.txt", "intellectual property\n");
  testing::WriteFile(tmp + "/g.csv", "\xEF\xBB\xBF知识产权,intellectual property\n");
  testing::RunResult run = testing::RunMteval("terms --src " + tmp + "/s.txt --hyp " + tmp + "/h.txt --glossary " + tmp +
                                              "/g.csv --src-lang zh --tgt-lang en --no-qa -f json");
  REQUIRE(run.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(run.out);
  CHECK(j["glossary"]["term_occurrences"] == 1);
  CHECK(j["glossary"]["term_accuracy"] == 1.0);
}

TEST_CASE("mteval terms / score -m terms: an empty glossary checks nothing and says so", "[terms][cli]") {
  std::string tmp = testing::MakeTempDir();
  testing::WriteFile(tmp + "/s.txt", "知识产权\n");
  testing::WriteFile(tmp + "/h.txt", "intellectual property\n");
  testing::WriteFile(tmp + "/empty.tsv", "# languages: zh en\n# nothing yet\n");
  testing::WriteFile(tmp + "/other.tsv", "研讨会\tworkshop\n");
  const std::string base = "terms --src " + tmp + "/s.txt --hyp " + tmp + "/h.txt --no-qa --glossary " + tmp;
  testing::RunResult run = testing::RunMteval(base + "/empty.tsv -f text");
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("empty.tsv: the glossary has no entries") &&
                          Catch::Contains("--allow-empty-glossary"));
  run = testing::RunMteval(base + "/empty.tsv -f text --allow-empty-glossary");
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("term accuracy    n/a  (the glossary has no entries: nothing was checked)"));
  run = testing::RunMteval(base + "/empty.tsv -f json --allow-empty-glossary");
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out)["glossary"]["term_accuracy"].is_null());
  // Entries, but none occurs in the source: no accuracy either (was 0.0000).
  run = testing::RunMteval(base + "/other.tsv -f text --src-lang zh --tgt-lang en");
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Contains("n/a  (no source term of the glossary occurs in the source: nothing was checked)"));
  run = testing::RunMteval("score " + tmp + "/h.txt -i " + tmp + "/h.txt -m terms --terms-glossary " + tmp + "/empty.tsv");
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::Contains("the glossary has no entries"));
}

TEST_CASE("mteval terms: usage and input errors", "[terms][cli]") {
  std::string tmp = testing::MakeTempDir();
  testing::WriteFile(tmp + "/s.txt", "a\n");
  testing::WriteFile(tmp + "/h.txt", "b\n");
  testing::WriteFile(tmp + "/bad.tsv", "x\ty\n\tz\n");
  CHECK(testing::RunMteval("terms --src " + tmp + "/s.txt").exit_code == 2);  // no hypothesis
  // Without --src only the release checks run (release_checks_test.cc).
  CHECK(testing::RunMteval("terms --hyp " + tmp + "/h.txt").exit_code == 0);
  testing::RunResult lang = testing::RunMteval("terms --src " + tmp + "/s.txt --hyp " + tmp + "/h.txt --tgt-lang xx");
  CHECK(lang.exit_code == 2);
  CHECK_THAT(lang.err, Catch::Contains("unknown language code 'xx'"));
  testing::RunResult bad = testing::RunMteval("terms --src " + tmp + "/s.txt --hyp " + tmp + "/h.txt --glossary " + tmp + "/bad.tsv");
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("bad.tsv:2") && Catch::Contains("empty source term"));
  CHECK(bad.out.empty());
  testing::RunResult out = testing::RunMteval("terms --src " + tmp + "/s.txt --hyp " + tmp + "/h.txt -o " + tmp + "/h.txt");
  CHECK(out.exit_code == 2);  // never overwrites an input
}

}  // namespace mteval

namespace mteval {

TEST_CASE("mteval score -m terms: reference-anchored term accuracy with statistics", "[terms][cli]") {
  std::string tmp = testing::MakeTempDir();
  testing::WriteFile(tmp + "/g.tsv", "知识产权\tintellectual property|IP\tIPR\n研讨会\tworkshop\tseminar\n");
  testing::WriteFile(tmp + "/ref.en", "IP and intellectual property at the workshop\nnothing\n");
  testing::WriteFile(tmp + "/hyp.en", "IPR and IP at the seminar\nnothing here\n");
  testing::RunResult run = testing::RunMteval("score " + tmp + "/ref.en -i " + tmp + "/hyp.en -m terms --terms-glossary " +
                                              tmp + "/g.tsv -f json");
  REQUIRE(run.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(run.out);
  CHECK(j["name"] == "TermAcc");
  CHECK(j["occurrences"] == 3);   // IP, intellectual property, workshop
  CHECK(j["correct"] == 1);       // one IP in the hypothesis serves one occurrence
  CHECK(j["forbidden_hits"] == 2);
  CHECK(j["score"].get<double>() == Approx(33.3).margin(0.05));
  testing::RunResult missing = testing::RunMteval("score " + tmp + "/ref.en -i " + tmp + "/hyp.en -m terms");
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("--terms-glossary"));
}

}  // namespace mteval

namespace mteval {

TEST_CASE("terms report: SGML hypotheses are paired with the source by document and segment id", "[terms][report]") {
  std::string tmp = testing::MakeTempDir();
  testing::WriteFile(tmp + "/g.tsv", "# languages: en fr\ncough\ttoux\n");
  testing::WriteFile(tmp + "/s.sgm", "<srcset srclang=\"en\"><doc docid=\"d\"><seg id=\"1\">a cough</seg>"
                                     "<seg id=\"2\">no</seg></doc></srcset>\n");
  testing::WriteFile(tmp + "/h.sgm", "<tstset trglang=\"fr\"><doc docid=\"d\" sysid=\"S\"><seg id=\"2\">non</seg>"
                                     "<seg id=\"1\">une toux</seg></doc></tstset>\n");
  TermsInputs in;
  in.src_path = tmp + "/s.sgm";
  in.hyp_path = tmp + "/h.sgm";
  in.glossary_path = tmp + "/g.tsv";
  TermsReport r = ComputeTermsReport(in, TermsOptions());
  REQUIRE(r.compliance);
  CHECK(r.compliance->occurrences == 1);
  CHECK(r.compliance->correct == 1);
  CHECK(r.tgt_lang == "fr");
  nlohmann::json j = nlohmann::json::parse(r.json);
  CHECK(j["glossary"]["term_accuracy"] == 1.0);
  testing::WriteFile(tmp + "/h2.sgm", "<tstset><doc docid=\"d\"><seg id=\"1\">x</seg><seg id=\"3\">y</seg></doc></tstset>\n");
  in.hyp_path = tmp + "/h2.sgm";
  CHECK_THROWS_WITH(ComputeTermsReport(in, TermsOptions()), Catch::Contains("segment '2'"));
}

}  // namespace mteval
