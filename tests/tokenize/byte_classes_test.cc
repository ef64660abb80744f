// The SSE2 and AVX2 byte classifiers must give exactly the bitmaps of the
// byte-at-a-time reference, for every short string over an alphabet of the
// classes they distinguish (including multi-byte spaces, their near misses,
// and sequences that straddle the 16- and 32-byte blocks and the padded
// tail).

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "text/python_str.h"
#include "tokenize/byte_classes.h"

namespace mteval {
namespace {

// check_words: also compare the word walk with str.split() (valid UTF-8 only).
void CheckSame(const std::string& s, bool check_words = true) {
  // Sized exactly (as the reference sizes its own): the comparison is of
  // whole vectors.
  const size_t words = ByteClassWords(s.size());
  std::vector<uint64_t> a_space(words), a_special(words), b_space, b_special;
  ClassifyBytesReference(s.data(), s.size(), &b_space, &b_special);
  ClassifyBytesSse2(s.data(), s.size(), &a_space, &a_special);
  if (a_space != b_space || a_special != b_special) FAIL("SSE2 bitmaps differ for a string of " << s.size() << " bytes");
  if (ClassifyBytesAvx2(s.data(), s.size(), &a_space, &a_special) && (a_space != b_space || a_special != b_special)) {
    FAIL("AVX2 bitmaps differ for a string of " << s.size() << " bytes");
  }
  ClassifyBytes(s.data(), s.size(), &a_space, &a_special);
  if (a_space != b_space || a_special != b_special) FAIL("bitmaps differ for a string of " << s.size() << " bytes");
  if (!check_words) return;
  // The word walk over the bitmap gives str.split()'s words.
  std::vector<std::string_view> walked, split;
  ForEachWord(a_space.data(), s.size(), [&](size_t b, size_t e) { walked.push_back(std::string_view(s).substr(b, e - b)); });
  ForEachPyWord(s, [&](std::string_view w) { split.push_back(w); });
  if (walked != split) FAIL("ForEachWord differs from str.split() for a string of " << s.size() << " bytes");
}

const std::vector<std::string>& Alphabet() {
  static const std::vector<std::string> a = {
      "a", ".", "(", " ", "\t", "\x1C", "'",
      "\xC2\xA0",          // U+00A0, a space
      "\xC2\xA9",          // U+00A9, not one
      "\xE2\x80\x83",      // U+2003, a space
      "\xE2\x80\xA9",      // U+2029, a space
      "\xE2\x80\x9C",      // U+201C, a quote
      "\xE2\x81\x9F",      // U+205F, a space
      "\xE3\x80\x80",      // U+3000, a space
      "\xE3\x80\x82",      // U+3002, not one
      "\xE1\x9A\x80",      // U+1680, a space
  };
  return a;
}

// Up to max_pieces - 1 random pieces of the alphabet.
std::string RandomString(std::mt19937& rng, size_t max_pieces) {
  const auto& alphabet = Alphabet();
  std::string s;
  const size_t pieces = rng() % max_pieces;
  for (size_t i = 0; i < pieces; ++i) s += alphabet[rng() % alphabet.size()];
  return s;
}

}  // namespace

TEST_CASE("ClassifyBytes equals the reference on all short strings", "[tokenize]") {
  const auto& alphabet = Alphabet();
  std::vector<size_t> idx;
  size_t checked = 0;
  for (size_t len = 0; len <= 4; ++len) {
    idx.assign(len, 0);
    for (;;) {
      std::string s;
      for (size_t i : idx) s += alphabet[i];
      CheckSame(s);
      // The same string at every offset of a 32-byte block.
      for (size_t pad = 1; pad < 36; ++pad) CheckSame(std::string(pad, 'x') + s);
      ++checked;
      size_t k = 0;
      while (k < len && ++idx[k] == alphabet.size()) idx[k++] = 0;
      if (k == len) break;
    }
  }
  CHECK(checked == 1 + 16 + 256 + 4096 + 65536);
}

TEST_CASE("ClassifyBytes and ForEachWord at every length around the 64-byte blocks", "[tokenize]") {
  for (size_t n = 0; n <= 200; ++n) {
    for (const char* unit : {"a", " ", "ab ", "\xE3\x80\x80"}) {
      std::string s;
      while (s.size() < n) s += unit;
      CheckSame(s);
      CheckSame("  " + s);
    }
  }
}

TEST_CASE("ClassifyBytes equals the reference on long random strings", "[tokenize]") {
  std::mt19937 rng(12345);
  for (int trial = 0; trial < 2000; ++trial) {
    CheckSame(RandomString(rng, 200));
  }
}

TEST_CASE("ClassifyBytes into reused bitmaps full of stale bits", "[tokenize]") {
  // The scanners keep their bitmaps from line to line: whatever a longer
  // line left must not show. Space bits above n are unspecified; every
  // special bit above n must be zero.
  std::mt19937 rng(99);
  for (int trial = 0; trial < 2000; ++trial) {
    const std::string s = RandomString(rng, 100);
    const size_t n = s.size(), words = ByteClassWords(n);
    std::vector<uint64_t> ref_space, ref_special;
    ClassifyBytesReference(s.data(), n, &ref_space, &ref_special);
    for (bool avx2 : {false, true}) {
      std::vector<uint64_t> space(words + 3, ~uint64_t{0}), special(words + 3, ~uint64_t{0});
      if (avx2) {
        if (!ClassifyBytesAvx2(s.data(), n, &space, &special)) continue;
      } else {
        ClassifyBytesSse2(s.data(), n, &space, &special);
      }
      for (size_t w = 0; w < words; ++w) {
        const uint64_t known = w < n / 64 ? ~uint64_t{0} : w == n / 64 ? ~uint64_t{0} >> (63 - n % 64) : 0;
        if ((space[w] & known) != (ref_space[w] & known) || special[w] != ref_special[w]) {
          FAIL((avx2 ? "AVX2" : "SSE2") << ": word " << w << " differs for a string of " << n << " bytes");
        }
      }
    }
  }
}

TEST_CASE("ContainsAnyOf3 equals find_first_of", "[tokenize]") {
  // Every length around the 16-byte blocks, each of the bytes (and none) at
  // every position, with target sets that include the bytes used as padding.
  for (const std::string& set : {std::string("<&\n"), std::string("\0\1\2", 3), std::string("\1\2\3", 3)}) {
    for (size_t n = 0; n <= 40; ++n) {
      for (size_t at = 0; at <= n; ++at) {
        for (char c : {'x', set[0], set[1], set[2], '\0', '\3', '\4'}) {
          std::string s(n, 'x');
          if (at < n) s[at] = c;
          const bool want = std::string_view(s).find_first_of(set) != std::string_view::npos;
          if (ContainsAnyOf3(s.data(), s.size(), set[0], set[1], set[2]) != want) {
            FAIL("length " << n << ", byte " << int(c) << " at " << at);
          }
        }
      }
    }
  }
}

TEST_CASE("AnyBitInRange", "[tokenize]") {
  std::vector<uint64_t> bits(3, 0);
  bits[0] = uint64_t{1} << 5;
  bits[1] = uint64_t{1} << 63;
  CHECK(AnyBitInRange(bits.data(), 0, 5) == false);
  CHECK(AnyBitInRange(bits.data(), 0, 6) == true);
  CHECK(AnyBitInRange(bits.data(), 6, 127) == false);
  CHECK(AnyBitInRange(bits.data(), 6, 128) == true);
  CHECK(AnyBitInRange(bits.data(), 10, 10) == false);
}

TEST_CASE("ForEachBitInRange visits the set bits of the range in order", "[tokenize]") {
  // Every range of a 3-word bitmap against a bit-by-bit scan.
  const std::vector<uint64_t> bits = {0x8000000000000021ULL, 0x1ULL | (uint64_t{1} << 40), 0x8000000000000000ULL};
  for (size_t b = 0; b <= 192; ++b) {
    for (size_t e = b; e <= 192; ++e) {
      std::vector<size_t> got, want;
      ForEachBitInRange(bits.data(), b, e, [&](size_t i) { got.push_back(i); });
      for (size_t i = b; i < e; ++i) {
        if ((bits[i >> 6] >> (i & 63)) & 1) want.push_back(i);
      }
      if (got != want) FAIL("range [" << b << ", " << e << ")");
    }
  }
  std::vector<size_t> all;
  ForEachBitInRange(bits.data(), 0, 192, [&](size_t i) { all.push_back(i); });
  CHECK(all == std::vector<size_t>{0, 5, 63, 64, 104, 191});
}

TEST_CASE("ClassifyBytes equals the reference for every byte value at every block offset", "[tokenize]") {
  // The SSE2 ranges and the AVX2 nibble tables against Is13aSpecialByte
  // and IsPySpace, byte by byte (the alphabet above has only a few of the
  // punctuation characters), and every non-ASCII byte value too (alone,
  // so not valid UTF-8: only the bitmaps are compared then).
  for (int c = 1; c < 0x100; ++c) {
    for (size_t pad = 0; pad < 36; ++pad) CheckSame(std::string(pad, 'x') + static_cast<char>(c) + "y", c < 0x80);
  }
  CHECK(Is13aSpecialByte('.'));
  CHECK(Is13aSpecialByte('/'));
  CHECK_FALSE(Is13aSpecialByte('\''));
  CHECK_FALSE(Is13aSpecialByte(' '));
  CHECK(Is13aRule1Byte(' '));
}

}  // namespace mteval
