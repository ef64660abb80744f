// `mteval compare` wired to the terminology module (--glossary) and to the
// corpus loader (SGML / WMT XML inputs with their documents).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include <mteval/compare.h>
#include "report/report_test_files.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

struct TermFiles {
  std::string dir = testing::MakeTempDir();
  std::string gloss = dir + "/g.tsv", src = dir + "/src.txt", ref = dir + "/ref.txt";
  std::string a = dir + "/sys.a.txt", b = dir + "/sys.b.txt";
  TermFiles() {
    WriteFile(gloss, "# languages: en fr\nsource\tallowed\tforbidden\ncat\tchat\tmatou\ndog\tchien\tclebs\n");
    WriteFile(src, "the cat sleeps\nthe dog runs\na cat and a dog\nthe cat again\n");
    WriteFile(ref, "le chat dort\nle chien court\nun chat et un chien\nencore le chat\n");
    WriteFile(a, "le chat dort\nle chien court\nun chat et un chien\nencore le chat\n");
    WriteFile(b, "le matou dort\nle chien court\nun chat et un clebs\nencore le chat\n");
  }
};

}  // namespace

TEST_CASE("terminology provider: CheckGlossary's accuracy, inconsistent terms, forbidden hits", "[report][terms]") {
  TermFiles f;
  SegmentedText src;
  src.path = f.src;
  for (const char* s : {"the cat sleeps", "the dog runs", "a cat and a dog", "the cat again"}) {
    src.segments.push_back(Segment{s, "", "", {}});
  }
  ReportTerminologyOptions o;
  o.glossary_path = f.gloss;
  TerminologyProvider p = MakeTerminologyProvider(o, src);
  TextCorpus c;
  c.refs = {{"x", "x", "x", "x"}};
  c.systems = {{"le chat dort", "le chien court", "un chat et un chien", "encore le chat"},
               {"le matou dort", "le chien court", "un chat et un clebs", "encore le chat"}};
  c.system_names = {"a", "b"};
  TerminologySection t = p(c);
  CHECK(t.glossary == "g.tsv");
  REQUIRE(t.systems.size() == 2);
  // Differential: the figures are CheckGlossary's.
  const Glossary g = ReadGlossary(f.gloss, "", "");
  for (size_t s = 0; s < 2; ++s) {
    SegmentedText hyp;
    for (const auto& line : c.systems[s]) hyp.segments.push_back(Segment{std::string(line), "", "", {}});
    const GlossaryCheckResult r = CheckGlossary(g, src, hyp, GlossaryCheckOptions{});
    CHECK(t.systems[s].terms_total == r.occurrences);
    CHECK(t.systems[s].terms_correct == r.correct);
    CHECK(t.systems[s].accuracy == Approx(100.0 * r.accuracy));
    CHECK(t.systems[s].forbidden.size() == r.forbidden_hits.size());
  }
  CHECK(t.systems[0].accuracy == Approx(100.0));
  CHECK(t.systems[0].inconsistent.empty());
  CHECK(t.systems[1].terms_total == 5);
  CHECK(t.systems[1].terms_correct == 3);
  // "cat": matou once, chat twice -> inconsistent, with its segments.
  REQUIRE(t.systems[1].inconsistent.size() >= 1);
  const InconsistentTerm& cat = t.systems[1].inconsistent[0];
  CHECK(cat.source_term == "cat");
  CHECK(cat.segments == std::vector<size_t>{0, 2, 3});
  REQUIRE(t.systems[1].forbidden.size() == 2);
  CHECK(t.systems[1].forbidden[0].term == "matou");
  CHECK(t.systems[1].forbidden[0].segment == 0);
  CHECK(t.systems[1].forbidden[1].segment == 2);
  // A corpus of another length is refused.
  c.systems = {{"x"}, {"y"}};
  CHECK_THROWS_AS(p(c), Error);
  o.glossary_path = "";
  CHECK_THROWS_AS(MakeTerminologyProvider(o, src), Error);
}

TEST_CASE("compare --glossary: terminology section in every format", "[report][cli][terms]") {
  TermFiles f;
  const std::string base = "compare " + f.ref + " -i " + f.a + " " + f.b + " --no-significance";
  auto json = RunMteval(base + " --src " + f.src + " --glossary " + f.gloss + " -f json");
  REQUIRE(json.exit_code == 0);
  auto j = nlohmann::json::parse(json.out);
  REQUIRE(j.contains("terminology"));
  CHECK(j["terminology"]["systems"].size() == 2);
  auto html = RunMteval(base + " --src " + f.src + " --glossary " + f.gloss + " -f html");
  REQUIRE(html.exit_code == 0);
  CHECK(html.out.find("id=\"terminology-section\"") != std::string::npos);
  CHECK(html.out.find("forbidden term matou") != std::string::npos);
  // With documents, inconsistent terms are grouped and labelled per document.
  WriteFile(f.dir + "/ids.txt", "d1\nd1\nd1\nd1\n");
  auto docs = RunMteval(base + " --src " + f.src + " --glossary " + f.gloss + " --doc-ids " + f.dir + "/ids.txt -f json");
  REQUIRE(docs.exit_code == 0);
  CHECK(nlohmann::json::parse(docs.out)["terminology"]["systems"][1]["inconsistent"][0]["source_term"] == "cat [d1]");
  // Without a glossary: no section.
  auto plain = RunMteval(base + " --src " + f.src + " -f html");
  CHECK(plain.out.find("id=\"terminology-section\"") == std::string::npos);
  // Without a source: a usage error that says why, unless -m terms.
  auto nosrc = RunMteval(base + " --glossary " + f.gloss);
  CHECK(nosrc.exit_code == 2);
  CHECK_THAT(nosrc.err, Catch::Contains("--src"));
  auto terms = RunMteval(base + " --glossary " + f.gloss + " -m bleu terms -f json");
  REQUIRE(terms.exit_code == 0);
  auto t = nlohmann::json::parse(terms.out);
  CHECK(t["metrics"][1]["id"] == "terms");
  CHECK(t["ranking"]["scores"][1][0].get<double>() == Approx(100.0));
  CHECK(t["ranking"]["scores"][1][1].get<double>() < 100.0);
  CHECK(RunMteval(base + " -m terms").exit_code == 2);
}

TEST_CASE("compare on SGML inputs: per-document scores from the format's documents", "[report][cli][corpus]") {
  const std::string dir = testing::MakeTempDir();
  auto sgml = [](const std::string& root, const std::string& sys, const std::vector<std::string>& lines) {
    std::string x = "<" + root + " setid=\"t\" srclang=\"zh\" trglang=\"en\">\n";
    for (int d = 0; d < 2; ++d) {
      x += "<doc sysid=\"" + sys + "\" docid=\"doc" + std::to_string(d + 1) + "\" genre=\"news\">\n";
      for (int k = 0; k < 2; ++k) {
        x += "<seg id=\"" + std::to_string(k + 1) + "\">" + lines[static_cast<size_t>(d * 2 + k)] + "</seg>\n";
      }
      x += "</doc>\n";
    }
    return x + "</" + root + ">\n";
  };
  const std::vector<std::string> ref{"The cat sat on the mat.", "It was raining.", "A short one.", "The end is near."};
  const std::vector<std::string> a{"The cat sat on a mat.", "It rained.", "A short one.", "The end is near."};
  const std::vector<std::string> b{"A cat on the mat.", "It was raining.", "One short.", "End near."};
  WriteFile(dir + "/ref.sgm", sgml("refset", "ref", ref));
  WriteFile(dir + "/a.sgm", sgml("tstset", "A", a));
  WriteFile(dir + "/b.sgm", sgml("tstset", "B", b));
  auto r = RunMteval("compare " + dir + "/ref.sgm -i " + dir + "/a.sgm " + dir + "/b.sgm -f json --no-significance");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["documents"].size() == 2);
  CHECK(j["documents"][0]["doc_id"] == "doc1");
  CHECK(j["documents"][1]["doc_id"] == "doc2");
  CHECK(j["documents"][1]["num_segments"] == 2);
  // The segments are the text of the <seg> elements, not the markup lines.
  CHECK(j["num_segments"] == 4);
  // --doc-ids overrides the format's documents.
  WriteFile(dir + "/ids.txt", "x\nx\nx\ny\n");
  auto o = RunMteval("compare " + dir + "/ref.sgm -i " + dir + "/a.sgm " + dir + "/b.sgm -f json --no-significance --doc-ids " +
                     dir + "/ids.txt");
  REQUIRE(o.exit_code == 0);
  auto k = nlohmann::json::parse(o.out);
  REQUIRE(k["documents"].size() == 2);
  CHECK(k["documents"][0]["doc_id"] == "x");
  CHECK(k["documents"][0]["num_segments"] == 3);
  // Plain text has no documents.
  WriteFile(dir + "/ref.txt", "a b c\nd e f\n");
  WriteFile(dir + "/h.txt", "a b c\nd e\n");
  WriteFile(dir + "/h2.txt", "a b c\nd e f\n");
  auto p = RunMteval("compare " + dir + "/ref.txt -i " + dir + "/h.txt " + dir + "/h2.txt -f json");
  REQUIRE(p.exit_code == 0);
  CHECK(nlohmann::json::parse(p.out)["documents"].empty());
}

TEST_CASE("compare on a WMT XML file: its systems, names and documents", "[report][cli][corpus]") {
  const std::string dir = testing::MakeTempDir();
  auto doc = [](const std::string& id, const std::vector<std::string>& ref, const std::vector<std::string>& s1,
                const std::vector<std::string>& s2) {
    auto p = [](const std::vector<std::string>& lines) {
      std::string x = "<p>";
      for (size_t i = 0; i < lines.size(); ++i) x += "<seg id=\"" + std::to_string(i + 1) + "\">" + lines[i] + "</seg>";
      return x + "</p>";
    };
    return "<doc id=\"" + id + "\" origlang=\"zh\"><ref lang=\"en\" translator=\"A\">" + p(ref) +
           "</ref><hyp lang=\"en\" system=\"s1\">" + p(s1) + "</hyp><hyp lang=\"en\" system=\"s2\">" + p(s2) +
           "</hyp></doc>\n";
  };
  const std::string xml = dir + "/test.xml";
  WriteFile(xml, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<dataset id=\"t\"><collection id=\"c\">\n" +
                     doc("d1", {"The cat sat on the mat.", "It was raining."}, {"The cat sat on a mat.", "It rained."},
                         {"A cat on the mat.", "It was raining."}) +
                     doc("d2", {"The end is near."}, {"The end is near."}, {"End near."}) +
                     "</collection></dataset>\n");
  for (const std::string& inputs : {xml, xml + " -i " + xml}) {
    INFO(inputs);
    auto r = RunMteval("compare " + inputs + " -f json --no-significance");
    REQUIRE(r.exit_code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["systems"] == nlohmann::json({"s1", "s2"}));
    CHECK(j["ranking"]["scores"][0].size() == 2);
    REQUIRE(j["documents"].size() == 2);
    CHECK(j["documents"][0]["doc_id"] == "d1");
    CHECK(j["documents"][0]["scores"][0].size() == 2);
  }
  auto named = RunMteval("compare " + xml + " -f json --no-significance --names base other");
  REQUIRE(named.exit_code == 0);
  CHECK(nlohmann::json::parse(named.out)["systems"] == nlohmann::json({"base", "other"}));
  CHECK(RunMteval("compare " + xml + " --names one").exit_code == 2);
}

}  // namespace mteval
