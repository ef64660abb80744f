#include "text/python_str.h"

namespace mteval {

std::string_view PyRstrip(std::string_view s) {
  // Most lines end in a printable ASCII character, which is never
  // whitespace; nothing to decode then.
  if (!s.empty() && static_cast<unsigned char>(s.back()) > 0x20 && static_cast<unsigned char>(s.back()) < 0x80) {
    return s;
  }
  // Walk back over whole code points: find the start of the last one, test it.
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (PySpaceLengthAt(s.data() + start, s.data() + end) == 0) break;
    end = start;
  }
  return s.substr(0, end);
}

std::string_view PyLstrip(std::string_view s) {
  size_t i = 0;
  size_t ws;
  while (i < s.size() && (ws = PySpaceLengthAt(s.data() + i, s.data() + s.size())) != 0) i += ws;
  return s.substr(i);
}

std::vector<std::string_view> PySplit(std::string_view s) {
  std::vector<std::string_view> words;
  ForEachPyWord(s, [&](std::string_view w) { words.push_back(w); });
  return words;
}

std::string PyNormalizeSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachPyWord(s, [&](std::string_view w) {
    if (!out.empty()) out.push_back(' ');
    out.append(w);
  });
  return out;
}

}  // namespace mteval
