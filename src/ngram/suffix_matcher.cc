#include "ngram/suffix_matcher.h"

#include <algorithm>
#include <cstring>

#include "common/cpu_features.h"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define MTEVAL_SUFFIX_AVX2 1
#else
#define MTEVAL_SUFFIX_AVX2 0
#endif

namespace mteval {
namespace {

constexpr uint8_t kUnknownByte = 254;  // a hypothesis unit no reference can have
constexpr uint8_t kPadByte = 255;      // past the end: equals no unit
constexpr size_t kChunk = 32;          // units per AVX2 register
constexpr size_t kMaxChunks = SuffixMatcher::kMaxLength / kChunk;
static_assert(SuffixMatcher::kMaxUnit < kUnknownByte, "units, unknown and padding must differ");
static_assert(SuffixMatcher::kMaxLength % kChunk == 0 && SuffixMatcher::kMaxLength <= 128,
              "positions are compared as signed bytes");

size_t Chunks(size_t n) { return n == 0 ? 1 : (n + kChunk - 1) / kChunk; }

#if MTEVAL_SUFFIX_AVX2
#define MTEVAL_AVX2 __attribute__((target("avx2,popcnt")))

// x moved up one byte (byte j takes byte j-1); byte 0 takes the top byte of
// `below`, the register holding the previous 32 positions.
MTEVAL_AVX2 inline __m256i ShiftUp(__m256i x, __m256i below) {
  const __m256i t = _mm256_permute2x128_si256(below, x, 0x21);  // [below's high half, x's low half]
  return _mm256_alignr_epi8(x, t, 15);
}

// The row of common-suffix lengths after one more hypothesis unit: where the
// other sequence has that unit (eq), one more than the length one position
// back on both sides; elsewhere 0. Lengths saturate at 255 (orders <= 64).
template <size_t C>
MTEVAL_AVX2 inline void Advance(__m256i* len, const __m256i* eq) {
  const __m256i one = _mm256_set1_epi8(1);
  __m256i below = _mm256_setzero_si256();
  for (size_t k = 0; k < C; ++k) {
    const __m256i shifted = ShiftUp(len[k], below);
    below = len[k];
    len[k] = _mm256_and_si256(_mm256_adds_epu8(shifted, one), eq[k]);
  }
}

// How many lengths in the row are >= n (n broadcast, >= 1).
template <size_t C>
MTEVAL_AVX2 inline int CountAtLeast(const __m256i* len, __m256i n) {
  int count = 0;
  for (size_t k = 0; k < C; ++k) {
    const __m256i at_least = _mm256_cmpeq_epi8(_mm256_max_epu8(len[k], n), len[k]);
    count += __builtin_popcount(static_cast<unsigned>(_mm256_movemask_epi8(at_least)));
  }
  return count;
}

// How many lengths in the row are >= 1, 2, 3 and 4, from three bits of
// min(length, 4) (0-3 in bits 0-1, 4 as bit 2) instead of a comparison per
// order: >= 1 is any bit, >= 2 bit 1 or 2, >= 3 bits 0 and 1 or bit 2.
template <size_t C>
MTEVAL_AVX2 inline void CountUpTo4(const __m256i* len, int* at_least) {
  const __m256i four = _mm256_set1_epi8(4);
  at_least[0] = at_least[1] = at_least[2] = at_least[3] = 0;
  for (size_t k = 0; k < C; ++k) {
    const __m256i a = _mm256_min_epu8(len[k], four);
    // Bit b of each byte moved to its top bit (16-bit shifts: the low
    // byte's bits do not reach the high byte's top bit).
    const auto b0 = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_slli_epi16(a, 7)));
    const auto b1 = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_slli_epi16(a, 6)));
    const auto b2 = static_cast<unsigned>(_mm256_movemask_epi8(_mm256_slli_epi16(a, 5)));
    at_least[0] += __builtin_popcount(b0 | b1 | b2);
    at_least[1] += __builtin_popcount(b1 | b2);
    at_least[2] += __builtin_popcount((b0 & b1) | b2);
    at_least[3] += __builtin_popcount(b2);
  }
}

// The registers of a sequence of up to 32 * C units, and its row of lengths.
template <size_t C>
struct Rows {
  __m256i units[C], len[C], eq[C];
  MTEVAL_AVX2 explicit Rows(const uint8_t* seq) {
    for (size_t k = 0; k < C; ++k) {
      units[k] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(seq + kChunk * k));
      len[k] = _mm256_setzero_si256();
    }
  }
  // Against a reference: every position may match.
  MTEVAL_AVX2 void Step(__m256i unit) {
    for (size_t k = 0; k < C; ++k) eq[k] = _mm256_cmpeq_epi8(unit, units[k]);
    Advance<C>(len, eq);
  }
  // Against the hypothesis itself at position i: only earlier positions,
  // lane + 32k < i (compared as signed bytes: i < 128).
  MTEVAL_AVX2 void StepEarlier(__m256i unit, size_t i) {
    const __m256i lanes = _mm256_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
                                           21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31);
    for (size_t k = 0; k < C; ++k) {
      const __m256i earlier = _mm256_cmpgt_epi8(
          _mm256_set1_epi8(static_cast<char>(static_cast<int>(i) - static_cast<int>(kChunk * k))), lanes);
      eq[k] = _mm256_and_si256(_mm256_cmpeq_epi8(unit, units[k]), earlier);
    }
    Advance<C>(len, eq);
  }
};

// Orders up to 4 against one reference, both rows in one loop: the
// matches of orders 1-4 (orders above the matcher's are left unused; an
// n-gram longer than the text so far has no lengths that long, so counts 0).
template <size_t CR, size_t CH>
MTEVAL_AVX2 void OneRefUpTo4(const uint8_t* ref, const uint8_t* hyp, size_t n_hyp, int64_t* matches) {
  Rows<CR> r(ref);
  Rows<CH> h(hyp);
  int64_t found[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < n_hyp; ++i) {
    const __m256i unit = _mm256_set1_epi8(static_cast<char>(hyp[i]));
    r.Step(unit);
    h.StepEarlier(unit, i);
    int in_ref[4], rank[4];
    CountUpTo4<CR>(r.len, in_ref);
    CountUpTo4<CH>(h.len, rank);
    for (int m = 0; m < 4; ++m) found[m] += rank[m] < in_ref[m];
  }
  for (int m = 0; m < 4; ++m) matches[m] = found[m];
}

// Orders up to 4, several references: the maximum reference count of each
// position's n-grams into ref_max[4 * i + n - 1].
template <size_t C>
MTEVAL_AVX2 void RefPassUpTo4(const uint8_t* ref, const uint8_t* hyp, size_t n_hyp, bool first, uint8_t* ref_max) {
  Rows<C> r(ref);
  for (size_t i = 0; i < n_hyp; ++i) {
    r.Step(_mm256_set1_epi8(static_cast<char>(hyp[i])));
    int count[4];
    CountUpTo4<C>(r.len, count);
    uint8_t* out = ref_max + 4 * i;
    for (int m = 0; m < 4; ++m) out[m] = static_cast<uint8_t>(first ? count[m] : std::max<int>(out[m], count[m]));
  }
}

template <size_t C>
MTEVAL_AVX2 void SelfPassUpTo4(const uint8_t* hyp, size_t n_hyp, const uint8_t* ref_max, int64_t* matches) {
  Rows<C> h(hyp);
  int64_t found[4] = {0, 0, 0, 0};
  for (size_t i = 0; i < n_hyp; ++i) {
    h.StepEarlier(_mm256_set1_epi8(static_cast<char>(hyp[i])), i);
    int rank[4];
    CountUpTo4<C>(h.len, rank);
    for (int m = 0; m < 4; ++m) found[m] += rank[m] < ref_max[4 * i + m];
  }
  for (int m = 0; m < 4; ++m) matches[m] = found[m];
}

// Any order: for each hypothesis position i and order n (up to i + 1), the count in
// `ref` of the hypothesis n-gram ending at i, into ref_max[i * order + n - 1]
// (or the maximum with what is there when not the first reference).
template <size_t C>
MTEVAL_AVX2 void RefPass(const uint8_t* ref, const uint8_t* hyp, size_t n_hyp, size_t order, bool first,
                         uint8_t* ref_max) {
  Rows<C> r(ref);
  const __m256i one = _mm256_set1_epi8(1);
  for (size_t i = 0; i < n_hyp; ++i) {
    r.Step(_mm256_set1_epi8(static_cast<char>(hyp[i])));
    uint8_t* out = ref_max + i * order;
    const size_t top = std::min(order, i + 1);
    __m256i n = one;
    for (size_t m = 0; m < top; ++m, n = _mm256_add_epi8(n, one)) {
      const int count = CountAtLeast<C>(r.len, n);
      out[m] = static_cast<uint8_t>(first ? count : std::max<int>(out[m], count));
    }
  }
}

// For each hypothesis position i and order n, how often the n-gram ending
// at i occurred earlier in the hypothesis (its rank); a match when the rank
// is below the reference count.
template <size_t C>
MTEVAL_AVX2 void SelfPass(const uint8_t* hyp, size_t n_hyp, size_t order, const uint8_t* ref_max, int64_t* matches) {
  Rows<C> h(hyp);
  const __m256i one = _mm256_set1_epi8(1);
  for (size_t i = 0; i < n_hyp; ++i) {
    h.StepEarlier(_mm256_set1_epi8(static_cast<char>(hyp[i])), i);
    const uint8_t* ref_count = ref_max + i * order;
    const size_t top = std::min(order, i + 1);
    __m256i n = one;
    for (size_t m = 0; m < top; ++m, n = _mm256_add_epi8(n, one)) {
      matches[m] += CountAtLeast<C>(h.len, n) < ref_count[m];
    }
  }
}

using RefPassFn = void (*)(const uint8_t*, const uint8_t*, size_t, size_t, bool, uint8_t*);
using SelfPassFn = void (*)(const uint8_t*, size_t, size_t, const uint8_t*, int64_t*);
constexpr RefPassFn kRefPass[kMaxChunks] = {RefPass<1>, RefPass<2>, RefPass<3>, RefPass<4>};
constexpr SelfPassFn kSelfPass[kMaxChunks] = {SelfPass<1>, SelfPass<2>, SelfPass<3>, SelfPass<4>};

using OneRefFn = void (*)(const uint8_t*, const uint8_t*, size_t, int64_t*);
constexpr OneRefFn kOneRefUpTo4[kMaxChunks][kMaxChunks] = {
    {OneRefUpTo4<1, 1>, OneRefUpTo4<1, 2>, OneRefUpTo4<1, 3>, OneRefUpTo4<1, 4>},
    {OneRefUpTo4<2, 1>, OneRefUpTo4<2, 2>, OneRefUpTo4<2, 3>, OneRefUpTo4<2, 4>},
    {OneRefUpTo4<3, 1>, OneRefUpTo4<3, 2>, OneRefUpTo4<3, 3>, OneRefUpTo4<3, 4>},
    {OneRefUpTo4<4, 1>, OneRefUpTo4<4, 2>, OneRefUpTo4<4, 3>, OneRefUpTo4<4, 4>}};
using RefPassUpTo4Fn = void (*)(const uint8_t*, const uint8_t*, size_t, bool, uint8_t*);
using SelfPassUpTo4Fn = void (*)(const uint8_t*, size_t, const uint8_t*, int64_t*);
constexpr RefPassUpTo4Fn kRefPassUpTo4[kMaxChunks] = {RefPassUpTo4<1>, RefPassUpTo4<2>, RefPassUpTo4<3>,
                                                      RefPassUpTo4<4>};
constexpr SelfPassUpTo4Fn kSelfPassUpTo4[kMaxChunks] = {SelfPassUpTo4<1>, SelfPassUpTo4<2>, SelfPassUpTo4<3>,
                                                        SelfPassUpTo4<4>};
#endif

}  // namespace

bool SuffixMatcher::Available() {
#if MTEVAL_SUFFIX_AVX2
  return internal::CpuHasAvx2();
#else
  return false;
#endif
}

SuffixMatcher::SuffixMatcher(int max_order) : max_order_(std::clamp(max_order, 1, kMaxOrder)) {
  // Orders up to 4 keep 4 counts per position.
  ref_max_.resize(kMaxLength * static_cast<size_t>(std::max(max_order_, 4)));
}

void SuffixMatcher::GetReference(size_t r, std::vector<uint32_t>* units) const {
  const uint8_t* ref = refs_.data() + r * kMaxLength;
  units->assign(ref, ref + ref_lens_[r]);
}

bool SuffixMatcher::AddReference(const uint32_t* units, size_t n) {
  if (n > kMaxLength) return false;
  for (size_t i = 0; i < n; ++i) {
    if (units[i] > kMaxUnit) return false;
  }
  if (refs_.size() < (num_refs_ + 1) * kMaxLength) {
    refs_.resize((num_refs_ + 1) * kMaxLength);
    ref_lens_.resize(num_refs_ + 1);
  }
  uint8_t* ref = refs_.data() + num_refs_ * kMaxLength;
  std::memset(ref, kPadByte, kMaxLength);
  for (size_t i = 0; i < n; ++i) ref[i] = static_cast<uint8_t>(units[i]);
  ref_lens_[num_refs_++] = static_cast<uint8_t>(n);
  return true;
}

bool SuffixMatcher::CountMatches(const uint32_t* units, size_t n, int64_t* matches) {
  if (n > kMaxLength || !Available()) return false;
#if MTEVAL_SUFFIX_AVX2
  if (n == 0 || num_refs_ == 0) return true;  // nothing can match
  uint8_t hyp[kMaxLength];
  std::memset(hyp, kPadByte, kMaxLength);
  for (size_t i = 0; i < n; ++i) hyp[i] = static_cast<uint8_t>(std::min<uint32_t>(units[i], kUnknownByte));
  const size_t order = static_cast<size_t>(max_order_);
  if (order <= 4) {
    // Orders 1-4 are always counted; only the first `order` are added.
    int64_t found[4];
    if (num_refs_ == 1) {
      kOneRefUpTo4[Chunks(ref_lens_[0]) - 1][Chunks(n) - 1](refs_.data(), hyp, n, found);
    } else {
      for (size_t r = 0; r < num_refs_; ++r) {
        kRefPassUpTo4[Chunks(ref_lens_[r]) - 1](refs_.data() + r * kMaxLength, hyp, n, r == 0, ref_max_.data());
      }
      kSelfPassUpTo4[Chunks(n) - 1](hyp, n, ref_max_.data(), found);
    }
    for (size_t m = 0; m < order; ++m) matches[m] += found[m];
    return true;
  }
  for (size_t r = 0; r < num_refs_; ++r) {
    kRefPass[Chunks(ref_lens_[r]) - 1](refs_.data() + r * kMaxLength, hyp, n, order, r == 0, ref_max_.data());
  }
  kSelfPass[Chunks(n) - 1](hyp, n, order, ref_max_.data(), matches);
#else
  (void)units;
  (void)matches;
#endif
  return true;
}

}  // namespace mteval
