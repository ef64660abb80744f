#pragma once
// Clipped n-gram matching, the core of BLEU and chrF: for each order n, the
// sum over distinct hypothesis n-grams of min(hypothesis count, reference
// count), where the reference count is the maximum over the references added.
//
// Three exact representations, chosen per segment:
//  - suffix: when the CPU has AVX2, the order is <= 64, and each reference
//    and hypothesis has at most 128 units, references fewer than 254
//    distinct ones: no n-gram is stored; SuffixMatcher compares the
//    hypothesis with each reference and with itself, a byte per unit;
//  - packed: when the order is <= 8 and every reference unit is < 255,
//    unigrams are counted in arrays indexed by unit, and a longer n-gram is
//    its unit ids + 1 packed into bytes of a uint64 (the leading non-zero
//    byte makes different orders distinct), in an open-addressing table.
//    Keys need no lookups to build, so probes of consecutive n-grams overlap
//    in the CPU.
//  - trie: otherwise, n-grams are NgramTrie nodes (any order, any unit).
// A segment that outgrows the suffix form (a long reference or hypothesis)
// moves to the packed form, one that outgrows the packed form to the trie,
// replaying its references. Tests check all three against a plain std::map
// implementation.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ngram/ngram_trie.h"
#include "ngram/suffix_matcher.h"

namespace mteval {

class NgramMatcher {
 public:
  explicit NgramMatcher(int max_order)
      : max_order_(max_order), suffix_(std::min(max_order, SuffixMatcher::kMaxOrder)) {}

  int max_order() const { return max_order_; }

  // Forgets all references; `expected_units` sizes the tables.
  void Reset(size_t expected_units);

  // Adds a reference (a sequence of units). Units must not be UINT32_MAX.
  void AddReference(const uint32_t* units, size_t n);

  // Adds to matches[k] (k = 0 .. max_order-1) the clipped matches of the
  // hypothesis (k+1)-grams. Units that no reference has never match.
  void CountMatches(const uint32_t* units, size_t n, int64_t* matches);

  // CountMatches where the units are found as the count goes: unit_of(i)
  // gives unit i, which is also stored in units[i] (n entries). A unit that
  // no reference has then ends the work at its position at once (BLEU looks
  // its hypothesis tokens up this way). The suffix and trie forms need every
  // unit first: fill_units(units) writes all n of them in one batch, which
  // is faster than n calls of unit_of.
  template <typename UnitOf, typename FillUnits>
  void CountMatchesFrom(size_t n, UnitOf&& unit_of, FillUnits&& fill_units, uint32_t* units, int64_t* matches) {
    if (mode_ != Mode::kPacked) {
      fill_units(units);
      CountMatches(units, n, matches);
      return;
    }
    PackedCount(n, [&](size_t i) { return units[i] = unit_of(i); }, units, matches);
  }

  // For tests: forces the trie representation.
  void set_force_trie(bool on) { force_trie_ = on; }
  // For tests: allows the suffix representation (the default) or not.
  void set_allow_suffix(bool on) { allow_suffix_ = on; }
  // For tests: sets the packed table's generation counter, to test its
  // wrap-around without four billion segments. Only forward: setting it back
  // to a generation that live slots still carry would revive them.
  void set_generation_for_test(uint32_t generation) { generation_ = generation; }

 private:
  static constexpr uint32_t kPackedLimit = 255;
  enum class Mode { kSuffix, kPacked, kTrie };

  // Empties the packed or trie tables, sized for `expected_units`;
  // ResetTables chooses between them (packed unless forced or order > 8).
  void ResetTables(size_t expected_units);
  void ResetPacked(size_t expected_units);
  void ResetTrie(size_t expected_units);
  // Leaves the suffix form: its references go into the packed table (or the
  // trie, if they do not fit there), sized for `more_units` to come.
  void SwitchFromSuffix(size_t more_units);
  void SwitchToTrie();
  void PrepareCount(size_t n);
  void FinishCount(const uint32_t* units, size_t n, size_t num_touched);
  void TrieAdd(const uint32_t* units, size_t n);
  void TrieCount(const uint32_t* units, size_t n, int64_t* matches);
  void PackedAdd(const uint32_t* units, size_t n);
  // Counts each hypothesis n-gram at its last unit: unit_of(i) returns
  // units[i], having set it if need be, and units before i are read back.
  template <typename UnitOf>
  void PackedCount(size_t n, UnitOf&& unit_of, const uint32_t* units, int64_t* matches);
  void SetPackedTableSize(size_t size);
  void PackedGrow();
  void EnsureCounters(size_t n);

  int max_order_;
  bool force_trie_ = false;
  bool allow_suffix_ = true;
  Mode mode_ = Mode::kPacked;
  int num_refs_ = 0;
  SuffixMatcher suffix_;
  // Packed mode: open addressing over slots_[0, mask_ + 1). A slot is live
  // when its generation is generation_; any other slot is empty, so Reset
  // empties the table by starting a generation instead of clearing the
  // slots the last segment filled. Key and counts share a slot so that a
  // probe touches one cache line.
  struct PackedSlot {
    uint64_t key = 0;
    uint32_t ref = 0;         // max count over the references
    uint32_t scratch = 0;     // count in the sequence being processed (0 between sequences)
    uint32_t generation = 0;  // 0 is never live
  };
  // The slot holding `key` in a packed table of mask + 1 slots, or the
  // empty slot where it would go (linear probing from its hash).
  static size_t PackedProbe(const PackedSlot* slots, size_t mask, int shift, uint64_t key, uint32_t generation);
  // Empties the packed table: a new generation (all slots cleared when the
  // counter wraps).
  void NewGeneration();
  // Unigrams of packed mode are plain arrays indexed by unit (< 255): the
  // most frequent probe needs no hashing.
  uint32_t uni_ref_[256] = {};
  uint32_t uni_scratch_[256] = {};
  uint32_t uni_used_ = 0;  // uni_ref_[u] is 0 for every u >= uni_used_
  std::vector<PackedSlot> slots_;
  size_t mask_ = 0, packed_size_ = 0;
  int shift_ = 64;
  uint32_t generation_ = 1;
  // The references added in packed mode, replayed on a switch to the trie:
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

inline size_t NgramMatcher::PackedProbe(const PackedSlot* slots, size_t mask, int shift, uint64_t key,
                                        uint32_t generation) {
  size_t h = (key * 0x9E3779B97F4A7C15ULL) >> shift;
  while (slots[h].generation == generation && slots[h].key != key) h = (h + 1) & mask;
  return h;
}

template <typename UnitOf>
void NgramMatcher::PackedCount(size_t n, UnitOf&& unit_of, const uint32_t* units, int64_t* matches) {
  PrepareCount(n);
  PackedSlot* slots = slots_.data();
  uint32_t* touched = count_touched_.data();
  size_t num_touched = 0;
  const size_t mask = mask_;
  const int shift = shift_;
  const uint32_t generation = generation_;
  const size_t order = static_cast<size_t>(max_order_);
  for (size_t i = 0; i < n; ++i) {
    const uint32_t u0 = unit_of(i);
    if (u0 >= kPackedLimit) continue;  // no reference has this unit
    const uint32_t c0 = ++uni_scratch_[u0];
    matches[0] += c0 <= uni_ref_[u0];
    if (uni_ref_[u0] == 0) continue;  // nor any n-gram ending with it
    uint64_t key = u0 + 1;
    const size_t limit = std::min(i + 1, order);
    for (size_t k = 1; k < limit; ++k) {
      const uint32_t u = units[i - k];
      if (u >= kPackedLimit) break;
      // Earlier units go to higher bytes: the same key as PackedAdd's.
      key |= static_cast<uint64_t>(u + 1) << (8 * k);
      const size_t h = PackedProbe(slots, mask, shift, key, generation);
      // An n-gram whose suffix no reference has is absent too.
      if (slots[h].generation != generation) break;
      const uint32_t c = ++slots[h].scratch;
      if (c == 1) touched[num_touched++] = static_cast<uint32_t>(h);
      matches[k] += c <= slots[h].ref;
    }
  }
  FinishCount(units, n, num_touched);
}

}  // namespace mteval
