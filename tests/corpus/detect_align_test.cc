// Format detection and segment alignment (by line and by id).

#include <catch2/catch.hpp>

#include <mteval/error.h>
#include "corpus/format_detect.h"
#include <mteval/corpus.h>
#include "support/test_paths.h"

namespace mteval {
namespace {

SegmentedText Stream(const std::string& path, const std::vector<std::pair<std::string, std::string>>& ids) {
  SegmentedText t;
  t.path = path;
  for (const auto& [doc, seg] : ids) {
    Segment s;
    s.doc_id = doc;
    s.seg_id = seg;
    s.text = doc + "/" + seg;
    t.segments.push_back(s);
  }
  return t;
}

std::string AlignError(const std::vector<const SegmentedText*>& streams, const PairingOptions& o,
                       ErrorKind kind = ErrorKind::kMismatch) {
  try {
    PairSegments(streams, o);
  } catch (const Error& e) {
    CHECK(e.kind() == kind);
    return e.what();
  }
  FAIL("no error thrown");
  return "";
}

}  // namespace

TEST_CASE("format from extension and content", "[corpus][detect]") {
  CorpusFormat f;
  REQUIRE(FormatFromExtension("a/b.TSV", &f));
  CHECK(f == CorpusFormat::kTsv);
  REQUIRE(FormatFromExtension("b.jsonl.gz", &f));
  CHECK(f == CorpusFormat::kJsonl);
  REQUIRE(FormatFromExtension("x.sgm", &f));
  CHECK(f == CorpusFormat::kSgml);
  REQUIRE(FormatFromExtension("x.xlf", &f));
  CHECK(f == CorpusFormat::kXliff);
  REQUIRE(FormatFromExtension("x.tmx", &f));
  CHECK(f == CorpusFormat::kTmx);
  CHECK_FALSE(FormatFromExtension("test.xml", &f));
  CHECK_FALSE(FormatFromExtension("newstest2019.en-de.de", &f));
  CHECK_FALSE(FormatFromExtension("dir.v2/file", &f));
  CHECK(FormatFromContent("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<dataset id=\"x\">") == CorpusFormat::kWmtXml);
  CHECK(FormatFromContent("<xliff version=\"2.0\">") == CorpusFormat::kXliff);
  CHECK(FormatFromContent("<tmx version=\"1.4\">") == CorpusFormat::kTmx);
  CHECK(FormatFromContent("<srcset setid=\"x\" srclang=\"any\">") == CorpusFormat::kSgml);
  CHECK(FormatFromContent("<refset>") == CorpusFormat::kSgml);
  CHECK(FormatFromContent("{\"a\": 1}\n") == CorpusFormat::kJsonl);
  CHECK(FormatFromContent("<b>bold</b> text\n") == CorpusFormat::kText);
  CHECK(FormatFromContent("Hello world\n") == CorpusFormat::kText);
  CHECK(FormatFromContent("") == CorpusFormat::kText);
  CHECK_THROWS_AS(ParseFormatName("yaml", &f), Error);
}

TEST_CASE("a file whose content contradicts its extension or the flag gets a message", "[corpus][detect]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/ref.txt", "<srcset setid=\"x\">\n<doc docid=\"1\">\n<seg id=\"1\">a</seg>\n</doc>\n</srcset>\n");
  testing::WriteFile(dir + "/plain", "just text\n");
  testing::WriteFile(dir + "/data.xml", "<dataset><doc id=\"d\"/></dataset>\n");
  std::vector<std::string> warnings;
  try {
    DetectFormat(dir + "/ref.txt", "auto", &warnings);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK_THAT(std::string(e.what()), Catch::Contains("looks like NIST SGML") && Catch::Contains("plain text") &&
                                          Catch::Contains("--input-format sgml"));
  }
  CHECK(DetectFormat(dir + "/ref.txt", "text", &warnings) == CorpusFormat::kText);
  REQUIRE(warnings.size() == 1);
  CHECK_THAT(warnings[0], Catch::Contains("looks like NIST SGML") && Catch::Contains("scored as text"));
  CHECK_THROWS_AS(DetectFormat(dir + "/data.xml", "tsv", &warnings), Error);
  CHECK(DetectFormat(dir + "/data.xml", "auto", &warnings) == CorpusFormat::kWmtXml);
  CHECK(DetectFormat(dir + "/plain", "auto", &warnings) == CorpusFormat::kText);
  CHECK(DetectFormat(dir + "/plain", "tmx", &warnings) == CorpusFormat::kTmx);
  CHECK(DetectFormat("-", "auto", &warnings) == CorpusFormat::kText);
}

TEST_CASE("alignment by line requires equal counts", "[corpus][align]") {
  SegmentedText a = Stream("ref", {{"", "1"}, {"", "2"}});
  SegmentedText b = Stream("hyp", {{"", "1"}});
  PairingOptions o;
  CHECK_THAT(AlignError({&a, &b}, o), Catch::Contains("'hyp' has 1 segments but 'ref' has 2") &&
                                          Catch::Contains("--align id"));
  PairedRows r = PairSegments({&a, &a}, o);
  REQUIRE(r.rows.size() == 2);
  CHECK(r.rows[1] == std::vector<size_t>{1, 1});
}

TEST_CASE("alignment by id matches across orders and reports missing and extra ids", "[corpus][align]") {
  SegmentedText ref = Stream("ref.xml", {{"d1", "1"}, {"d1", "2"}, {"d2", "1"}, {"d2", "2"}});
  SegmentedText hyp = Stream("hyp.xml", {{"d2", "1"}, {"d1", "2"}, {"d1", "1"}, {"d3", "9"}});
  PairingOptions o;
  o.mode = PairingMode::kId;
  std::string m = AlignError({&ref, &hyp}, o);
  CHECK_THAT(m, Catch::Contains("'hyp.xml' lacks 1 of the 4 segments") && Catch::Contains("first: d2#2") &&
                    Catch::Contains("has 1 segments that 'ref.xml' lacks (first: d3#9)") &&
                    Catch::Contains("--allow-missing"));
  o.allow_missing = true;
  PairedRows r = PairSegments({&ref, &hyp}, o);
  REQUIRE(r.rows.size() == 3);
  CHECK(r.rows[0] == std::vector<size_t>{0, 2});
  CHECK(r.rows[1] == std::vector<size_t>{1, 1});
  CHECK(r.rows[2] == std::vector<size_t>{2, 0});
  REQUIRE(r.warnings.size() == 1);
  CHECK_THAT(r.warnings[0], Catch::Contains("scoring 3 segments") && Catch::Contains("d2#2") && Catch::Contains("d3#9"));
}

TEST_CASE("alignment by id: many missing ids are counted and the list is cut", "[corpus][align]") {
  std::vector<std::pair<std::string, std::string>> ids;
  for (int i = 1; i <= 20; ++i) ids.push_back({"d", std::to_string(i)});
  SegmentedText ref = Stream("ref", ids);
  SegmentedText hyp = Stream("hyp", {{"d", "1"}});
  PairingOptions o;
  o.mode = PairingMode::kId;
  std::string m = AlignError({&ref, &hyp}, o);
  CHECK_THAT(m, Catch::Contains("lacks 19 of the 20") && Catch::Contains("d#2, d#3, d#4, d#5, d#6, ...") &&
                    !Catch::Contains("d#7"));
  SegmentedText dup = Stream("dup", {{"d", "1"}, {"d", "1"}});
  CHECK_THAT(AlignError({&ref, &dup}, o), Catch::Contains("twice"));
  SegmentedText none = Stream("none", {{"x", "1"}});
  o.allow_missing = true;
  CHECK_THAT(AlignError({&hyp, &none}, o), Catch::Contains("nothing to score"));
}

TEST_CASE("alignment by default: by id when every stream carries ids from its file", "[corpus][align]") {
  SegmentedText ref = Stream("ref.xml", {{"d", "1"}, {"d", "2"}});
  SegmentedText hyp = Stream("hyp.xml", {{"d", "2"}, {"d", "1"}});
  ref.has_file_ids = hyp.has_file_ids = true;
  PairingOptions o;  // PairingMode::kAuto
  CHECK(PairSegments({&ref, &hyp}, o).rows == std::vector<std::vector<size_t>>{{0, 1}, {1, 0}});
  o.mode = PairingMode::kLine;
  CHECK(PairSegments({&ref, &hyp}, o).rows == std::vector<std::vector<size_t>>{{0, 0}, {1, 1}});
  // A stream numbered by position (plain text) makes it alignment by line.
  hyp.has_file_ids = false;
  o.mode = PairingMode::kAuto;
  CHECK(PairSegments({&ref, &hyp}, o).rows == std::vector<std::vector<size_t>>{{0, 0}, {1, 1}});
  o.allow_missing = true;
  std::string m = AlignError({&ref, &hyp}, o, ErrorKind::kUsage);
  CHECK_THAT(m, Catch::Contains("--allow-missing matches segments by id, but 'hyp.xml' has no segment ids"));
  // Ids the pivot's reader left out on purpose are not extra in the others.
  hyp = Stream("hyp.xml", {{"d", "2"}, {"d", "3"}, {"d", "1"}});
  hyp.has_file_ids = true;
  o.allow_missing = false;
  CHECK_THAT(AlignError({&ref, &hyp}, o), Catch::Contains("lacks (first: d#3)") && Catch::Contains("--align line"));
  ref.left_out = Stream("", {{"d", "3"}}).segments;
  CHECK(PairSegments({&ref, &hyp}, o).rows == std::vector<std::vector<size_t>>{{0, 2}, {1, 0}});
}

}  // namespace mteval
