#pragma once
// Helpers shared by the corpus readers: positions in a file for error
// messages, and the common checks every reader applies to its input.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// `content` without a leading UTF-8 byte-order mark (spreadsheet programs
// write one: Excel's "CSV UTF-8", for instance).
std::string_view SkipUtf8Bom(std::string_view content);

// 1-based line and column (columns count code points) of byte `offset`.
struct TextPosition {
  size_t line = 1;
  size_t column = 1;
};
TextPosition PositionAt(std::string_view content, size_t offset);

// Line numbers of many byte offsets of one text: the newline positions are
// found once, then each lookup is a binary search (PositionAt counts from the
// start of the text each time, which is fine for one error message but
// quadratic for a reader that records the line of every entry).
class LineIndex {
 public:
  explicit LineIndex(std::string_view content);
  // 1-based line of byte `offset` (offsets past the end give the last line).
  size_t LineAt(size_t offset) const;

 private:
  std::vector<size_t> newlines_;  // offsets of '\n', ascending
};

// "NAME: line L, column C" for byte `offset` of `content`.
std::string DescribePosition(const std::string& name, std::string_view content, size_t offset);

// Throws Error(kInput) naming the line and column of the first invalid UTF-8
// byte of `content`, if any.
void CheckUtf8(std::string_view content, const std::string& name);

}  // namespace mteval
