#pragma once
// Clipped n-gram matching against one reference (chrF scores each reference
// on its own): SortedNgramMatcher when it can represent the reference, which
// is faster for long orders, and NgramMatcher otherwise (orders above 7,
// units >= 255, very long segments).

#include <cstddef>
#include <cstdint>

#include "ngram/ngram_matcher.h"
#include "ngram/sorted_ngram_matcher.h"

namespace mteval {

class SingleRefMatcher {
 public:
  explicit SingleRefMatcher(int max_order)
      : hashed_(max_order), sorted_(max_order <= SortedNgramMatcher::kMaxOrder ? max_order : 1),
        sorted_allowed_(max_order <= SortedNgramMatcher::kMaxOrder) {}

  void SetReference(const uint32_t* units, size_t n) {
    use_sorted_ = sorted_allowed_ && sorted_.SetReference(units, n);
    if (!use_sorted_) {
      hashed_.Reset(n);
      hashed_.AddReference(units, n);
    }
  }

  // Adds the clipped matches of each order to matches[0 .. max_order-1].
  void CountMatches(const uint32_t* units, size_t n, int64_t* matches) {
    if (use_sorted_) {
      sorted_.CountMatches(units, n, matches);
    } else {
      hashed_.CountMatches(units, n, matches);
    }
  }

  // For tests: never use the sorted matcher.
  void set_force_hashed(bool on) { sorted_allowed_ = !on && hashed_.max_order() <= SortedNgramMatcher::kMaxOrder; }

 private:
  NgramMatcher hashed_;
  SortedNgramMatcher sorted_;
  bool sorted_allowed_;
  bool use_sorted_ = false;
};

}  // namespace mteval
