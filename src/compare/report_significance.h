#pragma once
// The significance section of `mteval compare`: a SignificanceProvider
// (report_builder.h) built on the paired tests of stats/significance.h, which
// give sacreBLEU 2.6.0's numbers at the same seed.
//
// Per metric the provider fills MetricSignificance with:
//  - ci[s]: the 95% interval mean ± ci of every system, the baseline
//    included, as PairedTest reports them (with AR, from a separate
//    bootstrap of `ci_samples` resamples, sacreBLEU's n_ar_confidence);
//  - p_vs_baseline[s]: PairedTest's p-value of system s against system 0
//    (nullopt for the baseline);
//  - p_vs_next[s]: the p-value of a two-system paired test (same kind, same
//    seed) of the next system in this metric's rank order against s; nullopt
//    for the last ranked system. The rank order follows the metric's
//    direction (higher_is_better; TER ranks lowest first);
//  - cluster[s]: significance clusters (the WMT convention, 1 = best): walk
//    the rank order; a system starts a new cluster when it scores strictly
//    worse than the previous system AND p_vs_next of the previous system is
//    below alpha. Equal corpus scores never split a cluster, whatever p the
//    test reports (sacreBLEU's strict count gives identical systems
//    p = 1/(n+1)).
//  - signature: the metric's signature with bs:N or ar:N and seed:S, exactly
//    as `mteval score --paired-bs/--paired-ar` prints it.

#include <cstdint>
#include <optional>
#include <vector>

#include "compare/report_builder.h"
#include "stats/significance.h"

namespace mteval {

struct ReportSignificanceOptions {
  // Paired bootstrap (default) or paired approximate randomization.
  PairedTestKind kind = PairedTestKind::kBootstrap;
  // Resamples of the paired bootstrap (>= 1).
  int bootstrap_samples = 1000;
  // Trials of paired AR (>= 1).
  int ar_trials = 10000;
  // Bootstrap resamples for the confidence intervals reported with AR (>= 1).
  int ci_samples = 1000;
  // numpy seed; nullopt = OS entropy (SACREBLEU_SEED=none).
  std::optional<uint64_t> seed = 12345;
  // Worker threads (>= 1); results do not depend on it.
  int threads = 1;
  // Threshold for the clusters and the report's marks, in (0, 1).
  double alpha = 0.05;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// The provider; it throws Error for fewer than 2 systems (no paired test).
SignificanceProvider MakeSignificanceProvider(const ReportSignificanceOptions& options);

// Clusters from a rank order (best first), the corpus scores and the
// neighbour p-values (indexed by system), by the rule above. Returns the
// cluster of each system (1-based), indexed by system.
std::vector<int> SignificanceClusters(const std::vector<size_t>& order, const std::vector<double>& scores,
                                      const std::vector<std::optional<double>>& p_vs_next, double alpha);

}  // namespace mteval
