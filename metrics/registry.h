#pragma once
// The metric factory: the one place that knows every metric module.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metric/metric.h"
#include "metrics/bleu/bleu.h"
#include "metrics/chrf/chrf.h"
#include "metrics/ter/ter.h"
#include "metrics/terms/terms_metric.h"

namespace mteval {

// Options of every metric; each metric reads only its own member.
struct MetricOptions {
  BleuOptions bleu;
  ChrfOptions chrf;
  TerOptions ter;
  TermsMetricOptions terms;  // -m terms (--terms-glossary, --terms-stem)
};

// Metric ids accepted by MakeMetric, e.g. {"bleu", "chrf"}.
std::vector<std::string> AvailableMetrics();

// Creates metric `id`; throws Error(kUsage) for an unknown id or bad options.
std::unique_ptr<Metric> MakeMetric(std::string_view id, const MetricOptions& options);

}  // namespace mteval
