#pragma once
// Bitmaps of the bytes of a line that the 13a/zh punctuation rules care
// about, so that the word scanner can jump from word to word with bit
// operations instead of inspecting every byte.
//
// Contract, for a line of n bytes (valid UTF-8):
//  - space bit i is set iff byte i belongs to a Python whitespace character
//    (str.isspace(): ASCII 09-0D, 1C-20 and the non-ASCII ones, every byte of
//    the multi-byte sequence); bit n is also set, as an end sentinel;
//  - special bit i is set iff byte i is ASCII punctuation that some 13a rule
//    reacts to: rule 1's class, '.', ',' or '-';
//  - bits above n (of the first ByteClassWords(n) words) are zero in
//    `special`; in `space` they are unspecified.
// Both vectors are grown to at least ByteClassWords(n) words (never shrunk);
// stale words from a longer line need no clearing by the caller.
// The SSE2 version and the byte-at-a-time reference give identical bitmaps
// (checked by tests on all short strings of a relevant alphabet).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mteval {

inline size_t ByteClassWords(size_t n) { return n / 64 + 2; }

void ClassifyBytes(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special);

// Byte-at-a-time version with the same contract, the reference for tests.
void ClassifyBytesReference(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special);

// The two vectorised versions ClassifyBytes chooses between, for tests:
// 16 bytes at a time with SSE2 ranges (the reference itself without SSE2),
// and 32 at a time with AVX2 nibble look-ups, which does nothing and
// returns false on a CPU without AVX2.
void ClassifyBytesSse2(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special);
bool ClassifyBytesAvx2(const char* s, size_t n, std::vector<uint64_t>* space, std::vector<uint64_t>* special);

// True when any of the n bytes at s is a, b or c: one vectorised pass, for
// short lines cheaper than three memchr calls.
bool ContainsAnyOf3(const char* s, size_t n, char a, char b, char c);

// Rule 1's character class of the 13a rules ("[\{-\~\[-\` -\&\(-\+\:-\@\/]"):
// { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
constexpr bool Is13aRule1Byte(unsigned char c) {
  return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') || (c >= '(' && c <= '+') ||
         (c >= ':' && c <= '@') || c == '/';
}

// True when byte `c` is punctuation that some 13a rule reacts to: rule 1's
// class (less the space, which separates words) and the '.', ',' and '-' of
// rules 2-4.
constexpr bool Is13aSpecialByte(unsigned char c) {
  return (Is13aRule1Byte(c) && c != ' ') || c == '.' || c == ',' || c == '-';
}

// Bit i of a bitmap of uint64 words (bit i % 64 of word i / 64).
inline bool TestBit(const uint64_t* bits, size_t i) { return (bits[i >> 6] >> (i & 63)) & 1; }
inline void SetBit(uint64_t* bits, size_t i) { bits[i >> 6] |= uint64_t{1} << (i & 63); }

// True when any bit in [begin, end) is set.
inline bool AnyBitInRange(const uint64_t* bits, size_t begin, size_t end) {
  if (begin >= end) return false;
  size_t wb = begin >> 6, we = (end - 1) >> 6;
  uint64_t first = ~uint64_t{0} << (begin & 63);
  uint64_t last = ~uint64_t{0} >> (63 - ((end - 1) & 63));
  if (wb == we) return (bits[wb] & first & last) != 0;
  if (bits[wb] & first) return true;
  for (size_t w = wb + 1; w < we; ++w) {
    if (bits[w]) return true;
  }
  return (bits[we] & last) != 0;
}

// Calls f(i) for each set bit i in [begin, end), in increasing order.
template <typename F>
void ForEachBitInRange(const uint64_t* bits, size_t begin, size_t end, F&& f) {
  if (begin >= end) return;
  const size_t wb = begin >> 6, we = (end - 1) >> 6;
  for (size_t w = wb; w <= we; ++w) {
    uint64_t x = bits[w];
    if (w == wb) x &= ~uint64_t{0} << (begin & 63);
    if (w == we) x &= ~uint64_t{0} >> (63 - ((end - 1) & 63));
    while (x) {
      f((w << 6) + static_cast<size_t>(__builtin_ctzll(x)));
      x &= x - 1;
    }
  }
}

// Calls f(begin, end) for each maximal run of non-space bytes of a line of n
// bytes, given its space bitmap (ClassifyBytes's contract: bit n is set).
// Word starts (non-space after space) and ends (space after non-space)
// alternate, so walking their union visits each word's start, then its end;
// a virtual space precedes the line.
template <typename F>
void ForEachWord(const uint64_t* space, size_t n, F&& f) {
  const size_t last_block = n >> 6;
  uint64_t carry = 1;  // was the byte before this block a space?
  size_t start = 0;
  for (size_t b = 0; b <= last_block; ++b) {
    const uint64_t sp = space[b];
    const uint64_t before = (sp << 1) | carry;
    carry = sp >> 63;
    uint64_t events = (~sp & before) | (sp & ~before);
    // Past bit n there are only starts without ends; drop them anyway.
    if (b == last_block) events &= ~uint64_t{0} >> (63 - (n & 63));
    while (events) {
      const size_t pos = (b << 6) + static_cast<size_t>(__builtin_ctzll(events));
      events &= events - 1;
      if ((sp >> (pos & 63)) & 1) {
        f(start, pos);
      } else {
        start = pos;
      }
    }
  }
}

}  // namespace mteval
