// Python str semantics: isspace, split, rstrip, lower. Expected values were
// produced with CPython 3.11 and are test data.

#include <catch2/catch.hpp>

#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {

TEST_CASE("IsPySpace accepts exactly Python's whitespace", "[text]") {
  const char32_t expected[] = {0x9,    0xa,    0xb,    0xc,    0xd,    0x1c,   0x1d,   0x1e,   0x1f,   0x20,
                               0x85,   0xa0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
                               0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000};
  std::vector<char32_t> got;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (IsPySpace(c)) got.push_back(c);
  }
  CHECK(got == std::vector<char32_t>(std::begin(expected), std::end(expected)));
  CHECK_FALSE(IsPySpace(0x180E));  // Mongolian vowel separator: not since Unicode 6.3
  CHECK_FALSE(IsPySpace(0x200B));  // zero width space
  CHECK_FALSE(IsPySpace(0xFEFF));  // BOM
}

TEST_CASE("PySplit and PyRstrip use Unicode whitespace", "[text]") {
  // 'a\u00a0b\u2003c\u180ed\x1ce'.split() == ['a', 'b', 'c\u180ed', 'e']
  auto words = PySplit("a\xC2\xA0" "b\xE2\x80\x83" "c\xE1\xA0\x8E" "d\x1C" "e");
  REQUIRE(words.size() == 4);
  CHECK(words[0] == "a");
  CHECK(words[2] == "c\xE1\xA0\x8E" "d");
  CHECK(words[3] == "e");
  CHECK(PySplit("").empty());
  CHECK(PySplit(" \t\n").empty());
  CHECK(PyRstrip("abc \t\r\xE3\x80\x80") == "abc");  // ideographic space stripped
  CHECK(PyRstrip("abc\xE2\x80\x8B") == "abc\xE2\x80\x8B");  // ZWSP kept
  CHECK(PyRstrip("\xC2\xA0") == "");
  CHECK(PyStrip("  x y  ") == "x y");
  CHECK(PyNormalizeSpaces(" a  b\xC2\xA0" "c ") == "a b c");
}

TEST_CASE("PyLower follows Python's str.lower()", "[text]") {
  CHECK(PyLower("ABC def") == "abc def");
  CHECK(PyLower("\xC4\xB0stanbul") == "i\xCC\x87stanbul");  // İ -> i + combining dot above
  // Final sigma: 'ΟΔΟΣ ΟΔΟΣ.'.lower() == 'οδος οδος.'
  CHECK(PyLower("\xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3 \xCE\x9F\xCE\x94\xCE\x9F\xCE\xA3.") ==
        "\xce\xbf\xce\xb4\xce\xbf\xcf\x82 \xce\xbf\xce\xb4\xce\xbf\xcf\x82.");
  CHECK(PyLower("\xCE\xA3") == "\xCF\x83");  // a lone sigma is not final
  CHECK(PyLower("\xCE\x91\xCE\xA3-\xCE\xA3") == "\xce\xb1\xcf\x82-\xcf\x83");
  CHECK(PyLower("\xE1\xBA\x9E stra\xC3\x9F" "e") == "\xC3\x9F stra\xC3\x9F" "e");  // ẞ -> ß
  CHECK(PyLower("\xC7\x85") == "\xC7\x86");  // titlecase digraph
}

TEST_CASE("PyLower is idempotent on every code point, as Python's str.lower() is", "[text]") {
  // TER's second tokenization of a reference skips lowercasing again on the
  // strength of this (checked for Python 3.11 / Unicode 14 too: no code
  // point c has c.lower().lower() != c.lower()).
  size_t checked = 0;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c < 0xE000) continue;
    std::string s = "A";  // after a cased letter, so final sigma applies at the end
    AppendUtf8(c, &s);
    s += "x";  // not at the end of a word ...
    const std::string once = PyLower(s);
    if (PyLower(once) != once) FAIL_CHECK("U+" << std::hex << static_cast<uint32_t>(c));
    s.resize(s.size() - 1);  // ... and at the end
    const std::string end = PyLower(s);
    if (PyLower(end) != end) FAIL_CHECK("U+" << std::hex << static_cast<uint32_t>(c) << " at the end");
    ++checked;
  }
  CHECK(checked == 0x110000 - 0x800);
}

TEST_CASE("FindInvalidUtf8 rejects what Python's codec rejects", "[text]") {
  CHECK(FindInvalidUtf8("plain ascii") == std::string_view::npos);
  CHECK(FindInvalidUtf8("caf\xC3\xA9 \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(FindInvalidUtf8("ab\xFF") == 2);
  CHECK(FindInvalidUtf8("\xC0\xAF") == 0);           // overlong '/'
  CHECK(FindInvalidUtf8("x\xED\xA0\x80") == 1);      // surrogate U+D800
  CHECK(FindInvalidUtf8("\xF4\x90\x80\x80") == 0);   // above U+10FFFF
  CHECK(FindInvalidUtf8("abc\xE4\xB8") == 3);        // truncated
  CHECK(FindInvalidUtf8("12345678\x80") == 8);       // stray continuation after the fast path
  CHECK(CountCodePoints("a\xC3\xA9\xE4\xB8\xAD") == 3);
}


namespace {

// The validator as a plain byte-at-a-time reference (Python's strict UTF-8:
// no overlongs, no surrogates, nothing above U+10FFFF), for the
// differential test below: the result is the offset of the first byte of
// the first invalid sequence.
size_t ReferenceFindInvalidUtf8(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  for (size_t i = 0; i < n;) {
    const unsigned c = u[i];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) {
      len = 1;
    } else if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      lo = c == 0xE0 ? 0xA0 : 0x80;
      hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      lo = c == 0xF0 ? 0x90 : 0x80;
      hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      const unsigned b = u[i + k];
      if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

}  // namespace

TEST_CASE("FindInvalidUtf8 agrees with a byte-at-a-time reference everywhere", "[text][utf8]") {
  // Every string of up to 4 bytes from the bytes that matter for UTF-8
  // (boundaries of every lead and continuation range), placed at offsets
  // around the 16-byte blocks of the vectorised ASCII scan, inside ASCII
  // padding and after Chinese text.
  const unsigned char kBytes[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
                                  0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
  const size_t kNum = sizeof kBytes;
  const std::string prefixes[] = {"", "abc", std::string(15, 'a'), std::string(16, 'a'), std::string(29, 'a'),
                                  "\xE4\xB8\xAD\xE6\x96\x87", std::string(14, 'a') + "\xE4\xB8\xAD"};
  size_t checked = 0, mismatches = 0;
  std::string body;
  for (size_t len = 1; len <= 4; ++len) {
    size_t total = 1;
    for (size_t k = 0; k < len; ++k) total *= kNum;
    for (size_t code = 0; code < total; ++code) {
      body.clear();
      for (size_t k = 0, c = code; k < len; ++k, c /= kNum) body.push_back(static_cast<char>(kBytes[c % kNum]));
      for (const std::string& prefix : prefixes) {
        for (const char* suffix : {"", "0123456789abcdefghij"}) {
          const std::string s = prefix + body + suffix;
          ++checked;
          if (FindInvalidUtf8(s) != ReferenceFindInvalidUtf8(s)) {
            if (++mismatches <= 5) FAIL_CHECK("mismatch on a string of " << s.size() << " bytes, body code " << code);
          }
        }
      }
    }
  }
  CHECK(mismatches == 0);
  CHECK(checked > 5000000);
  // Every single code point, encoded, is valid; every surrogate is not.
  std::string all;
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    AppendUtf8(cp, &all);
  }
  CHECK(FindInvalidUtf8(all) == std::string_view::npos);
  CHECK(FindInvalidUtf8(all) == ReferenceFindInvalidUtf8(all));
}

TEST_CASE("PyRstrip drops a final character exactly when Python calls it whitespace", "[text]") {
  std::string line;
  for (char32_t c = 0; c < 0x110000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    line = "a";
    AppendUtf8(c, &line);
    const std::string_view kept = PyRstrip(line);
    if (IsPySpace(c) ? kept != "a" : kept != line) FAIL("U+" << std::hex << static_cast<uint32_t>(c));
  }
}

}  // namespace mteval
