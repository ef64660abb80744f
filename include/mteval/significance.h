#pragma once
// Bootstrap confidence intervals and paired tests (bootstrap resampling and
// approximate randomization) over N systems, with sacreBLEU's numbers at the
// same seed.
//
//   const mteval::Bleu bleu;
//   std::vector<mteval::StatsMatrix> stats = mteval::ComputeSegmentStats(bleu, corpus);
//   mteval::SignificanceOptions options;                   // seed 12345, 1000 resamples
//   mteval::SignificanceResult ci = mteval::BootstrapConfidence(bleu, stats[0], options);
//   // ci.score, *ci.mean, *ci.ci (half-width of the 95% interval)
//   auto paired = mteval::PairedTest(mteval::PairedTestKind::kBootstrap, {&bleu}, {stats},
//                                    corpus.system_names, options);
//   // paired[metric][system].p_value for every system after the baseline (system 0)
//
// Thread safety: the functions may run concurrently; results do not depend on
// SignificanceOptions::threads.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <mteval/metric.h>
#include <mteval/stats.h>

namespace mteval {

// ---- significance.h
// Bootstrap confidence intervals and paired significance tests that give
// sacreBLEU 2.6.0's numbers (sacrebleu/significance.py) at the same seed.
//
// Inputs are per-segment sufficient statistics (ComputeSegmentStats), so no
// text is re-scored: resampled corpus statistics are computed as matrix
// products (resample-count matrix x segment statistics for the bootstrap, a
// 0/1 selection matrix for approximate randomization) and each resample is
// scored with Metric::ResampledScore, which reproduces the float32 numpy
// arithmetic sacreBLEU uses for resampled statistics.
//
// Reproduced conventions (see docs/architecture.md, "Parity with sacreBLEU"):
// - draws come from numpy's default_rng(seed): choice(N, size=(n, N)) for the
//   bootstrap, integers(2, size=(n, N), dtype=bool) for AR, one fresh
//   generator per compared system (all systems share the draws when seeded);
// - the 95% interval is half the distance between the sorted scores at
//   n//40 and n - n//40 - 1; the mean is numpy's pairwise mean in paired
//   tests and Python's statistics.mean (correctly rounded) for a single
//   system;
// - p = (c + 1) / (n + 1) where c counts resamples whose (centred, for the
//   bootstrap) score difference is strictly greater than the real one. For a
//   system whose statistics equal the baseline's, that formula gives
//   1 / (n + 1), i.e. "significant"; by default mteval reports p = 1 there
//   instead (see SignificanceOptions::identical_p_one).
//
// Results do not depend on the number of threads.

struct SignificanceOptions {
  // numpy seed (sacreBLEU's SACREBLEU_SEED, default 12345); nullopt draws the
  // seed from the OS (SACREBLEU_SEED=none). As in sacreBLEU, a seed of 0
  // seeds the baseline's confidence interval with 0 but the paired tests
  // with OS entropy.
  std::optional<uint64_t> seed = 12345;
  // Resamples for confidence intervals and the paired bootstrap. Must be >= 1.
  int bootstrap_samples = 1000;
  // Trials of paired approximate randomization. Must be >= 1.
  int ar_trials = 10000;
  // Bootstrap resamples for the confidence interval reported with AR
  // (sacreBLEU's n_ar_confidence); 0 = none, as sacreBLEU's CLI does.
  int ar_confidence_samples = 0;
  // Worker threads (>= 1); results are identical for every value.
  int threads = 1;
  // A system whose per-segment statistics are identical to the baseline's
  // gets p = 1: nothing distinguishes the two. sacreBLEU's formula gives
  // 1 / (n + 1) (it counts only strictly larger differences), which marks a
  // system as significantly different from itself; false reproduces that.
  bool identical_p_one = true;
  // Resamples and trials are drawn and summed a chunk at a time, of about
  // this many values (one per segment and resample; 2**24, some 64 MB of
  // draws). Results never depend on it; memory does (Validate: >= 1).
  size_t chunk_entries = size_t{1} << 24;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// One system's figures for one metric.
struct SignificanceResult {
  double score = 0.0;             // corpus score of the real statistics
  std::optional<double> p_value;  // paired tests, systems after the baseline
  std::optional<double> mean;     // bootstrap mean of the resampled scores
  std::optional<double> ci;       // half-width of the 95% interval
};

enum class PairedTestKind {
  kBootstrap,                  // sacreBLEU --paired-bs
  kApproximateRandomization,   // sacreBLEU --paired-ar
};

// Single-system bootstrap confidence interval (sacreBLEU --confidence,
// Metric.corpus_score(n_bootstrap=n)): score, mean and ci. `stats` is one
// system's per-segment statistics for `metric`; it must have >= 1 segment.
SignificanceResult BootstrapConfidence(const Metric& metric, const StatsMatrix& stats,
                                       const SignificanceOptions& options);

// Paired test of systems[1..] against the baseline systems[0].
//   metrics[m]         the metrics, in output order;
//   stats[m][s]        per-segment statistics of system s for metric m;
//   system_names[s]    names used in error messages (e.g. file names).
// Returns results[m][s]; the baseline (s = 0) has no p-value. Requires at
// least 2 systems, and every system must have the same number of segments
// (Error(kInput) naming the system otherwise).
std::vector<std::vector<SignificanceResult>> PairedTest(
    PairedTestKind kind, const std::vector<const Metric*>& metrics,
    const std::vector<std::vector<StatsMatrix>>& stats, const std::vector<std::string>& system_names,
    const SignificanceOptions& options);

// The value of the SACREBLEU_SEED environment variable as sacreBLEU reads it:
// unset -> 12345, "none" (any case) -> nullopt, otherwise a non-negative
// decimal integer (Error(kUsage) otherwise).
std::optional<uint64_t> SeedFromEnvironment();
// Parses a seed as SACREBLEU_SEED is parsed; `what` names its source in errors.
std::optional<uint64_t> ParseSeed(const std::string& text, const std::string& what);

}  // namespace mteval
