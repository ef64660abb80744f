#pragma once
// Prints significance results as sacreBLEU 2.6.0 prints them
// (sacrebleu/utils.py): the multi-system table of a paired test in text
// (tabulate's fancy_grid), JSON and LaTeX (booktabs), and the single-system
// score line with its confidence interval.

#include <string>
#include <vector>

#include <mteval/metric.h>
#include <mteval/significance.h>

namespace mteval {

struct SignificanceTable {
  PairedTestKind kind = PairedTestKind::kBootstrap;
  int samples = 0;                         // resamples (bs) or trials (ar), for the header
  std::vector<std::string> systems;        // row names as printed, the baseline first ("Baseline: x")
  std::vector<std::string> metric_names;   // column names, e.g. "BLEU", "chrF2"
  std::vector<std::string> signatures;     // one formatted signature per metric
  std::vector<std::vector<SignificanceResult>> results;  // [metric][system]
};

// format: "text", "json" or "latex"; width: decimals (-w). Ends with '\n'.
std::string FormatSignificanceTable(const SignificanceTable& table, const std::string& format, int width);

// The table sacreBLEU prints for several systems without a paired test:
// JSON objects {"system": name, METRIC: "score"} (scores as strings, no
// signatures), or the text (fancy_grid) / LaTeX (booktabs) table followed by
// the metric signatures. scores[m][s] is system s's score under metric m.
struct SystemsTable {
  std::vector<std::string> systems;
  std::vector<std::string> metric_names;
  std::vector<std::string> signatures;  // one formatted signature per metric
  std::vector<std::vector<double>> scores;
};
std::string FormatSystemsTable(const SystemsTable& table, const std::string& format, int width);


// sacreBLEU's Score.format with a confidence interval: the text line
// "NAME|SIG = S (μ = M ± C) VERBOSE" or the JSON object with
// confidence_mean, confidence_var and confidence after "signature". The
// interval is left out when the mean is not positive, as sacreBLEU does.
std::string FormatConfidenceText(const MetricScore& score, const std::string& signature, int width, double mean,
                                 double ci);
std::string FormatConfidenceJson(const MetricScore& score, const Signature& signature, int width, double mean,
                                 double ci);

}  // namespace mteval
