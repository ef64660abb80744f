#include "report/significance_table.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include "text/escape.h"
#include <mteval/report.h>
#include "text/utf8.h"

namespace mteval {
namespace {

// Characters as Python's len() counts them (code points of UTF-8 text).
size_t Width(const std::string& s) { return CountCodePoints(s); }

std::string PadLeft(const std::string& s, size_t w) { return std::string(w > Width(s) ? w - Width(s) : 0, ' ') + s; }

// Python's format(s, "^w"): the extra space goes to the right.
std::string PadBoth(const std::string& s, size_t w) {
  const size_t len = Width(s);
  if (len >= w) return s;
  const size_t left = (w - len) / 2;
  return std::string(left, ' ') + s + std::string(w - len - left, ' ');
}

std::string Strip(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\n\r\f\v") - b + 1);
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t nl = s.find('\n', start);
    out.push_back(s.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// System names (file names) in the text and LaTeX tables: control
// characters shown as [U+XXXX], so that a name cannot drive the terminal.
// Ordinary names are unchanged, as sacreBLEU prints them.
std::vector<std::string> ShownNames(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& name : names) out.push_back(ShowHiddenControls(name));
  return out;
}

// sacreBLEU's _format_score_lines: headers and cell strings of the table.
void FormatCells(const SignificanceTable& t, int width, bool multiline, std::vector<std::string>* headers,
                 std::vector<std::vector<std::string>>* columns) {
  headers->push_back("System");
  columns->push_back(ShownNames(t.systems));
  bool is_bootstrap = false;  // as in sacreBLEU, stays set for later metrics
  for (size_t m = 0; m < t.metric_names.size(); ++m) {
    std::vector<std::string> cells;
    for (const SignificanceResult& r : t.results[m]) {
      std::string s = FormatFixedWidth(r.score, width);
      if (r.mean) {
        is_bootstrap = true;
        s += " (" + FormatFixedWidth(*r.mean, width) + " \u00b1 " + FormatFixedWidth(r.ci.value_or(0.0), width) + ")";
      }
      if (r.p_value) {
        s += multiline ? "\n" : " ";
        s += "(p = " + FormatFixedWidth(*r.p_value, 4) + ")";
        if (*r.p_value <= 0.05) s += "*";
      }
      cells.push_back(s);
    }
    headers->push_back(t.metric_names[m] + (is_bootstrap ? " (\u03bc \u00b1 95% CI)" : ""));
    columns->push_back(cells);
  }
}

// tabulate's column alignment: column 0 right, the others centred; cells are
// stripped, each line padded to the column width (at least header + 2).
struct Laid {
  std::vector<size_t> widths;
  std::vector<std::string> headers;
  std::vector<std::vector<std::vector<std::string>>> rows;  // [row][col] -> lines
};

Laid Layout(const std::vector<std::string>& headers, const std::vector<std::vector<std::string>>& columns) {
  Laid out;
  const size_t rows = columns.empty() ? 0 : columns[0].size();
  out.rows.assign(rows, std::vector<std::vector<std::string>>(columns.size()));
  for (size_t c = 0; c < columns.size(); ++c) {
    size_t w = Width(headers[c]) + 2;
    std::vector<std::vector<std::string>> cells;
    for (const std::string& cell : columns[c]) {
      cells.push_back(SplitLines(Strip(cell)));
      for (const std::string& line : cells.back()) w = std::max(w, Width(line));
    }
    out.widths.push_back(w);
    out.headers.push_back(c == 0 ? PadLeft(headers[c], w) : PadBoth(headers[c], w));
    for (size_t r = 0; r < rows; ++r) {
      for (const std::string& line : cells[r]) out.rows[r][c].push_back(c == 0 ? PadLeft(line, w) : PadBoth(line, w));
    }
  }
  return out;
}

std::string FancyGrid(const Laid& t) {
  auto rule = [&](const char* l, const char* fill, const char* sep, const char* r) {
    std::string s = l;
    for (size_t c = 0; c < t.widths.size(); ++c) s += (c ? sep : "") + Repeat(fill, t.widths[c] + 2);
    return s + r + "\n";
  };
  auto row = [&](const std::vector<std::string>& cells) {
    std::string s = "\u2502";
    for (size_t c = 0; c < cells.size(); ++c) s += (c ? "\u2502 " : " ") + cells[c] + " ";
    return s + "\u2502\n";
  };
  std::string out = rule("\u2552", "\u2550", "\u2564", "\u2555");
  out += row(t.headers);
  out += rule("\u255e", "\u2550", "\u256a", "\u2561");
  for (size_t r = 0; r < t.rows.size(); ++r) {
    if (r) out += rule("\u251c", "\u2500", "\u253c", "\u2524");
    size_t height = 0;
    for (const auto& cell : t.rows[r]) height = std::max(height, cell.size());
    for (size_t i = 0; i < height; ++i) {
      std::vector<std::string> cells;
      for (size_t c = 0; c < t.widths.size(); ++c) {
        cells.push_back(i < t.rows[r][c].size() ? t.rows[r][c][i] : std::string(t.widths[c], ' '));
      }
      out += row(cells);
    }
  }
  out += rule("\u2558", "\u2550", "\u2567", "\u255b");
  return out;
}

std::string LatexEscape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "\\&"; break;
      case '%': out += "\\%"; break;
      case '$': out += "\\$"; break;
      case '#': out += "\\#"; break;
      case '_': out += "\\_"; break;
      case '^': out += "\\^{}"; break;
      case '{': out += "\\{"; break;
      case '}': out += "\\}"; break;
      case '~': out += "\\textasciitilde{}"; break;
      case '\\': out += "\\textbackslash{}"; break;
      case '<': out += "\\ensuremath{<}"; break;
      case '>': out += "\\ensuremath{>}"; break;
      default: out += ch;
    }
  }
  return out;
}

// tabulate's latex_booktabs.
std::string LatexBooktabs(const Laid& t) {
  auto row = [&](const std::vector<std::string>& cells) {
    std::string s;
    for (size_t c = 0; c < cells.size(); ++c) s += (c ? "&" : "") + LatexEscape(" " + cells[c] + " ");
    return s + "\\\\\n";
  };
  std::string out = "\\begin{tabular}{r" + std::string(t.widths.size() - 1, 'c') + "}\n\\toprule\n";
  out += row(t.headers);
  out += "\\midrule\n";
  for (const auto& r : t.rows) {
    std::vector<std::string> cells;
    for (const auto& lines : r) cells.push_back(lines.empty() ? "" : lines[0]);
    out += row(cells);
  }
  return out + "\\bottomrule\n\\end{tabular}\n";
}

std::string SignatureLines(const std::vector<std::string>& names, const std::vector<std::string>& signatures) {
  std::string out = "-----------------\nMetric signatures\n-----------------\n";
  for (size_t m = 0; m < names.size(); ++m) {
    const std::string& name = names[m];
    out += " - " + name + std::string(name.size() < 10 ? 10 - name.size() : 0, ' ') + " " + signatures[m] + "\n";
  }
  return out;
}

void CheckFormat(const std::string& format) {
  if (format != "text" && format != "latex" && format != "json") {
    throw Error(ErrorKind::kUsage, "unknown table format '" + format + "' (choose from text, json, latex)");
  }
}

nlohmann::ordered_json Optional(const std::optional<double>& v) {
  return v ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

}  // namespace

std::string FormatSignificanceTable(const SignificanceTable& t, const std::string& format, int width) {
  if (t.results.size() != t.metric_names.size() || t.signatures.size() != t.metric_names.size()) {
    throw Error(ErrorKind::kInternal, "significance table: metric names, signatures and results disagree");
  }
  if (format == "json") {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (size_t s = 0; s < t.systems.size(); ++s) {
      nlohmann::ordered_json v;
      v["system"] = t.systems[s];
      for (size_t m = 0; m < t.metric_names.size(); ++m) {
        const SignificanceResult& r = t.results[m][s];
        nlohmann::ordered_json d;
        d["score"] = r.score;
        d["p_value"] = Optional(r.p_value);
        d["mean"] = Optional(r.mean);
        d["ci"] = Optional(r.ci);
        v[t.metric_names[m]] = d;
      }
      arr.push_back(v);
    }
    return arr.dump(4, ' ', true) + "\n";
  }
  CheckFormat(format);
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> columns;
  FormatCells(t, width, format == "text", &headers, &columns);
  const Laid laid = Layout(headers, columns);
  std::string out = format == "text" ? FancyGrid(laid) : LatexBooktabs(laid);
  out += "\n";

  const bool bs = t.kind == PairedTestKind::kBootstrap;
  const std::string msg = std::string("Paired ") + (bs ? "bootstrap resampling" : "approximate randomization") +
                          " test with " + std::to_string(t.samples) + (bs ? " resampling trials" : " trials");
  const std::string baseline =
      !t.systems.empty() && t.systems[0].rfind("Baseline:", 0) == 0 ? ShowHiddenControls(t.systems[0]) : "";
  out += std::string(msg.size(), '-') + "\n" + msg + "\n" + std::string(msg.size(), '-') + "\n";
  out += " - Each system is pairwise compared to " + baseline + ".\n";
  out += bs ? "   Actual system score / bootstrap estimated true mean / 95% CI are provided for each metric.\n"
            : "   Actual system score is provided for each metric.\n";
  out +=
      "\n"
      " - Null hypothesis: the system and the baseline translations are essentially\n"
      "   generated by the same underlying process. For a given system and the baseline,\n"
      "   the p-value is roughly the probability of the absolute score difference (delta)\n"
      "   or higher occurring due to chance, under the assumption that the null hypothesis is correct.\n"
      "\n"
      " - Assuming a significance threshold of 0.05, the null hypothesis can be rejected\n"
      "   for p-values < 0.05 (marked with \"*\"). This means that the delta is unlikely to be attributed\n"
      "   to chance, hence the system is significantly \"different\" than the baseline.\n"
      "   Otherwise, the p-values are highlighted in red.\n"
      "\n"
      " - NOTE: Significance does not tell whether a system is \"better\" than the baseline but rather\n"
      "   emphasizes the \"difference\" of the systems in terms of the replicability of the delta.\n"
      "\n";
  return out + SignatureLines(t.metric_names, t.signatures);
}

std::string FormatSystemsTable(const SystemsTable& t, const std::string& format, int width) {
  if (t.scores.size() != t.metric_names.size() || t.signatures.size() != t.metric_names.size()) {
    throw Error(ErrorKind::kInternal, "systems table: metric names, signatures and scores disagree");
  }
  CheckFormat(format);
  if (format == "json") {
    // sacreBLEU's json.dumps(indent=4): ASCII only, the scores as the strings
    // of its score-only format.
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (size_t s = 0; s < t.systems.size(); ++s) {
      nlohmann::ordered_json v;
      v["system"] = t.systems[s];
      for (size_t m = 0; m < t.metric_names.size(); ++m) v[t.metric_names[m]] = FormatFixedWidth(t.scores[m][s], width);
      arr.push_back(v);
    }
    return arr.dump(4, ' ', true) + "\n";
  }
  std::vector<std::string> headers{"System"};
  std::vector<std::vector<std::string>> columns{ShownNames(t.systems)};
  for (size_t m = 0; m < t.metric_names.size(); ++m) {
    headers.push_back(t.metric_names[m]);
    std::vector<std::string> cells;
    for (double score : t.scores[m]) cells.push_back(FormatFixedWidth(score, width));
    columns.push_back(cells);
  }
  const Laid laid = Layout(headers, columns);
  return (format == "text" ? FancyGrid(laid) : LatexBooktabs(laid)) + "\n" + SignatureLines(t.metric_names, t.signatures);
}

std::string FormatConfidenceText(const MetricScore& score, const std::string& signature, int width, double mean,
                                 double ci) {
  MetricScore s = score;
  if (mean > 0) {
    const std::string conf =
        "(\u03bc = " + FormatFixedWidth(mean, width) + " \u00b1 " + FormatFixedWidth(ci, width) + ")";
    s.verbose = s.verbose.empty() ? conf : conf + " " + s.verbose;
  }
  return FormatScoreText(s, signature, width);
}

std::string FormatConfidenceJson(const MetricScore& score, const Signature& signature, int width, double mean,
                                 double ci) {
  const nlohmann::ordered_json plain = nlohmann::ordered_json::parse(FormatScoreJson(score, signature, width));
  if (!(mean > 0)) return plain.dump(1);
  nlohmann::ordered_json d;
  for (auto it = plain.begin(); it != plain.end(); ++it) {
    d[it.key()] = it.value();
    if (it.key() == "signature") {
      const std::string m = FormatFixedWidth(mean, width), c = FormatFixedWidth(ci, width);
      d["confidence_mean"] = std::strtod(m.c_str(), nullptr);
      d["confidence_var"] = std::strtod(c.c_str(), nullptr);
      d["confidence"] = "\u03bc = " + m + " \u00b1 " + c;
    }
  }
  return d.dump(1);
}

}  // namespace mteval
