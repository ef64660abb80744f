#include "app/significance_output.h"

#include <algorithm>
#include <thread>

#include <mteval/error.h>
#include <mteval/report.h>
#include "report/significance_table.h"
#include <mteval/significance.h>

namespace mteval {

void SignificanceTestRequest::Validate(size_t num_systems, bool sentence_level) const {
  // num_systems == 0: not known yet (systems come from standard input).
  if (paired_bs && paired_ar) {
    throw Error(ErrorKind::kUsage, "argument --paired-ar/-par: not allowed with argument --paired-bs/-pbs");
  }
  auto positive = [](int n, const char* flag) {
    if (n < 1) throw Error(ErrorKind::kUsage, std::string("argument ") + flag + ": " + std::to_string(n) +
                                                   " is out of range (an integer >= 1)");
  };
  positive(confidence_n, "--confidence-n");
  positive(paired_bs_n, "--paired-bs-n");
  positive(paired_ar_n, "--paired-ar-n");
  if (paired_jobs < 0 || paired_jobs > 256) {
    throw Error(ErrorKind::kUsage, "argument --paired-jobs: " + std::to_string(paired_jobs) +
                                       " is out of range (0 = automatic, or 1 to 256)");
  }
  if (sentence_level && Any()) {
    throw Error(ErrorKind::kUsage, "statistical tests are unavailable in sentence-level mode (-sl)");
  }
  if (Paired() && num_systems == 1) {
    throw Error(ErrorKind::kUsage, "paired tests require at least 2 systems: give the baseline and the systems "
                                   "to compare with -i BASELINE SYS2 ...");
  }
  // Also with a paired test, as sacreBLEU refuses it (the paired bootstrap
  // gives each system's interval anyway).
  if (confidence && num_systems > 1) {
    throw Error(ErrorKind::kUsage, "--confidence is for one system; use paired tests (--paired-bs or "
                                   "--paired-ar) for several systems, without --confidence");
  }
}

int SignificanceJobs(int requested, size_t num_systems) {
  if (requested > 0) return requested;
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  return std::max(1, std::min(cores, static_cast<int>(num_systems) - 1));
}

std::string RunSignificanceOutput(const SignificanceTestRequest& o, const SignificanceOutputInput& in) {
  o.Validate(in.system_names.size(), false);
  SignificanceOptions so;
  so.seed = o.seed;
  so.threads = SignificanceJobs(o.paired_jobs, in.system_names.size());

  if (!o.Paired()) {
    // sacreBLEU bootstraps only for n > 1; with -cin 1 it prints plain scores.
    const bool with_ci = o.confidence_n > 1;
    so.bootstrap_samples = o.confidence_n;
    std::vector<std::string> lines;
    for (size_t m = 0; m < in.metrics.size(); ++m) {
      const Metric& metric = *in.metrics[m];
      const StatsMatrix& stats = (*in.stats[m])[0];
      const std::vector<int64_t> total = stats.Sum();
      const MetricScore score = metric.Score(total.data());
      double mean = 0.0, ci = 0.0;
      Signature sig = metric.GetSignature(in.num_refs);
      if (with_ci) {
        const SignificanceResult r = BootstrapConfidence(metric, stats, so);
        mean = *r.mean;
        ci = *r.ci;
        sig = WithTestFields(sig, o.confidence_n, 0, o.seed);
      }
      if (in.score_only) {
        // sacreBLEU's score-only string keeps the interval, and wins over
        // -f json.
        std::string line = FormatFixedWidth(score.score, in.width);
        if (mean > 0) {
          line += " (\u03bc = " + FormatFixedWidth(mean, in.width) + " \u00b1 " + FormatFixedWidth(ci, in.width) + ")";
        }
        lines.push_back(line);
      } else if (in.format == "json") {
        lines.push_back(FormatConfidenceJson(score, sig, in.width, mean, ci));
      } else {
        lines.push_back(FormatConfidenceText(score, sig.Format(in.short_signature), in.width, mean, ci));
      }
    }
    return in.format == "json" ? JoinJsonObjects(lines) + "\n" : AlignScoreLines(lines);
  }

  const PairedTestKind kind = o.paired_bs ? PairedTestKind::kBootstrap : PairedTestKind::kApproximateRandomization;
  so.bootstrap_samples = o.paired_bs_n;
  so.ar_trials = o.paired_ar_n;
  std::vector<std::vector<StatsMatrix>> stats;
  for (const auto* s : in.stats) stats.push_back(*s);

  SignificanceTable table;
  table.kind = kind;
  table.samples = o.paired_bs ? o.paired_bs_n : o.paired_ar_n;
  table.results = PairedTest(kind, in.metrics, stats, in.system_names, so);
  for (size_t s = 0; s < in.system_names.size(); ++s) {
    if (in.from_stdin) {
      table.systems.push_back(s == 0 ? "Baseline" : "System " + std::to_string(s));
    } else {
      table.systems.push_back(s == 0 ? "Baseline: " + in.system_names[0] : in.system_names[s]);
    }
  }
  for (const Metric* metric : in.metrics) {
    table.metric_names.push_back(metric->Name());
    table.signatures.push_back(WithTestFields(metric->GetSignature(in.num_refs), o.paired_bs ? o.paired_bs_n : 0,
                                              o.paired_ar ? o.paired_ar_n : 0, o.seed)
                                   .Format(in.short_signature));
  }
  return FormatSignificanceTable(table, in.format, in.width);
}
}  // namespace mteval
