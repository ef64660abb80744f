#pragma once
// The metric flags shared by `mteval score` and `mteval compare`, and --threads.

#include <string>
#include <vector>

#include "app/metric_setup.h"
#include "cli/arg_parser.h"

namespace mteval {

// Specs of the BLEU, chrF and TER option flags, in help order.
std::vector<ArgSpec> MetricArgSpecs();
// Fills the BLEU, chrF and TER parts of `out` from parsed flags (defaults for
// absent ones). Values are checked later, by each metric's Options::Validate.
void ReadMetricArgs(const ParsedArgs& args, MetricOptions* out);
// --threads N (0 = one per core, the default).
ArgSpec ThreadsArgSpec();
// Reads --threads (default 0); each command's Validate calls ValidateThreads.
int ReadThreadsArg(const ParsedArgs& args);

}  // namespace mteval
