// Input text in the plain outputs, end to end: CSV/TSV text cells cannot
// become spreadsheet formulas, and text tables cannot drive the terminal
// (escape sequences are shown as [U+001B]), as the HTML report shows markup
// as text.

#include <catch2/catch.hpp>
#include <cstdio>

#include "report/report_test_files.h"
#include "support/sample_corpus.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

const std::string kEsc = "\x1b[2J\x1b[31m";  // clear the screen, then red

// The sample corpus, its second system under a file name holding escapes.
struct Files : testing::SampleCorpus {
  std::string& a = hyp;
  std::string b = dir + "/b" + kEsc + ".txt";
  std::string systems = "'" + ref + "' -i '" + a + "' '" + b + "' ";
  Files() { REQUIRE(std::rename(hyp2.c_str(), b.c_str()) == 0); }
};

}  // namespace

TEST_CASE("CSV and TSV text cells that a spreadsheet would run start with an apostrophe", "[report][cli]") {
  Files f;
  for (const std::string format : {"csv", "tsv"}) {
    const char sep = format == "csv" ? ',' : '\t';
    auto r = RunMteval("compare " + f.systems + "-m bleu --no-significance -f " + format + " --names '=1+2' '@SUM(A1)'");
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains(sep + std::string("'=1+2") + sep) && Catch::Contains(sep + std::string("'@SUM(A1)") + sep));
    for (const std::string name : {"+cmd", "-0.5"}) {
      auto one = RunMteval("compare " + f.systems + "-m bleu --no-significance -f " + format + " --names '" + name + "' x");
      REQUIRE(one.exit_code == 0);
      CHECK_THAT(one.out, Catch::Contains(sep + ("'" + name) + sep));
    }
    // Numbers are not text: the scores stay numbers.
    CHECK_THAT(r.out, Catch::Contains(sep + std::string("1") + sep + "33.5\n"));
  }
  // Escapes in a name are shown, not written.
  auto csv = RunMteval("compare " + f.systems + "-m bleu --no-significance -f csv");
  CHECK(csv.out.find('\x1b') == std::string::npos);
  CHECK_THAT(csv.out, Catch::Contains("[U+001B][2J"));
}

TEST_CASE("score's text tables show escapes in system names instead of writing them", "[report][cli]") {
  Files f;
  auto table = RunMteval("score " + f.systems + "-m bleu -f text");
  REQUIRE(table.exit_code == 0);
  CHECK(table.out.find('\x1b') == std::string::npos);
  CHECK_THAT(table.out, Catch::Contains("[U+001B][2J[U+001B][31m.txt"));
  auto paired = RunMteval("score " + f.systems + "-m bleu -f text --paired-bs --paired-bs-n 10");
  REQUIRE(paired.exit_code == 0);
  CHECK(paired.out.find('\x1b') == std::string::npos);
  // Ordinary names are printed as sacreBLEU prints them.
  CHECK_THAT(table.out, Catch::Contains(" " + f.a + " \u2502"));
}

TEST_CASE("per-document and terminology text show escapes from the inputs", "[report][cli]") {
  Files f;
  const std::string tsv = f.dir + "/docs.tsv";
  WriteFile(tsv, "d" + kEsc + "\tThe cat sat.\tThe cat sat.\nd2\tA dog.\tA dog.\n");
  auto per_doc = RunMteval("score '" + tsv + "' --ref-col 2 --hyp-col 3 --doc-col 1 --per-doc -f text");
  REQUIRE(per_doc.exit_code == 0);
  CHECK(per_doc.out.find('\x1b') == std::string::npos);
  CHECK_THAT(per_doc.out, Catch::Contains("d[U+001B][2J"));

  const std::string glossary = f.dir + "/gloss" + kEsc + ".tsv";
  WriteFile(glossary, "cat\tfeline\n");
  auto terms = RunMteval("terms --src '" + f.ref + "' --hyp '" + f.a + "' --glossary '" + glossary + "' -f text");
  REQUIRE(terms.exit_code == 0);
  CHECK(terms.out.find('\x1b') == std::string::npos);
  CHECK_THAT(terms.out, Catch::Contains("gloss[U+001B][2J"));
  CHECK_THAT(terms.out, Catch::Contains("\n"));  // lines stay lines
}

}  // namespace mteval
