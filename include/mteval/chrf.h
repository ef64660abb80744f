#pragma once
// chrF and chrF++ with sacreBLEU 2.x semantics.
//
//   mteval::ChrfOptions options;
//   options.word_order = 2;          // chrF++
//   const mteval::Chrf chrf_pp(options);
//   mteval::MetricScore s = chrf_pp.CorpusScore(hyps, refs);  // s.name == "chrF2++"

#include <memory>

#include <mteval/metric.h>

namespace mteval {

// ---- chrf.h
// chrF and chrF++ (Popović 2015, 2017) with sacreBLEU 2.x semantics:
// character n-grams without whitespace, optional word n-grams after
// sacreBLEU's punctuation splitting, best reference by sentence F-score, and
// either effective-order averaging (default) or chrF++.py's eps smoothing.
//
// Statistics per segment: for each order (char orders first, then word
// orders) the triple [hyp n-grams, ref n-grams, matches].

struct ChrfOptions {
  // Character n-gram order (sacreBLEU: 6). Must be >= 1.
  int char_order = 6;
  // Word n-gram order; 2 gives chrF++. Must be >= 0.
  int word_order = 0;
  // Recall weight (sacreBLEU: 2). Must be >= 1.
  int beta = 2;
  // Lowercase both sides first (Python str.lower()).
  bool lowercase = false;
  // Keep whitespace characters in character n-grams.
  bool whitespace = false;
  // chrF++.py / Moses / NLTK eps smoothing instead of effective order.
  bool eps_smoothing = false;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// The metric. Validates `options` (Error(kUsage) naming a bad field) and
// prepares what it needs (e.g. BLEU's tokenizer; Error(kUnavailable) for a
// tokenizer or model that is not installed). Immutable: const methods may be
// called from several threads at once, and copies share the prepared state.
class Chrf final : public internal::MetricHandle {
 public:
  explicit Chrf(const ChrfOptions& options = {});
  const ChrfOptions& options() const { return options_; }

 private:
  ChrfOptions options_;
};

}  // namespace mteval
