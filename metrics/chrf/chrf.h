#pragma once
// chrF and chrF++ (Popović 2015, 2017) with sacreBLEU 2.x semantics:
// character n-grams without whitespace, optional word n-grams after
// sacreBLEU's punctuation splitting, best reference by sentence F-score, and
// either effective-order averaging (default) or chrF++.py's eps smoothing.
//
// Statistics per segment: for each order (char orders first, then word
// orders) the triple [hyp n-grams, ref n-grams, matches].

#include <memory>

#include "metric/metric.h"

namespace mteval {

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

std::unique_ptr<Metric> MakeChrf(const ChrfOptions& options);

}  // namespace mteval
