#pragma once
// The glossary term-accuracy metric of `mteval score -m terms`.
//
//   mteval::TermsMetricOptions options;
//   options.glossary = "glossary.tsv";
//   std::unique_ptr<mteval::Metric> terms = mteval::MakeTermsMetric(options);
//   mteval::MetricScore s = terms->CorpusScore(hyps, refs);  // % of reference terms the hypothesis has

#include <memory>
#include <string>

#include <mteval/metric.h>

namespace mteval {

// ---- terms_metric.h
// `-m terms` inside `mteval score`: reference-anchored glossary term accuracy.
// `mteval score` sees only references and hypotheses, so occurrences are
// taken from the (first) reference: every place where an allowed target
// variant of a glossary entry occurs (longest first, no overlaps) is a term
// occurrence, and it is correct when the hypothesis segment contains an
// allowed variant of the same entry not already used by another occurrence.
// Matching as in term_matcher.h. For source-side checks, consistency and QA
// use `mteval terms`.
//
// Statistics per segment (3 integers): [occurrences, correct, forbidden_hits]
// (forbidden_hits counts forbidden variants anywhere in the hypothesis).
// Score: 100 * correct / occurrences (0 without occurrences).

struct TermsMetricOptions {
  // Glossary file (.tsv, .csv or .tbx); required when -m terms is used.
  std::string glossary;
  // Snowball-stem target words (the glossary's target language).
  bool stem = false;

  // Throws Error(kUsage) when no glossary is given.
  void Validate() const;
};

// Creates the metric; reads the glossary (Error(kInput) for a bad one).
std::unique_ptr<Metric> MakeTermsMetric(const TermsMetricOptions& options);

}  // namespace mteval
