#include "ngram/ngram_trie.h"

#include <algorithm>

namespace mteval {

void NgramTrie::Clear(size_t expected_nodes) {
  size_t want = 16;
  while (want < expected_nodes * 2) want <<= 1;
  // Keep the table unless it is far too small or far too large, so clearing
  // costs about as much as the segment it serves.
  if (keys_.size() < want || keys_.size() > want * 8) {
    keys_.assign(want, kEmpty);
    values_.assign(want, 0);
  } else {
    std::fill(keys_.begin(), keys_.end(), kEmpty);
  }
  mask_ = keys_.size() - 1;
  shift_ = 64 - __builtin_ctzll(keys_.size());
  num_nodes_ = 1;
}

void NgramTrie::Grow() {
  std::vector<uint64_t> old_keys;
  std::vector<uint32_t> old_values;
  old_keys.swap(keys_);
  old_values.swap(values_);
  keys_.assign(old_keys.size() * 2, kEmpty);
  values_.assign(old_keys.size() * 2, 0);
  mask_ = keys_.size() - 1;
  shift_ = 64 - __builtin_ctzll(keys_.size());
  for (size_t j = 0; j < old_keys.size(); ++j) {
    if (old_keys[j] == kEmpty) continue;
    size_t i = Slot(old_keys[j]);
    while (keys_[i] != kEmpty) i = (i + 1) & mask_;
    keys_[i] = old_keys[j];
    values_[i] = old_values[j];
  }
}

}  // namespace mteval
