#include "tokenize/byte_classes.h"

#include <cstring>
#include <utility>

#include "common/cpu_features.h"
#include "text/python_str.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define MTEVAL_BYTE_CLASSES_AVX2 1
#else
#define MTEVAL_BYTE_CLASSES_AVX2 0
#endif

namespace mteval {
namespace {

// Fills the `words` words of both bitmaps of a line of n bytes, calling
// word(p, &carry, &space, &special) for each 64 bytes (which reads p[0..65]
// and passes on in `carry` the space bits spilled past the word). Whole
// words are written, so the bitmaps need no clearing first. The rest of the
// line (under 66 bytes) comes from a zero-padded copy: zero bytes are
// neither class and never continue a multi-byte space; words past the line
// are zero but for the carry. Always inlined, so that the vectorised
// callers' `word` is inlined with their instruction set.
template <typename Word>
__attribute__((always_inline)) inline void ClassifyLine(const char* s, size_t n, uint64_t* sp, uint64_t* pc,
                                                        size_t words, Word&& word) {
  uint64_t carry = 0;
  size_t w = 0;
  for (; 64 * w + 66 <= n; ++w) word(s + 64 * w, &carry, &sp[w], &pc[w]);
  const size_t rest = n - 64 * w;
  alignas(32) char buf[2 * 64 + 2] = {};
  std::memcpy(buf, s + 64 * w, rest);
  for (size_t k = 0; w < words; ++w, ++k) {
    if (64 * k < rest) {
      word(buf + 64 * k, &carry, &sp[w], &pc[w]);
    } else {
      sp[w] = carry;
      pc[w] = 0;
      carry = 0;
    }
  }
}

}  // namespace

void ClassifyBytesReference(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special) {
  const size_t words = ByteClassWords(n);
  space->assign(words, 0);
  special->assign(words, 0);
  for (size_t i = 0; i < n;) {
    const size_t ws = PySpaceLengthAt(s + i, s + n);
    if (ws) {
      for (size_t k = 0; k < ws; ++k) SetBit(space->data(), i + k);
      i += ws;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && Is13aSpecialByte(c)) SetBit(special->data(), i);
    ++i;
  }
  SetBit(space->data(), n);
}

#if defined(__SSE2__)
namespace {

// Bytes x with lo <= x <= hi (unsigned), as 0xFF lanes.
inline __m128i InRange(__m128i x, unsigned char lo, unsigned char hi) {
  const __m128i t = _mm_sub_epi8(x, _mm_set1_epi8(static_cast<char>(lo)));
  return _mm_cmpeq_epi8(_mm_subs_epu8(t, _mm_set1_epi8(static_cast<char>(hi - lo))), _mm_setzero_si128());
}

inline __m128i Eq(__m128i x, unsigned char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(static_cast<char>(c))); }

inline uint32_t Mask(__m128i x) { return static_cast<uint32_t>(_mm_movemask_epi8(x)); }

// Whether any of the 16 bytes b0 can start a non-ASCII space: C2, E1, E2
// or E3 (most blocks have none).
inline bool MayHaveMultiByteSpace(__m128i b0) {
  return Mask(_mm_or_si128(Eq(b0, 0xC2), InRange(b0, 0xE1, 0xE3))) != 0;
}

// The bytes of the non-ASCII spaces that start in the 16 bytes at p
// (reading p[0..17]): bits 16 and 17 are the continuation bytes of a space
// that starts near the end of the block.
inline uint32_t MultiByteSpaceBits(const char* p) {
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i b1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
  const __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  // U+0085, U+00A0.
  const __m128i two = _mm_and_si128(Eq(b0, 0xC2), _mm_or_si128(Eq(b1, 0x85), Eq(b1, 0xA0)));
  // U+1680.
  const __m128i e1 = _mm_and_si128(_mm_and_si128(Eq(b0, 0xE1), Eq(b1, 0x9A)), Eq(b2, 0x80));
  // U+2000..U+200A, U+2028, U+2029, U+202F.
  const __m128i e2a = _mm_and_si128(
      _mm_and_si128(Eq(b0, 0xE2), Eq(b1, 0x80)),
      _mm_or_si128(_mm_or_si128(InRange(b2, 0x80, 0x8A), InRange(b2, 0xA8, 0xA9)), Eq(b2, 0xAF)));
  // U+205F.
  const __m128i e2b = _mm_and_si128(_mm_and_si128(Eq(b0, 0xE2), Eq(b1, 0x81)), Eq(b2, 0x9F));
  // U+3000.
  const __m128i e3 = _mm_and_si128(_mm_and_si128(Eq(b0, 0xE3), Eq(b1, 0x80)), Eq(b2, 0x80));
  const uint32_t m2 = Mask(two);
  const uint32_t m3 = Mask(_mm_or_si128(_mm_or_si128(e1, e2a), _mm_or_si128(e2b, e3)));
  return m2 | (m2 << 1) | m3 | (m3 << 1) | (m3 << 2);
}

// Classifies the 16 bytes at p, reading p[0..17] (two bytes of lookahead for
// multi-byte spaces). Space bits may reach bits 16 and 17: the continuation
// bytes of a space that starts near the end of the block.
inline void ClassifyBlock(const char* p, uint32_t* space, uint32_t* special) {
  const __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  uint32_t sp = Mask(_mm_or_si128(InRange(b0, 0x09, 0x0D), InRange(b0, 0x1C, 0x20)));
  const __m128i punct = _mm_or_si128(
      _mm_or_si128(_mm_or_si128(InRange(b0, 0x21, 0x26), InRange(b0, 0x28, 0x2F)), InRange(b0, 0x3A, 0x40)),
      _mm_or_si128(InRange(b0, 0x5B, 0x60), InRange(b0, 0x7B, 0x7E)));
  *special = Mask(punct);
  if (MayHaveMultiByteSpace(b0)) sp |= MultiByteSpaceBits(p);
  *space = sp;
}

// Classifies the 64 bytes at p (reading p[0..65]) into one word of each
// bitmap. `carry` holds the space bits that the previous word's last block
// spilled past it (a multi-byte space that starts in its last two bytes),
// and receives this word's spill.
inline void ClassifyWord(const char* p, uint64_t* carry, uint64_t* space, uint64_t* special) {
  uint64_t sp = *carry, pc = 0;
  uint32_t a, b;
  for (int j = 0; j < 4; ++j) {
    ClassifyBlock(p + 16 * j, &a, &b);
    sp |= uint64_t{a} << (16 * j);  // bits 16-17 of the last block fall off here
    pc |= uint64_t{b} << (16 * j);
  }
  *carry = a >> 16;
  *space = sp;
  *special = pc;
}

}  // namespace

void ClassifyBytesSse2(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special) {
  const size_t words = ByteClassWords(n);
  if (space->size() < words) space->resize(words);
  if (special->size() < words) special->resize(words);
  uint64_t* sp = space->data();
  ClassifyLine(s, n, sp, special->data(), words, ClassifyWord);
  SetBit(sp, n);
}

bool ContainsAnyOf3(const char* s, size_t n, char a, char b, char c) {
  const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
  auto any = [&](const char* p) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    return Mask(_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)), _mm_cmpeq_epi8(x, vc)));
  };
  size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    if (any(s + i)) return true;
  }
  if (i == n) return false;
  // The tail, in a copy padded with a byte that is none of the three.
  char tail[16];
  char pad = 0;  // of 0..3, one is none of the three
  while (pad == a || pad == b || pad == c) ++pad;
  std::memset(tail, pad, sizeof tail);
  std::memcpy(tail, s + i, n - i);
  return any(tail) != 0;
}
#else
bool ContainsAnyOf3(const char* s, size_t n, char a, char b, char c) {
  for (size_t i = 0; i < n; ++i) {
    if (s[i] == a || s[i] == b || s[i] == c) return true;
  }
  return false;
}

void ClassifyBytesSse2(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special) {
  ClassifyBytesReference(s, n, space, special);
}
#endif

#if MTEVAL_BYTE_CLASSES_AVX2
namespace {

#define MTEVAL_AVX2 __attribute__((target("avx2")))

// An ASCII byte's classes from two 16-entry tables, one indexed by its low
// nibble and one by its high nibble: each bit stands for a rectangle of
// (high, low) nibbles, and the byte is in it when both entries have the
// bit. Bits 0-2 cover the whitespace (09-0D, 1C-1F, 20), bits 3-7 the
// punctuation of Is13aSpecialByte (21-26 and 28-2F, 3A-3F, 40 and 60,
// 5B-5F, 7B-7E). High nibbles 8-F have no bits: non-ASCII bytes are neither.
struct NibbleRect {
  uint8_t bit;
  uint16_t high, low;  // sets of nibbles
};
constexpr NibbleRect kRects[] = {
    {0x01, 1 << 0x0, 0x3E00},                           // 09-0D: whitespace
    {0x02, 1 << 0x1, 0xF000},                           // 1C-1F: whitespace
    {0x04, 1 << 0x2, 0x0001},                           // 20: whitespace
    {0x08, 1 << 0x2, 0xFF7E},                           // 21-26, 28-2F
    {0x10, 1 << 0x3, 0xFC00},                           // 3A-3F
    {0x20, (1 << 0x4) | (1 << 0x6), 0x0001},            // 40, 60
    {0x40, 1 << 0x5, 0xF800},                           // 5B-5F
    {0x80, 1 << 0x7, 0x7800},                           // 7B-7E
};
constexpr uint8_t kSpaceBits = 0x07, kSpecialBits = 0xF8;

constexpr uint8_t NibbleTable(bool high, int nibble) {
  uint8_t bits = 0;
  for (const NibbleRect& r : kRects) {
    if (((high ? r.high : r.low) >> nibble) & 1) bits |= r.bit;
  }
  return bits;
}
constexpr uint8_t ByteBits(int c) { return c < 0x80 ? NibbleTable(true, c >> 4) & NibbleTable(false, c & 15) : 0; }
constexpr bool TablesAreExact() {
  for (int c = 0; c < 256; ++c) {
    const bool space = c == 0x20 || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    if (((ByteBits(c) & kSpaceBits) != 0) != space) return false;
    if (((ByteBits(c) & kSpecialBits) != 0) != (c < 0x80 && Is13aSpecialByte(static_cast<unsigned char>(c)))) {
      return false;
    }
  }
  return true;
}
static_assert(TablesAreExact(), "the nibble tables must give exactly the ASCII whitespace and the 13a punctuation");

template <bool kHigh, size_t... I>
MTEVAL_AVX2 inline __m256i Table(std::index_sequence<I...>) {
  return _mm256_setr_epi8(static_cast<char>(NibbleTable(kHigh, I % 16))...);
}

MTEVAL_AVX2 inline uint32_t Mask32(__m256i x) { return static_cast<uint32_t>(_mm256_movemask_epi8(x)); }

// Classifies the 32 bytes at p, reading p[0..33] (two bytes of lookahead for
// multi-byte spaces). Space bits may reach bits 32 and 33: the continuation
// bytes of a space that starts near the end of the block.
MTEVAL_AVX2 inline void ClassifyBlock32(const char* p, uint64_t* space, uint32_t* special) {
  const __m256i b0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
  const __m256i nibble = _mm256_set1_epi8(0x0F);
  const __m256i low = _mm256_and_si256(b0, nibble);
  // 16-bit shifts: the high byte's low bits land in the low byte's high
  // nibble, which the mask clears.
  const __m256i high = _mm256_and_si256(_mm256_srli_epi16(b0, 4), nibble);
  const __m256i bits = _mm256_and_si256(_mm256_shuffle_epi8(Table<false>(std::make_index_sequence<32>()), low),
                                        _mm256_shuffle_epi8(Table<true>(std::make_index_sequence<32>()), high));
  const __m256i zero = _mm256_setzero_si256();
  uint64_t sp = ~Mask32(_mm256_cmpeq_epi8(_mm256_and_si256(bits, _mm256_set1_epi8(kSpaceBits)), zero));
  *special = ~Mask32(_mm256_cmpeq_epi8(_mm256_and_si256(bits, _mm256_set1_epi8(static_cast<char>(kSpecialBits))), zero));
  // Non-ASCII bytes are rare in most text, and non-ASCII spaces rarer: their
  // bytes come from the SSE2 code, 16 bytes at a time.
  if (Mask32(b0) != 0) {
    const __m128i lo = _mm256_castsi256_si128(b0), hi = _mm256_extracti128_si256(b0, 1);
    if (MayHaveMultiByteSpace(lo)) sp |= MultiByteSpaceBits(p);
    if (MayHaveMultiByteSpace(hi)) sp |= uint64_t{MultiByteSpaceBits(p + 16)} << 16;
  }
  *space = sp;
}

// The 64 bytes at p (reading p[0..65]) into one word of each bitmap, with
// the carry of spilled space bits as in the SSE2 version.
MTEVAL_AVX2 inline void ClassifyWord64(const char* p, uint64_t* carry, uint64_t* space, uint64_t* special) {
  uint64_t s0, s1;
  uint32_t p0, p1;
  ClassifyBlock32(p, &s0, &p0);
  ClassifyBlock32(p + 32, &s1, &p1);
  *space = *carry | s0 | (s1 << 32);  // s0's spill lands in the second block; s1's falls off here
  *carry = s1 >> 32;
  *special = p0 | (uint64_t{p1} << 32);
}

MTEVAL_AVX2 void ClassifyBytesAvx2Impl(const char* s, size_t n, uint64_t* sp, uint64_t* pc, size_t words) {
  ClassifyLine(s, n, sp, pc, words, ClassifyWord64);
}

}  // namespace

bool ClassifyBytesAvx2(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special) {
  if (!internal::CpuHasAvx2()) return false;
  const size_t words = ByteClassWords(n);
  if (space->size() < words) space->resize(words);
  if (special->size() < words) special->resize(words);
  ClassifyBytesAvx2Impl(s, n, space->data(), special->data(), words);
  SetBit(space->data(), n);
  return true;
}
#else
bool ClassifyBytesAvx2(const char*, size_t, std::vector<uint64_t>*, std::vector<uint64_t>*) { return false; }
#endif

void ClassifyBytes(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special) {
  if (!ClassifyBytesAvx2(s, n, space, special)) ClassifyBytesSse2(s, n, space, special);
}

}  // namespace mteval
