// The wide-beam mode of TerEditDistance (see ter_edit_distance.h): the
// banded DP cell by cell, for pairs whose beam is wider than 64 columns
// (length ratios above about 13). Rows are stored band-relative, so memory is
// O(n * beam) and only beam cells are ever computed.

#include <algorithm>

#include "metrics/ter/ter_edit_distance.h"

namespace mteval {

void TerEditDistance::SetupScalar() {
  const size_t n = n_;
  const int64_t m = m_;
  // Row 0 is sacreBLEU's full first row; only the columns row 1 reads are
  // kept.
  lo_[0] = 0;
  hi_[0] = hi_[1];
  // Row i is stored from column base_[i] = lo_[i-1] - 1, which covers what
  // row i+1 (forward) and row i-1 (backward) read from it; cells outside the
  // beam are never written and stay infinite.
  base_.assign(n + 1, 0);
  base_[0] = -1;
  for (size_t i = 1; i <= n; ++i) base_[i] = lo_[i - 1] - 1;
  int64_t stride = 0;
  for (size_t i = 0; i <= n; ++i) {
    const int64_t top = std::max(hi_[i], i < n ? hi_[i + 1] : hi_[i]);
    stride = std::max(stride, top - base_[i] + 2);
  }
  stride_ = static_cast<size_t>(stride);
  const size_t cells = (n + 1) * stride_;
  fwd_.assign(cells, kInf);
  bwd_.assign(cells, kInf);
  scratch_.assign(cells, kInf);
  // Fixed rows: forward row 0 and backward row n.
  for (int64_t j = 0; j < hi_[0]; ++j) F(0, j) = static_cast<Cost>(j);
  for (int64_t j = lo_[n]; j < hi_[n]; ++j) B(n, j) = static_cast<Cost>(m - j);
  bwd_valid_from_ = n;
}

void TerEditDistance::ComputeRow(const Cost* prev, Cost* cur, size_t i, uint32_t w) const {
  // sacreBLEU's cell rule with cells outside the beam infinite: the cheapest
  // of the diagonal (match 0 / substitution 1), from above (+1) and from the
  // left (+1). Values derived only from infinite cells stay >= kInf.
  const int64_t lo = lo_[i], hi = hi_[i];
  const int64_t pb = base_[i - 1], cb = base_[i];
  const uint32_t* r = ref_.data();
  Cost left = kInf;
  int64_t j = lo;
  if (j == 0) {
    left = prev[0 - pb] + 1;
    cur[0 - cb] = left;
    j = 1;
  }
  const Cost* pd = prev + (j - 1 - pb);  // F(i-1, j-1)
  Cost* out = cur + (j - cb);
  for (; j < hi; ++j, ++pd, ++out) {
    Cost v = pd[0] + (r[j - 1] != w ? 1 : 0);
    v = std::min(v, pd[1] + 1);
    v = std::min(v, left + 1);
    *out = v;
    left = v;
  }
}

void TerEditDistance::UpdateScalarRows(size_t a, size_t b) {
  for (size_t i = a + 1; i <= n_; ++i) ComputeRow(&fwd_[(i - 1) * stride_], &fwd_[i * stride_], i, words_[i - 1]);
  bwd_valid_from_ = std::max(bwd_valid_from_, b);
}

void TerEditDistance::EnsureBackward(size_t b) {
  // B(i, j) = the cheapest way from cell (i, j) to (n, m) through beam cells.
  const int64_t m = m_;
  const uint32_t* r = ref_.data();
  for (size_t i = bwd_valid_from_; i-- > b;) {
    const uint32_t w = words_[i];
    Cost* cur = &bwd_[i * stride_];
    const Cost* next = &bwd_[(i + 1) * stride_];
    const int64_t cb = base_[i], nb = base_[i + 1];
    Cost right = kInf;
    int64_t j = hi_[i] - 1;
    if (j == m) {  // last column: no reference word left to match
      right = next[j - nb] + 1;
      cur[j - cb] = right;
      --j;
    }
    for (; j >= lo_[i]; --j) {
      Cost v = std::min<Cost>(next[j - nb] + 1, right + 1);
      v = std::min<Cost>(v, next[j + 1 - nb] + (r[j] != w ? 1 : 0));
      cur[j - cb] = v;
      right = v;
    }
  }
  bwd_valid_from_ = std::min(bwd_valid_from_, b);
}

TerEditDistance::Cost TerEditDistance::ScalarShiftDistance(size_t a, size_t b, const uint32_t* win) {
  // Rows a+1..b of the shifted words from the current row a.
  const Cost* prev = &fwd_[a * stride_];
  for (size_t i = a + 1; i <= b; ++i) {
    Cost* cur = &scratch_[i * stride_];
    ComputeRow(prev, cur, i, win[i - 1 - a]);
    prev = cur;
  }
  if (b == n_) return scratch_[b * stride_ + static_cast<size_t>(m_ - base_[b])];
  // Join with the unchanged suffix through row b.
  EnsureBackward(b);
  Cost best = kInf;
  const Cost* g = &scratch_[b * stride_];
  const Cost* s = &bwd_[b * stride_];
  for (int64_t j = lo_[b]; j < hi_[b]; ++j) {
    const size_t k = static_cast<size_t>(j - base_[b]);
    best = std::min<Cost>(best, g[k] + s[k]);
  }
  return best;
}

}  // namespace mteval
