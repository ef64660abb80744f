// WMT XML, XLIFF and TMX readers: structure, inline markup, malformed input
// and the refusal of DTDs (XXE, entity-expansion bombs).

#include <catch2/catch.hpp>

#include <mteval/error.h>
#include "corpus/expect_error.h"
#include <mteval/corpus.h>
#include "corpus/xml_readers.h"

namespace mteval {
namespace {

using testing::ErrorOf;

const char* kWmt =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<dataset id=\"t\">\n"
    " <collection id=\"general\">\n"
    "  <doc id=\"d1\" origlang=\"de\" domain=\"news\">\n"
    "   <src lang=\"de\"><p><seg id=\"1\">Eins &amp; zwei</seg><seg id=\"2\">Drei</seg></p></src>\n"
    "   <ref lang=\"en\" translator=\"A\"><p><seg id=\"1\">One &amp; two</seg><seg id=\"2\">Three</seg></p></ref>\n"
    "   <ref lang=\"en\" translator=\"B\"><p><seg id=\"1\">One and two</seg><seg id=\"2\">3</seg></p></ref>\n"
    "   <hyp lang=\"en\" system=\"S1\"><p><seg id=\"1\">One, two</seg><seg id=\"2\"> three </seg></p></hyp>\n"
    "  </doc>\n"
    "  <doc id=\"d2\" origlang=\"en\" domain=\"social\">\n"
    "   <src lang=\"de\"><p><seg id=\"1\">Vier</seg></p></src>\n"
    "   <ref lang=\"en\" translator=\"A\"><p><seg id=\"1\">Four</seg></p></ref>\n"
    "  </doc>\n"
    " </collection>\n"
    "</dataset>\n";

}  // namespace

TEST_CASE("WMT XML: source / references per translator / systems / documents", "[corpus][xml]") {
  WmtXmlFile f = ParseWmtXml(kWmt, "t.xml");
  REQUIRE(f.source.segments.size() == 3);
  CHECK(f.source.format == "wmt-xml");
  CHECK(f.source.lang == "de");
  CHECK(f.source.segments[0].text == "Eins & zwei");
  CHECK(f.source.segments[2].doc_id == "d2");
  CHECK(f.source.segments[2].seg_id == "1");
  REQUIRE(f.source.docs.size() == 2);
  CHECK(f.source.docs[0].origlang == "de");
  CHECK(f.source.docs[1].domain == "social");
  CHECK(f.source.docs[1].attrs.at("id") == "d2");
  REQUIRE(f.refs.size() == 2);
  CHECK(f.refs[0].name == "A");
  CHECK(f.refs[0].segments.size() == 3);
  CHECK(f.refs[1].name == "B");
  CHECK(f.refs[1].segments.size() == 3);  // B has no translation of d2: empty, as in sacreBLEU
  CHECK(f.refs[1].segments[1].text == "3");
  CHECK(f.refs[1].segments[2].text.empty());
  CHECK(f.refs[1].segments[2].seg_id == "1");
  CHECK(f.refs[1].docs.size() == 2);
  CHECK(f.refs[0].has_file_ids);
  CHECK(f.refs[0].left_out.empty());
  REQUIRE(f.hyps.size() == 1);
  CHECK(f.hyps[0].name == "S1");
  CHECK(f.hyps[0].segments[1].text == " three ");  // text kept as written
}

TEST_CASE("WMT XML: testsuite documents and untranslated segments are left out, as sacreBLEU does", "[corpus][xml]") {
  // sacreBLEU 2.6.0 (dataset/wmt_xml.py) skips <doc testsuite=..>, keeps a
  // segment only when some <ref> has text for it, and sorts by numeric id.
  const char* x =
      "<dataset><collection id=\"c\">\n"
      "<doc id=\"d1\" origlang=\"de\">\n"
      "<src lang=\"de\"><p><seg id=\"10\">zehn</seg><seg id=\"2\">zwei</seg><seg id=\"3\">drei</seg>"
      "<seg id=\"4\">vier</seg></p></src>\n"
      "<ref lang=\"en\" translator=\"A\"><p><seg id=\"2\">two</seg><seg id=\"3\"></seg><seg id=\"10\">ten</seg></p></ref>\n"
      "<ref lang=\"en\" translator=\"B\"><p><seg id=\"3\"/><seg id=\"4\">four</seg></p></ref>\n"
      "<hyp lang=\"en\" system=\"S\"><p><seg id=\"2\">2</seg><seg id=\"3\">3</seg><seg id=\"4\">4</seg>"
      "<seg id=\"10\">10</seg></p></hyp>\n"
      "</doc>\n"
      "<doc id=\"t1\" origlang=\"de\" testsuite=\"x\">\n"
      "<src lang=\"de\"><p><seg id=\"1\">test</seg></p></src>\n"
      "<ref lang=\"en\" translator=\"A\"><p><seg id=\"1\">test</seg></p></ref>\n"
      "<hyp lang=\"en\" system=\"S\"><p><seg id=\"1\">t</seg></p></hyp>\n"
      "</doc>\n"
      "<doc id=\"d2\" origlang=\"de\"><src lang=\"de\"><p><seg id=\"1\">eins</seg></p></src></doc>\n"
      "</collection></dataset>\n";
  WmtXmlFile f = ParseWmtXml(x, "t.xml");
  auto texts = [](const SegmentedText& t) {
    std::vector<std::string> v;
    for (const Segment& s : t.segments) v.push_back(s.doc_id + "#" + s.seg_id + "=" + s.text);
    return v;
  };
  using V = std::vector<std::string>;
  REQUIRE(f.refs.size() == 2);
  CHECK(texts(f.refs[0]) == V{"d1#2=two", "d1#4=", "d1#10=ten"});  // 3 is empty in A and B
  CHECK(texts(f.refs[1]) == V{"d1#2=", "d1#4=four", "d1#10="});
  CHECK(texts(f.hyps.at(0)) == V{"d1#2=2", "d1#4=4", "d1#10=10"});
  CHECK(texts(f.source) == V{"d1#2=zwei", "d1#4=vier", "d1#10=zehn"});
  std::vector<std::string> left_out;
  for (const Segment& s : f.hyps[0].left_out) left_out.push_back(SegmentLabel(s));
  CHECK(left_out == V{"d1#3", "t1#1", "d2#1"});  // d2 has no reference at all
  CHECK(f.refs[0].left_out.size() == 3);
  CHECK(f.hyps[0].has_file_ids);

  // A system-output file without references keeps every segment.
  WmtXmlFile hyp_only = ParseWmtXml(
      "<dataset><doc id=\"d1\"><hyp system=\"S\"><p><seg id=\"3\">3</seg><seg id=\"2\"></seg></p></hyp></doc></dataset>",
      "h.xml");
  CHECK(texts(hyp_only.hyps.at(0)) == V{"d1#2=", "d1#3=3"});
  CHECK(hyp_only.hyps[0].left_out.empty());
  // Ids that are not all numbers keep the file's order.
  WmtXmlFile named = ParseWmtXml(
      "<dataset><doc id=\"d\"><ref translator=\"A\"><p><seg id=\"b\">x</seg><seg id=\"a\">y</seg>"
      "<seg id=\"1\">z</seg></p></ref></doc></dataset>",
      "n.xml");
  CHECK(texts(named.refs.at(0)) == V{"d#b=x", "d#a=y", "d#1=z"});
  std::string m = ErrorOf([] {
    ParseWmtXml("<dataset><doc id=\"d\"><ref translator=\"A\"><p><seg id=\"1\">x</seg>\n<seg id=\"1\">y</seg>"
                "</p></ref></doc></dataset>",
                "dup.xml");
  });
  CHECK_THAT(m, Catch::Contains("dup.xml: line 2") && Catch::Contains("segment id \"1\" appears twice"));
}

TEST_CASE("WMT XML: missing attributes and wrong roots name the element and line", "[corpus][xml]") {
  std::string m = ErrorOf([] { ParseWmtXml("<dataset>\n<doc origlang=\"en\"><src lang=\"en\"/></doc></dataset>", "a.xml"); });
  CHECK_THAT(m, Catch::Contains("a.xml: line 2") && Catch::Contains("<doc>") && Catch::Contains("id attribute"));
  m = ErrorOf([] {
    ParseWmtXml("<dataset>\n<doc id=\"x\">\n<hyp lang=\"en\"><p><seg id=\"1\">a</seg></p></hyp></doc></dataset>", "b.xml");
  });
  CHECK_THAT(m, Catch::Contains("b.xml: line 3") && Catch::Contains("system"));
  m = ErrorOf([] { ParseWmtXml("<dataset><doc id=\"x\"><src>\n<seg>a</seg></src></doc></dataset>", "c.xml"); });
  CHECK_THAT(m, Catch::Contains("line 2") && Catch::Contains("<seg id="));
  m = ErrorOf([] { ParseWmtXml("<xliff/>", "d.xml"); });
  CHECK_THAT(m, Catch::Contains("expected the root element <dataset>") && Catch::Contains("<xliff>"));
}

TEST_CASE("truncated and malformed XML give line / column and what was expected", "[corpus][xml]") {
  std::string full = kWmt;
  std::string truncated = full.substr(0, full.find("</ref>") + 3);
  std::string m = ErrorOf([&] { ParseWmtXml(truncated, "cut.xml"); });
  CHECK_THAT(m, Catch::Contains("cut.xml: line 6") && Catch::Contains("malformed XML") && Catch::Contains("expected"));
  m = ErrorOf([] { ParseTmx("<tmx>\n<body>\n<tu><tuv xml:lang=\"en\"><seg>a</tuv></tu></body></tmx>", "m.tmx"); });
  CHECK_THAT(m, Catch::Contains("m.tmx: line 3") && Catch::Contains("closing tag"));
  m = ErrorOf([] { ParseXliff("", "empty.xlf"); });
  CHECK_THAT(m, Catch::Contains("empty.xlf") && Catch::Contains("root element"));
  m = ErrorOf([] { ParseXliff("<xliff version=\"1.2\"><file>\xff</file></xliff>", "bad.xlf"); });
  CHECK_THAT(m, Catch::Contains("invalid UTF-8"));
}

TEST_CASE("DOCTYPE and ENTITY declarations are refused: XXE and billion laughs", "[corpus][xml][security]") {
  const std::string xxe =
      "<?xml version=\"1.0\"?>\n"
      "<!DOCTYPE dataset [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
      "<dataset><doc id=\"d\"><src lang=\"en\"><p><seg id=\"1\">&xxe;</seg></p></src></doc></dataset>\n";
  std::string m = ErrorOf([&] { ParseWmtXml(xxe, "xxe.xml"); });
  CHECK_THAT(m, Catch::Contains("xxe.xml: line 2, column 1") && Catch::Contains("refusing") &&
                    Catch::Contains("DOCTYPE") && Catch::Contains("XXE"));
  std::string lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    lol += " <!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) lol += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    lol += "\">\n";
  }
  lol += "]>\n<tmx><body><tu><tuv xml:lang=\"en\"><seg>&lol9;</seg></tuv></tu></body></tmx>\n";
  m = ErrorOf([&] { ParseTmx(lol, "lol.tmx"); });
  CHECK_THAT(m, Catch::Contains("lol.tmx: line 2") && Catch::Contains("refusing") && Catch::Contains("bombs"));
  // An ENTITY declaration outside a DOCTYPE is refused as well.
  m = ErrorOf([] { ParseXliff("<xliff><!ENTITY a \"b\"></xliff>", "e.xlf"); });
  CHECK_THAT(m, Catch::Contains("refusing") && Catch::Contains("ENTITY"));
}

TEST_CASE("absurdly deep nesting is refused with the element's position", "[corpus][xml][security]") {
  std::string deep = "<xliff version=\"1.2\"><file original=\"f\"><body>\n<trans-unit id=\"1\"><source>";
  for (int i = 0; i < 300; ++i) deep += "<g id=\"" + std::to_string(i) + "\">";
  deep += "x";
  for (int i = 0; i < 300; ++i) deep += "</g>";
  deep += "</source></trans-unit></body></file></xliff>";
  std::string m = ErrorOf([&] { ParseXliff(deep, "deep.xlf"); });
  CHECK_THAT(m, Catch::Contains("deep.xlf: line 2") && Catch::Contains("nested more than 200 levels"));
  // 150 levels are fine.
  std::string ok = "<tmx><body><tu><tuv xml:lang=\"en\"><seg>";
  for (int i = 0; i < 150; ++i) ok += "<hi>";
  ok += "y";
  for (int i = 0; i < 150; ++i) ok += "</hi>";
  ok += "</seg></tuv></tu></body></tmx>";
  CHECK(ParseTmx(ok, "ok.tmx").at(0).segments.at(0).text == "y");
}

TEST_CASE("XLIFF 1.2: trans-units / seg-source segmentation and inline placeholders", "[corpus][xliff]") {
  const char* x =
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"press.html\" source-language=\"en\" target-language=\"de\" datatype=\"html\"><body>\n"
      "<trans-unit id=\"u1\"><source>Click <x id=\"1\"/>here <g id=\"2\">now</g>.</source>"
      "<target>Klicken Sie <x id=\"1\"/>hier <g id=\"2\">jetzt</g>.</target></trans-unit>\n"
      "<group><trans-unit id=\"u2\"><source>A. B.</source>"
      "<seg-source><mrk mtype=\"seg\" mid=\"1\">A.</mrk> <mrk mtype=\"seg\" mid=\"2\">B <ph id=\"3\">&lt;br/&gt;</ph>end.</mrk></seg-source>"
      "<target><mrk mtype=\"seg\" mid=\"2\">B2 <ph id=\"3\">&lt;br/&gt;</ph>Ende.</mrk></target></trans-unit></group>\n"
      "<trans-unit id=\"u3\"><source>Untranslated</source></trans-unit>\n"
      "</body></file></xliff>\n";
  BilingualText b = ParseXliff(x, "t.xlf");
  CHECK(b.source.lang == "en");
  CHECK(b.target.lang == "de");
  REQUIRE(b.source.segments.size() == 4);
  CHECK(b.source.segments[0].text == "Click here now.");
  CHECK(b.source.segments[0].doc_id == "press.html");
  CHECK(b.source.segments[0].seg_id == "u1");
  REQUIRE(b.source.segments[0].spans.size() == 2);
  const TextSpan& ph = b.source.segments[0].spans[0];
  CHECK(ph.kind == "placeholder");
  CHECK(ph.begin == 6);
  CHECK(ph.end == 6);
  CHECK(ph.attrs.at("tag") == "x");
  CHECK(ph.attrs.at("id") == "1");
  const TextSpan& g = b.source.segments[0].spans[1];
  CHECK(g.kind == "inline");
  CHECK(b.source.segments[0].text.substr(g.begin, g.end - g.begin) == "now");
  CHECK(b.source.segments[1].seg_id == "u2/1");
  CHECK(b.source.segments[2].seg_id == "u2/2");
  CHECK(b.source.segments[2].text == "B end.");  // the <ph> code is not text
  CHECK(b.source.segments[3].seg_id == "u3");
  REQUIRE(b.target.segments.size() == 2);  // u2/1 and u3 have no target
  CHECK(b.target.segments[0].text == "Klicken Sie hier jetzt.");
  CHECK(b.target.segments[1].seg_id == "u2/2");
  CHECK(b.target.segments[1].text == "B2 Ende.");
  std::string m = ErrorOf([] { ParseXliff("<xliff version=\"1.2\"><file><body>\n<trans-unit><source/></trans-unit></body></file></xliff>", "n.xlf"); });
  CHECK_THAT(m, Catch::Contains("n.xlf: line 2") && Catch::Contains("<trans-unit>") && Catch::Contains("id"));
}

TEST_CASE("XLIFF 2.x: units / segments / inline codes and code points", "[corpus][xliff]") {
  const char* x =
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fr\">\n"
      "<file id=\"f1\"><group id=\"g\"><unit id=\"1\">"
      "<segment id=\"s1\"><source>Hello <pc id=\"1\">big</pc> world<ph id=\"2\"/></source><target>Bonjour <pc id=\"1\">grand</pc> monde<ph id=\"2\"/></target></segment>"
      "<ignorable><source> </source></ignorable>"
      "<segment><source>Tab<cp hex=\"0001\"/></source></segment></unit></group>\n"
      "<unit id=\"2\"><segment><source>Bye</source><target>Salut</target></segment></unit></file></xliff>";
  BilingualText b = ParseXliff(x, "t.xlf");
  CHECK(b.source.lang == "en");
  CHECK(b.target.lang == "fr");
  REQUIRE(b.source.segments.size() == 3);
  CHECK(b.source.segments[0].seg_id == "1/s1");
  CHECK(b.source.segments[0].doc_id == "f1");
  CHECK(b.source.segments[0].text == "Hello big world");
  REQUIRE(b.source.segments[0].spans.size() == 2);
  CHECK(b.source.segments[0].spans[1].kind == "placeholder");
  CHECK(b.source.segments[0].spans[1].begin == std::string("Hello big world").size());
  CHECK(b.source.segments[1].seg_id == "1/2");
  CHECK(b.source.segments[1].text == std::string("Tab\x01"));
  CHECK(b.source.segments[2].seg_id == "2");
  REQUIRE(b.target.segments.size() == 2);
  CHECK(b.target.segments[0].text == "Bonjour grand monde");
  CHECK(b.target.segments[1].text == "Salut");
}

TEST_CASE("TMX 1.4: one stream per language / tuid or number as segment id", "[corpus][tmx]") {
  const char* t =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n"
      "<header srclang=\"en-US\" segtype=\"sentence\" datatype=\"plaintext\" o-tmf=\"x\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\"/>\n"
      "<body>\n"
      "<tu tuid=\"a\"><tuv xml:lang=\"de-DE\"><seg>Hallo <bpt i=\"1\">&lt;b&gt;</bpt>Welt<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv>"
      "<tuv xml:lang=\"en-US\"><seg>Hello <hi>world</hi></seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"en-us\"><seg>Two</seg></tuv><tuv lang=\"de-DE\"><seg>Zwei</seg></tuv></tu>\n"
      "</body></tmx>\n";
  std::vector<SegmentedText> langs = ParseTmx(t, "t.tmx");
  REQUIRE(langs.size() == 2);
  CHECK(langs[0].lang == "en-US");  // the header's srclang first
  CHECK(langs[1].lang == "de-DE");
  REQUIRE(langs[0].segments.size() == 2);
  CHECK(langs[0].segments[0].text == "Hello world");
  CHECK(langs[0].segments[0].spans.at(0).kind == "inline");
  CHECK(langs[0].segments[1].seg_id == "2");
  CHECK(langs[1].segments[0].text == "Hallo Welt");
  CHECK(langs[1].segments[0].seg_id == "a");
  REQUIRE(langs[1].segments[0].spans.size() == 2);
  CHECK(langs[1].segments[0].spans[0].attrs.at("tag") == "bpt");
  std::string m = ErrorOf([] { ParseTmx("<tmx><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>", "l.tmx"); });
  CHECK_THAT(m, Catch::Contains("l.tmx: line 2") && Catch::Contains("xml:lang"));
  m = ErrorOf([] { ParseTmx("<tmx><header/></tmx>", "b.tmx"); });
  CHECK_THAT(m, Catch::Contains("<body>"));
}

namespace {

// A WMT XML file whose one reference segment is `seg` (raw XML).
std::string WmtWithSegment(const std::string& seg) {
  return "<dataset><doc id=\"d\" origlang=\"en\">\n<src lang=\"en\"><p><seg id=\"1\">x</seg></p></src>\n"
         "<ref lang=\"de\" translator=\"A\"><p><seg id=\"1\">" +
         seg + "</seg></p></ref></doc></dataset>";
}

}  // namespace

TEST_CASE("references and characters XML 1.0 does not allow are refused with line and column", "[corpus][xml]") {
  // pugixml cut the text at &#0; ("before"), turned surrogates and code
  // points beyond U+10FFFF into U+FFFD and kept &#7; and &nbsp; as text.
  struct Case {
    const char* seg;
    const char* message;
  };
  const Case cases[] = {
      {"before &#0; after", "&#0; names U+0000"},
      {"a &#xD800; b", "&#xD800; names U+D800"},
      {"a &#x110000; b", "&#x110000; names 0x110000"},
      {"bell &#7;", "&#7; names U+0007"},
      {"&#xFFFE;", "U+FFFE"},
      {"no&#;", "malformed character reference &#;"},
      {"a &#X41; b", "malformed character reference &#X41;"},
      {"a &#12a; b", "malformed character reference"},
      {"non&nbsp;breaking", "undefined entity &nbsp;"},
      {"AT&T rocks", "'&' that starts no reference"},
      {"tail &", "'&' that starts no reference"},
      {"raw \x07 bell", "control character U+0007"},
      {"raw \x01", "control character U+0001"},
      {"raw \xEF\xBF\xBF", "noncharacter U+FFFF"},
  };
  for (const Case& c : cases) {
    INFO(c.seg);
    std::string m = ErrorOf([&] { ParseWmtXml(WmtWithSegment(c.seg), "r.xml"); });
    CHECK_THAT(m, Catch::Contains("r.xml: line 3, column ") && Catch::Contains(c.message));
  }
  // The column is the '&' (or the character) itself.
  CHECK_THAT(ErrorOf([] { ParseWmtXml(WmtWithSegment("before &#0; after"), "r.xml"); }),
             Catch::Contains("line 3, column 53:"));
  // Attribute values are checked too; so are XLIFF and TMX.
  CHECK_THAT(ErrorOf([] { ParseWmtXml("<dataset>\n<doc id=\"a&#0;b\"/></dataset>", "a.xml"); }),
             Catch::Contains("a.xml: line 2, column 11") && Catch::Contains("&#0;"));
  CHECK_THAT(ErrorOf([] {
               ParseXliff("<xliff version=\"1.2\"><file original=\"f\"><body>\n<trans-unit id=\"1\"><source>a</source>"
                          "<target>b &eacute;</target></trans-unit></body></file></xliff>",
                          "t.xlf");
             }),
             Catch::Contains("t.xlf: line 2") && Catch::Contains("undefined entity &eacute;"));
  CHECK_THAT(ErrorOf([] { ParseTmx("<tmx><body><tu>\n<tuv xml:lang=\"en\"><seg>x&#x1;</seg></tuv></tu></body></tmx>", "t.tmx"); }),
             Catch::Contains("t.tmx: line 2") && Catch::Contains("U+0001"));
}

TEST_CASE("references XML allows are decoded, and comments, CDATA and PIs are not searched for them", "[corpus][xml]") {
  WmtXmlFile f = ParseWmtXml(WmtWithSegment("&lt;&gt;&amp;&apos;&quot; &#65;&#x42;&#x10000;&#9;|"), "ok.xml");
  CHECK(f.refs.at(0).segments.at(0).text == "<>&'\" AB\xF0\x90\x80\x80\t|");
  f = ParseWmtXml(WmtWithSegment("a<!-- &nbsp; & &#0; --><![CDATA[ & &#0; ]]><?pi & &#0; ?>b"), "ok.xml");
  CHECK(f.refs.at(0).segments.at(0).text == "a & &#0; b");
  // ...but a forbidden character is refused there as well.
  CHECK_THAT(ErrorOf([] { ParseWmtXml(WmtWithSegment("<!-- \x02 -->"), "c.xml"); }),
             Catch::Contains("c.xml: line 3") && Catch::Contains("U+0002"));
  CHECK_THAT(ErrorOf([] { ParseWmtXml(WmtWithSegment("<![CDATA[\x1B]]>"), "c.xml"); }), Catch::Contains("U+001B"));
}

}  // namespace mteval
