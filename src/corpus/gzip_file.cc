#include "corpus/gzip_file.h"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include <mteval/error.h>

namespace mteval {

struct GzipFile::State {
  z_stream z{};
  bool between_members = false;  // after a member's trailer, before the next one's header
  bool finished = false;
  uint64_t read_bytes = 0;      // compressed bytes read from the file so far
  unsigned char in[1 << 16];
};

GzipFile::GzipFile(int fd, bool owns_fd, const std::string& name)
    : s_(new State), name_(name), fd_(fd), owns_fd_(owns_fd) {
  // 16 + 15: gzip members only (no zlib or raw deflate), 32 KiB window.
  if (inflateInit2(&s_->z, 16 + MAX_WBITS) != Z_OK) {
    if (owns_fd_) ::close(fd_);
    throw std::bad_alloc();
  }
  // A file that is not gzip is refused on opening, not on the first read.
  try {
    s_->finished = !StartMember(true);
  } catch (...) {
    inflateEnd(&s_->z);
    if (owns_fd_) ::close(fd_);
    throw;
  }
}

GzipFile::~GzipFile() {
  inflateEnd(&s_->z);
  if (owns_fd_) ::close(fd_);
}

bool GzipFile::Have(size_t k) {
  z_stream& z = s_->z;
  while (z.avail_in < k) {
    if (z.avail_in > 0 && z.next_in != s_->in) std::memmove(s_->in, z.next_in, z.avail_in);
    z.next_in = s_->in;
    const ssize_t n = ::read(fd_, s_->in + z.avail_in, sizeof s_->in - z.avail_in);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(ErrorKind::kInput, "cannot read '" + name_ + "': " + std::strerror(errno));
    }
    if (n == 0) return false;
    z.avail_in += static_cast<uInt>(n);
    s_->read_bytes += static_cast<uint64_t>(n);
  }
  return true;
}

bool GzipFile::StartMember(bool first) {
  z_stream& z = s_->z;
  if (!first) {
    while (true) {
      if (!Have(1)) return false;
      if (*z.next_in != 0) break;
      ++z.next_in;
      --z.avail_in;
    }
  } else if (!Have(1)) {
    return false;  // an empty file: no data, as in Python
  }
  const uint64_t offset = s_->read_bytes - z.avail_in;
  const bool magic = Have(2) && z.next_in[0] == 0x1f && z.next_in[1] == 0x8b;
  if (!magic && first) {
    throw Error(ErrorKind::kInput, "'" + name_ + "' ends in .gz but is not a gzip file; decompress or rename it");
  }
  if (!magic) {
    throw Error(ErrorKind::kInput, "'" + name_ + "': the bytes after the gzip data (from byte offset " +
                                       std::to_string(offset) +
                                       ") are not gzip data; the file is damaged or has something appended "
                                       "(check it with `gzip -t " + name_ + "`)");
  }
  if (!first) inflateReset(&z);
  return true;
}

size_t GzipFile::Read(char* out, size_t n) {
  State& s = *s_;
  z_stream& z = s.z;
  if (s.finished || n == 0) return 0;
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = static_cast<uInt>(n > (1u << 30) ? (1u << 30) : n);
  const uInt wanted = z.avail_out;
  while (z.avail_out == wanted) {
    if (s.between_members) {
      if (!StartMember(false)) {
        s.finished = true;
        break;
      }
      s.between_members = false;
    }
    if (z.avail_in == 0 && !Have(1)) {
      throw Error(ErrorKind::kInput, "'" + name_ + "' is truncated: the gzip stream ends early (check it with `gzip -t " +
                                         name_ + "`)");
    }
    const int rc = inflate(&z, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      s.between_members = true;
    } else if (rc == Z_MEM_ERROR) {
      throw std::bad_alloc();
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw Error(ErrorKind::kInput, "cannot decompress '" + name_ + "': " + (z.msg ? z.msg : "corrupt data") +
                                         " (is it a complete gzip file? try `gzip -t " + name_ + "`)");
    }
  }
  return wanted - z.avail_out;
}

}  // namespace mteval
