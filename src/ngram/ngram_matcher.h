#pragma once
// Clipped n-gram matching, the core of BLEU and chrF: for each order n, the
// sum over distinct hypothesis n-grams of min(hypothesis count, reference
// count), where the reference count is the maximum over the references added.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "ngram/ngram_trie.h"

namespace mteval {

class NgramMatcher {
 public:
  explicit NgramMatcher(int max_order) : max_order_(max_order) {}

  int max_order() const { return max_order_; }

  // Forgets all references; `expected_units` sizes the tables.
  void Reset(size_t expected_units);

  // Adds a reference (a sequence of units). Units must not be UINT32_MAX.
  void AddReference(const uint32_t* units, size_t n);

  // Adds to matches[k] (k = 0 .. max_order-1) the clipped matches of the
  // hypothesis (k+1)-grams. Units equal to UINT32_MAX never match.
  void CountMatches(const uint32_t* units, size_t n, int64_t* matches);

 private:
  void EnsureCounters();

  int max_order_;
  NgramTrie trie_;
  std::vector<uint32_t> ref_count_;   // per node: max count over references
  std::vector<uint32_t> scratch_;     // per node: count in the current sequence
  std::vector<uint32_t> touched_;
  int num_refs_ = 0;
};

}  // namespace mteval
