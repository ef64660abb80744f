#pragma once
// Renders a ReportData in one of the report formats. Renderers only read the
// data; sections absent from the data are not printed.

#include <string>
#include <vector>

#include "compare/report_data.h"

namespace mteval {

struct ReportRenderOptions {
  // Decimals of corpus scores.
  int width = 1;
  // ANSI colours in the text format (the CLI sets it when stdout is a TTY).
  bool color = false;
};

// Formats accepted by RenderReport, in help order.
std::vector<std::string> ReportFormats();  // html, text, md, latex, csv, tsv, json

// Throws Error(kUsage) for an unknown format.
std::string RenderReport(const ReportData& data, const std::string& format, const ReportRenderOptions& options);

// One function per format.
std::string RenderHtml(const ReportData& data, const ReportRenderOptions& options);
std::string RenderText(const ReportData& data, const ReportRenderOptions& options);
std::string RenderMarkdown(const ReportData& data, const ReportRenderOptions& options);
std::string RenderLatex(const ReportData& data, const ReportRenderOptions& options);
// Ranking table, one row per system: system, then per metric the score and,
// when computed, CI bounds and the p-value against the baseline.
std::string RenderDelimited(const ReportData& data, const ReportRenderOptions& options, char separator);
// The full data; schema in docs/report-json.md.
std::string RenderJson(const ReportData& data, const ReportRenderOptions& options);

// Marks shown next to a score: "*" when p < alpha against the baseline.
std::string SignificanceMark(const ReportData& data, size_t metric, size_t system);

}  // namespace mteval
