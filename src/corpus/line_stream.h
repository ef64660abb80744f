#pragma once
// Reads a file one line at a time with exactly the semantics of ReadLines()
// (line_reader.h): strict UTF-8 with the same error message, '\n' line ends
// for files and universal newlines for standard input, Python rstrip of every
// line, a final line without '\n' counted, ".gz" decompressed. Memory is one
// 64 KiB buffer plus the current line, whatever the file size.

#include <cstdint>
#include <memory>
#include <string>

namespace mteval {

class InputReader;

class LineStream {
 public:
  // Opens `path` ("-" is standard input); throws Error(kInput) when it
  // cannot be opened or is not a gzip file despite its ".gz" name.
  explicit LineStream(const std::string& path);
  ~LineStream();
  LineStream(const LineStream&) = delete;
  LineStream& operator=(const LineStream&) = delete;

  // Reads the next line into `line` (right-stripped); false at the end.
  // Throws Error(kInput) for invalid UTF-8, a read error or a truncated
  // gzip stream.
  bool Next(std::string* line);

  // Lines returned so far.
  uint64_t lines() const { return lines_; }
  // The name used in messages: the path, or "<stdin>".
  const std::string& name() const { return name_; }

 private:
  bool Fill();  // reads more bytes into buf_; false at the end of input

  std::unique_ptr<InputReader> in_;
  std::string name_;
  bool universal_newlines_;
  std::string buf_;
  size_t pos_ = 0;        // next unread byte of buf_
  uint64_t offset_ = 0;   // byte offset in the input of buf_[0]
  uint64_t lines_ = 0;
  bool eof_ = false;
  std::string raw_;       // the current line before stripping
};

// Counts the lines of `path` as ReadLines() would split it, checking UTF-8
// on the way (same errors), in bounded memory.
uint64_t CountLines(const std::string& path);

}  // namespace mteval
