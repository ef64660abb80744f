// Glossary reading (TSV, CSV, TBX-Basic, TBX v3) and its error messages.

#include <catch2/catch.hpp>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "support/test_paths.h"

namespace mteval {
namespace {

std::string TsvError(const std::string& content) {
  try {
    ParseDelimitedGlossary(content, "g.tsv", '\t');
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    return e.what();
  }
  return "no error";
}

std::string TbxError(const std::string& content, const std::string& src = "en", const std::string& tgt = "de") {
  try {
    ParseTbxGlossary(content, "g.tbx", src, tgt);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

const char* kTbxBasic = R"(<?xml version="1.0"?>
<martif type="TBX-Basic" xml:lang="en">
<text><body>
<termEntry id="1">
  <descrip type="definition">a device</descrip>
  <langSet xml:lang="en"><tig><term>printer</term></tig></langSet>
  <langSet xml:lang="de">
    <tig><term>Drucker</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
    <tig><term>Printer</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    <ntig><termGrp><term>Druckgerät</term></termGrp><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></ntig>
  </langSet>
  <langSet xml:lang="fr"><tig><term>imprimante</term></tig></langSet>
</termEntry>
</body></text>
</martif>
)";

}  // namespace

TEST_CASE("TSV glossary: columns, variants, case, notes, header and languages", "[terms][glossary]") {
  Glossary g = ParseDelimitedGlossary(
      "# languages: zh en\n"
      "source\tallowed\tforbidden\tcase\tnote\n"
      "\n"
      "知识产权\tintellectual property | IP\tIPR\tno\thouse style\n"
      "# a comment\n"
      "EPO\tEPO\t\tyes\n"
      "研讨会\tworkshop\n",
      "g.tsv", '\t');
  CHECK(g.src_lang == "zh");
  CHECK(g.tgt_lang == "en");
  REQUIRE(g.entries.size() == 3);
  CHECK(g.entries[0].source == "知识产权");
  CHECK(g.entries[0].allowed == std::vector<std::string>{"intellectual property", "IP"});
  CHECK(g.entries[0].forbidden == std::vector<std::string>{"IPR"});
  CHECK_FALSE(g.entries[0].case_sensitive);
  CHECK(g.entries[0].note == "house style");
  CHECK(g.entries[0].origin == "g.tsv:4");
  CHECK(g.entries[1].case_sensitive);
  CHECK(g.entries[2].forbidden.empty());
}

TEST_CASE("CSV glossary with quoted cells", "[terms][glossary]") {
  Glossary g = ParseDelimitedGlossary("\"Patent, utility\",\"Gebrauchsmuster|\"\"GM\"\"\",,cs\nx,y\n", "g.csv", ',');
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[0].source == "Patent, utility");
  CHECK(g.entries[0].allowed == std::vector<std::string>{"Gebrauchsmuster", "\"GM\""});
  CHECK(g.entries[0].case_sensitive);
}

TEST_CASE("TSV and CSV glossaries: a UTF-8 byte-order mark is skipped", "[terms][glossary]") {
  // Excel's "CSV UTF-8" starts the file with one; it made the first entry's
  // source term never match (and a header line an entry).
  Glossary g = ParseDelimitedGlossary("\xEF\xBB\xBF知识产权\tIP\n研讨会\tworkshop\n", "g.tsv", '\t');
  REQUIRE(g.entries.size() == 2);
  CHECK(g.entries[0].source == "知识产权");
  g = ParseDelimitedGlossary("\xEF\xBB\xBFsource,allowed\nEPO,EPO\n", "g.csv", ',');
  REQUIRE(g.entries.size() == 1);  // the header is recognised
  CHECK(g.entries[0].source == "EPO");
  CHECK(g.entries[0].origin == "g.csv:2");
  g = ParseDelimitedGlossary("\xEF\xBB\xBF# languages: zh en\n", "g.tsv", '\t');
  CHECK(g.src_lang == "zh");
}

TEST_CASE("a glossary without entries is an error unless allowed", "[terms][glossary]") {
  for (const char* content : {"", "# only a comment\n\n", "source\tallowed\n"}) {
    Glossary g = ParseDelimitedGlossary(content, "g.tsv", '\t');
    CHECK(g.entries.empty());
    try {
      RequireGlossaryEntries(g, "pass --allow-x");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kInput);
      CHECK_THAT(std::string(e.what()), Catch::StartsWith("g.tsv: the glossary has no entries") &&
                                            Catch::Contains("no term can be checked") && Catch::EndsWith("pass --allow-x"));
    }
  }
  CHECK_NOTHROW(RequireGlossaryEntries(ParseDelimitedGlossary("a\tb\n", "g.tsv", '\t'), ""));
}

TEST_CASE("TSV glossary errors name the line and what to do", "[terms][glossary]") {
  CHECK_THAT(TsvError("a\tb\n\tc\n"), Catch::Contains("g.tsv:2") && Catch::Contains("empty source term"));
  CHECK_THAT(TsvError("a\tb\nb\t \tx\n"), Catch::Contains("g.tsv:2") && Catch::Contains("no allowed target variant"));
  CHECK_THAT(TsvError("a\tb|c\nx\ty\nA\tb|d\n"),
             Catch::Contains("g.tsv:3") && Catch::Contains("duplicate entry") && Catch::Contains("g.tsv:1"));
  CHECK(TsvError("a\tb|c\nA\tc|b\n") == "no error");  // the same entry twice is merged
  CHECK_THAT(TsvError("# languages: zz en\n"), Catch::Contains("g.tsv:1") && Catch::Contains("unknown language code 'zz'"));
  CHECK_THAT(TsvError("a\tb||c\n"), Catch::Contains("g.tsv:1") && Catch::Contains("empty allowed variant"));
  CHECK_THAT(TsvError("a\n"), Catch::Contains("g.tsv:1") && Catch::Contains("at least 2"));
  CHECK_THAT(TsvError("a\tb\tc\tmaybe\n"), Catch::Contains("g.tsv:1") && Catch::Contains("case-sensitivity"));
  CHECK_THAT(TsvError("a\tb|c\tc\n"), Catch::Contains("both allowed and forbidden"));
  CHECK_THAT(TsvError("a\tb\n\"x\tb\n"), Catch::Contains("g.tsv:2") && Catch::Contains("unterminated"));
}

TEST_CASE("language codes are checked against ISO 639", "[terms][glossary]") {
  CHECK(IsKnownLanguageCode("en"));
  CHECK(IsKnownLanguageCode("zh-Hans"));
  CHECK(IsKnownLanguageCode("pt_BR"));
  CHECK(IsKnownLanguageCode("fra"));
  CHECK_FALSE(IsKnownLanguageCode("zz"));
  CHECK_FALSE(IsKnownLanguageCode("english"));
  CHECK_FALSE(IsKnownLanguageCode(""));
}

TEST_CASE("TBX-Basic: statuses order and forbid target terms", "[terms][glossary][tbx]") {
  Glossary g = ParseTbxGlossary(kTbxBasic, "g.tbx", "", "de");
  CHECK(g.src_lang == "en");  // from the root's xml:lang
  REQUIRE(g.entries.size() == 1);
  CHECK(g.entries[0].source == "printer");
  CHECK(g.entries[0].allowed == std::vector<std::string>{"Druckgerät", "Drucker"});  // preferred first
  CHECK(g.entries[0].forbidden == std::vector<std::string>{"Printer"});
  CHECK(g.entries[0].note == "a device");
  CHECK(g.entries[0].origin == "g.tbx:4: <termEntry>");
  Glossary fr = ParseTbxGlossary(kTbxBasic, "g.tbx", "en", "fr");
  CHECK(fr.entries[0].allowed == std::vector<std::string>{"imprimante"});
}

TEST_CASE("TBX v3 core: conceptEntry, langSec, termSec, and superseded is forbidden", "[terms][glossary][tbx]") {
  Glossary g = ParseTbxGlossary(R"(<tbx type="TBX-Core" xml:lang="zh" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1">
 <langSec xml:lang="zh"><termSec><term>欧洲专利局</term></termSec></langSec>
 <langSec xml:lang="en-GB"><termSec><term>European Patent Office</term>
   <termNote type="administrativeStatus">preferred</termNote></termSec>
   <termSec><term>EU Patent Office</term><termNote type="administrativeStatus">superseded</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>)",
                                "g.tbx", "", "");
  CHECK(g.tgt_lang == "en");  // the only other language
  REQUIRE(g.entries.size() == 1);
  CHECK(g.entries[0].allowed == std::vector<std::string>{"European Patent Office"});
  CHECK(g.entries[0].forbidden == std::vector<std::string>{"EU Patent Office"});
}

TEST_CASE("TBX errors name the element and line", "[terms][glossary][tbx]") {
  CHECK_THAT(TbxError("<martif>\n<text><body>\n<termEntry>\n</body></text></martif>"),
             Catch::Contains("g.tbx: line 4") && Catch::Contains("malformed XML"));
  CHECK_THAT(TbxError("<?xml version=\"1.0\"?>\n<!DOCTYPE martif [\n<!ENTITY x \"y\">]>\n<martif/>"),
             Catch::Contains("g.tbx: line 2, column 1") && Catch::Contains("refusing a document with a DOCTYPE"));
  CHECK_THAT(TbxError("<martif><text><body>\n<termEntry>\n<langSet xml:lang=\"xx\"><tig><term>a</term></tig></langSet>"
                      "</termEntry></body></text></martif>"),
             Catch::Contains("g.tbx:3: <langSet>") && Catch::Contains("unknown language code 'xx'"));
  CHECK_THAT(TbxError("<martif><text><body>\n<termEntry>\n<langSet xml:lang=\"en\"><tig><term> </term></tig></langSet>"
                      "</termEntry></body></text></martif>"),
             Catch::Contains("g.tbx:3: <term>") && Catch::Contains("empty term"));
  CHECK_THAT(TbxError("<martif><text><body>\n<termEntry>\n<langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>\n"
                      "<langSet xml:lang=\"de\"><tig><term>b</term>\n<termNote type=\"administrativeStatus\">maybe</termNote>"
                      "</tig></langSet></termEntry></body></text></martif>"),
             Catch::Contains("g.tbx:5: <termNote>") && Catch::Contains("unknown administrativeStatus"));
  CHECK_THAT(TbxError("<martif><text><body>\n<termEntry><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>"
                      "<langSet xml:lang=\"de\"><tig><term>b</term></tig></langSet></termEntry>\n"
                      "<termEntry><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>"
                      "<langSet xml:lang=\"de\"><tig><term>c</term></tig></langSet></termEntry></body></text></martif>"),
             Catch::Contains("g.tbx:3: <termEntry>") && Catch::Contains("duplicate entry"));
  CHECK_THAT(TbxError("<html/>"), Catch::Contains("not a TBX file"));
  CHECK_THAT(TbxError("<martif><text><body>\n<termEntry><langSet xml:lang=\"en\"><tig><term>a</term></tig></langSet>"
                      "<langSet xml:lang=\"de\"><tig><term>b</term><termNote type=\"administrativeStatus\">deprecated"
                      "</termNote></tig></langSet></termEntry></body></text></martif>"),
             Catch::Contains("g.tbx:2: <termEntry>") && Catch::Contains("no preferred or admitted"));
}

TEST_CASE("TBX: references XML 1.0 does not allow are refused with line and column", "[terms][glossary][tbx]") {
  const std::string head = "<martif><text><body>\n<termEntry><langSet xml:lang=\"en\"><tig><term>";
  const std::string tail = "</term></tig></langSet><langSet xml:lang=\"de\"><tig><term>b</term></tig></langSet>"
                           "</termEntry></body></text></martif>";
  CHECK_THAT(TbxError(head + "a &#0; b" + tail), Catch::Contains("g.tbx: line 2, column 48") && Catch::Contains("U+0000"));
  CHECK_THAT(TbxError(head + "caf&eacute;" + tail), Catch::Contains("undefined entity &eacute;"));
  CHECK_THAT(TbxError(head + "a \x08 b" + tail), Catch::Contains("control character U+0008"));
  CHECK(TbxError(head + "a &amp; b" + tail) == "no error");
}

TEST_CASE("TBX: an error far into a large file names its line", "[terms][glossary][tbx]") {
  // Lines are found from an index of the file's newlines (reading 100,000
  // concepts took minutes when each lookup counted from the start).
  std::string tbx = "<martif xml:lang=\"en\"><text><body>\n";
  for (int i = 0; i < 3000; ++i) {
    tbx += "<termEntry>\n<langSet xml:lang=\"en\"><tig><term>t" + std::to_string(i) +
           "</term></tig></langSet>\n<langSet xml:lang=\"de\"><tig><term>b</term></tig></langSet>\n</termEntry>\n";
  }
  const std::string end = "</body></text></martif>";
  CHECK(ParseTbxGlossary(tbx + end, "big.tbx", "en", "de").entries.at(2999).origin ==
        "big.tbx:" + std::to_string(2 + 4 * 2999) + ": <termEntry>");
  tbx += "<termEntry>\n<langSet xml:lang=\"en\"><tig><term>last</term></tig></langSet>\n"
         "<langSet xml:lang=\"qq\"><tig><term>b</term></tig></langSet>\n</termEntry>\n" + end;
  CHECK_THAT(TbxError(tbx), Catch::Contains("g.tbx:" + std::to_string(2 + 4 * 3000 + 2) + ": <langSet>") &&
                                Catch::Contains("unknown language code 'qq'"));
}

TEST_CASE("the bundled sample glossaries agree", "[terms][glossary]") {
  std::string dir = testing::SourceDir() + "/corpora/release/";
  Glossary tsv = ReadGlossary(dir + "glossary.tsv", "", "");
  Glossary tbx = ReadGlossary(dir + "glossary.tbx", "", "");
  CHECK(tsv.src_lang == "zh");
  CHECK(tbx.src_lang == "zh");
  CHECK(tbx.tgt_lang == "en");
  REQUIRE(tsv.entries.size() == tbx.entries.size());
  for (size_t i = 0; i < tsv.entries.size(); ++i) {
    CHECK(tsv.entries[i].source == tbx.entries[i].source);
    CHECK(tsv.entries[i].allowed == tbx.entries[i].allowed);
    CHECK(tsv.entries[i].forbidden == tbx.entries[i].forbidden);
  }
}

}  // namespace mteval
