#pragma once
// The edit distance with block shifts of sacreBLEU 2.x (metrics/lib_ter.py,
// translation_edit_rate), on integer word ids.
//
// What is reproduced, decision for decision:
//  * the beam: row i of the DP (hypothesis words 1..i) only fills the columns
//    [max(0, d - w), min(m + 1, d + w)) with d = floor(i * (m / n)) in double
//    arithmetic and w = 25 (or ceil(ratio / 2 + 25) when the length ratio m/n
//    is above 50); the last row is open to the right. Cells outside stay
//    infinite, so the result can exceed the plain Levenshtein distance.
//  * the trace: ties prefer match/substitution, then the step that consumes a
//    hypothesis word, then the one that consumes a reference word.
//  * the shift search: candidates in sacreBLEU's order (hypothesis start,
//    reference start, length 1..10 while words match, |start_h - start_r| <=
//    50), the same three filters, the same target positions (including
//    sacreBLEU's "move forward by k words" meaning of targets inside the
//    shifted block), ranking by (gain, length, -start_h, -target), and the
//    cap of 1000 evaluated candidates per pair, counted across rounds; when
//    the cap is reached the best shift of that round is not applied.
// sacreBLEU's row cache only saves work; it never changes a result.
//
// How it is made fast without changing any result:
//  * words are integers; hypothesis words found in no reference share one id
//    that matches nothing. Each reference keeps the positions of its words,
//    so candidate pairs come from position lists, and blocks that the
//    filters reject are skipped by length bounds instead of one by one.
//  * a shifted candidate only differs from the current hypothesis in one
//    window [a, b) of positions. Rows up to a are the current forward rows;
//    only rows a+1..b are computed, and the distance is completed with the
//    current hypothesis's backward (suffix) rows: min_j F'(b, j) + B(b, j).
//    The banded DP is a shortest path in a DAG restricted to band cells, so
//    this split through row b is exact.
//  * the DP rows are bit vectors (Myers 1999) wherever possible, in one of
//    three modes chosen per pair from the beam's shape:
//    - full beam (every cell inside; references up to about 50 words): the
//      unrestricted bit-vector rows are the DP. The trace reads cell values
//      from them by popcount.
//    - one-word beam (the usual case for longer sentences: every row's beam
//      within 64 columns, length ratios up to about 13): each banded row is
//      one machine word. The band's first cell is computed directly, Myers'
//      step does the rest, and the cells past the band's right edge are
//      replaced by +1 deltas with their diagonal matches masked, which
//      provably leaves every band cell unchanged (within a band, neighbours
//      differ by at most 1). Backward rows are the same DP on the reversed
//      sequences in the mirrored band.
//    - wide beam (extreme length ratios): cell-by-cell DP on band-relative
//      rows (memory O(n * beam)), in ter_scalar_rows.cc.
//  * pruning that only drops candidates that cannot become the round's best
//    (dropped candidates still count towards the cap): the unrestricted
//    distance (never above the banded one) computed the same way, for
//    references of up to 64 words; and, since the unrestricted distance is a
//    metric and a shift swaps two runs of words, a gain of at most twice the
//    shorter run over the current unrestricted distance.
//  * after a shift only the rows the changed window affects are recomputed;
//    backward rows are extended lazily, as far as a join needs them.
// All buffers are members and are reused across calls.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "metrics/ter/ter_bits.h"

namespace mteval {

class TerEditDistance {
 public:
  // Id of a hypothesis word that occurs in no reference.
  static constexpr uint32_t kNoMatch = 0xFFFFFFFFu;

  // sacreBLEU's limits (lib_ter.py).
  static constexpr int kMaxShiftSize = 10;
  static constexpr int kMaxShiftDist = 50;
  static constexpr int kBeamWidth = 25;
  static constexpr int kMaxShiftCandidates = 1000;

  // `dense_table_limit`: the largest (vocabulary + 1) x ceil(m / 64) for
  // which per-word bit masks of the whole reference are built (two tables
  // of that many 64-bit words); beyond it the masks come from position
  // lists. Results never depend on it.
  static constexpr size_t kDefaultDenseTableLimit = size_t{1} << 18;
  explicit TerEditDistance(size_t dense_table_limit = kDefaultDenseTableLimit)
      : dense_table_limit_(dense_table_limit) {}

  // Sets the reference words (copied). Ids must be below kNoMatch.
  void SetReference(const uint32_t* ref, size_t n);

  // translation_edit_rate(hyp, ref)[0]: shifts applied plus the beam edit
  // distance of the shifted hypothesis. An empty reference gives n.
  int64_t NumEdits(const uint32_t* hyp, size_t n);

  // The beam edit distance of `hyp` against the reference, without shifts
  // (sacreBLEU's BeamEditDistance value). For tests.
  int64_t BeamDistance(const uint32_t* hyp, size_t n);

 private:
  using Cost = int32_t;
  static constexpr Cost kInf = 1 << 29;  // an unreachable cell (>= kInf)

  // A banded row in one machine word: F(i, lo_i) and the deltas
  // F(i, c) - F(i, c - 1) of columns lo_i + 1 .. lo_i + 64 as Myers'
  // positive/negative masks.
  struct BandRow {
    Cost value = 0;
    uint64_t p = 0, m = 0;
  };
  // A band: the rows' column ranges [lo[i], hi[i]) (row 0 included) and the
  // sequence along the columns (the reference, or the reversed reference).
  struct Band {
    const int64_t* lo = nullptr;
    const int64_t* hi = nullptr;
    const uint32_t* ref = nullptr;
    const uint64_t* peq = nullptr;  // dense match masks, if any
    bool reversed = false;
  };

  // --- Set-up (ter_edit_distance.cc) ---
  // Beam geometry, mode and buffers for a hypothesis of length n (words_
  // must already hold it).
  void Setup(size_t n);

  // --- The current hypothesis (ter_edit_distance.cc) ---
  // Brings every row of words_ up to date after positions [a, b) changed
  // (after Setup: a = 0, b = n), then traces and aligns. Returns the banded
  // distance.
  Cost UpdateCurrent(size_t a, size_t b);
  // sacreBLEU's trace from DP rows (`rows.Value(i, j)`, kInf outside the
  // band, and `rows.Delta(i, j)` = F(i, j) - F(i, j - 1) inside it), then the
  // alignment (align_) and error positions (hyp_next_err_, ref_next_err_).
  template <typename Rows>
  void Trace(const Rows& rows);

  // --- Shifts (ter_edit_distance.cc) ---
  // The positions [a, b) that shifting (start, length, target) changes, with
  // their new words at window_words_[window_begin_..]; false when the shift
  // changes nothing.
  bool ShiftWindow(int start, int length, int target, int* a, int* b);
  // Distance of words_ shifted by (start, length, target), given the current
  // distance; kInf when it is certainly above `give_up_above`.
  Cost EvaluateShift(int start, int length, int target, Cost current, Cost give_up_above);
  // Applies the shift to words_; [*changed_begin, *changed_end) are the
  // positions whose words changed.
  void ApplyShift(int start, int length, int target, size_t* changed_begin, size_t* changed_end);

  // --- One-word beam rows (ter_edit_distance.cc) ---
  BandRow BandStep(const Band& band, const BandRow& prev, size_t i, uint32_t w) const;
  // F(i, j) from forward row i; kInf outside the band.
  Cost BandValue(const BandRow& row, size_t i, int64_t j) const;
  // 64 bits of word `id`'s match mask in the band's columns from `first`.
  uint64_t EqWindow(const Band& band, uint32_t id, int64_t first) const;
  // The same from the position lists, for references without dense tables.
  uint64_t SparseEqWindow(const Band& band, uint32_t id, int64_t first) const;
  // Makes the backward band rows 0..upto current.
  void EnsureReverse(size_t upto);
  // The banded distance through the shifted forward row b and the current
  // backward row n - b.
  Cost BandJoin(const BandRow& row, size_t b);

  // --- Unrestricted bit-vector rows (ter_unbanded_rows.cc) ---
  // Updates the rows (or just current_unbanded_) after positions [a, b)
  // changed.
  void UpdateUnbandedRows(size_t a, size_t b);
  // Unrestricted distance of words_ with [a, b) replaced by `win`.
  Cost UnbandedDistance(size_t a, size_t b, const uint32_t* win);
  // Match masks of a word against the reference / reversed reference.
  const uint64_t* Peq(uint32_t id) const { return &peq_[(id < vocab_ ? id : vocab_) * blocks_]; }
  const uint64_t* PeqReversed(uint32_t id) const { return &peq_rev_[(id < vocab_ ? id : vocab_) * blocks_]; }
  // The unrestricted D(i, j) of words_ from the stored bit-vector row i.
  Cost Unbanded(size_t i, int64_t j) const {
    const uint64_t* p = &bits_fwd_[i * 2 * blocks_];
    const uint64_t* m = p + blocks_;
    Cost v = static_cast<Cost>(i);
    const size_t whole = static_cast<size_t>(j) / 64, rest = static_cast<size_t>(j) % 64;
    for (size_t k = 0; k < whole; ++k) v += ter_bits::Popcount(p[k]) - ter_bits::Popcount(m[k]);
    if (rest) {
      const uint64_t mask = ter_bits::LowBits(static_cast<int64_t>(rest));
      v += ter_bits::Popcount(p[whole] & mask) - ter_bits::Popcount(m[whole] & mask);
    }
    return v;
  }
  // D(i, j) for j = 0..m from a column state with D(i, 0) = i.
  void Decode(const uint64_t* p, const uint64_t* m, Cost i, Cost* out) const;

  // --- Wide beam, cell by cell (ter_scalar_rows.cc) ---
  void SetupScalar();
  Cost& F(size_t i, int64_t j) { return fwd_[i * stride_ + static_cast<size_t>(j - base_[i])]; }
  Cost& B(size_t i, int64_t j) { return bwd_[i * stride_ + static_cast<size_t>(j - base_[i])]; }
  // Fills row i at `cur` from row i-1 at `prev` for hypothesis word `w`.
  void ComputeRow(const Cost* prev, Cost* cur, size_t i, uint32_t w) const;
  // Forward rows a+1..n of words_; marks backward rows before b stale.
  void UpdateScalarRows(size_t a, size_t b);
  // Makes the backward rows b..n current.
  void EnsureBackward(size_t b);
  // Banded distance of words_ with [a, b) replaced by `win`.
  Cost ScalarShiftDistance(size_t a, size_t b, const uint32_t* win);

  // Reference.
  std::vector<uint32_t> ref_, ref_rev_;
  int64_t m_ = 0;
  size_t blocks_ = 0;     // 64-word blocks of the reference
  uint32_t vocab_ = 0;    // 1 + the largest id in the reference
  size_t dense_table_limit_;
  bool dense_peq_ = true;  // peq_ and peq_rev_ are built (row vocab_ is zeros)
  std::vector<uint64_t> peq_, peq_rev_;
  // Positions of word v: positions_[positions_begin_[v] .. positions_begin_[v + 1]).
  std::vector<uint32_t> positions_begin_;
  std::vector<int32_t> positions_;

  // Beam and mode, per hypothesis length.
  size_t n_ = 0;
  std::vector<int64_t> lo_, hi_;  // row i's beam: columns [lo_[i], hi_[i])
  bool band_full_ = false;        // full beam: bit-vector rows are the DP
  bool band_bits_ = false;        // one-word beam
  bool unbanded_bound_ = true;    // bit-vector rows kept, as DP or as bound
  bool swap_bound_ = true;        // current_unbanded_ is kept
  Cost current_unbanded_ = 0;     // unrestricted distance of words_

  // One-word beam rows: forward, and backward in the mirrored band
  // (rev_rows_[k] is the DP of the reversed last k words against the
  // reversed reference, so B(n - k, j) is its value at column m - j; rows
  // 0..rev_valid_upto_ are current).
  Band forward_band_, backward_band_;
  std::vector<BandRow> band_rows_, rev_rows_;
  std::vector<int64_t> rlo_, rhi_;
  size_t rev_valid_upto_ = 0;

  // Unrestricted bit-vector rows (P then M, blocks_ words each) after each
  // prefix of words_, and after each prefix of the reversed words_ against
  // the reversed reference.
  std::vector<uint64_t> bits_fwd_, bits_bwd_, bits_tmp_;
  std::vector<Cost> decoded_fwd_, decoded_bwd_;

  // Wide beam rows: row i holds columns from base_[i] = lo_[i-1] - 1, stride_
  // cells each; cells outside the beam are never written and stay kInf.
  std::vector<int64_t> base_;
  size_t stride_ = 0;
  std::vector<Cost> fwd_, bwd_, scratch_;
  size_t bwd_valid_from_ = 0;  // backward rows bwd_valid_from_..n are current

  // The current (shifted) hypothesis, its alignment and the shift window.
  std::vector<uint32_t> words_, window_words_;
  size_t window_begin_ = 0;
  int swap_small_ = 0;  // the shorter of the two runs the shift swaps
  std::vector<int64_t> align_;
  // First position at or after k whose word is an error (n or m if none).
  std::vector<int32_t> hyp_next_err_, ref_next_err_;
  std::vector<char> ops_;
};

}  // namespace mteval
