#pragma once
// UTF-8 decoding, encoding and validation. Inputs are validated once when they
// are read (corpus/), so the decoding helpers here assume valid UTF-8.

#include <cstddef>
#include <string>
#include <string_view>

namespace mteval {

// Returns the byte offset of the first byte that does not start or continue a
// well-formed UTF-8 sequence (as Python's strict 'utf-8' codec decides:
// no overlongs, no surrogates, nothing above U+10FFFF), or npos when valid.
size_t FindInvalidUtf8(std::string_view s);

// What an invalid-UTF-8 error advises, given the first bytes of the file:
// a file that starts with a UTF-16 byte-order mark is named UTF-16, with the
// iconv command that converts it; anything else gets the advice to convert
// it to UTF-8 (e.g. from Latin-1). Starts with "convert".
std::string Utf8ConversionAdvice(std::string_view file_start);

// Number of bytes of the sequence that starts with `lead` (1 for ASCII and
// for stray continuation bytes, so loops always advance).
inline size_t Utf8SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Decodes the code point at `p` (valid UTF-8 assumed) and advances `p`.
inline char32_t DecodeUtf8(const char*& p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  unsigned char c = u[0];
  if (c < 0x80) {
    p += 1;
    return c;
  }
  if (c < 0xE0) {
    p += 2;
    return (char32_t(c & 0x1F) << 6) | (u[1] & 0x3F);
  }
  if (c < 0xF0) {
    p += 3;
    return (char32_t(c & 0x0F) << 12) | (char32_t(u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  }
  p += 4;
  return (char32_t(c & 0x07) << 18) | (char32_t(u[1] & 0x3F) << 12) |
         (char32_t(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in valid UTF-8 text.
size_t CountCodePoints(std::string_view s);

}  // namespace mteval
