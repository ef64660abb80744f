// `mteval score` with structured inputs: the same segments give the same
// scores in every format; subsets, per-document scores and alignment errors.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

const std::vector<std::string> kRef = {"The cat sat on the mat.", "It was raining, again.", "Prices rose by 5 % & more.",
                                       "He said \"no\"."};
const std::vector<std::string> kHyp = {"The cat sat on a mat.", "It rained again.", "Prices rose 5 % & more.",
                                       "He said no."};
const char* kDocs[] = {"d1", "d1", "d2", "d2"};
const char* kOrig[] = {"de", "de", "en", "en"};

std::string XmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '"') out += "&quot;";
    else out += c;
  }
  return out;
}

// A WMT XML file with documents of `docs` (one per segment).
std::string WmtXml(const std::vector<std::string>& ref, const std::vector<std::string>& hyp,
                   const std::vector<std::string>& docs, const std::vector<std::string>& origlang) {
  std::string x = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<dataset id=\"t\"><collection id=\"c\">\n";
  size_t i = 0;
  while (i < ref.size()) {
    size_t j = i;
    while (j < ref.size() && docs[j] == docs[i]) ++j;
    x += "<doc id=\"" + docs[i] + "\" origlang=\"" + origlang[i] + "\" domain=\"dom-" + docs[i] + "\">\n";
    for (const char* role : {"src", "ref", "hyp"}) {
      if (std::string(role) == "hyp" && hyp.empty()) continue;
      x += std::string("<") + role + " lang=\"en\"" + (std::string(role) == "ref" ? " translator=\"A\"" : "") +
           (std::string(role) == "hyp" ? " system=\"sys\"" : "") + "><p>\n";
      for (size_t k = i; k < j; ++k) {
        const std::string& t = std::string(role) == "hyp" ? hyp[k] : ref[k];
        x += "<seg id=\"" + std::to_string(k - i + 1) + "\">" + XmlEscape(t) + "</seg>\n";
      }
      x += std::string("</p></") + role + ">\n";
    }
    x += "</doc>\n";
    i = j;
  }
  return x + "</collection></dataset>\n";
}

std::string Lines(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& l : v) s += l + "\n";
  return s;
}

struct Files {
  std::string dir = testing::MakeTempDir();
  std::string ref_txt = dir + "/ref.txt", hyp_txt = dir + "/hyp.txt";
  std::string xml = dir + "/test.xml";
  Files() {
    WriteFile(ref_txt, Lines(kRef));
    WriteFile(hyp_txt, Lines(kHyp));
    WriteFile(xml, WmtXml(kRef, kHyp, {kDocs, kDocs + 4}, {kOrig, kOrig + 4}));
  }
  std::string Text(const std::string& args) const {
    auto r = RunMteval(args + " -f text -m bleu chrf ter");
    INFO(args << "\n" << r.err);
    CHECK(r.exit_code == 0);
    return r.out;
  }
};

}  // namespace

TEST_CASE("the same segments score the same in every format", "[corpus][cli]") {
  Files f;
  const std::string expected = f.Text("score " + f.ref_txt + " -i " + f.hyp_txt);
  REQUIRE_THAT(expected, Catch::Contains("BLEU"));
  CHECK(f.Text("score " + f.xml) == expected);                       // refs and hyps in one WMT XML file
  CHECK(f.Text("score " + f.xml + " -i " + f.hyp_txt) == expected);  // WMT XML reference, text system
  CHECK(f.Text("score " + f.xml + " -i " + f.xml + " --align id") == expected);

  std::string tsv = "src\tref\thyp\n";
  std::string jsonl;
  for (size_t i = 0; i < kRef.size(); ++i) {
    tsv += "s\t" + kRef[i] + "\t" + kHyp[i] + "\n";
    jsonl += nlohmann::json({{"ref", kRef[i]}, {"mt", kHyp[i]}, {"doc", kDocs[i]}}).dump() + "\n";
  }
  WriteFile(f.dir + "/c.tsv", tsv);
  WriteFile(f.dir + "/c.jsonl", jsonl);
  CHECK(f.Text("score " + f.dir + "/c.tsv --ref-col ref --hyp-col hyp --src-col src") == expected);
  CHECK(f.Text("score " + f.dir + "/c.tsv --tsv-header --ref-col 2 -i " + f.hyp_txt) == expected);
  CHECK(f.Text("score " + f.dir + "/c.jsonl --ref-col ref --hyp-col mt") == expected);
  CHECK(f.Text("score " + f.ref_txt + " -i " + f.dir + "/c.jsonl --hyp-col mt") == expected);

  std::string xlf = "<xliff version=\"1.2\"><file original=\"f\" source-language=\"de\" target-language=\"en\"><body>\n";
  std::string tmx = "<tmx version=\"1.4\"><header srclang=\"de\"/><body>\n";
  for (size_t i = 0; i < kRef.size(); ++i) {
    xlf += "<trans-unit id=\"" + std::to_string(i + 1) + "\"><source>x</source><target>" + XmlEscape(kHyp[i]) +
           "<x id=\"9\"/></target></trans-unit>\n";
    tmx += "<tu><tuv xml:lang=\"de\"><seg>x</seg></tuv><tuv xml:lang=\"en\"><seg>" + XmlEscape(kRef[i]) + "</seg></tuv></tu>\n";
  }
  WriteFile(f.dir + "/h.xlf", xlf + "</body></file></xliff>\n");
  WriteFile(f.dir + "/r.tmx", tmx + "</body></tmx>\n");
  CHECK(f.Text("score " + f.dir + "/r.tmx -i " + f.dir + "/h.xlf") == expected);

  std::string refset = "<refset setid=\"t\" srclang=\"any\" trglang=\"en\">\n<doc docid=\"d1\" sysid=\"ref\">\n";
  std::string tstset = "<tstset setid=\"t\" srclang=\"any\" trglang=\"en\">\n<doc docid=\"d1\" sysid=\"sysA\">\n";
  for (size_t i = 0; i < kRef.size(); ++i) {
    refset += "<seg id=\"" + std::to_string(i + 1) + "\">" + XmlEscape(kRef[i]) + "</seg>\n";
    tstset += "<seg id=\"" + std::to_string(i + 1) + "\">" + XmlEscape(kHyp[i]) + "</seg>\n";
  }
  WriteFile(f.dir + "/ref.sgm", refset + "</doc>\n</refset>\n");
  WriteFile(f.dir + "/hyp.sgm", tstset + "</doc>\n</tstset>\n");
  CHECK(f.Text("score " + f.dir + "/ref.sgm -i " + f.dir + "/hyp.sgm --align id") == expected);
}

TEST_CASE("score --origlang / --subset and --per-doc", "[corpus][cli]") {
  Files f;
  // The d1 part alone, as plain text, is what --origlang de must give.
  WriteFile(f.dir + "/r1.txt", Lines({kRef[0], kRef[1]}));
  WriteFile(f.dir + "/h1.txt", Lines({kHyp[0], kHyp[1]}));
  WriteFile(f.dir + "/r2.txt", Lines({kRef[2], kRef[3]}));
  WriteFile(f.dir + "/h2.txt", Lines({kHyp[2], kHyp[3]}));
  const std::string d1 = f.Text("score " + f.dir + "/r1.txt -i " + f.dir + "/h1.txt");
  const std::string d2 = f.Text("score " + f.dir + "/r2.txt -i " + f.dir + "/h2.txt");
  REQUIRE(d1 != d2);
  CHECK(f.Text("score " + f.xml + " --origlang de") == d1);
  CHECK(f.Text("score " + f.xml + " --origlang non-de") == d2);
  CHECK(f.Text("score " + f.xml + " --subset '^d2$'") == d2);
  CHECK(f.Text("score " + f.xml + " --subset 'dom-d1'") == d1);  // domains match too
  // -d has nothing to add to a subset mteval already chose (sacreBLEU's note
  // about missing subset information would be wrong here).
  CHECK(f.Text("score " + f.xml + " --origlang de -d") == d1);
  CHECK(f.Text("score " + f.xml + " --subset '^d2$' -d") == d2);
  CHECK_THAT(f.Text("score " + f.xml + " -d"), Catch::EndsWith("No subset information found. Consider using --origlang argument.\n"));

  auto r = RunMteval("score " + f.xml + " --origlang fr");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("no document matches"));
  r = RunMteval("score " + f.ref_txt + " -i " + f.hyp_txt + " --origlang de");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--origlang needs documents"));
  r = RunMteval("score " + f.xml + " --subset '('");
  CHECK(r.exit_code == 2);

  // Per-document scores equal each document scored alone.
  r = RunMteval("score " + f.xml + " --per-doc -f text -b");
  REQUIRE(r.exit_code == 0);
  auto bleu = [](const std::string& line) { return line.substr(line.find("= ") + 2, line.find(' ', line.find("= ") + 2) - line.find("= ") - 2); };
  const std::string d1_bleu = bleu(RunMteval("score " + f.dir + "/r1.txt -i " + f.dir + "/h1.txt -f text").out);
  const std::string d2_bleu = bleu(RunMteval("score " + f.dir + "/r2.txt -i " + f.dir + "/h2.txt -f text").out);
  CHECK_THAT(r.out, Catch::Contains("Per-document scores:\nd1\t2 segs\tBLEU = " + d1_bleu + " "));
  CHECK_THAT(r.out, Catch::Contains("\nd2\t2 segs\tBLEU = " + d2_bleu + " "));
  r = RunMteval("score " + f.xml + " --per-doc -m bleu chrf");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["corpus"].size() == 2);
  REQUIRE(j["documents"].size() == 2);
  CHECK(j["documents"][1]["doc_id"] == "d2");
  CHECK(j["documents"][1]["segments"] == 2);
  CHECK(j["documents"][1]["scores"]["BLEU"].get<double>() == Approx(std::stod(d2_bleu)).margin(0.0));
  CHECK(j["documents"][0]["scores"].contains("chrF2"));
  r = RunMteval("score " + f.ref_txt + " -i " + f.hyp_txt + " --per-doc");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--per-doc needs document ids"));
  r = RunMteval("score " + f.xml + " --per-doc -sl");
  CHECK(r.exit_code == 2);
}

TEST_CASE("score --subset on a document id of 50,000 characters", "[corpus][cli]") {
  // std::regex_search recursed once per character and overflowed the stack
  // (SIGSEGV); RE2 matches in linear time without recursion.
  Files f;
  const std::string long_id(50000, 'x');
  std::string jsonl;
  for (size_t i = 0; i < kRef.size(); ++i) {
    jsonl += nlohmann::json({{"ref", kRef[i]}, {"mt", kHyp[i]}, {"doc", i < 2 ? long_id : "d2"}}).dump() + "\n";
  }
  WriteFile(f.dir + "/long.jsonl", jsonl);
  WriteFile(f.dir + "/r1.txt", Lines({kRef[0], kRef[1]}));
  WriteFile(f.dir + "/h1.txt", Lines({kHyp[0], kHyp[1]}));
  const std::string d1 = f.Text("score " + f.dir + "/r1.txt -i " + f.dir + "/h1.txt");
  const std::string cols = " --ref-col ref --hyp-col mt --doc-col doc";
  CHECK(f.Text("score " + f.dir + "/long.jsonl" + cols + " --subset '^(x|y)+$'") == d1);
  CHECK(f.Text("score " + f.dir + "/long.jsonl" + cols + " --subset '(?i)X{3}'") == d1);
  auto r = RunMteval("score " + f.dir + "/long.jsonl" + cols + " --subset '(a'");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--subset: '(a' is not a valid regular expression (missing )"));
}

TEST_CASE("files that both carry segment ids are paired by id, as sacreBLEU pairs WMT XML", "[corpus][cli]") {
  Files f;
  const std::string expected = f.Text("score " + f.ref_txt + " -i " + f.hyp_txt);
  // The system lists each document's segments in reverse order: paired by
  // position this scored BLEU 0.0 with exit 0.
  std::string reversed = WmtXml(kRef, kHyp, {kDocs, kDocs + 4}, {kOrig, kOrig + 4});
  for (const char* doc : {"d1", "d2"}) {
    const size_t hyp = reversed.find("<hyp", reversed.find("<doc id=\"" + std::string(doc)));
    const size_t one = reversed.find("<seg id=\"1\">", hyp), two = reversed.find("<seg id=\"2\">", hyp);
    const size_t end = reversed.find("</p>", two);
    const std::string first = reversed.substr(one, two - one), second = reversed.substr(two, end - two);
    reversed.replace(one, end - one, second + first);
  }
  WriteFile(f.dir + "/reversed.xml", reversed);
  CHECK(f.Text("score " + f.xml + " -i " + f.dir + "/reversed.xml") == expected);
  CHECK(f.Text("score " + f.dir + "/reversed.xml") == expected);  // its own <hyp>s against its <ref>s
  // TSV files with --seg-col carry ids as well (and keep the file's order).
  std::string ref_tsv = "id\tref\n", hyp_tsv = "id\thyp\n";
  for (size_t i = 0; i < kRef.size(); ++i) {
    ref_tsv += "s" + std::to_string(i) + "\t" + kRef[i] + "\n";
    hyp_tsv += "s" + std::to_string(3 - i) + "\t" + kHyp[3 - i] + "\n";
  }
  WriteFile(f.dir + "/r.tsv", ref_tsv);
  WriteFile(f.dir + "/h.tsv", hyp_tsv);
  const std::string tsv = "score " + f.dir + "/r.tsv --ref-col ref --seg-col id -i " + f.dir + "/h.tsv --hyp-col hyp";
  CHECK(f.Text(tsv) == expected);
  CHECK(f.Text(tsv + " --align line") != expected);  // by position, as asked

  // Segments no reference translates and testsuite documents are left out of
  // the reference, as in sacreBLEU; a system file that has them is fine, and
  // a plain-text system output has the lines sacreBLEU would echo.
  std::string extra = WmtXml(kRef, kHyp, {kDocs, kDocs + 4}, {kOrig, kOrig + 4});
  const std::string tail = "</collection></dataset>\n";
  extra = extra.substr(0, extra.size() - tail.size()) +
          "<doc id=\"d3\" origlang=\"en\"><src lang=\"en\"><p><seg id=\"1\">x</seg></p></src>"
          "<ref lang=\"en\" translator=\"A\"><p><seg id=\"1\"></seg></p></ref>"
          "<hyp lang=\"en\" system=\"sys\"><p><seg id=\"1\">an output</seg></p></hyp></doc>\n"
          "<doc id=\"ts\" origlang=\"en\" testsuite=\"challenge\"><src lang=\"en\"><p><seg id=\"1\">x</seg></p></src>"
          "<ref lang=\"en\" translator=\"A\"><p><seg id=\"1\">a test</seg></p></ref>"
          "<hyp lang=\"en\" system=\"sys\"><p><seg id=\"1\">another</seg></p></hyp></doc>\n" + tail;
  WriteFile(f.dir + "/extra.xml", extra);
  CHECK(f.Text("score " + f.dir + "/extra.xml") == expected);
  CHECK(f.Text("score " + f.dir + "/extra.xml -i " + f.dir + "/extra.xml") == expected);
  CHECK(f.Text("score " + f.dir + "/extra.xml -i " + f.hyp_txt) == expected);
  CHECK(f.Text("score " + f.dir + "/extra.xml -i " + f.xml) == expected);
  // Ids that disagree name the first ones that differ.
  std::string hyp_only = "<dataset><collection id=\"c\">\n";
  for (const char* doc : {"d1", "d2"}) {
    hyp_only += "<doc id=\"" + std::string(doc) + "\"><hyp system=\"sys\"><p>";
    for (const char* seg : {"1", "2", "7"}) hyp_only += "<seg id=\"" + std::string(seg) + "\">x</seg>";
    hyp_only += "</p></hyp></doc>\n";
  }
  WriteFile(f.dir + "/hyp_only.xml", hyp_only + tail);
  auto r = RunMteval("score " + f.xml + " -i " + f.dir + "/hyp_only.xml");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("has 2 segments that") && Catch::Contains("lacks (first: d1#7, d2#7)"));
}

TEST_CASE("id alignment errors and --allow-missing through the CLI", "[corpus][cli]") {
  Files f;
  std::vector<std::string> docs(kDocs, kDocs + 4), orig(kOrig, kOrig + 4);
  // The system lacks the last segment of d2.
  WriteFile(f.dir + "/short.xml",
            WmtXml({kRef[0], kRef[1], kRef[2]}, {kHyp[0], kHyp[1], kHyp[2]}, {"d1", "d1", "d2"}, {"de", "de", "en"}));
  auto r = RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml --align id");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("lacks 1 of the 4 segments") && Catch::Contains("d2#2") &&
                        Catch::Contains("--allow-missing"));
  // Both files carry ids, so by default they are matched by id too.
  r = RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("lacks 1 of the 4 segments") && Catch::Contains("d2#2") &&
                        Catch::Contains("--align line to pair segments by position"));
  r = RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml --align line");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("has 3 segments but") && Catch::Contains("--align id"));
  r = RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml --align id --allow-missing -f text");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("warning: --allow-missing: scoring 3 segments") && Catch::Contains("d2#2"));
  CHECK(RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml --allow-missing -f text").out == r.out);
  CHECK(RunMteval("score " + f.xml + " -i " + f.dir + "/short.xml --align line --allow-missing").exit_code == 2);
  WriteFile(f.dir + "/r3.txt", Lines({kRef[0], kRef[1], kRef[2]}));
  WriteFile(f.dir + "/h3.txt", Lines({kHyp[0], kHyp[1], kHyp[2]}));
  CHECK(r.out == RunMteval("score " + f.dir + "/r3.txt -i " + f.dir + "/h3.txt -f text").out);
  r = RunMteval("score " + f.ref_txt + " -i " + f.hyp_txt + " --allow-missing");
  CHECK(r.exit_code == 2);
  r = RunMteval("score " + f.ref_txt + " -i " + f.xml + " --align id");  // plain text has no doc ids
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("lacks"));
}

TEST_CASE("wrong formats / unsafe XML and missing columns fail with a message", "[corpus][cli]") {
  Files f;
  WriteFile(f.dir + "/ref.sgm.txt", "<refset setid=\"x\">\n<doc docid=\"1\" sysid=\"ref\">\n<seg id=\"1\">a</seg>\n</doc>\n</refset>\n");
  auto r = RunMteval("score " + f.dir + "/ref.sgm.txt -i " + f.hyp_txt);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("looks like NIST SGML but its extension says plain text"));
  WriteFile(f.dir + "/xxe.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            "<dataset><doc id=\"a\"><ref lang=\"en\"><p><seg id=\"1\">&x;</seg></p></ref></doc></dataset>\n");
  r = RunMteval("score " + f.dir + "/xxe.xml -i " + f.hyp_txt);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("xxe.xml: line 2") && Catch::Contains("refusing"));
  CHECK(r.out.empty());
  WriteFile(f.dir + "/c.tsv", "ref\thyp\na\tb\n");
  r = RunMteval("score " + f.dir + "/c.tsv -i " + f.hyp_txt);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--ref-col"));
  r = RunMteval("score " + f.xml + " --input-format yaml");
  CHECK(r.exit_code == 2);
  r = RunMteval("score " + f.xml + " --translator Z");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("translator=\"Z\"") && Catch::Contains("translators: A"));
  // Several systems on standard input (tab-separated) next to a WMT XML reference without <hyp>s.
  std::vector<std::string> docs(kDocs, kDocs + 4), orig(kOrig, kOrig + 4);
  WriteFile(f.dir + "/refonly.xml", WmtXml(kRef, {}, docs, orig));
  std::string two;
  for (size_t i = 0; i < kHyp.size(); ++i) two += kHyp[i] + "\t" + kRef[i] + "\n";
  r = RunMteval("score " + f.dir + "/refonly.xml -f text", two);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("System 2"));
  CHECK(r.out == RunMteval("score " + f.ref_txt + " -f text", two).out);
  r = RunMteval("score " + f.dir + "/refonly.xml", two + "only one field\n");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("<stdin>: line 5 has 1 tab-separated fields but line 1 has 2"));
  // Plain text on standard input still works as before next to a structured reference.
  r = RunMteval("score " + f.ref_txt + " --ref-format text -f text -b", Lines(kHyp));
  CHECK(r.exit_code == 0);
  CHECK(r.out == RunMteval("score " + f.ref_txt + " -f text -b", Lines(kHyp)).out);
}

TEST_CASE("WMT22 zh-en as WMT XML scores exactly as the plain-text files", "[corpus][cli][shared]") {
  const std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("the WMT22 XML round trip")) return;
  auto read = [](const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    std::string l;
    while (std::getline(in, l)) lines.push_back(l);
    return lines;
  };
  const std::string ref = shared + "/wmt22/references/generaltest2022.zh-en.ref.A.en";
  const std::string hyp = shared + "/wmt22/system-outputs/generaltest2022.zh-en.hyp.HuaweiTSC.en";
  std::vector<std::string> r = read(ref), h = read(hyp);
  REQUIRE(r.size() == h.size());
  std::vector<std::string> docs, orig;
  for (size_t i = 0; i < r.size(); ++i) {
    docs.push_back("doc" + std::to_string(i / 10));
    orig.push_back(i / 10 % 2 ? "zh" : "en");
  }
  const std::string dir = testing::MakeTempDir();
  WriteFile(dir + "/zh-en.xml", WmtXml(r, h, docs, orig));
  auto a = RunMteval("score " + ref + " -i " + hyp + " -m bleu chrf ter -f text");
  auto b = RunMteval("score " + dir + "/zh-en.xml -m bleu chrf ter -f text");
  REQUIRE(a.exit_code == 0);
  CHECK(b.exit_code == 0);
  CHECK(a.out == b.out);
}

}  // namespace mteval

namespace mteval {

TEST_CASE("score -sl --stream over a TSV file gives the same lines as loading it", "[corpus][cli][stream]") {
  const std::string dir = testing::MakeTempDir();
  std::string tsv = "ref\tref2\thyp\n";
  for (int i = 0; i < 5000; ++i) {  // more than one chunk
    const std::string n = std::to_string(i);
    tsv += "The number " + n + " is here.\tNumber " + n + " is here.\tThe number " + std::to_string(i * 7 % 5000) +
           " is " + (i % 3 ? "here." : "there .") + "\n";
  }
  WriteFile(dir + "/big.tsv", tsv);
  for (const char* metric : {"bleu", "chrf", "ter"}) {
    const std::string base = "score " + dir + "/big.tsv --ref-col ref ref2 --hyp-col hyp -sl -m " + metric;
    auto loaded = RunMteval(base);
    auto streamed = RunMteval(base + " --stream");
    REQUIRE(loaded.exit_code == 0);
    CHECK(streamed.exit_code == 0);
    CHECK(std::count(streamed.out.begin(), streamed.out.end(), '\n') == 5000);
    CHECK(streamed.out == loaded.out);
    CHECK(streamed.err == loaded.err);  // the same warnings
    CHECK(RunMteval(base + " --stream -f jsonl").out == RunMteval(base + " -f jsonl").out);
  }
  WriteFile(dir + "/bad.tsv", "ref\thyp\na\tb\nc\n");
  auto r = RunMteval("score " + dir + "/bad.tsv --ref-col ref --hyp-col hyp -sl --stream");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("bad.tsv: line 3"));
  r = RunMteval("score " + dir + "/big.tsv --ref-col ref --hyp-col hyp --stream");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--stream needs -sl"));
}

}  // namespace mteval

namespace mteval {

TEST_CASE("WMT21 terminology SGML: reference and system align by id and per document", "[corpus][cli][shared]") {
  const std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("the WMT21 terminology SGML files")) return;
  const std::string dir = shared + "/terminology/wmt21-en-fr/";
  const std::string base = "score " + dir + "dev.en-fr.fr.sgm -i " + dir + "en-fr.dev.txt.truecased.sgm -f text --force";
  auto by_line = RunMteval(base);
  auto by_id = RunMteval(base + " --align id");
  REQUIRE(by_line.exit_code == 0);
  CHECK(by_id.exit_code == 0);
  CHECK(by_id.out == by_line.out);
  CHECK_THAT(by_line.out, Catch::StartsWith("BLEU|nrefs:1|"));
  auto per_doc = RunMteval(base + " --per-doc -m chrf");
  REQUIRE(per_doc.exit_code == 0);
  CHECK_THAT(per_doc.out, Catch::Contains("\nPer-document scores:\nCMU_1\t37 segs\tchrF2 = "));
}

}  // namespace mteval

namespace mteval {

TEST_CASE("a pipe as reference is not read twice by format detection", "[corpus][cli]") {
  const std::string dir = testing::MakeTempDir();
  WriteFile(dir + "/ref.txt", "The cat sat on the mat.\nIt was raining.\n");
  WriteFile(dir + "/hyp.txt", "The cat sat on a mat.\nIt rained.\n");
  // Through the shell: process substitution gives a /dev/fd path (a pipe).
  const std::string cmd = "bash -c '" + testing::MtevalBinary() + " score <(cat " + dir + "/ref.txt) -i " + dir +
                          "/hyp.txt -f text -b' > " + dir + "/out.txt 2>&1";
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::ifstream in(dir + "/out.txt");
  std::stringstream piped;
  piped << in.rdbuf();
  CHECK(piped.str() == RunMteval("score " + dir + "/ref.txt -i " + dir + "/hyp.txt -f text -b").out);
  // Sentence level streams regular files (reading them twice); pipes, as
  // reference or system output, are loaded once instead.
  const std::string expected = RunMteval("score " + dir + "/ref.txt -i " + dir + "/hyp.txt -sl").out;
  for (const std::string& args : {"<(cat " + dir + "/ref.txt) -i " + dir + "/hyp.txt -sl",
                                  dir + "/ref.txt -i <(cat " + dir + "/hyp.txt) -sl"}) {
    INFO(args);
    const std::string sl = "bash -c '" + testing::MtevalBinary() + " score " + args + "' > " + dir + "/sl.txt 2>&1";
    REQUIRE(std::system(sl.c_str()) == 0);
    std::ifstream sl_in(dir + "/sl.txt");
    std::stringstream sl_out;
    sl_out << sl_in.rdbuf();
    CHECK(sl_out.str() == expected);
  }
}

TEST_CASE("score -nr reads a .tsv reference file as sacreBLEU does, tab-separated plain lines", "[corpus][cli]") {
  const std::string dir = testing::MakeTempDir();
  WriteFile(dir + "/refs.tsv", "The cat sat on the mat.\tA cat sat on the mat.\nIt was raining.\tIt rained.\n");
  WriteFile(dir + "/refs.txt", "The cat sat on the mat.\tA cat sat on the mat.\nIt was raining.\tIt rained.\n");
  WriteFile(dir + "/hyp.txt", "A cat sat on a mat.\nIt rained.\n");
  const auto tsv = RunMteval("score " + dir + "/refs.tsv -nr 2 -i " + dir + "/hyp.txt -m bleu chrf -f text");
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out == RunMteval("score " + dir + "/refs.txt -nr 2 -i " + dir + "/hyp.txt -m bleu chrf -f text").out);
  CHECK_THAT(tsv.out, Catch::Contains("nrefs:2"));
  // Without -nr a .tsv file is a TSV corpus, whose columns must be named.
  CHECK(RunMteval("score " + dir + "/refs.tsv -i " + dir + "/hyp.txt").exit_code != 0);
}

TEST_CASE("systems on standard input: fields are right-stripped from line 2 on, as sacreBLEU does", "[corpus][cli]") {
  const std::string dir = testing::MakeTempDir();
  WriteFile(dir + "/ref.txt", "a\nb c\n");
  WriteFile(dir + "/ref.tsv", "ref\na\nb c\n");
  // "b c " keeps its space before the tab unless stripped; chrF with
  // whitespace sees the difference.
  const std::string in = "a\ta\nb c \tb c\n";
  for (const std::string& ref : {dir + "/ref.txt", dir + "/ref.tsv --ref-col ref"}) {
    INFO(ref);
    auto r = RunMteval("score " + ref + " -m chrf --chrf-whitespace -f json", in);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j[0]["chrF2"] == "100.0");
    CHECK(j[1]["chrF2"] == "100.0");
  }
  // Line 1's fields keep their spaces (sacreBLEU strips only the line).
  auto first = RunMteval("score " + dir + "/ref.txt -m chrf --chrf-whitespace -f json", "a \ta\nb c\tb c\n");
  CHECK(nlohmann::json::parse(first.out)[0]["chrF2"] != "100.0");
}

}  // namespace mteval
