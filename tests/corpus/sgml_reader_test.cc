// NIST/WMT SGML reading, including WMT21 inline <term> annotations.

#include <catch2/catch.hpp>

#include <fstream>

#include <mteval/error.h>
#include "corpus/sgml_reader.h"
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

std::string SpanText(const Segment& seg, const TextSpan& span) {
  return seg.text.substr(span.begin, span.end - span.begin);
}

std::string ErrorOf(const std::string& sgml) {
  try {
    ParseSgml(sgml, "in.sgm");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("SGML: sets, documents, segments and metadata", "[corpus][sgml]") {
  const std::string sgml =
      "<refset setid=\"t\" srclang=\"any\" trglang=\"fr\">\n"
      "<doc sysid=\"ref\" docid=\"D1\" genre=\"terminology\" origlang=\"en\">\n"
      "<p>\n"
      "<seg id=\"6\"> et vos symptômes </seg>\n"
      "<seg id=\"9\">AS &amp; A &amp;gt; &#233;t&#xE9; AT&T &lt;x&gt;</seg>\n"
      "</p>\n"
      "</doc>\n"
      "<DOC docid='D2'><SEG>second</SEG><seg>third</seg></DOC>\n"
      "</refset>\n";
  SegmentedText t = ParseSgml(sgml, "r.sgm");
  CHECK(t.path == "r.sgm");
  CHECK(t.format == "sgml");
  CHECK(t.lang == "fr");
  CHECK(t.name == "ref");
  REQUIRE(t.docs.size() == 2);
  CHECK(t.docs[0].id == "D1");
  CHECK(t.docs[0].origlang == "en");
  CHECK(t.docs[0].domain == "terminology");
  CHECK(t.docs[0].attrs.at("sysid") == "ref");
  REQUIRE(t.segments.size() == 4);
  CHECK(t.segments[0].text == " et vos symptômes ");
  CHECK(t.segments[0].doc_id == "D1");
  CHECK(t.segments[0].seg_id == "6");
  CHECK(t.segments[1].text == "AS & A &gt; été AT&T <x>");  // decoded once only
  CHECK(t.segments[2].doc_id == "D2");
  CHECK(t.segments[2].seg_id == "1");  // position in the document when id is absent
  CHECK(t.segments[3].seg_id == "2");
  CHECK(t.segments[3].text == "third");
}

TEST_CASE("SGML: srcset language is srclang, tstset name is the doc sysid", "[corpus][sgml]") {
  SegmentedText s = ParseSgml("<srcset srclang=\"en\"><doc docid=\"a\"><seg id=\"1\">x</seg></doc></srcset>", "s");
  CHECK(s.lang == "en");
  SegmentedText h = ParseSgml(
      "<tstset trglang=\"de\"><doc sysid=\"Fairseq\" docid=\"a\"><seg id=\"1\">x</seg></doc></tstset>", "h");
  CHECK(h.lang == "de");
  CHECK(h.name == "Fairseq");
}

TEST_CASE("SGML: WMT21 term annotations become spans without their tags", "[corpus][sgml]") {
  const std::string sgml =
      "<srcset srclang=\"en\"><doc docid=\"d\">\n"
      "<seg id=\"62\"> have a <term id=\"449\" type=\"src_original_and_tgt_original\" src=\"dry cough\" "
      "tgt=\"toux s&#232;che\"> dry cough </term> and <term id=\"330\" type=\"t\" src=\"runny nose\" "
      "tgt=\"nez coule-t-il|nez qui coule\">runny nose</term>!</seg>\n"
      "</doc></srcset>\n";
  SegmentedText t = ParseSgml(sgml, "s.sgm");
  REQUIRE(t.segments.size() == 1);
  const Segment& seg = t.segments[0];
  CHECK(seg.text == " have a  dry cough  and runny nose!");
  REQUIRE(seg.spans.size() == 2);
  CHECK(seg.spans[0].kind == "term");
  CHECK(SpanText(seg, seg.spans[0]) == "dry cough");
  CHECK(seg.spans[0].begin == 9);
  CHECK(seg.spans[0].attrs.at("id") == "449");
  CHECK(seg.spans[0].attrs.at("type") == "src_original_and_tgt_original");
  CHECK(seg.spans[0].attrs.at("src") == "dry cough");
  CHECK(seg.spans[0].attrs.at("tgt") == "toux sèche");
  CHECK(SpanText(seg, seg.spans[1]) == "runny nose");
  CHECK(seg.spans[1].attrs.at("tgt") == "nez coule-t-il|nez qui coule");
}

TEST_CASE("SGML: malformed input names the line and what was expected", "[corpus][sgml]") {
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1\">x\n</doc>\n"),
             Catch::Contains("in.sgm:4") && Catch::Contains("expected </seg>"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1\">x <term id=\"1\">y</seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("expected </term>"));
  CHECK_THAT(ErrorOf("<srcset>\n\nstray text\n"),
             Catch::Contains("in.sgm:3") && Catch::Contains("text outside <seg>"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc>\n"), Catch::Contains("in.sgm:2") && Catch::Contains("docid"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1\">a &eacute; b</seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("unknown entity '&eacute;'"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1\">&#xD800;</seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("bad character reference"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1\">a <b>x</b></seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("<b> inside <seg>"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n<seg id=\"1></seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("unterminated value"));
  CHECK_THAT(ErrorOf("<srcset>\n<foo>\n"), Catch::Contains("in.sgm:2") && Catch::Contains("unknown element <foo>"));
  CHECK_THAT(ErrorOf("<srcset>\n<doc docid=\"a\">\n</doc>\n"),
             Catch::Contains("in.sgm:4") && Catch::Contains("expected </srcset>"));
  CHECK_THAT(ErrorOf("<srcset>\n<seg id=\"1\">ok</seg>\n<seg id=\"2\">\xFF</seg>"),
             Catch::Contains("in.sgm:3") && Catch::Contains("invalid UTF-8"));
  CHECK_THAT(ErrorOf("<srcset>\n</doc>"), Catch::Contains("in.sgm:2") && Catch::Contains("</doc> without <doc>"));
}

TEST_CASE("SGML: reading a file and a missing file", "[corpus][sgml]") {
  std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/a.sgm", "<tstset trglang=\"fr\">\n<doc docid=\"x\" sysid=\"S\">\n<seg id=\"1\">b</seg>\n</doc>\n</tstset>\n");
  SegmentedText t = ReadSgml(dir + "/a.sgm");
  CHECK(t.path == dir + "/a.sgm");
  REQUIRE(t.segments.size() == 1);
  CHECK(t.segments[0].text == "b");
  CHECK_THROWS_WITH(ReadSgml(dir + "/missing.sgm"), Catch::Contains("missing.sgm"));
}

TEST_CASE("SGML: the WMT21 en-fr terminology dev set", "[corpus][sgml][shared]") {
  std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("this test's shared data")) return;
  std::string dir = shared + "/terminology/wmt21-en-fr/";
  SegmentedText src = ReadSgml(dir + "dev.en-fr.en.sgm");
  SegmentedText ref = ReadSgml(dir + "dev.en-fr.fr.sgm");
  SegmentedText hyp = ReadSgml(dir + "en-fr.dev.txt.truecased.sgm");
  CHECK(src.segments.size() == 971);
  CHECK(ref.segments.size() == 971);
  CHECK(hyp.segments.size() == 971);
  CHECK(src.docs.size() == 13);
  CHECK(ref.lang == "fr");
  CHECK(hyp.name == "Fairseq");
  size_t src_terms = 0, ref_terms = 0;
  for (size_t i = 0; i < src.segments.size(); ++i) {
    src_terms += src.segments[i].spans.size();
    ref_terms += ref.segments[i].spans.size();
    CHECK(src.segments[i].seg_id == ref.segments[i].seg_id);
    for (const TextSpan& span : src.segments[i].spans)  // lemma-typed terms differ from their src attribute
      if (span.attrs.at("type").rfind("src_original", 0) == 0) CHECK(SpanText(src.segments[i], span) == span.attrs.at("src"));
  }
  CHECK(src_terms == 901);
  CHECK(ref_terms == 901);
  CHECK(src.segments[0].text == " and are you having any of the following  symptoms  with your chest pain ");
}

}  // namespace mteval
