#pragma once
// Decompresses a gzip file as Python's gzip module reads it for sacreBLEU:
//  - a file whose first bytes are not the gzip magic is refused (zlib would
//    pass it through), and an empty file has no bytes;
//  - concatenated members are read one after another, and zero bytes after
//    a member are padding;
//  - anything else after a member (trailing garbage, which zlib's gzread
//    ignores) is an error, as Python raises BadGzipFile ("Not a gzipped
//    file");
//  - a stream that ends inside a member is an error.
// Errors throw Error(kInput) naming the file, the byte offset where it
// applies and what to check.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace mteval {

class GzipFile {
 public:
  // Reads the compressed bytes from descriptor `fd` (from its current offset
  // on), which the object closes when `owns_fd`; `name` is used in messages.
  GzipFile(int fd, bool owns_fd, const std::string& name);
  ~GzipFile();
  GzipFile(const GzipFile&) = delete;
  GzipFile& operator=(const GzipFile&) = delete;

  // Decompresses up to n bytes into out; 0 at the end of the data.
  size_t Read(char* out, size_t n);

 private:
  struct State;
  // Makes at least `k` unread compressed bytes available if the file has
  // them; false when it ends first.
  bool Have(size_t k);
  // Between members: skips zero padding (not before the first member) and
  // checks the next member's magic; false at the end of the file.
  bool StartMember(bool first);

  std::unique_ptr<State> s_;
  std::string name_;
  int fd_;
  bool owns_fd_;
};

}  // namespace mteval
