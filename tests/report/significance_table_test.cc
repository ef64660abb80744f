// sacreBLEU's significance table layouts: tabulate's fancy_grid (text), the
// booktabs LaTeX table and the JSON list.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "report/significance_table.h"
#include "text/utf8.h"

namespace mteval {
namespace {

size_t CodePoints(const std::string& s) { return CountCodePoints(s); }

SignificanceTable Example(PairedTestKind kind) {
  SignificanceTable t;
  t.kind = kind;
  t.samples = kind == PairedTestKind::kBootstrap ? 1000 : 10000;
  t.systems = {"Baseline: base_1.txt", "sys&2.txt", "s3"};
  t.metric_names = {"BLEU", "chrF2"};
  t.signatures = {"nrefs:1|bs:1000|seed:12345|tok:13a", "nrefs:1|bs:1000|seed:12345|nc:6"};
  const bool bs = kind == PairedTestKind::kBootstrap;
  auto r = [&](double score, std::optional<double> p) {
    SignificanceResult x;
    x.score = score;
    x.p_value = p;
    if (bs) {
      x.mean = score - 0.01;
      x.ci = 0.93;
    }
    return x;
  };
  t.results = {{r(29.672, std::nullopt), r(24.98, 0.000999), r(29.81, 0.2078)},
               {r(59.218, std::nullopt), r(55.2, 0.05), r(58.5, 0.0501)}};
  return t;
}

std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string line;
  while (std::getline(ss, line)) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("text table is a fancy_grid with two-line cells", "[report][significance]") {
  const std::string out = FormatSignificanceTable(Example(PairedTestKind::kBootstrap), "text", 1);
  const std::vector<std::string> lines = Lines(out);
  size_t end = 0;
  while (end < lines.size() && !lines[end].empty()) ++end;
  // top, header, header rule, 1 + 2 + 2 row lines, 2 row rules, bottom
  REQUIRE(end == 11);
  for (size_t i = 0; i < end; ++i) {
    INFO(lines[i]);
    CHECK(CodePoints(lines[i]) == CodePoints(lines[0]));
  }
  CHECK(lines[1].find("BLEU (\u03bc \u00b1 95% CI)") != std::string::npos);
  CHECK(lines[3].find("\u2502 Baseline: base_1.txt \u2502  29.7 (29.7 \u00b1 0.9)  \u2502") == 0);
  CHECK(lines[5].find("24.9 (25.0 \u00b1 0.9)") == std::string::npos);  // 24.98 -> 25.0
  CHECK(lines[5].find("25.0 (25.0 \u00b1 0.9)") != std::string::npos);
  CHECK(lines[6].find("(p = 0.0010)*") != std::string::npos);
  CHECK(lines[6].find("(p = 0.0500)*") != std::string::npos);  // 0.05 is significant
  CHECK(lines[9].find("(p = 0.2078) ") != std::string::npos);
  CHECK(lines[9].find("(p = 0.0501) ") != std::string::npos);
  CHECK(out.find("Paired bootstrap resampling test with 1000 resampling trials") != std::string::npos);
  CHECK(out.find(" - Each system is pairwise compared to Baseline: base_1.txt.") != std::string::npos);
  CHECK(out.find(" - BLEU       nrefs:1|bs:1000|seed:12345|tok:13a\n") != std::string::npos);
}

TEST_CASE("AR table has no interval and keeps the plain titles", "[report][significance]") {
  const std::string out = FormatSignificanceTable(Example(PairedTestKind::kApproximateRandomization), "text", 2);
  CHECK(out.find("95% CI") == std::string::npos);
  CHECK(out.find("24.98") != std::string::npos);
  CHECK(out.find("Paired approximate randomization test with 10000 trials") != std::string::npos);
  CHECK(out.find("Actual system score is provided for each metric.") != std::string::npos);
}

TEST_CASE("LaTeX table is booktabs with escaped cells on one line each", "[report][significance]") {
  const std::string out = FormatSignificanceTable(Example(PairedTestKind::kBootstrap), "latex", 1);
  const std::vector<std::string> lines = Lines(out);
  REQUIRE(lines.size() > 8);
  CHECK(lines[0] == "\\begin{tabular}{rcc}");
  CHECK(lines[1] == "\\toprule");
  CHECK(lines[2].find("BLEU (\u03bc \u00b1 95\\% CI)") != std::string::npos);
  CHECK(lines[3] == "\\midrule");
  CHECK(lines[5].find("sys\\&2.txt") != std::string::npos);
  CHECK(lines[5].find("25.0 (25.0 \u00b1 0.9) (p = 0.0010)*") != std::string::npos);
  CHECK(lines[4].find("base\\_1.txt") != std::string::npos);
  CHECK(lines[7] == "\\bottomrule");
  CHECK(lines[8] == "\\end{tabular}");
  for (size_t i = 2; i < 7; ++i) CHECK(lines[i].size() >= 2);
}

TEST_CASE("JSON table lists systems with score, p_value, mean and ci", "[report][significance]") {
  const std::string out = FormatSignificanceTable(Example(PairedTestKind::kBootstrap), "json", 1);
  const auto j = nlohmann::ordered_json::parse(out);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["system"] == "Baseline: base_1.txt");
  CHECK(j[0]["BLEU"]["p_value"].is_null());
  CHECK(j[1]["chrF2"]["p_value"].get<double>() == 0.05);
  CHECK(j[2]["BLEU"]["score"].get<double>() == 29.81);  // full precision, not rounded to -w
  std::vector<std::string> keys;
  for (auto it = j[1]["BLEU"].begin(); it != j[1]["BLEU"].end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"score", "p_value", "mean", "ci"});
  CHECK(out.find("    {\n        \"system\"") != std::string::npos);  // indent=4
}

TEST_CASE("signatures gain the test fields after nrefs", "[report][significance]") {
  Signature sig = BaseSignature(2);
  sig.Add("case", "c", "mixed");
  // Format() appends the version itself.
  CHECK(WithTestFields(sig, 1000, 0, 12345).Format(false).rfind("nrefs:2|bs:1000|seed:12345|case:mixed|version:", 0) == 0);
  CHECK(WithTestFields(sig, 0, 10000, std::nullopt).Format(true).rfind("#:2|ar:10000|rs:none|c:mixed|v:", 0) == 0);
}

}  // namespace mteval
