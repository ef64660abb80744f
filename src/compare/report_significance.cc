#include <mteval/compare.h>

#include <algorithm>
#include <numeric>
#include <string>

#include <mteval/error.h>

namespace mteval {

void ReportSignificanceOptions::Validate() const {
  auto bad = [](const std::string& what) { throw Error(ErrorKind::kUsage, "significance option " + what); };
  if (bootstrap_samples < 1) bad("bootstrap_samples must be >= 1");
  if (ar_trials < 1) bad("ar_trials must be >= 1");
  if (ci_samples < 1) bad("ci_samples must be >= 1");
  if (threads < 1 || threads > 256) bad("threads must be 1 to 256");
  if (!(alpha > 0.0 && alpha < 1.0)) bad("alpha must be in (0, 1)");
}

std::vector<int> SignificanceClusters(const std::vector<size_t>& order, const std::vector<double>& scores,
                                      const std::vector<std::optional<double>>& p_vs_next, double alpha) {
  std::vector<int> cluster(scores.size(), 0);
  int current = 1;
  for (size_t r = 0; r < order.size(); ++r) {
    if (r > 0) {
      const size_t prev = order[r - 1], cur = order[r];
      const bool differs = scores[prev] != scores[cur];
      const bool significant = p_vs_next[prev] && *p_vs_next[prev] < alpha;
      if (differs && significant) ++current;
    }
    cluster[order[r]] = current;
  }
  return cluster;
}

namespace {

SignificanceOptions TestOptions(const ReportSignificanceOptions& o, bool with_ci) {
  SignificanceOptions so;
  so.seed = o.seed;
  so.bootstrap_samples = o.bootstrap_samples;
  so.ar_trials = o.ar_trials;
  so.ar_confidence_samples = with_ci ? o.ci_samples : 0;
  so.threads = o.threads;
  return so;
}

std::string Method(const ReportSignificanceOptions& o) {
  if (o.kind == PairedTestKind::kBootstrap) {
    return "paired bootstrap (" + std::to_string(o.bootstrap_samples) + " resamples)";
  }
  return "paired approximate randomization (" + std::to_string(o.ar_trials) + " trials; intervals from " +
         std::to_string(o.ci_samples) + " bootstrap resamples)";
}

std::vector<MetricSignificance> Compute(const ReportSignificanceOptions& o, const SignificanceRequest& req) {
  const std::vector<const Metric*>& metrics = *req.metrics;
  const std::vector<std::vector<StatsMatrix>>& stats = *req.stats;
  const size_t num_sys = stats.empty() ? 0 : stats[0].size();
  if (num_sys < 2) {
    throw Error(ErrorKind::kUsage, "significance tests need at least 2 systems (pass --no-significance for one)");
  }
  if (req.baseline != 0) throw Error(ErrorKind::kInternal, "significance: the baseline must be system 0");
  std::vector<std::string> names;
  for (size_t s = 0; s < num_sys; ++s) names.push_back("system " + std::to_string(s + 1));

  const auto results = PairedTest(o.kind, metrics, stats, names, TestOptions(o, true));
  const bool bs = o.kind == PairedTestKind::kBootstrap;
  std::vector<MetricSignificance> out(metrics.size());
  for (size_t m = 0; m < metrics.size(); ++m) {
    MetricSignificance& sig = out[m];
    sig.method = Method(o);
    sig.signature = WithTestFields(metrics[m]->GetSignature(static_cast<int>(req.num_refs)), bs ? o.bootstrap_samples : 0,
                                   bs ? 0 : o.ar_trials, o.seed)
                        .Format(false);
    sig.alpha = o.alpha;
    std::vector<double> scores(num_sys);
    for (size_t s = 0; s < num_sys; ++s) {
      const SignificanceResult& r = results[m][s];
      scores[s] = r.score;
      if (r.mean && r.ci) sig.ci.push_back(ConfidenceInterval{*r.mean, *r.mean - *r.ci, *r.mean + *r.ci});
      else sig.ci.push_back(std::nullopt);
      sig.p_vs_baseline.push_back(s == 0 ? std::nullopt : r.p_value);
    }
    // Rank order by this metric, best first (stable: ties keep input order).
    const bool hib = metrics[m]->HigherIsBetter();
    std::vector<size_t> order(num_sys);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return hib ? scores[a] > scores[b] : scores[a] < scores[b]; });
    sig.p_vs_next.assign(num_sys, std::nullopt);
    for (size_t r = 0; r + 1 < num_sys; ++r) {
      const size_t a = order[r], b = order[r + 1];
      const std::vector<std::vector<StatsMatrix>> pair{{stats[m][a], stats[m][b]}};
      const auto pr = PairedTest(o.kind, {metrics[m]}, pair, {names[a], names[b]}, TestOptions(o, false));
      sig.p_vs_next[a] = pr[0][1].p_value;
    }
    sig.cluster = SignificanceClusters(order, scores, sig.p_vs_next, o.alpha);
  }
  return out;
}

}  // namespace

SignificanceProvider MakeSignificanceProvider(const ReportSignificanceOptions& options) {
  options.Validate();
  return [options](const SignificanceRequest& req) { return Compute(options, req); };
}

}  // namespace mteval
