#include "ngram/ngram_matcher.h"

#include <algorithm>

namespace mteval {

void NgramMatcher::Reset(size_t expected_units) {
  // Only the nodes the last segment used can hold counts.
  size_t used = std::min<size_t>(trie_.num_nodes(), ref_count_.size());
  std::fill(ref_count_.begin(), ref_count_.begin() + used, 0);
  trie_.Clear(expected_units * static_cast<size_t>(max_order_));
  num_refs_ = 0;
}

void NgramMatcher::EnsureCounters() {
  if (ref_count_.size() < trie_.num_nodes()) {
    size_t n = std::max<size_t>(trie_.num_nodes(), ref_count_.size() * 2);
    ref_count_.resize(n, 0);
    scratch_.resize(n, 0);
  }
}

void NgramMatcher::AddReference(const uint32_t* units, size_t n) {
  const bool first = num_refs_++ == 0;
  touched_.clear();
  for (size_t i = 0; i < n; ++i) {
    uint32_t node = NgramTrie::kRoot;
    size_t limit = std::min<size_t>(n - i, static_cast<size_t>(max_order_));
    for (size_t k = 0; k < limit; ++k) {
      node = trie_.Insert(node, units[i + k]);
      EnsureCounters();
      if (first) {
        ++ref_count_[node];
      } else {
        if (scratch_[node]++ == 0) touched_.push_back(node);
      }
    }
  }
  if (!first) {
    for (uint32_t node : touched_) {
      ref_count_[node] = std::max(ref_count_[node], scratch_[node]);
      scratch_[node] = 0;
    }
  }
}

void NgramMatcher::CountMatches(const uint32_t* units, size_t n, int64_t* matches) {
  EnsureCounters();
  touched_.clear();
  for (size_t i = 0; i < n; ++i) {
    uint32_t node = NgramTrie::kRoot;
    size_t limit = std::min<size_t>(n - i, static_cast<size_t>(max_order_));
    for (size_t k = 0; k < limit; ++k) {
      node = trie_.Find(node, units[i + k]);
      // An n-gram whose prefix is absent from every reference is absent too.
      if (node == NgramTrie::kNotFound) break;
      uint32_t c = ++scratch_[node];
      if (c == 1) touched_.push_back(node);
      if (c <= ref_count_[node]) ++matches[k];
    }
  }
  for (uint32_t node : touched_) scratch_[node] = 0;
}

}  // namespace mteval
