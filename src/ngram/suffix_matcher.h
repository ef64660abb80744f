#pragma once
// Clipped n-gram matching for short segments without hashing n-grams: for
// every hypothesis position i, the length of the longest common suffix of
// hyp[0..i] with ref[0..j] for every reference position j, and with hyp[0..k]
// for every earlier hypothesis position k (the classic longest-common-
// substring recurrence: len(i, j) = hyp[i] == ref[j] ? len(i-1, j-1) + 1 : 0).
// The hypothesis n-gram ending at i then occurs
//   c_ref = #{j : len(i, j) >= n}   times in the reference and
//   rank  = #{k < i : len(i, k) >= n}  times earlier in the hypothesis,
// and it is a clipped match exactly when rank < max over references of
// c_ref: the first min(hyp count, ref count) occurrences of each n-gram
// match, which sums to sacreBLEU's min(hyp count, max ref count) per n-gram.
//
// One unit is one byte and a row of lengths is a few AVX2 registers, so a
// position costs a fixed number of vector operations and no data-dependent
// branch (a hash probe per n-gram was mostly a mispredicted branch or a
// cache miss). Limits: references and hypotheses of at most kMaxLength
// units, reference units at most kMaxUnit, orders up to kMaxOrder, and a CPU
// with AVX2 (Available()). The caller (NgramMatcher) falls back to its hash
// table otherwise. Tests check it against a std::map implementation.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mteval {

class SuffixMatcher {
 public:
  static constexpr size_t kMaxLength = 128;  // units per reference or hypothesis
  static constexpr uint32_t kMaxUnit = 253;  // 254 marks unknown units, 255 padding
  static constexpr int kMaxOrder = 64;

  // True when this CPU can run it (AVX2).
  static bool Available();

  // max_order in [1, kMaxOrder].
  explicit SuffixMatcher(int max_order);

  // Forgets all references.
  void Reset() { num_refs_ = 0; }

  // Adds a reference. Returns false, adding nothing, when it has more than
  // kMaxLength units or a unit above kMaxUnit.
  bool AddReference(const uint32_t* units, size_t n);

  // Adds to matches[k] (k = 0 .. max_order-1) the clipped matches of the
  // hypothesis (k+1)-grams; units above kMaxUnit never match. Returns false,
  // adding nothing, when n > kMaxLength.
  bool CountMatches(const uint32_t* units, size_t n, int64_t* matches);

  // The references added since Reset, as given.
  size_t num_references() const { return num_refs_; }
  void GetReference(size_t r, std::vector<uint32_t>* units) const;

 private:
  int max_order_;
  size_t num_refs_ = 0;
  // Reference r is refs_[r * kMaxLength, +kMaxLength), padded with 255.
  std::vector<uint8_t> refs_;
  std::vector<uint8_t> ref_lens_;
  // Per hypothesis position and order, the maximum reference count.
  std::vector<uint8_t> ref_max_;
};

}  // namespace mteval
