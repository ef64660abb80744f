#include "corpus/gzip_file.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.h"

namespace mteval {

GzipFile::GzipFile(const std::string& path) : path_(path) {
  FILE* raw = std::fopen(path.c_str(), "rb");
  if (!raw) throw Error(ErrorKind::kInput, "cannot open '" + path + "': " + std::strerror(errno));
  unsigned char magic[2] = {0, 0};
  size_t got = std::fread(magic, 1, 2, raw);
  std::fclose(raw);
  if (got > 0 && (got < 2 || magic[0] != 0x1f || magic[1] != 0x8b)) {
    throw Error(ErrorKind::kInput, "'" + path + "' ends in .gz but is not a gzip file; decompress or rename it");
  }
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw Error(ErrorKind::kInput, "cannot open '" + path + "': " + std::strerror(errno));
  gzbuffer(f, 1 << 16);
  gz_ = f;
}

GzipFile::~GzipFile() {
  if (gz_) gzclose(static_cast<gzFile>(gz_));
}

size_t GzipFile::Read(char* out, size_t n) {
  gzFile f = static_cast<gzFile>(gz_);
  int got = gzread(f, out, static_cast<unsigned>(n));
  int errnum = 0;
  if (got < 0) {
    std::string msg = gzerror(f, &errnum);
    throw Error(ErrorKind::kInput, "cannot decompress '" + path_ + "': " + msg +
                                       " (is it a complete gzip file? try `gzip -t " + path_ + "`)");
  }
  if (got == 0) {
    gzerror(f, &errnum);
    if (errnum == Z_BUF_ERROR) {
      throw Error(ErrorKind::kInput, "'" + path_ + "' is truncated: the gzip stream ends early (check it with `gzip -t " +
                                         path_ + "`)");
    }
  }
  return static_cast<size_t>(got);
}

}  // namespace mteval
