// The mteval binary end to end: output formats and every bad-input path.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/sample_corpus.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

using Files = testing::SampleCorpus;

}  // namespace

TEST_CASE("score prints sacreBLEU-style JSON", "[cli]") {
  Files f;
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " -m bleu chrf");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.is_array());
  REQUIRE(j.size() == 2);
  CHECK(j[0]["name"] == "BLEU");
  CHECK(j[0]["tok"] == "13a");
  CHECK(j[0]["counts"].size() == 4);
  CHECK(j[0].contains("verbose_score"));
  CHECK(j[1]["name"] == "chrF2");
  CHECK(j[1]["nc"] == "6");
  auto one = RunMteval("score " + f.ref + " -i " + f.hyp + " -m chrf -w 3");
  auto obj = nlohmann::json::parse(one.out);
  CHECK(obj.is_object());
  double score = obj["score"];
  CHECK(score == Approx(std::round(score * 1000) / 1000));
}

TEST_CASE("score reads standard input and prints text", "[cli]") {
  Files f;
  auto r = RunMteval("score " + f.ref + " -f text", "The cat sat on a mat.\nIt rained again.\n");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:mteval-"));
  auto b = RunMteval("score " + f.ref + " -i " + f.ref + " -b -f text");
  CHECK(b.out == "100.0\n");
}

TEST_CASE("score -b prints bare scores in the default JSON format too, as sacreBLEU does", "[cli]") {
  Files f;
  auto one = RunMteval("score " + f.ref + " -i " + f.ref + " -b");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == "100.0\n");
  // Several metrics: sacreBLEU joins the bare scores into a JSON-like list.
  auto two = RunMteval("score " + f.ref + " -i " + f.ref + " -m bleu chrf -b -f json");
  CHECK(two.out == "[\n100.0,\n100.0\n]\n");
  // With --confidence the interval stays in the score-only string.
  auto ci = RunMteval("score " + f.ref + " -i " + f.hyp + " -b --confidence -cin 20");
  REQUIRE(ci.exit_code == 0);
  CHECK_THAT(ci.out, Catch::Contains("\u03bc = "));
  CHECK(ci.out.find('{') == std::string::npos);
  // Sentence level: one bare score per line with an explicit -f json too.
  auto sl = RunMteval("score " + f.ref + " -i " + f.ref + " -sl -b -f jsonl");
  CHECK(sl.out == "100.0\n100.0\n");
}

TEST_CASE("several systems give sacreBLEU's table, one row per system", "[cli]") {
  Files f;
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -m bleu chrf");
  REQUIRE(r.exit_code == 0);
  // JSON: {"system": ..., "BLEU": "score", "chrF2": "score"} with 4-space
  // indents and the scores as strings, as sacreBLEU's json.dumps prints them.
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  CHECK(j[1]["system"] == f.hyp2);
  CHECK(j[1]["BLEU"].is_string());
  CHECK(j[1]["chrF2"].is_string());
  CHECK_THAT(r.out, Catch::StartsWith("[\n    {\n        \"system\": "));
  auto same = RunMteval("score " + f.ref + " -i " + f.ref + " " + f.hyp + " -m bleu -w 1");
  CHECK(nlohmann::json::parse(same.out)[0]["BLEU"] == "100.0");
  // Text: tabulate's fancy_grid, then the signatures.
  auto t = RunMteval("score " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -m bleu chrf -f text");
  REQUIRE(t.exit_code == 0);
  CHECK_THAT(t.out, Catch::StartsWith("\u2552"));
  CHECK_THAT(t.out, Catch::Contains("\u2502  BLEU  \u2502  chrF2  \u2502"));
  CHECK_THAT(t.out, Catch::Contains("-----------------\nMetric signatures\n-----------------\n - BLEU       nrefs:1|"));
  auto l = RunMteval("score " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -m bleu -f latex");
  CHECK_THAT(l.out, Catch::StartsWith("\\begin{tabular}{rc}\n\\toprule\n"));
}

TEST_CASE("sentence-level scores, one per line", "[cli]") {
  Files f;
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " -sl -b");
  REQUIRE(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  auto t = RunMteval("score " + f.ref + " -i " + f.hyp + " -sl");
  CHECK_THAT(t.out, Catch::Contains("eff:yes"));
  // -f json at sentence level prints text, as sacreBLEU ignores it there;
  // -f jsonl gives one JSON object per segment.
  CHECK(RunMteval("score " + f.ref + " -i " + f.hyp + " -sl -f json -m chrf").out ==
        RunMteval("score " + f.ref + " -i " + f.hyp + " -sl -f text -m chrf").out);
  auto j = RunMteval("score " + f.ref + " -i " + f.hyp + " -sl -f jsonl -m chrf");
  CHECK(nlohmann::json::parse(j.out.substr(0, j.out.find('\n')))["name"] == "chrF2");
  CHECK(RunMteval("score " + f.ref + " -i " + f.hyp + " -f jsonl").exit_code == 2);
}

TEST_CASE("score -l takes the target as sacreBLEU does, the second dash-separated part", "[cli]") {
  const std::string dir = testing::MakeTempDir();
  WriteFile(dir + "/ref", "\xE6\x88\x91\xE7\x88\xB1\xE4\xBD\xA0\xE3\x80\x82\n");  // 我爱你。
  WriteFile(dir + "/hyp", "\xE6\x88\x91\xE7\x88\xB1\xE5\xA5\xB9\xE3\x80\x82\n");  // 我爱她。
  for (const char* l : {"en-zh", "en-zh-TW", "en-zh-Hant"}) {
    INFO(l);
    auto r = RunMteval("score " + dir + "/ref -i " + dir + "/hyp -l " + l + " -f text");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("tok:zh"));
  }
  CHECK_THAT(RunMteval("score " + dir + "/ref -i " + dir + "/hyp -l zh-en -f text").out, Catch::Contains("tok:13a"));
}

TEST_CASE("bad input: line-count mismatch", "[cli]") {
  Files f;
  WriteFile(f.hyp, "only one line\n");
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp);
  CHECK(r.exit_code == 4);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(f.hyp + "' has 1") && Catch::Contains(f.ref + "' has 2"));
}

TEST_CASE("bad input: invalid UTF-8", "[cli]") {
  Files f;
  WriteFile(f.hyp, "fine\nbroken \xC3\x28 here\n");
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp);
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(f.hyp) && Catch::Contains("line 2") && Catch::Contains("byte offset 12"));
}

TEST_CASE("score -d prints sacreBLEU's note on files, as text", "[cli]") {
  Files f;
  const std::string note = "No subset information found. Consider using --origlang argument.\n";
  auto b = RunMteval("score " + f.ref + " -i " + f.ref + " -d -b");
  REQUIRE(b.exit_code == 0);
  CHECK(b.out == "100.0\n" + note);
  // The default JSON becomes text, as in sacreBLEU.
  auto d = RunMteval("score " + f.ref + " -i " + f.hyp + " --detail");
  CHECK_THAT(d.out, Catch::StartsWith("BLEU|nrefs:1|") && Catch::EndsWith(note));
  // Sentence level and several systems print no note.
  CHECK(RunMteval("score " + f.ref + " -i " + f.ref + " -d -sl -b").out == "100.0\n100.0\n");
  CHECK_THAT(RunMteval("score " + f.ref + " -i " + f.hyp + " " + f.hyp2 + " -d").out, !Catch::Contains("subset"));
}

TEST_CASE("sacreBLEU's test-set options are refused with what to do instead", "[cli]") {
  Files f;
  for (const char* flag : {"-t wmt22", "--test-set=wmt22", "--echo src", "--list", "--cite", "--download wmt22"}) {
    INFO(flag);
    auto r = RunMteval("score -l zh-en -i " + f.hyp + " " + flag);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("does not download") && Catch::Contains("--echo ref") &&
                          Catch::Contains("mteval score REF -l SRC-TGT -i HYP"));
  }
  // -t is a one-letter option now, so -to is ambiguous between -t and -tok.
  CHECK_THAT(RunMteval("score " + f.ref + " -i " + f.hyp + " -to intl").err, Catch::Contains("ambiguous"));
}

TEST_CASE("bad input: unknown flags and values", "[cli]") {
  Files f;
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " --bogus");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("--bogus"));
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -tok klingon");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("-tok") && Catch::Contains("13a") && Catch::Contains("klingon"));
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -m bleu rouge");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("rouge") && Catch::Contains("chrf"));
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -w abc");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("-w") && Catch::Contains("abc"));
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -s bogus");
  CHECK_THAT(r.err, Catch::Contains("exp"));
  r = RunMteval("score -i " + f.hyp);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("reference"));
  r = RunMteval("score " + f.dir + "/absent.txt -i " + f.hyp);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("absent.txt"));
}

TEST_CASE("empty files, empty lines, BOM and CRLF are handled as sacreBLEU does", "[cli]") {
  Files f;
  // Empty files: sacreBLEU exits 1 ("contains no sentence"); mteval names
  // the file, prints nothing and exits nonzero, also at sentence level and
  // from standard input.
  WriteFile(f.ref, "");
  WriteFile(f.hyp, "");
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " -b -f text");
  CHECK(r.exit_code != 0);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(f.hyp) && Catch::Contains("no lines"));
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -sl");
  CHECK(r.exit_code != 0);
  CHECK(r.out.empty());
  r = RunMteval("score " + f.ref, "");
  CHECK(r.exit_code != 0);
  CHECK_THAT(r.err, Catch::Contains("no lines"));
  // A file of empty lines is scored (0.0), as in sacreBLEU.
  WriteFile(f.ref, "\n\n");
  WriteFile(f.hyp, "\n\n");
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -b -f text");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "0.0\n");
  WriteFile(f.ref, "a b c d\r\n\r\n");
  WriteFile(f.hyp, "a b c d\n\n");
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -b -f text");
  CHECK(r.out == "100.0\n");
  // The BOM is part of the first token, so it no longer matches.
  WriteFile(f.hyp, "\xEF\xBB\xBF" "a b c d\n\n");
  r = RunMteval("score " + f.ref + " -i " + f.hyp + " -b -f text -w 4");
  CHECK(r.out != "100.0000\n");
}

TEST_CASE("stats-out writes atomically and never over an input", "[cli]") {
  Files f;
  std::string out = f.dir + "/stats.json";
  auto r = RunMteval("score " + f.ref + " -i " + f.hyp + " -m bleu --stats-out " + out);
  REQUIRE(r.exit_code == 0);
  auto again = RunMteval("score " + f.ref + " -i " + f.hyp + " -m bleu --stats-out " + out);
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("--force"));
  auto onto_input = RunMteval("score " + f.ref + " -i " + f.hyp + " --force --stats-out " + f.hyp);
  CHECK(onto_input.exit_code == 2);
  CHECK_THAT(onto_input.err, Catch::Contains("inputs"));
}

}  // namespace mteval
