// `mteval compare` end to end: formats, output safety, bad arguments.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>


#include "cli/compare_command.h"
#include "report/report_test_files.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

struct Files {
  std::string dir = testing::MakeTempDir();
  std::string ref = dir + "/ref.txt";
  std::string src = dir + "/src.txt";
  std::string a = dir + "/test.hyp.A.en";
  std::string b = dir + "/test.hyp.B.en";
  std::string inputs = ref + " -i " + a + " " + b;
  Files() {
    WriteFile(ref, "The cat sat on the mat.\nIt was raining, again.\nThird line here.\n");
    WriteFile(src, "s1\ns2\ns3\n");
    WriteFile(a, "The cat sat on a mat.\nIt rained again.\nThird line here.\n");
    WriteFile(b, "A cat is on the mat.\nIt was raining, again.\nA third line.\n");
  }
};

}  // namespace

TEST_CASE("compare writes an HTML report and prints its path", "[report][cli]") {
  Files f;
  std::string out = f.dir + "/report.html";
  auto r = RunMteval("compare " + f.inputs + " --src " + f.src + " -m bleu chrf ter -o " + out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == out + "\n");
  CHECK(r.err.empty());  // stderr is not a TTY: no progress bar
  std::string html = testing::ReadWholeFile(out);
  CHECK(html.find("id=\"ranking\"") != std::string::npos);
  CHECK(html.find(">A <span class=\"ci\">") != std::string::npos);  // short system names in examples
  CHECK(html.find("data-chart=\"bar-ter-2\"") != std::string::npos);
  // An existing report is kept without --force.
  WriteFile(out, "old");
  auto again = RunMteval("compare " + f.inputs + " -o " + out);
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("already exists") && Catch::Contains("--force"));
  CHECK(testing::ReadWholeFile(out) == "old");
  CHECK(RunMteval("compare " + f.inputs + " -o " + out + " --force").exit_code == 0);
  CHECK(testing::ReadWholeFile(out).rfind("<!DOCTYPE html>", 0) == 0);
}

TEST_CASE("compare never overwrites an input", "[report][cli]") {
  Files f;
  const std::string before = testing::ReadWholeFile(f.b);
  for (const std::string& target : {f.b, f.dir + "/./test.hyp.B.en", f.src, f.ref}) {
    auto r = RunMteval("compare " + f.inputs + " --src " + f.src + " -o " + target + " --force");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("one of the inputs"));
  }
  CHECK(testing::ReadWholeFile(f.b) == before);
  // Through a symbolic link too.
  std::string link = f.dir + "/link.html";
  REQUIRE(std::system(("ln -s '" + f.a + "' '" + link + "'").c_str()) == 0);
  CHECK(RunMteval("compare " + f.inputs + " -o " + link + " --force").exit_code == 2);
}

TEST_CASE("compare formats: stdout text, inferred and explicit formats", "[report][cli]") {
  Files f;
  auto text = RunMteval("compare " + f.inputs + " -m bleu ter");
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("\x1b[") == std::string::npos);
  CHECK_THAT(text.out, Catch::Contains("A (baseline)") && Catch::Contains("TER"));
  auto json = RunMteval("compare " + f.inputs + " --format json -m chrf");
  REQUIRE(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["systems"] == nlohmann::json({"A", "B"}));
  CHECK(j["metrics"][0]["name"] == "chrF2");
  std::string csv = f.dir + "/r.csv";
  REQUIRE(RunMteval("compare " + f.inputs + " -o " + csv).exit_code == 0);
  CHECK(testing::ReadWholeFile(csv).rfind(
            "rank,system,baseline,BLEU,BLEU ci_low,BLEU ci_high,BLEU p,chrF2,chrF2 ci_low,chrF2 ci_high,chrF2 p\n", 0) == 0);
  REQUIRE(RunMteval("compare " + f.inputs + " -o " + csv + " --force --no-significance").exit_code == 0);
  CHECK(testing::ReadWholeFile(csv).rfind("rank,system,baseline,BLEU,chrF2\n", 0) == 0);
  auto tex = RunMteval("compare " + f.inputs + " -f latex --names base other");
  CHECK_THAT(tex.out, Catch::Contains("\\toprule") && Catch::Contains("other"));
  auto md = RunMteval("compare " + f.inputs + " -f md");
  CHECK_THAT(md.out, Catch::Contains("| # | System |"));
}

TEST_CASE("compare rejects bad arguments and inputs", "[report][cli]") {
  Files f;
  CHECK(RunMteval("compare " + f.ref).exit_code == 2);
  CHECK(RunMteval("compare " + f.inputs + " --names one").exit_code == 2);
  CHECK(RunMteval("compare " + f.inputs + " -f pdf").exit_code == 2);
  CHECK(RunMteval("compare " + f.inputs + " -m bleu bleu").exit_code == 2);
  WriteFile(f.src, "only one line\n");
  auto r = RunMteval("compare " + f.inputs + " --src " + f.src);
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("src.txt"));
  WriteFile(f.b, "short\n");
  CHECK(RunMteval("compare " + f.inputs).exit_code == 4);
  auto help = RunMteval("compare --help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("--format"));
}

TEST_CASE("short system names drop the shared file name parts", "[report]") {
  CHECK(ShortSystemNames({"/x/test.hyp.A.en", "/y/test.hyp.B-2.en"}) == std::vector<std::string>{"A", "B-2"});
  CHECK(ShortSystemNames({"/x/one.txt"}) == std::vector<std::string>{"one.txt"});
  CHECK(ShortSystemNames({"a/sys.en", "b/sys.en"}) == std::vector<std::string>{"a/sys.en", "b/sys.en"});
  CHECK(ShortSystemNames({"mt-a.en", "mt-b.en"}) == std::vector<std::string>{"mt-a", "mt-b"});
}

}  // namespace mteval

namespace mteval {

TEST_CASE("compare and score accept the same metric flags with the same effect", "[report][cli]") {
  Files f;
  // Every metric flag of score is in compare's help, and the other way round.
  auto score_help = RunMteval("score --help");
  auto compare_help = RunMteval("compare --help");
  REQUIRE(score_help.exit_code == 0);
  REQUIRE(compare_help.exit_code == 0);
  for (const char* flag : {"--smooth-method", "--max-ngram-order", "--chrf-char-order", "--chrf-beta",
                           "--chrf-whitespace", "--ter-normalized", "--spm-model", "--threads"}) {
    CHECK(score_help.out.find(flag) != std::string::npos);
    CHECK(compare_help.out.find(flag) != std::string::npos);
  }
  // The same non-default options give the same score and signature in both.
  const std::string opts = " -m chrf -cc 4 -cw 1 --chrf-beta 1 -w 6";
  auto score = RunMteval("score " + f.ref + " -i " + f.a + opts + " -f json");
  auto report = RunMteval("compare " + f.inputs + opts + " --no-significance -f json");
  REQUIRE(score.exit_code == 0);
  REQUIRE(report.exit_code == 0);
  const auto s = nlohmann::json::parse(score.out);
  const auto r = nlohmann::json::parse(report.out);
  const std::string dump = r.dump();
  CHECK(dump.find(s["signature"].get<std::string>()) != std::string::npos);
  CHECK(dump.find("nc:4") != std::string::npos);
  // --threads 0 (one per core, the default) and 1 give the same report.
  auto one = RunMteval("compare " + f.inputs + opts + " --no-significance -f json --threads 1");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == report.out);
  CHECK(RunMteval("compare " + f.inputs + " --threads -1").exit_code != 0);
}

}  // namespace mteval
