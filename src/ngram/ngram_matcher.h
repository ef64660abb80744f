#pragma once
// Clipped n-gram matching, the core of BLEU and chrF: for each order n, the
// sum over distinct hypothesis n-grams of min(hypothesis count, reference
// count), where the reference count is the maximum over the references added.
//
// Two exact representations of an n-gram, chosen per segment:
//  - packed: when the order is <= 8 and every reference unit is < 255, an
//    n-gram is its unit ids + 1 packed into bytes of a uint64 (the leading
//    non-zero byte makes different orders distinct). Keys need no lookups to
//    build, so probes of consecutive n-grams overlap in the CPU.
//  - trie: otherwise, n-grams are NgramTrie nodes (any order, any unit).
// Tests check both against a plain std::map implementation.

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
  // hypothesis (k+1)-grams. Units that no reference has never match.
  void CountMatches(const uint32_t* units, size_t n, int64_t* matches);

  // For tests: forces the trie representation.
  void set_force_trie(bool on) { force_trie_ = on; }

 private:
  static constexpr uint32_t kPackedLimit = 255;
  static constexpr uint64_t kEmpty = 0;  // packed keys are never 0

  void SwitchToTrie();
  void TrieAdd(const uint32_t* units, size_t n);
  void TrieCount(const uint32_t* units, size_t n, int64_t* matches);
  void PackedAdd(const uint32_t* units, size_t n);
  void PackedCount(const uint32_t* units, size_t n, int64_t* matches);
  void SetPackedTableSize(size_t size);
  void PackedGrow();
  void EnsureCounters(size_t n);
  void ReserveFilled(size_t extra);
  void AppendFilled(uint32_t slot);

  int max_order_;
  bool force_trie_ = false;
  bool packed_ = true;
  int num_refs_ = 0;
  // Packed mode: open addressing over slots_[0, mask_ + 1); slots outside
  // the live set are always empty with zero counts. Key and counts share a
  // slot so that a probe touches one cache line.
  struct PackedSlot {
    uint64_t key = kEmpty;
    uint32_t ref = 0;      // max count over the references
    uint32_t scratch = 0;  // count in the sequence being processed
  };
  // Unigrams of packed mode are plain arrays indexed by unit (< 255): the
  // most frequent probe needs no hashing.
  uint32_t uni_ref_[256] = {};
  uint32_t uni_scratch_[256] = {};
  std::vector<PackedSlot> slots_;
  size_t mask_ = 0, packed_size_ = 0;
  int shift_ = 64;
  std::vector<uint32_t> filled_;  // occupied slots [0, num_filled_), cleared by the next Reset
  size_t num_filled_ = 0;
  // The references added in packed mode, replayed if we switch to the trie:
  // reference r is saved_units_[saved_ends_[r-1], saved_ends_[r]). Flat and
  // never shrunk, so a segment costs no allocation (worker threads share
  // one malloc arena, and a lock per segment serialised them).
  std::vector<uint32_t> saved_units_;
  std::vector<size_t> saved_ends_;
  // Trie mode.
  NgramTrie trie_;
  // Per trie node: max count over references, and the count in the
  // sequence being processed.
  std::vector<uint32_t> ref_count_;
  std::vector<uint32_t> scratch_;
  std::vector<uint32_t> touched_;
  std::vector<uint32_t> count_touched_;  // PackedCount's touched slots
};

}  // namespace mteval
