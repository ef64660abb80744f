// The HTML report in a real browser: headless Chromium renders the report of
// the bundled sample (corpora/release) with a hostile hypothesis, and the
// dumped DOM must show every section and no sign of the injected script.
// Skips with a visible message when chromium is not installed.

#include <catch2/catch.hpp>

#include <cstdlib>

#include "report/report_test_files.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

std::string Chromium() {
  for (const char* name : {"chromium", "chromium-browser"}) {
    std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    if (std::system(cmd.c_str()) == 0) return name;
  }
  return "";
}

}  // namespace

TEST_CASE("HTML report renders in headless Chromium and injected markup stays text", "[report][browser]") {
  const std::string chromium = Chromium();
  if (chromium.empty()) {
    WARN("SKIPPED: chromium is not installed (scripts/setup.sh installs it), so the browser test cannot run");
    return;
  }
  const std::string c = testing::SourceDir() + "/corpora/release";
  const std::string dir = testing::MakeTempDir();
  // The baseline's first line carries a script, a textarea end tag, quotes
  // and a right-to-left override; the script would change the title and
  // mark the document if it ran.
  std::string generic = testing::ReadWholeFile(c + "/mt-generic.en");
  REQUIRE_FALSE(generic.empty());
  const std::string evil =
      "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','1')</script>"
      "</textarea><img src=x onerror=\"document.title='PWNED'\"> \"quoted\" 'single' \xE2\x80\xAE" "desserts";
  generic = evil + generic.substr(generic.find('\n'));
  const std::string hostile = dir + "/mt-generic.en";
  testing::WriteFile(hostile, generic);

  const std::string report = dir + "/report.html";
  auto r = testing::RunMteval("compare " + c + "/workshop.ref.en -i " + hostile + " " + c + "/mt-glossary.en " + c +
                              "/mt-literal.en --src " + c + "/workshop.zh -m bleu chrf ter --glossary " + c +
                              "/glossary.tsv -o " + report);
  REQUIRE(r.exit_code == 0);

  const std::string dom = dir + "/dom.html";
  const std::string profile = testing::MakeTempDir();
  const std::string cmd = "timeout 120 " + chromium +
                          " --headless --no-sandbox --disable-gpu --disable-background-networking --user-data-dir='" +
                          profile + "' --dump-dom 'file://" + report + "' > '" + dom + "' 2> '" + dir + "/chromium.err'";
  int rc = std::system(cmd.c_str());
  INFO(testing::ReadWholeFile(dir + "/chromium.err"));
  REQUIRE(rc == 0);
  const std::string d = testing::ReadWholeFile(dom);
  REQUIRE_FALSE(d.empty());

  // The report's own script ran (it marks the root element) ...
  CHECK(d.find("data-report-ready=\"1\"") != std::string::npos);
  // ... and the injected one did not.
  CHECK(d.find("data-pwned=") == std::string::npos);
  CHECK(d.substr(0, d.find('>', d.find("<html"))).find("pwned") == std::string::npos);
  CHECK(d.find("PWNED</title>") == std::string::npos);
  CHECK(d.find("<title>MT system comparison</title>") != std::string::npos);
  CHECK(Count(d, "<img") == 0);
  CHECK(d.find("&lt;script&gt;document.title='PWNED'") != std::string::npos);
  CHECK(d.find("&lt;/textarea&gt;") != std::string::npos);
  CHECK(d.find("[U+202E]") != std::string::npos);
  CHECK(d.find("\xE2\x80\xAE") == std::string::npos);

  // Ranking table with one row per system.
  size_t table = d.find("<table id=\"ranking\"");
  REQUIRE(table != std::string::npos);
  std::string ranking = d.substr(table, d.find("</table>", table) - table);
  CHECK(Count(ranking, "<tr") == 4);
  CHECK(ranking.find("mt-generic") != std::string::npos);
  // Every chart: four per metric plus word F-measure by frequency.
  for (std::string m : {"bleu-0", "chrf-1", "ter-2"}) {
    for (std::string kind : {"bar-", "dist-", "length-", "diff-"}) {
      INFO(kind + m);
      CHECK(d.find("data-chart=\"" + kind + m + "\"") != std::string::npos);
    }
  }
  CHECK(d.find("data-chart=\"wordfreq\"") != std::string::npos);
  CHECK(Count(d, "<svg class=\"chart\"") == 13);
  CHECK(Count(d, "<rect") > 20);
  // Examples with the source, and n-gram tables.
  CHECK(Count(d, "class=\"example\"") == 12);
  CHECK(d.find("id=\"example-filter\"") != std::string::npos);
  CHECK(d.find("\xE5\x9B\xBD\xE5\xAE\xB6\xE7\x9F\xA5\xE8\xAF\x86\xE4\xBA\xA7\xE6\x9D\x83\xE5\xB1\x80") !=
        std::string::npos);  // 国家知识产权局 from the source
  CHECK(d.find("id=\"ngrams-section\"") != std::string::npos);
  // Significance (on by default): a cluster column per metric, a 95% interval
  // in every score cell, and CI whiskers on every bar of the bar charts.
  for (std::string m : {"BLEU", "chrF2", "TER"}) CHECK(ranking.find(m + " cluster</th>") != std::string::npos);
  CHECK(Count(ranking, "<span class=\"ci\">(") - Count(ranking, "(baseline)") == 9);
  for (std::string m : {"bleu-0", "chrf-1", "ter-2"}) {
    const size_t bar = d.find("data-chart=\"bar-" + m + "\"");
    REQUIRE(bar != std::string::npos);
    const std::string svg = d.substr(bar, d.find("</svg>", bar) - bar);
    INFO(m);
    CHECK(Count(svg, "class=\"whisker\"") == 9);  // three lines per system
  }
  // Terminology from the glossary: one row per system, the forbidden hits.
  size_t terms = d.find("<table id=\"terminology\"");
  REQUIRE(terms != std::string::npos);
  CHECK(d.find("id=\"terminology-section\"") != std::string::npos);
  CHECK(Count(d.substr(terms, d.find("</table>", terms) - terms), "<tr") == 4);
  std::system(("rm -rf '" + dir + "' '" + profile + "'").c_str());
}

}  // namespace mteval
