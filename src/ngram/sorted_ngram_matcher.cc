#include "ngram/sorted_ngram_matcher.h"

#include <algorithm>
#include <cstring>

#include <mteval/error.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mteval {
namespace {

constexpr uint64_t kTagMask = 0xFF;
// Windows per side up to which a group's count fits a byte (ScanSse2Narrow).
constexpr size_t kNarrowLength = 255;

// Windows counted by one byte's value v at [v + 1]; [0] stays 0 for the
// prefix sums.
using Histogram = uint32_t[257];

void InsertionSort(uint64_t* v, size_t n) {
  for (size_t i = 1; i < n; ++i) {
    const uint64_t x = v[i];
    size_t j = i;
    for (; j > 0 && v[j - 1] > x; --j) v[j] = v[j - 1];
    v[j] = x;
  }
}

// LSD radix sort of a[0, n) on bytes 0..order-1 (byte 0 is the most
// significant); digits below `limit`; tmp has room for n. The result ends up
// in *a (pointers may be swapped). Passes where all digits agree are
// skipped. `pre`, when given, holds every byte's histogram (derived without
// reading the data, see SortedNgramMatcher::Sort) and is used up; otherwise
// they come from one read of the data.
void RadixSort(uint64_t** a, uint64_t** tmp, size_t n, int order, uint32_t limit, Histogram* pre = nullptr) {
  Histogram local[SortedNgramMatcher::kMaxOrder];
  Histogram* count = pre;
  const uint64_t* src = *a;
  if (count == nullptr) {
    count = local;
    for (int j = 0; j < order; ++j) std::memset(count[j], 0, (limit + 1) * sizeof(uint32_t));
    for (size_t i = 0; i < n; ++i) {
      const uint64_t x = src[i];
      for (int j = 0; j < order; ++j) ++count[j][((x >> (56 - 8 * j)) & 0xFF) + 1];
    }
  }
  for (int j = order - 1; j >= 0; --j) {
    const int shift = 56 - 8 * j;
    uint32_t* c = count[j];
    src = *a;
    if (c[((src[0] >> shift) & 0xFF) + 1] == n) continue;
    for (uint32_t d = 1; d <= limit; ++d) c[d] += c[d - 1];
    uint64_t* dst = *tmp;
    for (size_t i = 0; i < n; ++i) dst[c[(src[i] >> shift) & 0xFF]++] = src[i];
    std::swap(*a, *tmp);
  }
}

// Sorts a[0, n) by the top `order` bytes (tmp has room for n); digits are
// below `limit`. The result ends up in *a (pointers may be swapped).
// With about as many distinct units as windows (e.g. Chinese characters),
// most significant byte first: one counting pass splits the windows into
// small buckets by their first unit and an insertion sort finishes each
// (large buckets get the remaining bytes radix-sorted). Otherwise all bytes
// are radix-sorted least significant first.
// `histograms(h)`, called only when all bytes are radix-sorted, fills h
// with the histograms of every byte of a[0, n).
template <typename Histograms>
void SortWindows(uint64_t** a, uint64_t** tmp, size_t n, int order, uint32_t limit, Histograms&& histograms) {
  constexpr size_t kSmall = 24;
  if (n <= 16) {
    InsertionSort(*a, n);
    return;
  }
  // Many windows per distinct unit (alphabetic text): buckets would be too
  // large for insertion sort, so sort all bytes least significant first.
  if (n > 2 * static_cast<size_t>(limit)) {
    Histogram hist[SortedNgramMatcher::kMaxOrder];
    histograms(hist);
    RadixSort(a, tmp, n, order, limit, hist);
    return;
  }
  uint32_t start[258] = {};
  const uint64_t* src = *a;
  for (size_t i = 0; i < n; ++i) ++start[(src[i] >> 56) + 1];
  for (uint32_t d = 1; d <= limit; ++d) start[d] += start[d - 1];
  uint32_t next[257];
  std::memcpy(next, start, (limit + 1) * sizeof(uint32_t));
  uint64_t* dst = *tmp;
  for (size_t i = 0; i < n; ++i) dst[next[src[i] >> 56]++] = src[i];
  // The buckets are sorted in place in dst, using src's space as scratch.
  uint64_t* scratch = *a;
  for (uint32_t d = 0; d < limit; ++d) {
    const size_t b = start[d], e = start[d + 1];
    if (e - b <= 1) continue;
    if (e - b <= kSmall || order == 1) {
      InsertionSort(dst + b, e - b);
    } else {
      uint64_t* x = dst + b;
      uint64_t* y = scratch + b;
      RadixSort(&x, &y, e - b, order, limit);  // byte 0 is equal: that pass is skipped
      if (x != dst + b) std::memcpy(dst + b, x, (e - b) * sizeof(uint64_t));
    }
  }
  std::swap(*a, *tmp);
}

// Equal leading unit bytes of two windows (tags ignored), 0..7: a window
// holds at most kMaxOrder = 7 units, so 7 means equal windows. Setting a bit
// below the units (in the tag byte) makes the count branch-free: equal
// windows are common in sorted order (every matched 7-gram) and a branch on
// them mispredicted often.
inline int CommonPrefix(uint64_t x, uint64_t y) {
  static_assert(SortedNgramMatcher::kMaxOrder == 7, "units in bytes 0..6, tag in byte 7");
  return __builtin_clzll(((x ^ y) & ~kTagMask) | 0x80) >> 3;
}

// Units in a window: its non-zero leading bytes (windows are never 0).
inline int WindowLength(uint64_t x) { return 8 - (__builtin_ctzll(x & ~kTagMask) >> 3); }

// Calls step(window) for the two sorted arrays merged (reference windows,
// tag 0, before equal hypothesis windows, tag 1).
template <typename Step>
void Merge(const uint64_t* r, size_t nr, const uint64_t* h, size_t nh, Step&& step) {
  size_t i = 0, j = 0;
  while (i < nr && j < nh) {
    const bool take_ref = r[i] < h[j];
    step(take_ref ? r[i] : h[j]);
    i += take_ref;
    j += !take_ref;
  }
  for (; i < nr; ++i) step(r[i]);
  for (; j < nh; ++j) step(h[j]);
}

// The scan with plain integers: groups of equal k-grams are runs of windows
// sharing k leading bytes; a group closes when the common prefix with the
// next window drops below k.
// `windows(step)` calls step(x) for every window in sorted order.
template <typename Windows>
void ScanScalar(Windows&& windows, int order, int64_t* matches) {
  int64_t cr[8] = {}, ch[8] = {};
  uint64_t prev = 0;
  windows([&](uint64_t x) {
    const int lcp = std::min(CommonPrefix(x, prev), order);
    for (int k = lcp; k < order; ++k) {
      matches[k] += std::min(cr[k], ch[k]);
      cr[k] = ch[k] = 0;
    }
    int64_t* c = (x & kTagMask) ? ch : cr;
    const int len = WindowLength(x);
    for (int k = 0; k < len; ++k) ++c[k];
    prev = x;
  });
  for (int k = 0; k < order; ++k) matches[k] += std::min(cr[k], ch[k]);
}

#if defined(__SSE2__)
// The same scan with the eight orders in the lanes of one SSE2 register:
// counts fit 16 bits because both sequences are shorter than 32768.
template <typename Windows>
void ScanSse2(Windows&& windows, int order, int64_t* matches) {
  // from_lane[l]: lanes >= l set; below_lane[l]: lanes < l set.
  alignas(16) static const int16_t kFrom[9][8] = {
      {-1, -1, -1, -1, -1, -1, -1, -1}, {0, -1, -1, -1, -1, -1, -1, -1}, {0, 0, -1, -1, -1, -1, -1, -1},
      {0, 0, 0, -1, -1, -1, -1, -1},    {0, 0, 0, 0, -1, -1, -1, -1},    {0, 0, 0, 0, 0, -1, -1, -1},
      {0, 0, 0, 0, 0, 0, -1, -1},       {0, 0, 0, 0, 0, 0, 0, -1},       {0, 0, 0, 0, 0, 0, 0, 0}};
  auto from = [&](int l) { return _mm_load_si128(reinterpret_cast<const __m128i*>(kFrom[l])); };
  __m128i cr = _mm_setzero_si128(), ch = _mm_setzero_si128(), acc = _mm_setzero_si128();
  uint64_t prev = 0;
  windows([&](uint64_t x) {
    const __m128i close = from(CommonPrefix(x, prev));
    acc = _mm_add_epi16(acc, _mm_and_si128(_mm_min_epi16(cr, ch), close));
    cr = _mm_andnot_si128(close, cr);
    ch = _mm_andnot_si128(close, ch);
    // Lanes below the window's length gain one (subtracting -1).
    const __m128i inc = _mm_andnot_si128(from(WindowLength(x)), _mm_set1_epi16(-1));
    const __m128i is_hyp = _mm_set1_epi16(static_cast<int16_t>(-static_cast<int>(x & 1)));
    ch = _mm_sub_epi16(ch, _mm_and_si128(inc, is_hyp));
    cr = _mm_sub_epi16(cr, _mm_andnot_si128(is_hyp, inc));
    prev = x;
  });
  acc = _mm_add_epi16(acc, _mm_min_epi16(cr, ch));
  alignas(16) int16_t lanes[8];
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes), acc);
  for (int k = 0; k < order; ++k) matches[k] += lanes[k];
}

// The same scan for sequences of at most 255 windows each, whose counts fit
// a byte: the reference counts and the hypothesis counts share one register
// (bytes 0-7 and 8-15), and a window's bytes are its own increments, so a
// step takes a third fewer instructions than ScanSse2's (32 against 48 in
// GCC 12's loop). Byte b of a half holds the order 8 - b count (byte 7 - k
// of a window is unit k + 1, or 0 past its end); bytes 0 and 8 face the tag
// and are never incremented.
template <typename Windows>
void ScanSse2Narrow(Windows&& windows, int order, int64_t* matches) {
  // kClose[l], l equal leading units: the counts of orders above l, bytes
  // 0..7-l of each half (the tag bytes always).
  alignas(16) static const uint8_t kClose[8][16] = {
      {255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255},
      {255, 255, 255, 255, 255, 255, 255, 0, 255, 255, 255, 255, 255, 255, 255, 0},
      {255, 255, 255, 255, 255, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0},
      {255, 255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0},
      {255, 255, 255, 255, 0, 0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 0},
      {255, 255, 255, 0, 0, 0, 0, 0, 255, 255, 255, 0, 0, 0, 0, 0},
      {255, 255, 0, 0, 0, 0, 0, 0, 255, 255, 0, 0, 0, 0, 0, 0},
      {255, 0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0}};
  alignas(16) static const uint8_t kSide[2][16] = {
      {0, 255, 255, 255, 255, 255, 255, 255, 0, 0, 0, 0, 0, 0, 0, 0},
      {0, 0, 0, 0, 0, 0, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255}};
  auto row = [](const uint8_t (*table)[16], size_t i) {
    return _mm_load_si128(reinterpret_cast<const __m128i*>(table[i]));
  };
  const __m128i zero = _mm_setzero_si128();
  __m128i counts = zero, acc = zero;
  uint64_t prev = 0;
  windows([&](uint64_t x) {
    const __m128i close = row(kClose, static_cast<size_t>(CommonPrefix(x, prev)));
    // min(reference, hypothesis) of the closing groups, widened to 16 bits.
    const __m128i closed = _mm_and_si128(_mm_min_epu8(counts, _mm_srli_si128(counts, 8)), close);
    acc = _mm_add_epi16(acc, _mm_unpacklo_epi8(closed, zero));
    const __m128i bytes = _mm_cvtsi64_si128(static_cast<long long>(x));
    const __m128i present = _mm_unpacklo_epi64(bytes, bytes);
    // Non-zero bytes on the window's side gain one (subtracting -1).
    const __m128i inc = _mm_andnot_si128(_mm_cmpeq_epi8(present, zero), row(kSide, x & 1));
    counts = _mm_sub_epi8(_mm_andnot_si128(close, counts), inc);
    prev = x;
  });
  acc = _mm_add_epi16(acc, _mm_unpacklo_epi8(_mm_min_epu8(counts, _mm_srli_si128(counts, 8)), zero));
  alignas(16) uint16_t lanes[8];
  _mm_store_si128(reinterpret_cast<__m128i*>(lanes), acc);
  for (int k = 0; k < order; ++k) matches[k] += lanes[7 - k];
}
#endif

}  // namespace

SortedNgramMatcher::SortedNgramMatcher(int max_order) : order_(max_order) {
  if (max_order < 1 || max_order > kMaxOrder) {
    throw Error(ErrorKind::kInternal, "SortedNgramMatcher: order " + std::to_string(max_order) + " out of range");
  }
}

template <bool kAllKnown>
size_t SortedNgramMatcher::BuildWindows(const uint32_t* units, size_t n, uint64_t tag, uint64_t* out,
                                        WindowRuns* runs_out) const {
  // Built from the end: a window is its first unit followed by the next
  // window shifted down one byte and cut to `order_` bytes; an unknown unit
  // ends every window that reaches it. The window that starts a run of
  // known units is noted for the sort's histograms (see Sort).
  const uint64_t keep = ~uint64_t{0} << (64 - 8 * order_);
  if (runs_out->run_starts.size() < n + 1) runs_out->run_starts.resize(n + 1);
  uint32_t* run_starts = runs_out->run_starts.data();
  if constexpr (kAllKnown) {
    // A reference: one run, and nothing to do but build windows. The cut
    // to `order_` bytes is made on the copy written out, so that the chain
    // through `window` is a shift and an or.
    uint64_t window = 0;
    for (size_t i = n; i-- > 0;) {
      window = (uint64_t{units[i] + 1} << 56) | (window >> 8);
      out[n - 1 - i] = (window & keep) | tag;
    }
    run_starts[0] = static_cast<uint32_t>(n - 1);  // position 0 is written last
    runs_out->num_runs = n > 0;
    return n;
  } else {
    size_t m = 0, runs = 0;
    uint64_t window = 0;
    uint32_t limit = 1;
    bool next_known = false;  // the unit after i is known (there is none after the last)
    for (size_t i = n; i-- > 0;) {
      const uint32_t u = units[i];
      const bool known = u < kUnitLimit;
      // GCC makes this a branch on `known`, which measured faster on English
      // than masks without one (see docs/performance.md).
      window = known ? (uint64_t{u + 1} << 56) | ((window >> 8) & keep) : 0;
      out[m] = window | tag;  // an unknown unit's is overwritten: m stays
      // An unknown unit ends a run: the window after it (written last, at
      // m - 1) starts one. Decided from the unit in hand, not by reading
      // the one before it.
      run_starts[runs] = static_cast<uint32_t>(m - 1);
      runs += next_known & !known;
      m += known;
      limit = std::max(limit, known ? u + 2 : 1);
      next_known = known;
    }
    if (next_known) run_starts[runs++] = static_cast<uint32_t>(m - 1);  // the run at position 0
    runs_out->num_runs = runs;
    runs_out->limit = limit;
    return m;
  }
}

void SortedNgramMatcher::Sort(std::vector<uint64_t>* v, size_t m, const WindowRuns* a, const WindowRuns* b,
                              size_t b_offset) {
  if (m <= 1) return;
  const uint32_t limit = b ? std::max(a->limit, b->limit) : a->limit;
  if (tmp_.size() < m) tmp_.resize(m);
  // The histograms of every byte for the radix sort, without a pass per
  // byte: byte j of the window at position i is the unit at i + j unless
  // the run of known units ends first (then 0). So byte j's histogram is
  // byte 0's less the first j units of every run, which turn into zeros;
  // a run's first units are the bytes of its first window.
  auto histograms = [&](Histogram* hist) {
    const uint64_t* w = v->data();
    std::memset(hist[0], 0, (limit + 1) * sizeof(uint32_t));
    for (size_t i = 0; i < m; ++i) ++hist[0][(w[i] >> 56) + 1];
    for (int j = 1; j < order_; ++j) std::memcpy(hist[j], hist[0], (limit + 1) * sizeof(uint32_t));
    for (const auto& [c, offset] : {std::pair<const WindowRuns*, size_t>{a, 0}, {b, b_offset}}) {
      if (c == nullptr) continue;
      for (size_t r = 0; r < c->num_runs; ++r) {
        const uint64_t x = w[offset + c->run_starts[r]];
        for (int t = 0; t + 1 < order_; ++t) {
          const uint32_t byte = (x >> (56 - 8 * t)) & 0xFF;
          if (byte == 0) break;  // the run is shorter
          for (int j = t + 1; j < order_; ++j) {
            --hist[j][byte + 1];
            ++hist[j][1];
          }
        }
      }
    }
  };
  uint64_t* w = v->data();
  uint64_t* t = tmp_.data();
  SortWindows(&w, &t, m, order_, limit, histograms);
  if (w != v->data()) std::memcpy(v->data(), w, m * sizeof(uint64_t));
}

bool SortedNgramMatcher::SetReference(const uint32_t* units, size_t n) {
  ref_sorted_ = false;
  ref_used_ = false;
  uint32_t max_unit = 0;
  if (n <= kMaxLength) {
    for (size_t i = 0; i < n; ++i) max_unit = std::max(max_unit, units[i]);
  }
  if (n > kMaxLength || max_unit >= kUnitLimit) {
    ref_.clear();
    return false;
  }
  // Grown, not cleared and refilled: BuildWindows overwrites what it uses.
  if (ref_.size() < n) ref_.resize(n);
  ref_.resize(BuildWindows<true>(units, n, 0, ref_.data(), &ref_runs_));
  ref_runs_.limit = n > 0 ? max_unit + 2 : 1;
  return true;
}

void SortedNgramMatcher::CountMatches(const uint32_t* units, size_t n, int64_t* matches) {
  // The first hypothesis of a reference is radix-sorted together with it,
  // so the scan reads one array (a merge of two sorted arrays has a
  // dependency chain through its loads); later ones (other systems) reuse
  // the reference, sorted once, and are merged with it.
  const bool first = !ref_used_;
  ref_used_ = true;
  const size_t nr = ref_.size();
  // Joint only where both sides would be radix-sorted (many windows per
  // distinct unit); with about as many units as windows (Chinese), the
  // separate bucket sorts are cheaper. When the reference side qualifies,
  // the hypothesis windows are built straight after it in the joint array.
  const bool joint_ref = first && !ref_sorted_ && nr > 2 * static_cast<size_t>(ref_runs_.limit);
  uint64_t* hyp_out;
  if (joint_ref) {
    if (joint_.size() < nr + n) joint_.resize(nr + n);
    hyp_out = joint_.data() + nr;
  } else {
    if (hyp_.size() < n) hyp_.resize(n);
    hyp_out = hyp_.data();
  }
  const size_t m = BuildWindows<false>(units, n, 1, hyp_out, &hyp_runs_);
  auto scan = [&](auto&& windows) {
#if defined(__SSE2__)
    if (nr <= kNarrowLength && m <= kNarrowLength) {
      ScanSse2Narrow(windows, order_, matches);
      return;
    }
    if (n <= kMaxLength) {
      ScanSse2(windows, order_, matches);
      return;
    }
#endif
    ScanScalar(windows, order_, matches);
  };
  if (joint_ref && m > 2 * static_cast<size_t>(hyp_runs_.limit)) {
    std::memcpy(joint_.data(), ref_.data(), nr * sizeof(uint64_t));
    Sort(&joint_, nr + m, &ref_runs_, &hyp_runs_, nr);
    const uint64_t* w = joint_.data();
    scan([&](auto&& step) {
      for (size_t i = 0; i < nr + m; ++i) step(w[i]);
    });
    return;
  }
  if (joint_ref) {  // the hypothesis side did not qualify after all
    if (hyp_.size() < m) hyp_.resize(m);
    std::memcpy(hyp_.data(), hyp_out, m * sizeof(uint64_t));
  }
  if (!ref_sorted_) {
    Sort(&ref_, nr, &ref_runs_, nullptr, 0);
    ref_sorted_ = true;
  }
  Sort(&hyp_, m, &hyp_runs_, nullptr, 0);
  const uint64_t* r = ref_.data();
  const uint64_t* h = hyp_.data();
  scan([&](auto&& step) { Merge(r, nr, h, m, step); });
}

}  // namespace mteval
