#pragma once
// Python `str` semantics that sacreBLEU's numbers depend on: which code points
// `str.isspace()` accepts, and `split()`, `strip()` and `rstrip()` without
// arguments. Python's whitespace set differs from Unicode's White_Space
// property (it includes U+001C..U+001F and excludes U+180E), so it is spelled
// out here rather than taken from ICU.

#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace mteval {

// True for exactly the code points for which Python's str.isspace() is true.
constexpr bool IsPySpace(char32_t c) {
  if (c < 0x80) return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20);
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Byte length of the Python-whitespace character at p (< end), or 0 when the
// character there is not whitespace. Valid UTF-8 assumed.
inline size_t PySpaceLengthAt(const char* p, const char* end) {
  auto c = static_cast<unsigned char>(*p);
  if (c < 0x80) return IsPySpace(c) ? 1 : 0;
  // Only 0xC2, 0xE1, 0xE2 and 0xE3 lead bytes can start a non-ASCII space.
  if (c != 0xC2 && c != 0xE1 && c != 0xE2 && c != 0xE3) return 0;
  const char* q = p;
  size_t len = Utf8SequenceLength(c);
  if (p + len > end) return 0;
  return IsPySpace(DecodeUtf8(q)) ? len : 0;
}

// str.rstrip(), str.lstrip() and str.strip() with no arguments.
std::string_view PyRstrip(std::string_view s);
std::string_view PyLstrip(std::string_view s);
inline std::string_view PyStrip(std::string_view s) { return PyLstrip(PyRstrip(s)); }

// Calls f(std::string_view word) for each item of str.split() with no arguments.
template <typename F>
void ForEachPyWord(std::string_view s, F&& f) {
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    size_t ws;
    while (p < end && (ws = PySpaceLengthAt(p, end)) != 0) p += ws;
    if (p >= end) break;
    const char* start = p;
    while (p < end && PySpaceLengthAt(p, end) == 0) p += Utf8SequenceLength(static_cast<unsigned char>(*p));
    f(std::string_view(start, static_cast<size_t>(p - start)));
  }
}

// str.split() with no arguments.
std::vector<std::string_view> PySplit(std::string_view s);

// ' '.join(s.split()): whitespace runs collapsed to one space, ends trimmed.
std::string PyNormalizeSpaces(std::string_view s);

}  // namespace mteval
