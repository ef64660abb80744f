#pragma once
// The significance flags of `mteval score` and `mteval compare`.

#include <string>
#include <vector>

#include "app/significance_output.h"
#include "cli/arg_parser.h"

namespace mteval {

// The flags above, for the score command's parser.
std::vector<ArgSpec> SignificanceArgSpecs();
// Reads the flags. `default_paired_bs` (compare's default test) sets
// paired_bs when neither paired test is given. SACREBLEU_SEED is read only
// when a test will run and --seed is absent, as sacreBLEU reads it only for
// its tests (so a bad value does not fail plain scoring).
SignificanceTestRequest ParseSignificanceArgs(const ParsedArgs& args, bool default_paired_bs = false);

}  // namespace mteval
