#include "cli/significance_output.h"

#include <algorithm>
#include <thread>

#include <mteval/error.h>
#include <mteval/report.h>
#include "report/significance_table.h"
#include <mteval/significance.h>

namespace mteval {

std::vector<ArgSpec> SignificanceArgSpecs() {
  return {
      {"confidence", {"--confidence", "-ci"}, ArgKind::kFlag, {}, "bootstrap 95% confidence interval (one system)"},
      {"confidence_n", {"--confidence-n", "-cin"}, ArgKind::kValue, {}, "bootstrap resamples for -ci (default 1000)"},
      {"paired_bs", {"--paired-bs", "-pbs"}, ArgKind::kFlag, {}, "paired bootstrap test against the first system"},
      {"paired_bs_n", {"--paired-bs-n", "-pbsn"}, ArgKind::kValue, {}, "resamples for --paired-bs (default 1000)"},
      {"paired_ar", {"--paired-ar", "-par"}, ArgKind::kFlag, {}, "paired approximate randomization test"},
      {"paired_ar_n", {"--paired-ar-n", "-parn"}, ArgKind::kValue, {}, "trials for --paired-ar (default 10000)"},
      {"paired_jobs", {"--paired-jobs", "-j"}, ArgKind::kValue, {}, "threads for the tests (default 0 = one per core)"},
      {"seed", {"--seed"}, ArgKind::kValue, {}, "random seed (default $SACREBLEU_SEED or 12345; 'none' = random)"},
  };
}

SignificanceTestRequest ParseSignificanceArgs(const ParsedArgs& a, bool default_paired_bs) {
  SignificanceTestRequest o;
  o.confidence = a.Flag("confidence");
  o.confidence_n = a.Int("confidence_n", 1000);
  o.paired_bs = a.Flag("paired_bs");
  o.paired_bs_n = a.Int("paired_bs_n", 1000);
  o.paired_ar = a.Flag("paired_ar");
  o.paired_ar_n = a.Int("paired_ar_n", 10000);
  o.paired_jobs = a.Int("paired_jobs", 0);
  if (default_paired_bs && !o.Paired()) o.paired_bs = true;
  if (const std::optional<std::string> seed = a.Value("seed")) {
    o.seed = ParseSeed(*seed, "--seed");
  } else if (o.Any()) {
    o.seed = SeedFromEnvironment();
  }
  return o;
}

}  // namespace mteval
