#pragma once
// sacreBLEU's metric constructor arguments (as the parity and golden data
// files record them, e.g. {"tokenize": "intl", "lowercase": true}) mapped onto
// mteval's MetricOptions, and signatures compared up to the version.

#include <nlohmann/json.hpp>
#include <string>

#include <mteval/metrics.h>

namespace mteval::testing {

// `metric` is "bleu", "chrf" or "ter"; `args` the keyword arguments of
// sacreBLEU's BLEU(), CHRF() or TER(). An argument mteval has no option for
// throws std::invalid_argument naming it (BLEU's `force` only silences a
// warning and is accepted).
MetricOptions SacrebleuMetricOptions(const std::string& metric, const nlohmann::json& args);

// A signature without its "|version:..." field.
std::string SignatureWithoutVersion(const std::string& signature);

}  // namespace mteval::testing
