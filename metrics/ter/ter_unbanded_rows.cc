// The unrestricted (no beam) edit distance of TerEditDistance with Myers'
// bit-vector algorithm: the DP itself in the full-beam mode, a lower bound of
// the banded distance otherwise (see ter_edit_distance.h).

#include <algorithm>

#include "metrics/ter/ter_edit_distance.h"

namespace mteval {

using ter_bits::AdvanceBlocks;
using ter_bits::AdvanceOneBlock;
using ter_bits::LowBits;
using ter_bits::MinPrefixSum;
using ter_bits::Popcount;
using ter_bits::ReverseLow;

void TerEditDistance::UpdateUnbandedRows(size_t a, size_t b) {
  const size_t n = n_;
  const size_t row = 2 * blocks_;
  if (!unbanded_bound_) {
    if (!swap_bound_) return;
    // Only the distance itself, for the shift bound.
    uint64_t* p = bits_tmp_.data();
    uint64_t* mv = p + blocks_;
    std::fill(p, p + blocks_, ~uint64_t{0});
    std::fill(mv, mv + blocks_, 0);
    for (size_t i = 0; i < n; ++i) AdvanceBlocks(Peq(words_[i]), p, mv, blocks_);
    const size_t len = static_cast<size_t>(m_);
    current_unbanded_ = static_cast<Cost>(n);
    for (size_t k = 0; k < blocks_; ++k) {
      const uint64_t mask = LowBits(static_cast<int64_t>(len - 64 * k));
      current_unbanded_ += Popcount(p[k] & mask) - Popcount(mv[k] & mask);
    }
    return;
  }
  // Prefixes of words_ that include a changed position, and prefixes of the
  // reversed words_ that do.
  if (blocks_ == 1) {
    for (size_t i = a + 1; i <= n; ++i) {
      uint64_t p = bits_fwd_[2 * i - 2], mv = bits_fwd_[2 * i - 1];
      AdvanceOneBlock(*Peq(words_[i - 1]), &p, &mv);
      bits_fwd_[2 * i] = p;
      bits_fwd_[2 * i + 1] = mv;
    }
    for (size_t i = n - b + 1; i <= n; ++i) {
      uint64_t p = bits_bwd_[2 * i - 2], mv = bits_bwd_[2 * i - 1];
      AdvanceOneBlock(*PeqReversed(words_[n - i]), &p, &mv);
      bits_bwd_[2 * i] = p;
      bits_bwd_[2 * i + 1] = mv;
    }
  } else {
    for (size_t i = a + 1; i <= n; ++i) {
      uint64_t* cur = &bits_fwd_[i * row];
      std::copy(cur - row, cur, cur);
      AdvanceBlocks(Peq(words_[i - 1]), cur, cur + blocks_, blocks_);
    }
    for (size_t i = n - b + 1; i <= n; ++i) {
      uint64_t* cur = &bits_bwd_[i * row];
      std::copy(cur - row, cur, cur);
      AdvanceBlocks(PeqReversed(words_[n - i]), cur, cur + blocks_, blocks_);
    }
  }
  current_unbanded_ = Unbanded(n, m_);
}

void TerEditDistance::Decode(const uint64_t* p, const uint64_t* m, Cost i, Cost* out) const {
  Cost v = i;
  out[0] = v;
  const size_t len = static_cast<size_t>(m_);
  for (size_t k = 0, j = 0; k < blocks_; ++k) {
    uint64_t pk = p[k], mk = m[k];
    const size_t end = std::min(len, j + 64);
    for (; j < end; ++j) {
      v += static_cast<Cost>(pk & 1) - static_cast<Cost>(mk & 1);
      pk >>= 1;
      mk >>= 1;
      out[j + 1] = v;
    }
  }
}

TerEditDistance::Cost TerEditDistance::UnbandedDistance(size_t a, size_t b, const uint32_t* win) {
  const size_t len = static_cast<size_t>(m_);
  const size_t row = 2 * blocks_;
  // Rows a+1..b of the shifted words from the current row a. The suffix is
  // then either run too (D(n, m) = n + the sum of the vertical deltas), or,
  // when it is long, joined through row b with the reversed rows:
  // S(j) = D(b, j) + D_rev(n - b, m - j), minimised over j.
  const bool join = b < n_ && (n_ - b) * 4 > len;
  if (blocks_ == 1) {
    uint64_t p = bits_fwd_[a * 2], mv = bits_fwd_[a * 2 + 1];
    for (size_t i = a; i < b; ++i) AdvanceOneBlock(*Peq(win[i - a]), &p, &mv);
    const uint64_t mask = LowBits(static_cast<int64_t>(len));
    if (!join) {
      for (size_t i = b; i < n_; ++i) {
        // A row equal to the current one (same boundary, same deltas)
        // means the same distance.
        if (p == bits_fwd_[2 * i] && mv == bits_fwd_[2 * i + 1]) return current_unbanded_;
        AdvanceOneBlock(*Peq(words_[i]), &p, &mv);
      }
      return static_cast<Cost>(n_) + Popcount(p & mask) - Popcount(mv & mask);
    }
    // S(0) = b + D_rev(n - b, m); step j adds the forward delta at column j
    // and subtracts the reversed row's delta at column m - j + 1, i.e. the
    // reversed row's deltas read backwards.
    const uint64_t rp = bits_bwd_[(n_ - b) * 2], rm = bits_bwd_[(n_ - b) * 2 + 1];
    const Cost first = static_cast<Cost>(n_) + Popcount(rp & mask) - Popcount(rm & mask);
    const int64_t l = static_cast<int64_t>(len);
    return first + MinPrefixSum(p, mv, ReverseLow(rp, l), ReverseLow(rm, l), l);
  }
  uint64_t* p = bits_tmp_.data();
  uint64_t* mv = p + blocks_;
  std::copy(&bits_fwd_[a * row], &bits_fwd_[a * row] + row, p);
  for (size_t i = a; i < b; ++i) AdvanceBlocks(Peq(win[i - a]), p, mv, blocks_);
  if (!join) {
    for (size_t i = b; i < n_; ++i) {
      if (std::equal(p, p + row, &bits_fwd_[i * row])) return current_unbanded_;
      AdvanceBlocks(Peq(words_[i]), p, mv, blocks_);
    }
    Cost d = static_cast<Cost>(n_);
    for (size_t k = 0; k < blocks_; ++k) {
      const uint64_t mask = LowBits(static_cast<int64_t>(len - 64 * k));
      d += Popcount(p[k] & mask) - Popcount(mv[k] & mask);
    }
    return d;
  }
  Decode(p, mv, static_cast<Cost>(b), decoded_fwd_.data());
  const uint64_t* r = &bits_bwd_[(n_ - b) * row];
  Decode(r, r + blocks_, static_cast<Cost>(n_ - b), decoded_bwd_.data());
  Cost best = kInf;
  for (size_t j = 0; j <= len; ++j) best = std::min(best, decoded_fwd_[j] + decoded_bwd_[len - j]);
  return best;
}

}  // namespace mteval
