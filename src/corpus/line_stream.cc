#include "corpus/line_stream.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/error.h"
#include "corpus/gzip_file.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {

namespace {

constexpr size_t kBufferBytes = size_t{1} << 16;

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

struct LineStream::Source {
  FILE* file = nullptr;             // a plain file or stdin
  std::unique_ptr<GzipFile> gz;     // a .gz file
  bool owns_file = false;
  std::string path;

  ~Source() {
    if (file && owns_file) std::fclose(file);
  }

  // Reads up to n bytes; 0 at the end. Throws on errors.
  size_t Read(char* out, size_t n) {
    if (gz) return gz->Read(out, n);
    size_t got = std::fread(out, 1, n, file);
    if (got == 0 && std::ferror(file)) throw Error(ErrorKind::kInput, "cannot read '" + path + "'");
    return got;
  }
};

LineStream::LineStream(const std::string& path) : src_(new Source), universal_newlines_(path == "-") {
  name_ = path == "-" ? "<stdin>" : path;
  src_->path = path;
  if (path == "-") {
    src_->file = stdin;
    return;
  }
  if (EndsWith(path, ".gz")) {
    src_->gz = std::make_unique<GzipFile>(path);
    return;
  }
  src_->file = std::fopen(path.c_str(), "rb");
  if (!src_->file) throw Error(ErrorKind::kInput, "cannot open '" + path + "': " + std::strerror(errno));
  src_->owns_file = true;
}

LineStream::~LineStream() = default;

bool LineStream::Fill() {
  if (eof_) return false;
  offset_ += buf_.size();
  buf_.resize(kBufferBytes);
  size_t got = src_->Read(buf_.data(), buf_.size());
  buf_.resize(got);
  pos_ = 0;
  if (got == 0) eof_ = true;
  return got > 0;
}

bool LineStream::Next(std::string* line) {
  raw_.clear();
  const uint64_t line_start = offset_ + pos_;
  bool ended = false;  // a line end was seen
  while (!ended) {
    if (pos_ == buf_.size() && !Fill()) break;
    const char* start = buf_.data() + pos_;
    const size_t avail = buf_.size() - pos_;
    if (!universal_newlines_) {
      const void* nl = std::memchr(start, '\n', avail);
      if (nl) {
        size_t len = static_cast<size_t>(static_cast<const char*>(nl) - start);
        raw_.append(start, len);
        pos_ += len + 1;
        ended = true;
      } else {
        raw_.append(start, avail);
        pos_ = buf_.size();
      }
    } else {
      size_t len = 0;
      while (len < avail && start[len] != '\n' && start[len] != '\r') ++len;
      raw_.append(start, len);
      pos_ += len;
      if (len < avail) {
        const bool cr = buf_[pos_] == '\r';
        ++pos_;
        ended = true;
        // "\r\n" is one line end, even across a buffer boundary.
        if (cr && (pos_ < buf_.size() || Fill()) && buf_[pos_] == '\n') ++pos_;
      }
    }
  }
  if (!ended && raw_.empty()) return false;

  size_t bad = FindInvalidUtf8(raw_);
  if (bad != std::string_view::npos) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(raw_[bad]));
    throw Error(ErrorKind::kInput,
                name_ + ": invalid UTF-8 at line " + std::to_string(lines_ + 1) + ", column " +
                    std::to_string(CountCodePoints(std::string_view(raw_).substr(0, bad)) + 1) + " (byte offset " +
                    std::to_string(line_start + bad) + ", byte " + hex +
                    "); convert the file to UTF-8 first, e.g. `iconv -f LATIN1 -t UTF-8`");
  }
  ++lines_;
  line->assign(PyRstrip(raw_));
  return true;
}

uint64_t CountLines(const std::string& path) {
  LineStream s(path);
  std::string line;
  while (s.Next(&line)) {
  }
  return s.lines();
}

}  // namespace mteval
