// The monolingual release checks (CheckRelease, `mteval terms` without
// --src): each check on small texts, the bundled release, and the translated
// press release in ../shared/releases.

#include <catch2/catch.hpp>

#include <fstream>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

SegmentedText Lines(const std::vector<std::string>& lines) {
  SegmentedText t;
  t.path = "mem";
  for (size_t i = 0; i < lines.size(); ++i) {
    Segment s;
    s.text = lines[i];
    s.seg_id = std::to_string(i + 1);
    t.segments.push_back(s);
  }
  return t;
}

std::vector<ReleaseFinding> Check(const std::vector<std::string>& lines, double min_confidence = 0.5) {
  ReleaseCheckOptions o;
  o.min_confidence = min_confidence;
  return CheckRelease(Lines(lines), o);
}

const ReleaseFinding* FindCheck(const std::vector<ReleaseFinding>& findings, const std::string& check,
                                const std::string& term = "") {
  for (const ReleaseFinding& f : findings) {
    if (f.check == check && (term.empty() || f.term == term)) return &f;
  }
  return nullptr;
}

std::vector<std::string> Checks(const std::vector<ReleaseFinding>& findings) {
  std::vector<std::string> out;
  for (const ReleaseFinding& f : findings) out.push_back(f.check + ":" + f.term);
  return out;
}

std::string Span(const std::vector<std::string>& lines, const TermLocation& l) {
  return lines[l.segment].substr(l.begin, l.end - l.begin);
}

}  // namespace

TEST_CASE("Release checks: an acronym defined, then a second acronym and the long form spelled out", "[terms]") {
  const std::vector<std::string> text = {
      "The Intellectual Property (IP) seminar opened.",
      "IP protection and IPR enforcement were discussed.",
      "Delegates praised IP cooperation and IPR reform.",
      "Regional intellectual property services grew."};
  const auto findings = Check(text);
  const ReleaseFinding* f = FindCheck(findings, "term-forms", "Intellectual Property");
  REQUIRE(f != nullptr);
  REQUIRE(f->variants.size() == 3);
  CHECK(f->variants[0].text == "IP");
  CHECK(f->variants[0].locations.size() == 3);  // the definition's IP included
  CHECK(f->variants[1].text == "IPR");
  CHECK(f->variants[1].locations.size() == 2);
  REQUIRE(f->variants[2].locations.size() == 1);
  CHECK(Span(text, f->variants[2].locations[0]) == "intellectual property");
  CHECK(f->variants[2].locations[0].segment == 3);
  CHECK(Checks(findings).size() == 1);
}

TEST_CASE("Release checks: LF (Long Form), two long forms, use before the definition", "[terms]") {
  SECTION("acronym first, long form in parentheses") {
    const auto findings = Check({"We met the WHO (World Health Organization) in May.",
                                 "Later the World Health Organization agreed."});
    const ReleaseFinding* f = FindCheck(findings, "term-forms", "World Health Organization");
    REQUIRE(f != nullptr);
    CHECK(f->variants.back().locations.size() == 1);
  }
  SECTION("one acronym, two long forms") {
    const auto findings = Check({"The European Patent Office (EPO) met.", "The Eastern Power Organisation (EPO) too."});
    const ReleaseFinding* f = FindCheck(findings, "acronym-two-long-forms", "EPO");
    REQUIRE(f != nullptr);
    CHECK(f->variants.size() == 2);
  }
  SECTION("used before its definition in running text, not in a heading") {
    const auto findings = Check({"EPO And Partners Meet In Munich", "The EPO met in Munich.",
                                 "President of the European Patent Office (EPO) spoke."});
    const ReleaseFinding* f = FindCheck(findings, "acronym-used-before-definition", "EPO");
    REQUIRE(f != nullptr);
    REQUIRE(f->variants[0].locations.size() == 1);
    CHECK(f->variants[0].locations[0].segment == 1);
  }
}

TEST_CASE("Release checks: an undefined acronym next to the phrase it abbreviates", "[terms]") {
  const std::vector<std::string> text = {"SIPO held a seminar.", "The State Intellectual Property Office agreed.",
                                         "A pilot project (PPH) starts.", "The NASA team came."};
  const auto findings = Check(text);
  const ReleaseFinding* f = FindCheck(findings, "acronym-and-long-form", "SIPO");
  REQUIRE(f != nullptr);
  CHECK(Span(text, f->variants[1].locations[0]) == "State Intellectual Property Office");
  // PPH sits in parentheses after words that do not spell it: not matched to
  // "pilot project"; NASA is never defined, a low-confidence finding.
  CHECK(FindCheck(findings, "acronym-and-long-form", "PPH") == nullptr);
  CHECK(FindCheck(findings, "acronym-undefined", "NASA") == nullptr);
  CHECK(FindCheck(Check(text, 0.3), "acronym-undefined", "NASA") != nullptr);
}

TEST_CASE("Release checks: the article before an acronym", "[terms]") {
  SECTION("defined without the article, then used with it") {
    const auto findings = Check({"He heads General Authority for State Registration (GASR) now.",
                                 "Later the GASR agreed.", "The GASR signed."});
    const ReleaseFinding* f = FindCheck(findings, "article-variants", "GASR");
    REQUIRE(f != nullptr);
    CHECK(f->variants[0].locations.size() == 2);
  }
  SECTION("a reversed definition, then uses with the article") {
    const std::vector<std::string> text = {"He heads GASR (General Authority for State Registration) now.",
                                           "Later the GASR agreed.", "The GASR signed."};
    const auto findings = Check(text);
    const ReleaseFinding* f = FindCheck(findings, "article-variants", "GASR");
    REQUIRE(f != nullptr);
    REQUIRE(f->variants.size() == 2);
    CHECK(Span(text, f->variants[1].locations[0]) == "GASR (General Authority for State Registration)");
  }
  SECTION("a long form with the article and a bare acronym is ordinary English") {
    CHECK(Check({"He heads the State Intellectual Property Office (SIPO).", "SIPO agreed.", "SIPO signed."}).empty());
  }
  SECTION("mixed uses in running text; a recurring compound does not count") {
    const auto findings = Check({"The EPO agreed.", "EPO signed.", "The IP seminar ended.", "IP seminar plans grew."});
    CHECK(FindCheck(findings, "article-variants", "EPO") != nullptr);
    CHECK(FindCheck(findings, "article-variants", "IP") == nullptr);
  }
}

TEST_CASE("Release checks: repeats, hyphenation, capitals, quotes, numbers and dates", "[terms]") {
  const std::vector<std::string> text = {
      "On the the next day, the next the IP seminar met.",
      "China-EU ties grew, and China EU trade too.",
      "The report said \"yes\" and \xE2\x80\x9Cno\xE2\x80\x9D.",
      "It cost 1,500 euros, then 2500 euros, in 2018.",
      "On September 6 and on 7 September we met."};
  const auto findings = Check(text);
  const ReleaseFinding* doubled = FindCheck(findings, "doubled-word");
  REQUIRE(doubled != nullptr);
  CHECK(Span(text, doubled->variants[0].locations[0]) == "the the");
  const ReleaseFinding* article = FindCheck(findings, "repeated-article");
  REQUIRE(article != nullptr);
  CHECK(Span(text, article->variants[0].locations[0]) == "the next the");
  const ReleaseFinding* hyphen = FindCheck(findings, "hyphenation-variants");
  REQUIRE(hyphen != nullptr);
  CHECK(hyphen->variants.size() == 2);
  CHECK(FindCheck(findings, "mixed-quotes") != nullptr);
  const ReleaseFinding* numbers = FindCheck(findings, "number-formats");
  REQUIRE(numbers != nullptr);
  CHECK(numbers->variants[0].locations.size() == 1);  // 2018 is a year, left alone
  CHECK(FindCheck(findings, "date-formats") != nullptr);
  // Nothing of the kind in consistent text.
  CHECK(Check({"On September 6 we met.", "It cost 1,500 euros.", "China-EU ties grew."}).empty());
}

TEST_CASE("Release checks: the same words in different capitals, outside headings and names", "[terms]") {
  const auto findings = Check({"Patent Data Exchange Plan Adopted In Paris", "The patent data exchange grew.",
                               "Officials praised the Patent Data exchange.", "The patent data exchange ended."});
  const ReleaseFinding* f = FindCheck(findings, "case-variants", "patent data");
  REQUIRE(f != nullptr);
  CHECK(f->variants[0].text == "patent data");
  CHECK(f->variants[0].locations.size() == 2);  // the heading is left out
}

TEST_CASE("Release checks: the threshold and its validation", "[terms]") {
  ReleaseCheckOptions o;
  o.min_confidence = 1.5;
  CHECK_THROWS_AS(CheckRelease(Lines({"x"}), o), Error);
  CHECK_THROWS_AS(CheckRelease(Lines({"ok", "bad \xE2\x80"})), Error);  // a truncated sequence
  const std::vector<std::string> text = {"The NASA team came."};
  CHECK(Check(text, 0.31).empty());
  CHECK(Check(text, 0.3).size() == 1);
}

TEST_CASE("Release checks on the bundled release: the generic MT output's two term inconsistencies, nothing else",
          "[terms]") {
  // With its glossary the release shows SIPO (2) next to State Intellectual
  // Property Office (2), and IPR (3) next to intellectual property (3).
  TermsInputs in;
  in.hyp_path = testing::SourceDir() + "/corpora/release/mt-generic.en";
  const TermsReport r = ComputeTermsReport(in, {});
  REQUIRE(r.release.has_value());
  CHECK(Checks(*r.release) == std::vector<std::string>{"acronym-and-long-form:SIPO", "acronym-and-long-form:IPR"});
  CHECK((*r.release)[0].variants[0].locations.size() == 2);
  CHECK((*r.release)[0].variants[1].locations.size() == 2);
  CHECK((*r.release)[1].variants[0].locations.size() == 3);
  CHECK((*r.release)[1].variants[1].locations.size() == 3);
  CHECK_FALSE(r.qa.has_value());  // no source
  // The reference translation is consistent.
  in.hyp_path = testing::SourceDir() + "/corpora/release/workshop.ref.en";
  CHECK(ComputeTermsReport(in, {}).release->empty());
}

TEST_CASE("Release checks on the translated press release in ../shared/releases", "[terms]") {
  if (testing::SkipWithoutSharedData("the translated press release")) return;
  TermsInputs in;
  in.hyp_path = testing::SharedDir() + "/releases/sipo-trilateral-ip-seminar.en.txt";
  const TermsReport r = ComputeTermsReport(in, {});
  const std::vector<ReleaseFinding>& f = *r.release;
  const ReleaseFinding* ip = FindCheck(f, "term-forms", "Intellectual Property");
  REQUIRE(ip != nullptr);
  std::vector<std::string> forms;
  for (const ReleaseVariant& v : ip->variants) forms.push_back(v.text);
  CHECK(forms == std::vector<std::string>{"IP", "IPR", "intellectual property (spelled out after the definition)"});
  CHECK(FindCheck(f, "article-variants", "GAIPSR") != nullptr);
  const ReleaseFinding* repeated = FindCheck(f, "repeated-article");
  REQUIRE(repeated != nullptr);
  CHECK(repeated->message.find("the next the") != std::string::npos);
  CHECK(f.size() == 3);
}

TEST_CASE("mteval terms without --src runs the release checks, and a glossary still needs the source", "[terms][cli]") {
  const std::string hyp = testing::SourceDir() + "/corpora/release/mt-generic.en";
  testing::RunResult r = testing::RunMteval("terms --hyp " + hyp);
  REQUIRE(r.exit_code == 0);
  const nlohmann::json j = nlohmann::json::parse(r.out);
  REQUIRE(j["release"]["findings"].size() == 2);
  CHECK(j["release"]["findings"][0]["check"] == "acronym-and-long-form");
  CHECK(j["release"]["findings"][0]["dominant"] == "SIPO");
  CHECK(j["release"]["findings"][0]["variants"][0]["locations"][0]["begin"] == 0);
  CHECK_FALSE(j.contains("qa"));
  r = testing::RunMteval("terms --hyp " + hyp + " --glossary " + testing::SourceDir() + "/corpora/release/glossary.tsv");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--src") != std::string::npos);
  r = testing::RunMteval("terms --hyp " + hyp + " --min-confidence 2");
  CHECK(r.exit_code == 2);
  r = testing::RunMteval("terms --hyp " + hyp + " --no-release-checks");
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(nlohmann::json::parse(r.out).contains("release"));
}

}  // namespace mteval

namespace mteval {

TEST_CASE("Release checks on random texts: every location lies inside its segment", "[terms][property]") {
  // Texts drawn from the pieces the checks react to, so that definitions,
  // reversed definitions, articles, hyphens, quotes and numbers meet in
  // every order; a location outside its segment would be an indexing bug.
  const std::vector<std::string> pieces = {
      "IP", "IPR", "the", "The", "a", "(", ")", "Intellectual", "Property", "intellectual", "property", "SIPO",
      "State", "Office", "of", "-", "China-EU", "China", "EU", "\"", "\xE2\x80\x9C", "\xE2\x80\x9D", "'",
      "\xE2\x80\x99", "1,000", "1000", "2500", "September", "6", ".", ",", "GAIPSR", "General", "Authority",
      "for", "é", "\xE4\xB8\xAD", " ", "  ", "Seminar", "seminar"};
  std::mt19937 rng(7);
  for (int trial = 0; trial < 3000; ++trial) {
    std::vector<std::string> lines(1 + rng() % 4);
    for (std::string& line : lines) {
      const size_t n = rng() % 14;
      for (size_t k = 0; k < n; ++k) {
        line += pieces[rng() % pieces.size()];
        if (rng() % 3) line += ' ';
      }
    }
    ReleaseCheckOptions o;
    o.min_confidence = 0.0;
    const std::vector<ReleaseFinding> findings = CheckRelease(Lines(lines), o);
    for (const ReleaseFinding& f : findings) {
      REQUIRE_FALSE(f.variants.empty());
      for (const ReleaseVariant& v : f.variants) {
        for (const TermLocation& l : v.locations) {
          INFO("trial " << trial << ", check " << f.check);
          REQUIRE(l.segment < lines.size());
          REQUIRE(l.begin < l.end);
          REQUIRE(l.end <= lines[l.segment].size());
        }
      }
    }
  }
}

}  // namespace mteval

namespace mteval {

TEST_CASE("mteval compare --release-checks: the glossary-guided output is the most consistent",
          "[terms][cli][report]") {
  const std::string rel = testing::SourceDir() + "/corpora/release/";
  const std::string out = testing::MakeTempDir() + "/r.json";
  testing::RunResult r = testing::RunMteval("compare " + rel + "workshop.ref.en -i " + rel + "mt-generic.en " + rel +
                                            "mt-literal.en " + rel + "mt-glossary.en --no-significance --release-checks -o " + out);
  REQUIRE(r.exit_code == 0);
  std::ifstream in(out);
  const nlohmann::json j = nlohmann::json::parse(in);
  const auto& systems = j["release_checks"]["systems"];
  REQUIRE(systems.size() == 3);
  CHECK(systems[0]["findings"].size() == 2);  // SIPO, IPR
  CHECK(systems[1]["findings"].size() == 1);  // IPR
  CHECK(systems[2]["findings"].size() == 0);
  CHECK(systems[0]["findings"][0]["variants"][0]["segments"] == std::vector<size_t>{0, 6});
  r = testing::RunMteval("compare " + rel + "workshop.ref.en -i " + rel + "mt-generic.en --no-significance -f json");
  REQUIRE(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)["release_checks"].is_null());
}

}  // namespace mteval
