#include <mteval/metrics.h>

#include <mteval/error.h>

namespace mteval {
namespace {

struct Entry {
  const char* id;
  std::unique_ptr<Metric> (*make)(const MetricOptions&);
};

const Entry kMetrics[] = {
    {"bleu", [](const MetricOptions& o) -> std::unique_ptr<Metric> { return std::make_unique<Bleu>(o.bleu); }},
    {"chrf", [](const MetricOptions& o) -> std::unique_ptr<Metric> { return std::make_unique<Chrf>(o.chrf); }},
    {"ter", [](const MetricOptions& o) -> std::unique_ptr<Metric> { return std::make_unique<Ter>(o.ter); }},
    {"terms", [](const MetricOptions& o) { return MakeTermsMetric(o.terms); }},
};

}  // namespace

std::vector<std::string> AvailableMetrics() {
  std::vector<std::string> ids;
  for (const Entry& e : kMetrics) ids.emplace_back(e.id);
  return ids;
}

std::unique_ptr<Metric> MakeMetric(std::string_view id, const MetricOptions& options) {
  for (const Entry& e : kMetrics) {
    if (id == e.id) return e.make(options);
  }
  std::string allowed;
  for (const Entry& e : kMetrics) allowed += (allowed.empty() ? "" : ", ") + std::string(e.id);
  throw Error(ErrorKind::kUsage, "unknown metric '" + std::string(id) + "' (allowed: " + allowed + ")");
}

}  // namespace mteval
