#pragma once
// `mteval score` significance options (sacreBLEU's --confidence, --paired-bs,
// --paired-ar and their -n flags, --paired-jobs) plus --seed, and the output
// they produce. score_command.cc hands over here when any of them is given.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <mteval/metric.h>
#include <mteval/stats.h>

namespace mteval {

struct SignificanceTestRequest {
  bool confidence = false;   // --confidence / -ci: single-system bootstrap CI
  int confidence_n = 1000;   // --confidence-n / -cin: resamples for -ci (>= 1)
  bool paired_bs = false;    // --paired-bs / -pbs
  int paired_bs_n = 1000;    // --paired-bs-n / -pbsn (>= 1)
  bool paired_ar = false;    // --paired-ar / -par
  int paired_ar_n = 10000;   // --paired-ar-n / -parn (>= 1)
  int paired_jobs = 0;       // --paired-jobs / -j: threads; 0 = one per core (>= 0)
  // --seed, else SACREBLEU_SEED, else 12345; nullopt = OS entropy ("none").
  std::optional<uint64_t> seed = 12345;

  bool Paired() const { return paired_bs || paired_ar; }
  bool Any() const { return confidence || Paired(); }
  // Throws Error(kUsage) naming the flag; num_systems (0 = not known yet)
  // and sentence_level check the combinations sacreBLEU rejects.
  void Validate(size_t num_systems, bool sentence_level) const;
};

// Threads for --paired-jobs N: N when > 0; 0 = automatic, every hardware
// thread but at most one per compared system (results do not depend on it).
int SignificanceJobs(int requested, size_t num_systems);

struct SignificanceOutputInput {
  std::vector<const Metric*> metrics;                // in -m order, deduplicated
  std::vector<const std::vector<StatsMatrix>*> stats;  // [metric] -> per-system statistics
  std::vector<std::string> system_names;             // corpus names (file names or "System N")
  bool from_stdin = false;                           // systems were read from standard input
  int num_refs = 1;
  std::string format = "json";                       // json, text or latex
  int width = 1;
  bool score_only = false;
  bool short_signature = false;
};

// Runs the requested test and formats it as sacreBLEU prints it.
std::string RunSignificanceOutput(const SignificanceTestRequest& options, const SignificanceOutputInput& input);

}  // namespace mteval
