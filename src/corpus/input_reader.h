#pragma once
// The bytes of one input, read in chunks: standard input for "-", otherwise
// the file opened through OpenInput (common/input_files.h: each input is
// opened once, FIFOs and pipes included), decompressed by GzipFile when its
// name ends in ".gz".

#include <cstddef>
#include <memory>
#include <string>

namespace mteval {

class GzipFile;

class InputReader {
 public:
  // Throws Error(kInput) when the file cannot be opened.
  explicit InputReader(const std::string& path);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // Reads up to n bytes into out; 0 at the end. Throws Error(kInput) on a
  // read error or bad gzip data.
  size_t Read(char* out, size_t n);
  // The size of an uncompressed regular file (0 when not known), so that a
  // caller can read it in one call.
  size_t SizeHint() const;

 private:
  std::string name_;
  int fd_ = -1;
  bool owns_fd_ = false;
  std::unique_ptr<GzipFile> gz_;
};

}  // namespace mteval
