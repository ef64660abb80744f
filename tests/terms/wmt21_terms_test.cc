// WMT21 terminology metrics: TERm, exact match, window overlap, and parity
// with the reference implementation's figures on the en-fr dev set.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include "corpus/sgml_reader.h"
#include <mteval/terminology.h>
#include "support/shared_data.h"
#include "support/test_paths.h"
#include "text/python_str.h"

namespace mteval {
namespace {

double Term(const std::string& hyp, const std::string& ref, const std::vector<int>& terms = {}, int cost = 2) {
  return TermEditRate(PySplit(hyp), PySplit(ref), terms, cost);
}

std::string Set(const char* kind, const std::string& segs) {
  std::string lang = std::string(kind) == "srcset" ? "srclang=\"en\"" : "trglang=\"fr\"";
  return "<" + std::string(kind) + " " + lang + ">\n<doc docid=\"d\" sysid=\"s\">\n" + segs + "</doc>\n</" + kind + ">\n";
}

std::string TermTag(const std::string& text, const std::string& tgt, const std::string& type = "src_original_and_tgt_original") {
  return "<term id=\"1\" type=\"" + type + "\" src=\"x\" tgt=\"" + tgt + "\"> " + text + " </term>";
}

}  // namespace

TEST_CASE("TERm without term positions is word-level TER with shifts", "[terms][wmt21]") {
  CHECK(Term("a b c", "a b c") == 0.0);
  CHECK(Term("a x c", "a b c") == Approx(1.0 / 3));
  CHECK(Term("b a", "a b") == 0.5);  // one shift
  // The example of the Tanaka TER implementation the script builds on.
  CHECK(Term("THIS WEEK THE SAUDIS denied information published in the new york times",
             "SAUDI ARABIA denied THIS WEEK information published in the AMERICAN new york times") ==
        Approx(4.0 / 13));
  CHECK(Term("", "") == 0.0);
  CHECK(Term("a", "") == 1.0);
}

TEST_CASE("TERm charges edits on term words the term cost", "[terms][wmt21]") {
  CHECK(Term("a x c", "a b c", {1}) == Approx(2.0 / 3));
  CHECK(Term("a x c", "a b c", {1}, 3) == Approx(3.0 / 3));
  CHECK(Term("a b", "a b c", {2}) == Approx(2.0 / 3));   // deleting ref word c (index 2) costs 2
  CHECK(Term("a b c", "a b c", {0, 1, 2}) == 0.0);
  CHECK(Term("a x c", "a b c", {7, -1}) == Approx(1.0 / 3));  // out-of-range positions are ignored
}

TEST_CASE("WMT21 exact match: whole tokens, each hypothesis position once", "[terms][wmt21]") {
  SegmentedText src = ParseSgml(Set("srcset", "<seg id=\"1\">the " + TermTag("cough", "toux") + " and " +
                                                 TermTag("cough", "toux") + "</seg>\n"
                                                 "<seg id=\"2\">" + TermTag("nose", "nez") + "</seg>\n"
                                                 "<seg id=\"3\">no terms</seg>\n"),
                                "s.sgm");
  SegmentedText ref = ParseSgml(Set("refset", "<seg id=\"1\">la " + TermTag("toux", "toux") + " et " +
                                                 TermTag("toux", "toux") + "</seg>\n"
                                                 "<seg id=\"2\">le " + TermTag("nez", "nez") + "</seg>\n"
                                                 "<seg id=\"3\">pas de termes</seg>\n"),
                                "r.sgm");
  SegmentedText hyp = ParseSgml(Set("tstset", "<seg id=\"1\">une toux sèche</seg>\n<seg id=\"2\">le nezz</seg>\n"
                                               "<seg id=\"3\">pas de termes</seg>\n"),
                                "h.sgm");
  Wmt21TermResult r = ScoreWmt21Terms(src, ref, hyp, Wmt21TermOptions());
  CHECK(r.term_occurrences == 3);
  CHECK(r.exact_correct == 1);  // "toux" once; the second occurrence cannot reuse it; "nezz" is another word
  CHECK(r.exact_wrong == 2);
  REQUIRE(r.occurrences.size() == 3);
  CHECK(r.occurrences[0].correct);
  CHECK(r.occurrences[0].matched == "toux");
  CHECK(r.occurrences[0].hyp_begin == 5);  // in " une toux sèche "
  CHECK(r.occurrences[0].hyp_end == 9);
  CHECK_FALSE(r.occurrences[1].correct);
  CHECK(r.occurrences[2].seg_id == "2");
  // Both term positions are the first "toux" (index 1), as the script finds them.
  CHECK(r.one_minus_term == Approx(1.0 - (Term("une toux sèche", "la toux et toux", {1}) +
                                          Term("le nezz", "le nez", {1}) + 0.0) / 3));
}

TEST_CASE("WMT21 window overlap counts context words around matched terms", "[terms][wmt21]") {
  SegmentedText src = ParseSgml(Set("srcset", "<seg id=\"1\">a " + TermTag("t", "T") + " b c</seg>\n"
                                               "<seg id=\"2\">x</seg>\n"),
                                "s.sgm");
  SegmentedText ref = ParseSgml(Set("refset", "<seg id=\"1\">p q " + TermTag("T", "T") + " , r s</seg>\n"
                                               "<seg id=\"2\">x</seg>\n"),
                                "r.sgm");
  SegmentedText hyp = ParseSgml(Set("tstset", "<seg id=\"1\">q z T r</seg>\n<seg id=\"2\">x</seg>\n"), "h.sgm");
  Wmt21TermOptions o;
  o.windows = {1, 2};
  Wmt21TermResult r = ScoreWmt21Terms(src, ref, hyp, o);
  // w=1: ref context {q, r} (',' is punctuation), hyp {z, r}: 1/2; w=2: ref {q, p, r, s}, hyp {z, q, r}: 2/4.
  // Averaged over both segments (the second has no terms and counts 0).
  CHECK(r.window_overlap[0] == 0.25);
  CHECK(r.window_overlap[1] == 0.25);
  o.windows = {0};
  CHECK_THROWS_AS(ScoreWmt21Terms(src, ref, hyp, o), Error);
}

TEST_CASE("WMT21 inputs that do not line up are named", "[terms][wmt21]") {
  SegmentedText src = ParseSgml(Set("srcset", "<seg id=\"1\">a</seg>\n"), "s.sgm");
  SegmentedText ref = ParseSgml(Set("refset", "<seg id=\"2\">a</seg>\n"), "r.sgm");
  CHECK_THROWS_WITH(ScoreWmt21Terms(src, ref, src, Wmt21TermOptions()), Catch::Contains("segment '2'"));
  SegmentedText hyp = ParseSgml(Set("tstset", "<seg id=\"9\">a</seg>\n"), "h.sgm");
  CHECK_THROWS_WITH(ScoreWmt21Terms(src, src, hyp, Wmt21TermOptions()),
                    Catch::Contains("h.sgm") && Catch::Contains("segment '9' is not in"));
}

TEST_CASE("WMT21 en-fr dev set: the reference figures without lemmatization", "[terms][wmt21][shared]") {
  std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("this test's shared data")) return;
  std::string dir = shared + "/terminology/wmt21-en-fr/";
  std::ifstream in(dir + "expected.json");
  REQUIRE(in);
  nlohmann::json expected = nlohmann::json::parse(in)["without_lemmatization"];
  Wmt21TermResult r = ScoreWmt21Terms(ReadSgml(dir + "dev.en-fr.en.sgm"), ReadSgml(dir + "dev.en-fr.fr.sgm"),
                                      ReadSgml(dir + "en-fr.dev.txt.truecased.sgm"), Wmt21TermOptions());
  CHECK(r.term_occurrences == expected["term_occurrences"].get<size_t>());
  CHECK(r.exact_correct == expected["exact_match_correct"].get<size_t>());
  CHECK(r.exact_wrong == expected["exact_match_wrong"].get<size_t>());
  CHECK(std::abs(r.exact_accuracy - expected["exact_match_accuracy"].get<double>()) <= 1e-9);
  CHECK(std::abs(r.window_overlap[0] - expected["window_overlap_w2"].get<double>()) <= 1e-9);
  CHECK(std::abs(r.window_overlap[1] - expected["window_overlap_w3"].get<double>()) <= 1e-9);
  CHECK(std::abs(r.one_minus_term - expected["one_minus_term"].get<double>()) <= 1e-9);
}

TEST_CASE("mteval terms prints the WMT21 figures as JSON numbers", "[terms][cli][shared]") {
  std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("this test's shared data")) return;
  std::string dir = shared + "/terminology/wmt21-en-fr/";
  testing::RunResult run = testing::RunMteval("terms --src " + dir + "dev.en-fr.en.sgm --ref " + dir +
                                              "dev.en-fr.fr.sgm --hyp " + dir + "en-fr.dev.txt.truecased.sgm -f json");
  REQUIRE(run.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(run.out);
  CHECK(j["wmt21"]["exact_match_correct"].is_number_integer());
  CHECK(j["wmt21"]["exact_match_correct"] == 759);
  CHECK(j["wmt21"]["window_overlap_w2"].is_number_float());
  CHECK(std::abs(j["wmt21"]["one_minus_term"].get<double>() - 0.5966058855662661) <= 1e-9);
}

}  // namespace mteval
