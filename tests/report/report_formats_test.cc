// The report formats: every format renders the same data, escapes input
// text for its syntax, and the JSON holds the full data.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include <mteval/report.h>

namespace mteval {
namespace {

ReportData Sample() {
  ReportData d;
  d.tool_version = "mteval-test";
  d.systems = {"base", "sys|<b>_x,\"q\""};
  d.num_segments = 2;
  d.num_refs = 1;
  d.metrics = {{"bleu", "BLEU", "nrefs:1|tok:13a", true}, {"ter", "TER", "nrefs:1|tok:tercom", false}};
  d.ranking.scores = {{30.0, 40.0}, {50.0, 45.0}};
  d.ranking.verbose = {{"v0", "v1"}, {"", ""}};
  d.ranking.order = {1, 0};
  d.ranking.significance = {std::nullopt, std::nullopt};
  MetricCharts c;
  c.metric = 0;
  c.sentence_scores = {Summary{0, 10, 20, 30, 40, 20, 2}, Summary{0, 10, 20, 30, 40, 20, 2}};
  c.diff_vs_baseline = {Summary{}, Summary{-5, -1, 0, 1, 5, 0, 2}};
  c.wins = {0, 1};
  c.ties = {0, 0};
  c.losses = {0, 1};
  c.by_length = {Bucket{"0-9", 2, {30.0, 40.0}}, Bucket{"10+", 0, {std::nullopt, std::nullopt}}};
  d.charts.push_back(c);
  Example e;
  e.segment = 1;
  e.refs = {"ref <i>"};
  e.hyps = {{DiffToken{"<script>document.title='X'</script>", false}}, {DiffToken{"ok", true}}};
  e.scores = {0, 100};
  e.spread = 100;
  d.examples = ExamplesSection{0, {e}};
  return d;
}

}  // namespace

TEST_CASE("HTML report is self-contained and escapes input", "[report]") {
  std::string html = RenderHtml(Sample(), {});
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("id=\"ranking\"") != std::string::npos);
  CHECK(html.find("data-chart=\"bar-bleu-0\"") != std::string::npos);
  CHECK(html.find("data-chart=\"dist-bleu-0\"") != std::string::npos);
  CHECK(html.find("data-chart=\"length-bleu-0\"") != std::string::npos);
  CHECK(html.find("data-chart=\"diff-bleu-0\"") != std::string::npos);
  CHECK(html.find("class=\"example\"") != std::string::npos);
  // The only <script> is the report's own.
  size_t first = html.find("<script");
  REQUIRE(first != std::string::npos);
  CHECK(html.find("<script", first + 1) == std::string::npos);
  CHECK(html.find("&lt;script&gt;document.title=&#39;X&#39;&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("sys|&lt;b&gt;_x,&quot;q&quot;") != std::string::npos);
  // No external resources.
  CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
}

TEST_CASE("text report aligns columns and colours only on request", "[report]") {
  ReportData d = Sample();
  std::string plain = RenderText(d, {});
  CHECK(plain.find("\x1b[") == std::string::npos);
  CHECK(plain.find("(baseline)") != std::string::npos);
  CHECK(plain.find("nrefs:1|tok:13a") != std::string::npos);
  ReportRenderOptions color;
  color.color = true;
  CHECK(RenderText(d, color).find("\x1b[1m") != std::string::npos);
  // Control characters from inputs never reach the terminal.
  d.systems[1] = "evil\x1b[31m\xE2\x80\xAE";
  std::string text = RenderText(d, {});
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("evil[U+001B][31m[U+202E]") != std::string::npos);
  CHECK(RenderLatex(d, {}).find("evil[U+001B]") != std::string::npos);
  CHECK(RenderMarkdown(d, {}).find("evil[U+001B]") == std::string::npos);  // brackets are escaped
  CHECK(RenderMarkdown(d, {}).find("evil\\[U+001B\\]") != std::string::npos);
}

TEST_CASE("markdown, LaTeX, CSV and TSV formats", "[report]") {
  ReportData d = Sample();
  std::string md = RenderMarkdown(d, {});
  CHECK(md.find("sys\\|\\<b\\>\\_x,\"q\"") != std::string::npos);
  CHECK(md.find("|--:|:--|--:|--:|") != std::string::npos);
  std::string tex = RenderLatex(d, {});
  CHECK(tex.find("\\toprule") != std::string::npos);
  CHECK(tex.find("\\midrule") != std::string::npos);
  CHECK(tex.find("\\bottomrule") != std::string::npos);
  CHECK(tex.find("sys|<b>\\_x,\"q\"") != std::string::npos);
  std::string csv = RenderDelimited(d, {}, ',');
  CHECK(csv == "rank,system,baseline,BLEU,TER\n1,\"sys|<b>_x,\"\"q\"\"\",0,40.0,45.0\n2,base,1,30.0,50.0\n");
  std::string tsv = RenderDelimited(d, {}, '\t');
  CHECK(tsv.find("1\tsys|<b>_x,\"q\"\t0\t40.0\t45.0\n") != std::string::npos);
  ReportRenderOptions w3;
  w3.width = 3;
  CHECK(RenderDelimited(d, w3, ',').find("40.000") != std::string::npos);
  CHECK_THROWS_AS(RenderReport(d, "pdf", {}), Error);
  for (const auto& f : ReportFormats()) CHECK_FALSE(RenderReport(d, f, {}).empty());
}

TEST_CASE("JSON report holds the full data", "[report]") {
  auto j = nlohmann::json::parse(RenderJson(Sample(), {}));
  CHECK(j["schema"] == "mteval-compare-report/1");
  CHECK(j["systems"][1] == "sys|<b>_x,\"q\"");
  CHECK(j["metrics"][1]["higher_is_better"] == false);
  CHECK(j["ranking"]["scores"][0][1] == 40.0);
  CHECK(j["ranking"]["order"][0] == 1);
  CHECK(j["ranking"]["significance"][0].is_null());
  CHECK(j["charts"][0]["by_reference_length"][1]["values"][0].is_null());
  CHECK(j["charts"][0]["diff_vs_baseline"][0].is_null());
  CHECK(j["charts"][0]["diff_vs_baseline"][1]["min"] == -5.0);
  CHECK(j["examples"]["examples"][0]["hyps"][1][0]["matched"] == true);
  CHECK(j["terminology"].is_null());
  CHECK(j["documents"].empty());
}

}  // namespace mteval
