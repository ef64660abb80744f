#include "metrics/ter/ter_edit_distance.h"

#include <algorithm>
#include <cmath>

namespace mteval {
namespace {

using ter_bits::LowBits;
using ter_bits::MinPrefixSum;
using ter_bits::Popcount;
using ter_bits::ReverseLow;

enum Op : char { kNop, kSub, kConsumeHyp, kConsumeRef };

}  // namespace

// ---------------------------------------------------------------------------
// Set-up
// ---------------------------------------------------------------------------

void TerEditDistance::SetReference(const uint32_t* ref, size_t n) {
  ref_.assign(ref, ref + n);
  ref_rev_.assign(ref_.rbegin(), ref_.rend());
  m_ = static_cast<int64_t>(n);
  blocks_ = (n + 63) / 64;
  vocab_ = 0;
  for (uint32_t id : ref_) vocab_ = std::max(vocab_, id + 1);
  // Reference positions of each word, ascending (CSR layout).
  positions_begin_.assign(static_cast<size_t>(vocab_) + 2, 0);
  for (uint32_t id : ref_) ++positions_begin_[id + 2];
  for (size_t v = 2; v < positions_begin_.size(); ++v) positions_begin_[v] += positions_begin_[v - 1];
  positions_.resize(n);
  for (size_t j = 0; j < n; ++j) positions_[positions_begin_[ref_[j] + 1]++] = static_cast<int32_t>(j);
  // Match masks of each word against the reference and the reversed
  // reference; the extra last row (all zeros) is for words it lacks. They
  // take vocabulary x reference length bits, so long references with many
  // distinct words use the position lists instead (see EqWindow).
  dense_peq_ = (static_cast<size_t>(vocab_) + 1) * blocks_ <= dense_table_limit_;
  peq_.clear();
  peq_rev_.clear();
  if (!dense_peq_) return;
  peq_.assign((static_cast<size_t>(vocab_) + 1) * blocks_, 0);
  peq_rev_.assign(peq_.size(), 0);
  for (size_t j = 0; j < n; ++j) {
    peq_[ref_[j] * blocks_ + j / 64] |= uint64_t{1} << (j % 64);
    peq_rev_[ref_[n - 1 - j] * blocks_ + j / 64] |= uint64_t{1} << (j % 64);
  }
}

void TerEditDistance::Setup(size_t n) {
  n_ = n;
  const int64_t m = m_;
  lo_.assign(n + 1, 0);
  hi_.assign(n + 1, 0);
  // sacreBLEU: length_ratio = len(ref) / len(hyp), pseudo_diag =
  // floor(i * length_ratio), the beam widened for extreme ratios.
  const double ratio = static_cast<double>(m) / static_cast<double>(n);
  int64_t beam = kBeamWidth;
  if (kBeamWidth < ratio / 2) beam = static_cast<int64_t>(std::ceil(ratio / 2 + kBeamWidth));
  band_full_ = true;
  for (size_t i = 1; i <= n; ++i) {
    const int64_t diag = static_cast<int64_t>(std::floor(static_cast<double>(i) * ratio));
    lo_[i] = std::max<int64_t>(0, diag - beam);
    hi_[i] = i == n ? m + 1 : std::min<int64_t>(m + 1, diag + beam);
    band_full_ = band_full_ && lo_[i] == 0 && hi_[i] == m + 1;
  }
  lo_[0] = 0;
  hi_[0] = m + 1;
  // (The full-beam mode needs the dense tables; without them a full beam is
  // a one-word beam like any other.)
  band_full_ = band_full_ && dense_peq_;
  band_bits_ = false;
  if (!band_full_) {
    // The backward rows' band: row k of the mirror is row n - k, with
    // column j' = m - j.
    rlo_.assign(n + 1, 0);
    rhi_.assign(n + 1, 0);
    for (size_t k = 0; k <= n; ++k) {
      rlo_[n - k] = m + 1 - hi_[k];
      rhi_[n - k] = m + 1 - lo_[k];
    }
    // One word per row when each row's beam, seen from the previous row's
    // left edge, spans at most 64 columns, in both directions.
    band_bits_ = true;
    for (size_t i = 1; i <= n && band_bits_; ++i) {
      band_bits_ = hi_[i] - 1 - lo_[i - 1] <= 64 && lo_[i] - lo_[i - 1] <= 63 && rhi_[i] - 1 - rlo_[i - 1] <= 64 &&
                   rlo_[i] - rlo_[i - 1] <= 63;
    }
  }
  // Unrestricted bit-vector rows: the DP itself for a full beam; a bound
  // otherwise, except where one-word banded rows are cheaper (references
  // longer than 64 words) or the rows would take too much memory.
  if (band_full_) {
    unbanded_bound_ = true;
  } else if (!dense_peq_) {
    unbanded_bound_ = false;
  } else if (band_bits_) {
    unbanded_bound_ = blocks_ == 1;
  } else {
    unbanded_bound_ = (n + 1) * blocks_ <= (size_t{1} << 20);
  }
  swap_bound_ = unbanded_bound_ || (dense_peq_ && blocks_ <= 8);
  const size_t bits_row = 2 * blocks_;
  bits_tmp_.assign(bits_row, 0);
  if (unbanded_bound_) {
    // Row 0 is D(0, j) = j: every vertical delta +1.
    bits_fwd_.assign((n + 1) * bits_row, 0);
    bits_bwd_.assign((n + 1) * bits_row, 0);
    std::fill(bits_fwd_.begin(), bits_fwd_.begin() + static_cast<std::ptrdiff_t>(blocks_), ~uint64_t{0});
    std::fill(bits_bwd_.begin(), bits_bwd_.begin() + static_cast<std::ptrdiff_t>(blocks_), ~uint64_t{0});
    if (blocks_ > 1) {
      decoded_fwd_.assign(static_cast<size_t>(m) + 1, 0);
      decoded_bwd_.assign(static_cast<size_t>(m) + 1, 0);
    }
  }
  align_.assign(static_cast<size_t>(m), 0);
  hyp_next_err_.assign(n + 1, static_cast<int32_t>(n));
  ref_next_err_.assign(static_cast<size_t>(m) + 1, static_cast<int32_t>(m));
  window_words_.resize(n);

  if (band_bits_) {
    forward_band_ = Band{lo_.data(), hi_.data(), ref_.data(), peq_.data(), false};
    backward_band_ = Band{rlo_.data(), rhi_.data(), ref_rev_.data(), peq_rev_.data(), true};
    band_rows_.assign(n + 1, BandRow{});
    band_rows_[0] = BandRow{0, ~uint64_t{0}, 0};  // F(0, j) = j
    rev_rows_.assign(n + 1, BandRow{});
    rev_rows_[0] = BandRow{0, ~uint64_t{0}, 0};  // B(n, m - j') = j'
    rev_valid_upto_ = 0;
  } else if (!band_full_) {
    SetupScalar();
  }
}

// ---------------------------------------------------------------------------
// One-word beam rows
// ---------------------------------------------------------------------------

inline uint64_t TerEditDistance::EqWindow(const Band& band, uint32_t id, int64_t first) const {
  if (dense_peq_) {
    const uint64_t* eq = &band.peq[(id < vocab_ ? id : vocab_) * blocks_];
    const size_t k = static_cast<size_t>(first) / 64, s = static_cast<size_t>(first) % 64;
    if (k >= blocks_) return 0;
    uint64_t out = eq[k] >> s;
    if (s != 0 && k + 1 < blocks_) out |= eq[k + 1] << (64 - s);
    return out;
  }
  return SparseEqWindow(band, id, first);
}

uint64_t TerEditDistance::SparseEqWindow(const Band& band, uint32_t id, int64_t first) const {
  if (id >= vocab_) return 0;
  const int32_t* begin = positions_.data() + positions_begin_[id];
  const int32_t* end = positions_.data() + positions_begin_[id + 1];
  uint64_t out = 0;
  if (!band.reversed) {
    for (const int32_t* p = std::lower_bound(begin, end, first); p < end && *p < first + 64; ++p) {
      out |= uint64_t{1} << (*p - first);
    }
  } else {
    // Reversed position q = m - 1 - p.
    const int64_t low = m_ - 64 - first, high = m_ - 1 - first;
    for (const int32_t* p = std::lower_bound(begin, end, low); p < end && *p <= high; ++p) {
      out |= uint64_t{1} << (m_ - 1 - *p - first);
    }
  }
  return out;
}

inline TerEditDistance::BandRow TerEditDistance::BandStep(const Band& band, const BandRow& prev, size_t i,
                                                           uint32_t w) const {
  // Row i-1 holds F(i-1, lo_{i-1}) and the deltas of the next 64 columns,
  // +1 from its beam's right edge on ("virtual" cells). Row i's first beam
  // cell F(i, lo_i) is computed here (its left neighbour is outside the
  // beam); Myers' step does the columns after it, with that cell as the top
  // boundary. Within a beam, neighbouring cells differ by at most 1, so the
  // deltas fit in {-1, 0, +1}. With the diagonal matches out of virtual
  // cells masked, a virtual cell never beats what the left neighbour gives,
  // so the beam cells come out as with infinite cells outside.
  const int64_t lo = band.lo[i], lo_prev = band.lo[i - 1];
  const int d = static_cast<int>(lo - lo_prev);
  Cost at_lo = prev.value;  // F(i-1, lo)
  if (d == 1) {
    at_lo += static_cast<Cost>(prev.p & 1) - static_cast<Cost>(prev.m & 1);
  } else if (d > 1) {
    const uint64_t low = LowBits(d);
    at_lo += Popcount(prev.p & low) - Popcount(prev.m & low);
  }
  // From above, or diagonally from F(i-1, lo-1) when that is in the beam
  // (never when lo = 0, where d = 0 too).
  Cost first = at_lo + 1;
  if (d >= 1) {
    const Cost before = at_lo - static_cast<Cost>((prev.p >> (d - 1)) & 1) + static_cast<Cost>((prev.m >> (d - 1)) & 1);
    first = std::min<Cost>(first, before + (band.ref[lo - 1] != w ? 1 : 0));
  }
  const int hin = first - at_lo;
  const uint64_t pv = d == 0 ? prev.p : (prev.p >> d) | ~(~uint64_t{0} >> d);
  const uint64_t mv = d == 0 ? prev.m : prev.m >> d;
  // Columns lo+1 .. hi_{i-1} have a real diagonal predecessor.
  uint64_t eq = EqWindow(band, w, lo) & LowBits(band.hi[i - 1] - lo);
  const uint64_t xv = eq | mv;
  if (hin < 0) eq |= 1;
  const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  uint64_t ph = (mv | ~(xh | pv)) << 1;
  uint64_t mh = (pv & xh) << 1;
  if (hin < 0) {
    mh |= 1;
  } else if (hin > 0) {
    ph |= 1;
  }
  BandRow row{first, mh | ~(xv | ph), ph & xv};
  const int64_t width = band.hi[i] - lo - 1;  // beam columns after lo
  if (width < 64) {
    const uint64_t virt = ~uint64_t{0} << width;
    row.p |= virt;
    row.m &= ~virt;
  }
  return row;
}

inline TerEditDistance::Cost TerEditDistance::BandValue(const BandRow& row, size_t i, int64_t j) const {
  const int64_t lo = lo_[i];
  if (j < lo || j >= hi_[i]) return kInf;
  const uint64_t mask = LowBits(j - lo);
  return row.value + Popcount(row.p & mask) - Popcount(row.m & mask);
}

void TerEditDistance::EnsureReverse(size_t upto) {
  for (size_t k = rev_valid_upto_ + 1; k <= upto; ++k) {
    rev_rows_[k] = BandStep(backward_band_, rev_rows_[k - 1], k, words_[n_ - k]);
  }
  rev_valid_upto_ = std::max(rev_valid_upto_, upto);
}

TerEditDistance::Cost TerEditDistance::BandJoin(const BandRow& row, size_t b) {
  // min over row b's beam of F'(b, j) + B(b, j), where B(b, j) is the
  // backward row n - b at mirrored column m - j: walking j up from lo_b, F'
  // adds its deltas and B drops the backward row's deltas, read from the top.
  EnsureReverse(n_ - b);
  const BandRow& back = rev_rows_[n_ - b];
  const int64_t steps = hi_[b] - lo_[b] - 1;  // columns after lo_b
  // B(b, lo_b) is the backward row at its column rlo + steps.
  const uint64_t low = LowBits(steps);
  const Cost first = row.value + back.value + Popcount(back.p & low) - Popcount(back.m & low);
  if (steps <= 0) return first;
  return first + MinPrefixSum(row.p, row.m, ReverseLow(back.p, steps), ReverseLow(back.m, steps), steps);
}

// ---------------------------------------------------------------------------
// The current hypothesis: rows, trace and alignment
// ---------------------------------------------------------------------------

template <typename Rows>
void TerEditDistance::Trace(const Rows& rows) {
  // Back from (n, m), preferring match/substitution, then the step that
  // consumes a hypothesis word, then a reference word (lib_ter.py's order,
  // which is what its flipped trace needs). `v` is the current cell's value;
  // neighbours' values come from deltas where possible.
  ops_.clear();
  size_t i = n_;
  int64_t j = m_;
  Cost v = rows.Value(i, j);
  while (i > 0 && j > 0) {
    const bool match = words_[i - 1] == ref_[static_cast<size_t>(j - 1)];
    const Cost up = rows.Value(i - 1, j);
    Cost diag;
    if (j - 1 < lo_[i - 1]) {
      diag = kInf;
    } else if (up < kInf) {
      diag = up - rows.Delta(i - 1, j);
    } else {
      diag = rows.Value(i - 1, j - 1);
    }
    if (diag + (match ? 0 : 1) == v) {
      ops_.push_back(match ? kNop : kSub);
      --i;
      --j;
      v = diag;
    } else if (up + 1 == v) {
      ops_.push_back(kConsumeHyp);
      --i;
      v = up;
    } else {
      ops_.push_back(kConsumeRef);
      v -= rows.Delta(i, j);
      --j;
    }
  }
  for (; i > 0; --i) ops_.push_back(kConsumeHyp);
  for (; j > 0; --j) ops_.push_back(kConsumeRef);

  // trace_to_alignment on the flipped trace: align_[ref position] = the
  // hypothesis position reached (-1 before the first), with error flags.
  int64_t ph = -1, pr = -1;
  for (auto it = ops_.rbegin(); it != ops_.rend(); ++it) {
    switch (*it) {
      case kNop:
      case kSub: {
        const int32_t e = *it == kSub ? 1 : 0;
        ++ph;
        ++pr;
        align_[static_cast<size_t>(pr)] = ph;
        hyp_next_err_[static_cast<size_t>(ph)] = e;
        ref_next_err_[static_cast<size_t>(pr)] = e;
        break;
      }
      case kConsumeHyp:
        ++ph;
        hyp_next_err_[static_cast<size_t>(ph)] = 1;
        break;
      case kConsumeRef:
        ++pr;
        align_[static_cast<size_t>(pr)] = ph;
        ref_next_err_[static_cast<size_t>(pr)] = 1;
        break;
    }
  }
  // Error flags -> the first error at or after each position.
  for (size_t k = n_; k-- > 0;) hyp_next_err_[k] = hyp_next_err_[k] ? static_cast<int32_t>(k) : hyp_next_err_[k + 1];
  for (size_t k = static_cast<size_t>(m_); k-- > 0;) {
    ref_next_err_[k] = ref_next_err_[k] ? static_cast<int32_t>(k) : ref_next_err_[k + 1];
  }
}

TerEditDistance::Cost TerEditDistance::UpdateCurrent(size_t a, size_t b) {
  const size_t n = n_;
  UpdateUnbandedRows(a, b);
  if (band_full_) {
    struct Rows {
      const TerEditDistance* t;
      Cost Value(size_t i, int64_t j) const { return t->Unbanded(i, j); }
      Cost Delta(size_t i, int64_t j) const {
        const uint64_t* p = &t->bits_fwd_[i * 2 * t->blocks_];
        const size_t k = static_cast<size_t>(j - 1);
        return static_cast<Cost>((p[k / 64] >> (k % 64)) & 1) - static_cast<Cost>((p[t->blocks_ + k / 64] >> (k % 64)) & 1);
      }
    };
    Trace(Rows{this});
    return current_unbanded_;
  }
  if (band_bits_) {
    for (size_t i = a + 1; i <= n; ++i) band_rows_[i] = BandStep(forward_band_, band_rows_[i - 1], i, words_[i - 1]);
    rev_valid_upto_ = std::min(rev_valid_upto_, n - b);
    struct Rows {
      const TerEditDistance* t;
      Cost Value(size_t i, int64_t j) const { return t->BandValue(t->band_rows_[i], i, j); }
      Cost Delta(size_t i, int64_t j) const {
        const BandRow& r = t->band_rows_[i];
        const int64_t k = j - t->lo_[i] - 1;
        return static_cast<Cost>((r.p >> k) & 1) - static_cast<Cost>((r.m >> k) & 1);
      }
    };
    Trace(Rows{this});
    return BandValue(band_rows_[n], n, m_);
  }
  UpdateScalarRows(a, b);
  struct Rows {
    TerEditDistance* t;
    Cost Value(size_t i, int64_t j) const { return t->F(i, j); }
    Cost Delta(size_t i, int64_t j) const { return t->F(i, j) - t->F(i, j - 1); }
  };
  Trace(Rows{this});
  return F(n, m_);
}

// ---------------------------------------------------------------------------
// Shifts
// ---------------------------------------------------------------------------

bool TerEditDistance::ShiftWindow(int start, int length, int target, int* a, int* b) {
  const int n = static_cast<int>(n_);
  const uint32_t* w = words_.data();
  uint32_t* out = window_words_.data();
  int first, second, second_end;  // the window is w[first..] then w[second..second_end)
  if (target < start) {
    // words[:t] + words[s:s+L] + words[t:s] + words[s+L:]
    *a = target;
    *b = start + length;
    first = start;
    second = target;
    second_end = start;
  } else if (target > start + length) {
    // words[:s] + words[s+L:t] + words[s:s+L] + words[t:]
    *a = start;
    *b = target;
    first = start + length;
    second = start;
    second_end = start + length;
  } else {
    // words[:s] + words[s+L:L+t] + words[s:s+L] + words[L+t:] with Python's
    // clamped slices: the block moves forward by min(t - s, rest) words.
    const int e = std::min(n, length + target);
    if (e <= start + length) return false;
    *a = start;
    *b = e;
    first = start + length;
    second = start;
    second_end = start + length;
  }
  const int first_len = (*b - *a) - (second_end - second);
  swap_small_ = std::min(first_len, second_end - second);
  for (int k = 0; k < first_len; ++k) out[k] = w[first + k];
  for (int k = second; k < second_end; ++k) out[first_len + k - second] = w[k];
  // Positions where the new words equal the current ones do not change.
  int skip = 0;
  while (*a + skip < *b && out[skip] == w[*a + skip]) ++skip;
  *a += skip;
  window_begin_ = static_cast<size_t>(skip);
  while (*b > *a && out[window_begin_ + static_cast<size_t>(*b - *a) - 1] == w[*b - 1]) --*b;
  return *a < *b;
}

TerEditDistance::Cost TerEditDistance::EvaluateShift(int start, int length, int target, Cost current,
                                                     Cost give_up_above) {
  int ai, bi;
  if (!ShiftWindow(start, length, target, &ai, &bi)) return current;
  const size_t a = static_cast<size_t>(ai), b = static_cast<size_t>(bi);
  // The shift swaps two adjacent runs of words; deleting the shorter one and
  // inserting it again turns one sequence into the other, so the
  // unrestricted distance (a metric) drops by at most twice its length. (The
  // banded distance is no metric, but it is never below the unrestricted one.)
  if (swap_bound_ && current_unbanded_ - 2 * swap_small_ > give_up_above) return kInf;
  const uint32_t* win = window_words_.data() + window_begin_;
  // The unrestricted distance: exact for a full beam, a bound otherwise.
  if (unbanded_bound_) {
    const Cost unbanded = UnbandedDistance(a, b, win);
    if (band_full_) return unbanded;
    if (unbanded > give_up_above) return kInf;
  }
  if (band_bits_) {
    BandRow row = band_rows_[a];
    for (size_t i = a + 1; i <= b; ++i) row = BandStep(forward_band_, row, i, win[i - 1 - a]);
    return b == n_ ? BandValue(row, n_, m_) : BandJoin(row, b);
  }
  return ScalarShiftDistance(a, b, win);
}

void TerEditDistance::ApplyShift(int start, int length, int target, size_t* changed_begin, size_t* changed_end) {
  int a = 0, b = 0;
  if (ShiftWindow(start, length, target, &a, &b)) {
    const auto from = window_words_.begin() + static_cast<std::ptrdiff_t>(window_begin_);
    std::copy(from, from + (b - a), words_.begin() + a);
  }
  *changed_begin = static_cast<size_t>(a);
  *changed_end = static_cast<size_t>(b);
}

int64_t TerEditDistance::BeamDistance(const uint32_t* hyp, size_t n) {
  if (m_ == 0) return static_cast<int64_t>(n);
  if (n == 0) return m_;
  words_.assign(hyp, hyp + n);
  Setup(n);
  return UpdateCurrent(0, n);
}

int64_t TerEditDistance::NumEdits(const uint32_t* hyp, size_t n) {
  if (m_ == 0) return static_cast<int64_t>(n);  // sacreBLEU's special case
  if (n == 0) return m_;                         // no words to shift
  words_.assign(hyp, hyp + n);
  Setup(n);
  const int ni = static_cast<int>(n), mi = static_cast<int>(m_);
  int64_t shifts = 0;
  int checked = 0;
  size_t changed_begin = 0, changed_end = n;
  while (true) {
    const Cost current = UpdateCurrent(changed_begin, changed_end);
    // Only a shift that gains at least one edit can change the result (a
    // best shift with gain <= 0 ends the loop just like no shift), so the
    // search keeps the best positive-gain candidate in sacreBLEU's ranking.
    bool have = false, capped = false;
    Cost best_gain = 0;
    int best_len = 0, best_start = 0, best_target = 0;
    const uint32_t* w = words_.data();
    const uint32_t* r = ref_.data();
    for (int sh = 0; sh < ni && !capped; ++sh) {
      const uint32_t id = w[sh];
      if (id >= vocab_) continue;
      // sacreBLEU skips blocks whose hypothesis words are all correct, so the
      // first hypothesis error from sh bounds the length from below...
      const int hyp_ok = hyp_next_err_[static_cast<size_t>(sh)] - sh;
      if (hyp_ok >= kMaxShiftSize) continue;
      // Reference positions with the same word, |sr - sh| <= 50, ascending.
      const int32_t* pos = positions_.data() + positions_begin_[id];
      const int32_t* pos_end = positions_.data() + positions_begin_[id + 1];
      while (pos < pos_end && *pos < sh - kMaxShiftDist) ++pos;
      for (; pos < pos_end && *pos <= sh + kMaxShiftDist; ++pos) {
        const int sr = *pos;
        // ... and so does the first reference error from sr.
        const int min_len = std::max(hyp_ok, ref_next_err_[static_cast<size_t>(sr)] - sr) + 1;
        if (min_len > kMaxShiftSize) continue;
        int max_len = 1;
        while (max_len < kMaxShiftSize && sh + max_len < ni && sr + max_len < mi && w[sh + max_len] == r[sr + max_len]) {
          ++max_len;
        }
        for (int len = min_len; len <= max_len; ++len) {
          // No shift within the block's own aligned span.
          const int64_t aligned = align_[static_cast<size_t>(sr)];
          if (sh <= aligned && aligned < sh + len) continue;
          int prev_target = -1;
          for (int off = -1; off < len; ++off) {
            const int p = sr + off;
            int target;
            if (p == -1) {
              target = 0;
            } else if (p < mi) {
              target = static_cast<int>(align_[static_cast<size_t>(p)]) + 1;
            } else {
              break;
            }
            if (target == prev_target) continue;
            prev_target = target;
            // The gain this candidate needs to become the best: ties are won
            // by the longer block, then the earlier start, then the earlier
            // target.
            const bool ranks_higher =
                have &&
                (len > best_len || (len == best_len && (sh < best_start || (sh == best_start && target < best_target))));
            const Cost needed = !have ? 1 : (ranks_higher ? best_gain : best_gain + 1);
            const Cost cost = EvaluateShift(sh, len, target, current, current - needed);
            ++checked;
            if (cost != kInf && current - cost >= needed) {
              have = true;
              best_gain = current - cost;
              best_len = len;
              best_start = sh;
              best_target = target;
            }
          }
          if (checked >= kMaxShiftCandidates) {
            capped = true;
            break;
          }
        }
        if (capped) break;
      }
    }
    // sacreBLEU stops without applying the round's best shift once the
    // candidate cap is reached.
    if (checked >= kMaxShiftCandidates || !have) return shifts + current;
    ApplyShift(best_start, best_len, best_target, &changed_begin, &changed_end);
    ++shifts;
  }
}

}  // namespace mteval
