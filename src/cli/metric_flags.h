#pragma once
// The flags that `mteval score` and `mteval compare` share, declared and
// read in one place so that both commands accept the same metric options
// under the same names and defaults: BLEU (-tok, -lc, -s, ...), chrF
// (--chrf-*), TER (--ter-*), and --threads. The terminology flags differ
// per command (score: --terms-glossary; compare: --glossary) and stay there.

#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include <mteval/metrics.h>

namespace mteval {

// Specs of the BLEU, chrF and TER option flags, in help order.
std::vector<ArgSpec> MetricArgSpecs();

// Fills the BLEU, chrF and TER parts of `out` from parsed flags (defaults for
// absent ones). Values are checked later, by each metric's Options::Validate.
void ReadMetricArgs(const ParsedArgs& args, MetricOptions* out);

// The target language of -l SRC-TGT as sacreBLEU takes it,
// langpair.split('-')[1]: "zh" for "en-zh" and also for "en-zh-TW".
std::string LangPairTarget(const std::string& langpair);

// --threads N (0 = one per core, the default).
ArgSpec ThreadsArgSpec();
// Reads --threads (default 0); each command's Validate calls ValidateThreads.
int ReadThreadsArg(const ParsedArgs& args);
// Throws Error(kUsage) for a --threads value outside 0..256.
void ValidateThreads(int threads);
// The thread count for a --threads value: 0 means one per core, at most 8
// (beyond that, reading the input dominates).
int EffectiveThreads(int requested);

}  // namespace mteval
