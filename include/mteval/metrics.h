#pragma once
// Metrics by name, as the CLI's `-m` makes them.
//
//   mteval::MetricOptions options;            // one member per metric
//   options.chrf.word_order = 2;
//   for (const std::string& id : {"bleu", "chrf", "ter"}) {
//     std::unique_ptr<mteval::Metric> metric = mteval::MakeMetric(id, options);
//     std::cout << metric->GetSignature(1).Format(false) << "\n";
//   }

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mteval/metric.h>
#include <mteval/bleu.h>
#include <mteval/chrf.h>
#include <mteval/ter.h>
#include <mteval/terms_metric.h>

namespace mteval {

// ---- registry.h
// The metric factory: the one place that knows every metric module.

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
