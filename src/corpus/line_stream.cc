#include "corpus/line_stream.h"

#include <cstdio>
#include <cstring>

#include <mteval/error.h>
#include "corpus/input_reader.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {

namespace {

constexpr size_t kBufferBytes = size_t{1} << 16;

}  // namespace

LineStream::LineStream(const std::string& path)
    : in_(std::make_unique<InputReader>(path)), name_(path == "-" ? "<stdin>" : path), universal_newlines_(path == "-") {}

LineStream::~LineStream() = default;

bool LineStream::Fill() {
  if (eof_) return false;
  offset_ += buf_.size();
  buf_.resize(kBufferBytes);
  size_t got = in_->Read(buf_.data(), buf_.size());
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
                    "); " + Utf8ConversionAdvice(line_start == 0 ? std::string_view(raw_) : std::string_view()));
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
