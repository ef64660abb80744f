#pragma once
// Reads a gzip file as Python's gzip module does for sacreBLEU: a file whose
// first bytes are not the gzip magic is refused (zlib would pass it through),
// and a stream that ends early is an error. Errors throw Error(kInput) naming
// the file and what to check.

#include <cstddef>
#include <string>

namespace mteval {

class GzipFile {
 public:
  explicit GzipFile(const std::string& path);
  ~GzipFile();
  GzipFile(const GzipFile&) = delete;
  GzipFile& operator=(const GzipFile&) = delete;

  // Decompresses up to n bytes into out; 0 at the end of the stream.
  size_t Read(char* out, size_t n);

 private:
  std::string path_;
  void* gz_ = nullptr;  // gzFile
};

}  // namespace mteval
