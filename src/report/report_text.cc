// Plain-text formats of the report: terminal text, Markdown, LaTeX
// (booktabs), CSV/TSV; and the format dispatcher.

#include <algorithm>
#include <cstdio>
#include <string_view>

#include <mteval/error.h>
#include "text/escape.h"
#include <mteval/report.h>
#include "text/utf8.h"

namespace mteval {
namespace {

std::string Fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

size_t Width(const std::string& s) { return CountCodePoints(s); }

std::string Pad(const std::string& s, size_t w, bool right) {
  size_t n = Width(s);
  std::string fill(n < w ? w - n : 0, ' ');
  return right ? fill + s : s + fill;
}

// Control characters in input text would move the terminal cursor or change
// colours, bidi controls would reorder text: all are shown as [U+XXXX].
std::string Clean(const std::string& s) { return ShowHiddenControls(s); }

// Cell of a ranking table: score, CI and the significance mark.
std::string ScoreCell(const ReportData& d, size_t k, size_t s, int width, const std::string& ci_sep) {
  std::string cell = Fixed(d.ranking.scores[k][s], width);
  const auto& sig = d.ranking.significance[k];
  if (sig && s < sig->ci.size() && sig->ci[s]) {
    cell += " (" + Fixed(sig->ci[s]->lower, width) + ci_sep + Fixed(sig->ci[s]->upper, width) + ")";
  }
  return cell + SignificanceMark(d, k, s);
}

std::string LatexEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\': out += "\\textbackslash{}"; break;
      case '&': case '%': case '$': case '#': case '_': case '{': case '}': out += '\\'; out += c; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '^': out += "\\textasciicircum{}"; break;
      default: out += c;
    }
  }
  return ShowHiddenControls(out);
}

std::string MarkdownEscape(const std::string& s) {
  std::string out;
  for (char c : Clean(s)) {
    if (c == '|' || c == '\\' || c == '*' || c == '_' || c == '`' || c == '<' || c == '>' || c == '[' || c == ']') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace

std::vector<std::string> ReportFormats() { return {"html", "text", "md", "latex", "csv", "tsv", "json"}; }

std::string SignificanceMark(const ReportData& d, size_t k, size_t s) {
  if (k >= d.ranking.significance.size() || !d.ranking.significance[k]) return "";
  const MetricSignificance& sig = *d.ranking.significance[k];
  if (s >= sig.p_vs_baseline.size() || !sig.p_vs_baseline[s]) return "";
  return *sig.p_vs_baseline[s] < sig.alpha ? "*" : "";
}

std::string RenderText(const ReportData& d, const ReportRenderOptions& o) {
  const char* bold = o.color ? "\x1b[1m" : "";
  const char* dim = o.color ? "\x1b[2m" : "";
  const char* green = o.color ? "\x1b[32m" : "";
  const char* reset = o.color ? "\x1b[0m" : "";
  std::vector<std::string> header{"#", "System"};
  for (const auto& m : d.metrics) header.push_back(m.name);
  std::vector<std::vector<std::string>> rows;
  for (size_t r = 0; r < d.ranking.order.size(); ++r) {
    size_t s = d.ranking.order[r];
    std::vector<std::string> row{std::to_string(r + 1), Clean(d.systems[s]) + (s == 0 ? " (baseline)" : "")};
    for (size_t k = 0; k < d.metrics.size(); ++k) row.push_back(ScoreCell(d, k, s, o.width, "-"));
    rows.push_back(row);
  }
  std::vector<size_t> w(header.size());
  for (size_t c = 0; c < header.size(); ++c) {
    w[c] = Width(header[c]);
    for (const auto& row : rows) w[c] = std::max(w[c], Width(row[c]));
  }
  std::string out = std::string(bold) + Clean(d.title) + reset + "\n" + dim + std::to_string(d.systems.size()) +
                    " systems, " + std::to_string(d.num_segments) + " segments, baseline " + Clean(d.systems[0]) +
                    reset + "\n\n";
  std::string line;
  for (size_t c = 0; c < header.size(); ++c) line += (c ? "  " : "") + Pad(header[c], w[c], c != 1);
  out += std::string(bold) + line + reset + "\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    line.clear();
    for (size_t c = 0; c < rows[r].size(); ++c) line += (c ? "  " : "") + Pad(rows[r][c], w[c], c != 1);
    out += (r == 0 ? std::string(green) + line + reset : line) + "\n";
  }
  out += "\nMetric signatures:\n";
  for (const auto& m : d.metrics) out += " - " + Pad(m.name, 8, false) + " " + m.signature + "\n";
  for (const auto& n : d.notes) out += std::string(dim) + n + reset + "\n";
  if (!d.charts.empty() && d.systems.size() > 1) {
    const MetricCharts& c = d.charts[0];
    out += "\nSentence-level " + d.metrics[c.metric].name + " against the baseline (better / same / worse):\n";
    for (size_t s = 1; s < d.systems.size(); ++s) {
      out += "  " + Pad(Clean(d.systems[s]), w[1], false) + "  " + std::to_string(c.wins[s]) + " / " +
             std::to_string(c.ties[s]) + " / " + std::to_string(c.losses[s]) + "\n";
    }
  }
  if (d.terminology) {
    out += "\nTerm accuracy:\n";
    for (size_t s = 0; s < d.terminology->systems.size() && s < d.systems.size(); ++s) {
      out += "  " + Pad(Clean(d.systems[s]), w[1], false) + "  " + Fixed(d.terminology->systems[s].accuracy, 1) + "\n";
    }
  }
  if (d.release_checks) {
    out += "\nRelease checks (findings at confidence >= " + Fixed(d.release_checks->min_confidence, 2) +
           "; fewer is more consistent):\n";
    for (size_t s = 0; s < d.release_checks->systems.size() && s < d.systems.size(); ++s) {
      const auto& findings = d.release_checks->systems[s];
      out += "  " + Pad(Clean(d.systems[s]), w[1], false) + "  " + std::to_string(findings.size()) + "\n";
      for (const auto& f : findings) out += "      " + Clean(f.message) + "\n";
    }
  }
  return out;
}

std::string RenderMarkdown(const ReportData& d, const ReportRenderOptions& o) {
  std::string out = "# " + MarkdownEscape(d.title) + "\n\n" + std::to_string(d.systems.size()) + " systems, " +
                    std::to_string(d.num_segments) + " segments; baseline: " + MarkdownEscape(d.systems[0]) +
                    "\n\n| # | System |";
  for (const auto& m : d.metrics) out += " " + MarkdownEscape(m.name) + " |";
  out += "\n|--:|:--|";
  for (size_t k = 0; k < d.metrics.size(); ++k) out += "--:|";
  out += "\n";
  for (size_t r = 0; r < d.ranking.order.size(); ++r) {
    size_t s = d.ranking.order[r];
    out += "| " + std::to_string(r + 1) + " | " + MarkdownEscape(d.systems[s]) + (s == 0 ? " (baseline)" : "") + " |";
    for (size_t k = 0; k < d.metrics.size(); ++k) out += " " + MarkdownEscape(ScoreCell(d, k, s, o.width, "–")) + " |";
    out += "\n";
  }
  out += "\nSignatures:\n\n";
  for (const auto& m : d.metrics) out += "- " + MarkdownEscape(m.name) + ": `" + m.signature + "`\n";
  for (const auto& n : d.notes) out += "\n_" + MarkdownEscape(n) + "_\n";
  if (d.terminology) {
    out += "\n## Terminology\n\n| System | Term accuracy |\n|:--|--:|\n";
    for (size_t s = 0; s < d.terminology->systems.size() && s < d.systems.size(); ++s) {
      out += "| " + MarkdownEscape(d.systems[s]) + " | " + Fixed(d.terminology->systems[s].accuracy, 1) + " |\n";
    }
  }
  if (d.release_checks) {
    out += "\n## Release checks\n\nFindings at confidence >= " + Fixed(d.release_checks->min_confidence, 2) +
           " (fewer is more consistent).\n\n| System | Findings |\n|:--|--:|\n";
    for (size_t s = 0; s < d.release_checks->systems.size() && s < d.systems.size(); ++s) {
      out += "| " + MarkdownEscape(d.systems[s]) + " | " + std::to_string(d.release_checks->systems[s].size()) + " |\n";
    }
  }
  return out;
}

std::string RenderLatex(const ReportData& d, const ReportRenderOptions& o) {
  std::string out = "% " + d.tool_version + " comparison report; needs \\usepackage{booktabs}\n";
  out += "\\begin{tabular}{rl";
  for (size_t k = 0; k < d.metrics.size(); ++k) out += "r";
  out += "}\n\\toprule\n\\# & System";
  for (const auto& m : d.metrics) out += " & " + LatexEscape(m.name);
  out += " \\\\\n\\midrule\n";
  for (size_t r = 0; r < d.ranking.order.size(); ++r) {
    size_t s = d.ranking.order[r];
    out += std::to_string(r + 1) + " & " + LatexEscape(d.systems[s]) + (s == 0 ? " (baseline)" : "");
    for (size_t k = 0; k < d.metrics.size(); ++k) {
      std::string cell = Fixed(d.ranking.scores[k][s], o.width);
      const auto& sig = d.ranking.significance[k];
      if (sig && s < sig->ci.size() && sig->ci[s]) {
        cell += " ($\\pm$ " + Fixed((sig->ci[s]->upper - sig->ci[s]->lower) / 2, o.width) + ")";
      }
      if (!SignificanceMark(d, k, s).empty()) cell += "$^{*}$";
      out += " & " + cell;
    }
    out += " \\\\\n";
  }
  out += "\\bottomrule\n\\end{tabular}\n";
  for (const auto& m : d.metrics) out += "% " + m.name + ": " + m.signature + "\n";
  return out;
}

namespace {

// A text cell of a CSV/TSV file: a spreadsheet would run a cell starting
// with = + - @ (or a tab or carriage return) as a formula, so such a cell
// starts with an apostrophe, which spreadsheets take as "this is text" (the
// OWASP advice); control characters are shown as [U+XXXX]. Numbers are not
// text cells: -0.5 stays a number.
std::string SpreadsheetText(const std::string& s) {
  std::string t = ShowHiddenControls(s);
  if (!t.empty() && std::string_view("=+-@\t\r").find(t[0]) != std::string_view::npos) t.insert(0, 1, '\'');
  return t;
}

}  // namespace

std::string RenderDelimited(const ReportData& d, const ReportRenderOptions& o, char sep) {
  auto field = [sep](const std::string& text) {
    const std::string s = SpreadsheetText(text);
    if (sep == '\t') {
      std::string t = s;
      for (char& c : t) {
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
      }
      return t;
    }
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
      if (c == '"') q += '"';
      q += c;
    }
    return q + "\"";
  };
  bool any_sig = false;
  for (const auto& s : d.ranking.significance) any_sig = any_sig || s.has_value();
  std::string out = "rank" + std::string(1, sep) + "system" + sep + "baseline";
  for (const auto& m : d.metrics) {
    out += sep + field(m.name);
    if (any_sig) out += sep + field(m.name + " ci_low") + sep + field(m.name + " ci_high") + sep + field(m.name + " p");
  }
  out += "\n";
  for (size_t r = 0; r < d.ranking.order.size(); ++r) {
    size_t s = d.ranking.order[r];
    out += std::to_string(r + 1) + sep + field(d.systems[s]) + sep + (s == 0 ? "1" : "0");
    for (size_t k = 0; k < d.metrics.size(); ++k) {
      out += sep + Fixed(d.ranking.scores[k][s], o.width);
      if (any_sig) {
        const auto& sig = d.ranking.significance[k];
        bool ci = sig && s < sig->ci.size() && sig->ci[s];
        bool p = sig && s < sig->p_vs_baseline.size() && sig->p_vs_baseline[s];
        out += sep + (ci ? Fixed(sig->ci[s]->lower, o.width) : "") + sep + (ci ? Fixed(sig->ci[s]->upper, o.width) : "") +
               sep + (p ? Fixed(*sig->p_vs_baseline[s], 4) : "");
      }
    }
    out += "\n";
  }
  return out;
}

std::string RenderReport(const ReportData& d, const std::string& format, const ReportRenderOptions& o) {
  if (format == "html") return RenderHtml(d, o);
  if (format == "text") return RenderText(d, o);
  if (format == "md") return RenderMarkdown(d, o);
  if (format == "latex") return RenderLatex(d, o);
  if (format == "csv") return RenderDelimited(d, o, ',');
  if (format == "tsv") return RenderDelimited(d, o, '\t');
  if (format == "json") return RenderJson(d, o);
  throw Error(ErrorKind::kUsage, "unknown report format '" + format + "' (choose from html, text, md, latex, csv, tsv, json)");
}

}  // namespace mteval
