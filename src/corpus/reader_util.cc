#include "corpus/reader_util.h"

#include <algorithm>

#include <mteval/error.h>
#include "text/utf8.h"

namespace mteval {

std::string_view SkipUtf8Bom(std::string_view content) {
  return content.substr(content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0);
}

TextPosition PositionAt(std::string_view content, size_t offset) {
  TextPosition pos;
  if (offset > content.size()) offset = content.size();
  for (size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(content[i]);
    if (c == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

LineIndex::LineIndex(std::string_view content) {
  for (size_t at = content.find('\n'); at != std::string_view::npos; at = content.find('\n', at + 1)) {
    newlines_.push_back(at);
  }
}

size_t LineIndex::LineAt(size_t offset) const {
  return 1 + static_cast<size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), offset) - newlines_.begin());
}

std::string DescribePosition(const std::string& name, std::string_view content, size_t offset) {
  TextPosition p = PositionAt(content, offset);
  return name + ": line " + std::to_string(p.line) + ", column " + std::to_string(p.column);
}

void CheckUtf8(std::string_view content, const std::string& name) {
  size_t bad = FindInvalidUtf8(content);
  if (bad < content.size()) {
    throw Error(ErrorKind::kInput, DescribePosition(name, content, bad) + " (byte " + std::to_string(bad) +
                                       "): invalid UTF-8; " + Utf8ConversionAdvice(content));
  }
}

}  // namespace mteval
