#pragma once
// Rendering: comparison reports in every format, and scores exactly as
// sacreBLEU prints them.
//
//   std::string html = mteval::RenderReport(data, "html", {});   // or text, md, latex, csv, tsv, json
//   mteval::MetricScore s = bleu.CorpusScore(hyps, refs);
//   std::string line = mteval::FormatScoreText(s, bleu.GetSignature(1).Format(false), /*width=*/1);
//   std::string json = mteval::FormatScoreJson(s, bleu.GetSignature(1), /*width=*/1);
//
// Thread safety: renderers only read their arguments.

#include <string>
#include <vector>

#include <mteval/report_data.h>
#include <mteval/metric.h>

namespace mteval {

// ---- report_render.h
// Renders a ReportData in one of the report formats. Renderers only read the
// data; sections absent from the data are not printed.

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

// ---- score_format.h
// Formats scores exactly as sacreBLEU's Score.format() and its result
// printers do, plus mteval's statistics fields in JSON.

// f"{score:.{width}f}"
std::string FormatFixedWidth(double value, int width);

// "NAME|SIGNATURE = SCORE VERBOSE" (sacreBLEU's text line).
std::string FormatScoreText(const MetricScore& score, const std::string& signature, int width);

// sacreBLEU's JSON object (json.dumps(indent=1)): name, score rounded to
// `width`, signature, verbose_score, the signature's fields, then mteval's
// statistics fields.
std::string FormatScoreJson(const MetricScore& score, const Signature& signature, int width);

// sacreBLEU's print_single_results: one line for one result, or lines
// right-aligned on their first '=' for several.
std::string AlignScoreLines(const std::vector<std::string>& lines);

// sacreBLEU prints several JSON results as "[\n" + ",\n".join(objs) + "\n]".
std::string JoinJsonObjects(const std::vector<std::string>& objects);

}  // namespace mteval
