// TSV (named and numbered columns, streaming) and JSON Lines readers.

#include <catch2/catch.hpp>
#include <zlib.h>

#include <mteval/error.h>
#include "corpus/expect_error.h"
#include "corpus/jsonl_reader.h"
#include "corpus/tsv_reader.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using testing::ErrorOf;

TsvOptions Columns(std::vector<std::string> cols) {
  TsvOptions o;
  o.columns = std::move(cols);
  return o;
}

}  // namespace

TEST_CASE("TSV: named columns from the header / ids / stripping", "[corpus][tsv]") {
  TsvOptions o = Columns({"ref", "hyp"});
  o.doc_column = "doc";
  auto cols = ParseTsv("doc\tsrc\tref\thyp\nd1\tHallo\tHello \tHi\r\nd1\tJa\tYes\tYeah\nd2\tNein\tNo\t\n", "t.tsv", o);
  REQUIRE(cols.size() == 2);
  REQUIRE(cols[0].segments.size() == 3);
  CHECK(cols[0].format == "tsv");
  CHECK(cols[0].name == "ref");
  CHECK(cols[0].segments[0].text == "Hello");   // trailing space stripped
  CHECK(cols[1].segments[0].text == "Hi");      // CR stripped
  CHECK(cols[1].segments[2].text.empty());
  CHECK(cols[0].segments[2].doc_id == "d2");
  CHECK(cols[0].segments[2].seg_id == "3");     // data line number
  REQUIRE(cols[0].docs.size() == 2);
  CHECK(cols[0].docs[1].id == "d2");
}

TEST_CASE("TSV: numbered columns without a header / or with --tsv-header", "[corpus][tsv]") {
  auto cols = ParseTsv("a\tb\tc\nd\te\tf", "n.tsv", Columns({"3", "1"}));
  REQUIRE(cols[0].segments.size() == 2);
  CHECK(cols[0].segments[1].text == "f");
  CHECK(cols[1].segments[0].text == "a");
  TsvOptions o = Columns({"2"});
  o.header = true;
  o.seg_column = "1";
  cols = ParseTsv("id\ttext\n7\tseven\n", "h.tsv", o);
  REQUIRE(cols[0].segments.size() == 1);
  CHECK(cols[0].segments[0].seg_id == "7");
}

TEST_CASE("TSV: wrong column counts and unknown names name the line and the expectation", "[corpus][tsv]") {
  std::string m = ErrorOf([] { ParseTsv("src\tref\na\tb\nc\n", "w.tsv", Columns({"ref"})); });
  CHECK_THAT(m, Catch::Contains("w.tsv: line 3") && Catch::Contains("expected 2 tab-separated columns") &&
                    Catch::Contains("found 1"));
  m = ErrorOf([] { ParseTsv("a\tb\nc\td\te\n", "x.tsv", Columns({"1"})); });
  CHECK_THAT(m, Catch::Contains("x.tsv: line 2") && Catch::Contains("as line 1 has"));
  m = ErrorOf([] { ParseTsv("a\n", "y.tsv", Columns({"2"})); });
  CHECK_THAT(m, Catch::Contains("y.tsv: line 1") && Catch::Contains("at least 2"));
  m = ErrorOf([] { ParseTsv("src\tref\n", "z.tsv", Columns({"hyp"})); });
  CHECK_THAT(m, Catch::Contains("no column named 'hyp'") && Catch::Contains("src, ref"));
  // Found by tsv_fuzzer: a numbered column beyond a short header.
  TsvOptions numbered = Columns({"3"});
  numbered.header = true;
  m = ErrorOf([&] { ParseTsv("c\n\tx\n", "h.tsv", numbered); });
  CHECK_THAT(m, Catch::Contains("h.tsv: line 1") && Catch::Contains("header has only 1"));
  m = ErrorOf([] { ParseTsv("", "e.tsv", Columns({"hyp"})); });
  CHECK_THAT(m, Catch::Contains("header line was expected"));
  m = ErrorOf([] { ParseTsv("a\n", "z.tsv", Columns({"0"})); }, ErrorKind::kUsage);
  CHECK_THAT(m, Catch::Contains("numbered from 1"));
  m = ErrorOf([] { ParseTsv("ok\nab\xff\n", "u.tsv", Columns({"1"})); });
  CHECK_THAT(m, Catch::Contains("u.tsv: line 2, column 3") && Catch::Contains("UTF-8"));
}

TEST_CASE("TSV stream reads a file row by row / also gzip and long lines", "[corpus][tsv]") {
  const std::string dir = testing::MakeTempDir();
  std::string content = "ref\thyp\n";
  const std::string long_field(200000, 'x');  // longer than the read chunk
  for (int i = 0; i < 1000; ++i) content += "r" + std::to_string(i) + "\t" + (i == 500 ? long_field : "h") + "\n";
  content += "last\tline";  // no final newline
  testing::WriteFile(dir + "/c.tsv", content);
  gzFile gz = gzopen((dir + "/c.tsv.gz").c_str(), "wb");
  gzwrite(gz, content.data(), static_cast<unsigned>(content.size()));
  gzclose(gz);
  for (const std::string& path : {dir + "/c.tsv", dir + "/c.tsv.gz"}) {
    TsvStream s(path, Columns({"hyp", "ref"}));
    TsvRow row;
    size_t n = 0;
    while (s.Next(&row)) {
      if (n == 500) CHECK(row.fields[0] == long_field);
      if (n == 999) CHECK(row.fields[1] == "r999");
      ++n;
    }
    CHECK(n == 1001);
    CHECK(row.fields[0] == "line");
    CHECK(row.line == 1002);
  }
  testing::WriteFile(dir + "/plain.gz", "a\tb\n");
  CHECK_THAT(ErrorOf([&] { TsvStream s(dir + "/plain.gz", Columns({"1"})); }), Catch::Contains("not a gzip file"));
  CHECK_THAT(ErrorOf([&] { TsvStream s(dir + "/none.tsv", Columns({"1"})); }), Catch::Contains("cannot open"));
}

TEST_CASE("JSONL: configurable fields / ids and metadata", "[corpus][jsonl]") {
  JsonlOptions o;
  o.fields = {"reference", "mt"};
  o.doc_field = "doc";
  o.seg_field = "id";
  auto cols = ParseJsonl(
      "{\"doc\": \"d1\", \"id\": 1, \"reference\": \"Hello\", \"mt\": \"Hi\", \"origlang\": \"de\"}\n\n"
      "{\"doc\": \"d2\", \"id\": \"x\", \"reference\": \"Caf\\u00e9\", \"mt\": \"Cafe\", \"domain\": \"news\"}\n",
      "t.jsonl", o);
  REQUIRE(cols.size() == 2);
  REQUIRE(cols[0].segments.size() == 2);
  CHECK(cols[0].segments[1].text == "Caf\xC3\xA9");
  CHECK(cols[1].segments[0].text == "Hi");
  CHECK(cols[0].segments[0].seg_id == "1");
  CHECK(cols[0].segments[1].seg_id == "x");
  REQUIRE(cols[0].docs.size() == 2);
  CHECK(cols[0].docs[0].origlang == "de");
  CHECK(cols[0].docs[1].domain == "news");
}

TEST_CASE("JSONL: malformed records name the line / column and the field expected", "[corpus][jsonl]") {
  JsonlOptions o;
  o.fields = {"hyp"};
  std::string m = ErrorOf([&] { ParseJsonl("{\"hyp\": \"a\"}\n{\"hyp\": \"b\", }\n", "b.jsonl", o); });
  CHECK_THAT(m, Catch::Contains("b.jsonl: line 2, column") && Catch::Contains("invalid JSON"));
  m = ErrorOf([&] { ParseJsonl("{\"hyp\": \"a\"}\n{\"ref\": \"b\"}\n", "m.jsonl", o); });
  CHECK_THAT(m, Catch::Contains("m.jsonl: line 2") && Catch::Contains("no field \"hyp\""));
  m = ErrorOf([&] { ParseJsonl("{\"hyp\": 3}\n", "n.jsonl", o); });
  CHECK_THAT(m, Catch::Contains("is a number") && Catch::Contains("expected a string"));
  // Found by jsonl_fuzzer: a number out of range threw a non-parse_error exception.
  m = ErrorOf([&] { ParseJsonl("{\"hyp\": \"a\"}\n{\"x\": 1e99999, \"hyp\": \"b\"}\n", "big.jsonl", o); });
  CHECK_THAT(m, Catch::Contains("big.jsonl: line 2") && Catch::Contains("JSON"));
  m = ErrorOf([&] { ParseJsonl("[1]\n", "a.jsonl", o); });
  CHECK_THAT(m, Catch::Contains("expected a JSON object"));
}

}  // namespace mteval
