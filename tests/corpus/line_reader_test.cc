// Reading lines exactly as sacreBLEU reads them.

#include <catch2/catch.hpp>
#include <zlib.h>

#include <memory>
#include <random>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include <mteval/corpus.h>
#include "support/test_paths.h"

namespace mteval {

using Lines = std::vector<std::string>;

TEST_CASE("file lines split on LF only and are right-stripped", "[corpus]") {
  CHECK(SplitLines("", "f", false).empty());
  CHECK(SplitLines("\n", "f", false) == Lines{""});
  CHECK(SplitLines("a\nb", "f", false) == Lines{"a", "b"});
  CHECK(SplitLines("a\nb\n", "f", false) == Lines{"a", "b"});
  CHECK(SplitLines("a\r\nb\r\n", "f", false) == Lines{"a", "b"});          // CRLF: \r stripped by rstrip
  CHECK(SplitLines("a\rb\n", "f", false) == Lines{"a\rb"});                // lone CR stays inside the line
  CHECK(SplitLines("a \t\xC2\xA0\nb", "f", false) == Lines{"a", "b"});     // Unicode trailing space
  CHECK(SplitLines("  lead\n", "f", false) == Lines{"  lead"});            // leading space kept
  CHECK(SplitLines("\xEF\xBB\xBFhi\n", "f", false) == Lines{"\xEF\xBB\xBFhi"});  // BOM kept, as Python's utf-8
  CHECK(SplitLines("\n\n\n", "f", false) == Lines{"", "", ""});
}

TEST_CASE("file lines: the 16-byte newline scan against a byte-by-byte split", "[corpus]") {
  // Random short lines (often empty, sometimes with trailing spaces or a
  // CR) so that newlines fall at every offset of the scan's blocks, with
  // and without a final newline.
  std::mt19937 rng(17);
  const std::vector<std::string> pieces = {"a", "bc", " ", "\r", "\xC3\xA9", "xyzxyzxyzxyzxyzxyz"};
  for (int trial = 0; trial < 3000; ++trial) {
    std::string content;
    const size_t lines = rng() % 12;
    for (size_t l = 0; l < lines; ++l) {
      const size_t k = rng() % 4;
      for (size_t i = 0; i < k; ++i) content += pieces[rng() % pieces.size()];
      if (l + 1 < lines || rng() % 2) content += '\n';
    }
    Lines want;
    for (size_t start = 0; start < content.size();) {
      size_t end = start;
      while (end < content.size() && content[end] != '\n') ++end;
      std::string line = content.substr(start, end - start);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
      want.push_back(line);
      start = end + 1;
    }
    REQUIRE(SplitLines(content, "f", false) == want);
  }
}

TEST_CASE("standard input uses universal newlines", "[corpus]") {
  CHECK(SplitLines("a\rb\r\nc\n", "<stdin>", true) == Lines{"a", "b", "c"});
  CHECK(SplitLines("a\r", "<stdin>", true) == Lines{"a"});
}

TEST_CASE("invalid UTF-8 names the file, line, column and byte", "[corpus]") {
  try {
    SplitLines("ok\nab\xFF" "c\n", "hyp.txt", false);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    std::string m = e.what();
    CHECK_THAT(m, Catch::Contains("hyp.txt") && Catch::Contains("line 2") && Catch::Contains("column 3") &&
                      Catch::Contains("byte offset 5") && Catch::Contains("0xFF") && Catch::Contains("iconv"));
  }
}

TEST_CASE("gzip files are read transparently and missing files are named", "[corpus]") {
  std::string dir = testing::MakeTempDir();
  std::string path = dir + "/x.txt.gz";
  gzFile f = gzopen(path.c_str(), "wb");
  gzputs(f, "one\ntwo\n");
  gzclose(f);
  CHECK(ReadLines(path) == Lines{"one", "two"});
  testing::WriteFile(dir + "/bad.gz", "not gzip at all");
  CHECK_THROWS_WITH(ReadLines(dir + "/bad.gz"), Catch::Contains("not a gzip file"));
  testing::WriteFile(dir + "/trunc.gz", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x4b", 11));
  CHECK_THROWS_WITH(ReadLines(dir + "/trunc.gz"), Catch::Contains("truncated"));
  CHECK_THROWS_WITH(ReadLines(dir + "/missing.txt"), Catch::Contains("missing.txt") && Catch::Contains("No such file"));
}

TEST_CASE("line-count mismatch names both files and counts", "[corpus]") {
  std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/ref", "a\nb\nc\n");
  testing::WriteFile(dir + "/hyp", "a\nb\n");
  TextCorpusOptions o;
  o.ref_paths = {dir + "/ref"};
  o.hyp_paths = {dir + "/hyp"};
  try {
    LoadTextCorpus(o);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kMismatch);
    CHECK_THAT(std::string(e.what()), Catch::Contains(dir + "/hyp' has 2") && Catch::Contains(dir + "/ref' has 3"));
  }
}

TEST_CASE("num-refs reads tab-separated references", "[corpus]") {
  std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/refs", "a1\ta2\nb1\tb2\n");
  testing::WriteFile(dir + "/hyp", "a\nb\n");
  TextCorpusOptions o;
  o.ref_paths = {dir + "/refs"};
  o.hyp_paths = {dir + "/hyp"};
  o.num_refs = 2;
  // The fields are views into the mapped file; a copy keeps them valid
  // after the loaded corpus is gone.
  auto loaded = std::make_unique<TextCorpus>(LoadTextCorpus(o));
  const TextCorpus c = *loaded;
  loaded.reset();
  REQUIRE(c.refs.size() == 2);
  CHECK(c.refs[0] == Lines{"a1", "b1"});
  CHECK(c.refs[1] == Lines{"a2", "b2"});
  CHECK(c.systems[0] == Lines{"a", "b"});
  o.num_refs = 3;
  CHECK_THROWS_WITH(LoadTextCorpus(o), Catch::Contains("line 1: expected 3"));
}

}  // namespace mteval
