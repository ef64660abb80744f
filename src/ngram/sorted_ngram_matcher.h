#pragma once
// Clipped n-gram matching of a hypothesis against ONE reference, for orders
// 1..K (K <= 7), by sorting instead of hashing. Each position's window of K
// units is packed into a uint64 (unit + 1 per byte, most significant first,
// zero bytes past the end), so sorting the windows puts equal k-grams next
// to each other for every k at once. One merged pass over the sorted
// reference and hypothesis windows then yields, for every order, the sum
// over distinct k-grams of min(hypothesis count, reference count).
//
// Why: chrF's character 6-grams cost one hash probe per position and order,
// nearly all of them cache misses or mispredicted branches; radix sorting
// and a linear scan touch memory sequentially. The reference is sorted once
// and reused for every system's hypothesis.
//
// Same results as NgramMatcher with one reference (differential tests).
// Limits: units < 255 in the reference, sequences shorter than 32768 units;
// SetReference returns false otherwise and the caller uses NgramMatcher.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mteval {

class SortedNgramMatcher {
 public:
  static constexpr int kMaxOrder = 7;
  static constexpr uint32_t kUnitLimit = 255;
  static constexpr size_t kMaxLength = 32767;

  // max_order in 1..kMaxOrder.
  explicit SortedNgramMatcher(int max_order);

  int max_order() const { return order_; }

  // Replaces the reference. Returns false (and keeps no reference) when a
  // unit is >= kUnitLimit or n > kMaxLength.
  bool SetReference(const uint32_t* units, size_t n);

  // Adds to matches[k] (k = 0 .. max_order-1) the clipped matches of the
  // hypothesis (k+1)-grams against the reference. Units the reference does
  // not have (e.g. UINT32_MAX) never match. Requires a reference set by a
  // successful SetReference; hypotheses longer than kMaxLength are handled
  // by a slower scalar pass.
  void CountMatches(const uint32_t* units, size_t n, int64_t* matches);

 private:
  // The runs of known units in one array of windows, for the radix sort's
  // histograms (see Sort).
  struct WindowRuns {
    std::vector<uint32_t> run_starts;  // [0, num_runs): index of each run's first window
    size_t num_runs = 0;
    uint32_t limit = 1;  // 1 + the largest byte value
  };
  // Writes the windows of `units` (tagged in the low byte) to out (room for
  // n), unsorted; returns their count (positions whose first unit is
  // unknown are left out) and fills *runs. With kAllKnown (a reference,
  // every unit below kUnitLimit) it leaves runs->limit to the caller.
  template <bool kAllKnown>
  size_t BuildWindows(const uint32_t* units, size_t n, uint64_t tag, uint64_t* out, WindowRuns* runs) const;
  // Sorts the first m windows of *v: the windows described by *a, followed
  // (from b_offset) by those described by *b when b is given.
  void Sort(std::vector<uint64_t>* v, size_t m, const WindowRuns* a, const WindowRuns* b, size_t b_offset);

  int order_;
  std::vector<uint64_t> ref_, hyp_, joint_, tmp_;
  WindowRuns ref_runs_, hyp_runs_;  // of ref_ (its limit stays valid once sorted), and of hyp_
  bool ref_sorted_ = false;  // ref_ is sorted (from the second hypothesis on)
  bool ref_used_ = false;    // a hypothesis was scored against this reference
};

}  // namespace mteval
