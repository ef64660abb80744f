#pragma once
// Bit-level helpers of the TER edit distance: popcount, bit reversal, one
// step of Myers' bit-vector edit distance, and the minimum prefix sum of a
// difference of two {-1, 0, +1} sequences stored as bit masks.

#include <cstddef>
#include <cstdint>

namespace mteval {
namespace ter_bits {

// Without -mpopcnt, __builtin_popcountll is a library call; this is inline.
inline int Popcount(uint64_t x) {
#ifdef __POPCNT__
  return __builtin_popcountll(x);
#else
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<int>((x * 0x0101010101010101ULL) >> 56);
#endif
}

inline uint64_t ReverseBits(uint64_t x) {
  x = ((x >> 1) & 0x5555555555555555ULL) | ((x & 0x5555555555555555ULL) << 1);
  x = ((x >> 2) & 0x3333333333333333ULL) | ((x & 0x3333333333333333ULL) << 2);
  x = ((x >> 4) & 0x0F0F0F0F0F0F0F0FULL) | ((x & 0x0F0F0F0F0F0F0F0FULL) << 4);
  return __builtin_bswap64(x);
}

// The low `len` bits of x in reverse order (len in 1..64).
inline uint64_t ReverseLow(uint64_t x, int64_t len) { return ReverseBits(x) >> (64 - len); }

// Low `len` bits set (len in 0..64).
inline uint64_t LowBits(int64_t len) { return len >= 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1; }

// Myers' algorithm (1999) over a column of up to 64 cells per machine word.
// A column state holds the vertical deltas D(c) - D(c - 1) as a positive mask
// `p` and a negative mask `m`. One step consumes one text symbol whose match
// mask is `eq`; the delta entering at the top is +1 (global distance, D(i, 0)
// = i).
inline void AdvanceOneBlock(uint64_t eq, uint64_t* p, uint64_t* m) {
  const uint64_t pv = *p, mv = *m;
  const uint64_t xv = eq | mv;
  const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
  const uint64_t ph = ((mv | ~(xh | pv)) << 1) | 1;
  const uint64_t mh = (pv & xh) << 1;
  *p = mh | ~(xv | ph);
  *m = ph & xv;
}

// The same over `blocks` words (block-based form: each block passes the
// delta at its bottom on to the next).
void AdvanceBlocks(const uint64_t* eq, uint64_t* p, uint64_t* m, size_t blocks);

// Tables for MinPrefixSum, four positions at a time: a nibble of a {-1, 0,
// +1} sequence has 3^4 = 81 values.
struct PrefixTables {
  uint8_t digits[256] = {};  // (plus nibble | minus nibble << 4) -> base-3 index
  int8_t sum[81 * 81] = {};  // g - c summed over the 4 positions
  int8_t min[81 * 81] = {};  // min over its prefixes of 1..4 positions

  constexpr PrefixTables() {
    for (int v = 0; v < 256; ++v) {
      int index = 0;  // digit of position k: plus - minus + 1, position 0 lowest
      for (int k = 3; k >= 0; --k) index = index * 3 + (((v >> k) & 1) - ((v >> (k + 4)) & 1) + 1);
      digits[v] = static_cast<uint8_t>(index);
    }
    for (int g = 0; g < 81; ++g) {
      for (int c = 0; c < 81; ++c) {
        int total = 0, lowest = 100, gi = g, ci = c;
        for (int k = 0; k < 4; ++k, gi /= 3, ci /= 3) {
          total += (gi % 3 - 1) - (ci % 3 - 1);
          lowest = total < lowest ? total : lowest;
        }
        sum[g * 81 + c] = static_cast<int8_t>(total);
        min[g * 81 + c] = static_cast<int8_t>(lowest);
      }
    }
  }
};
inline constexpr PrefixTables kPrefixTables{};

// min(0, min over t = 1..len of sum_{k < t} (g_k - c_k)), with g = gp - gm
// and c = cp - cm bit by bit (len <= 64).
inline int MinPrefixSum(uint64_t gp, uint64_t gm, uint64_t cp, uint64_t cm, int64_t len) {
  if (len <= 0) return 0;
  const uint64_t mask = LowBits(len);
  gp &= mask;
  gm &= mask;
  cp &= mask;
  cm &= mask;
  const PrefixTables& t = kPrefixTables;
  int total = 0, best = 0;
  for (int64_t k = 0; k < len; k += 4) {
    const int index = t.digits[(gp & 15) | ((gm & 15) << 4)] * 81 + t.digits[(cp & 15) | ((cm & 15) << 4)];
    const int low = total + t.min[index];
    best = low < best ? low : best;
    total += t.sum[index];
    gp >>= 4;
    gm >>= 4;
    cp >>= 4;
    cm >>= 4;
  }
  return best;
}

}  // namespace ter_bits
}  // namespace mteval
