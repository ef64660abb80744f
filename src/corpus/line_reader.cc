#include "corpus/line_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <mteval/error.h>
#include "common/input_files.h"
#include "corpus/input_reader.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

[[noreturn]] void ThrowInvalidUtf8(std::string_view content, size_t offset, const std::string& name) {
  size_t line = 1, line_start = 0;
  for (size_t i = 0; i < offset; ++i) {
    if (content[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  char hex[8];
  std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(content[offset]));
  throw Error(ErrorKind::kInput,
              name + ": invalid UTF-8 at line " + std::to_string(line) + ", column " +
                  std::to_string(CountCodePoints(content.substr(line_start, offset - line_start)) + 1) +
                  " (byte offset " + std::to_string(offset) + ", byte " + hex +
                  "); " + Utf8ConversionAdvice(content));
}

// A regular file mapped read-only and populated in one call. Reading it into
// a string instead costs a page fault per 4 KiB of the zero-filled buffer,
// which on virtual machines is most of the time spent loading a test set.
class MappedFile {
 public:
  explicit MappedFile(const std::string& path) {
    const int fd = OpenInput(path);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
      void* p = mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) {
        data_ = static_cast<const char*>(p);
        size_ = static_cast<size_t>(st.st_size);
      }
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (data_) munmap(const_cast<char*>(data_), size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  bool ok() const { return data_ != nullptr; }
  std::string_view view() const { return {data_, size_}; }

 private:
  const char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace

std::string ReadFileBytes(const std::string& path) {
  InputReader in(path);
  std::string out;
  // Regular files are read in one call into a buffer of their size (growing
  // a string by 64 KiB appends copied the data several times); pipes,
  // compressed files and files that grow while read continue with the loop.
  if (const size_t size = in.SizeHint()) {
    out.resize(size);
    size_t done = 0;
    while (done < size) {
      const size_t n = in.Read(out.data() + done, size - done);
      if (n == 0) break;
      done += n;
    }
    out.resize(done);
  }
  char buf[1 << 16];
  while (const size_t n = in.Read(buf, sizeof buf)) out.append(buf, n);
  return out;
}

std::vector<std::string_view> SplitLineViews(std::string_view content, const std::string& name,
                                             bool universal_newlines) {
  size_t bad = FindInvalidUtf8(content);
  if (bad != std::string_view::npos) ThrowInvalidUtf8(content, bad, name);
  std::vector<std::string_view> lines;
  const size_t n = content.size();
  if (!universal_newlines) {
    // '\n' only: the newlines of 16 bytes at a time as a bit mask, one pass
    // (a memchr per line, and one more to count them first, cost more on
    // lines of a hundred bytes or so).
    lines.reserve(n / 64 + 16);
    size_t start = 0;
    size_t i = 0;
    auto line_end = [&](size_t end) {
      lines.push_back(PyRstrip(content.substr(start, end - start)));
      start = end + 1;
    };
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (; i + 16 <= n; i += 16) {
      auto bits = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(content.data() + i)), nl)));
      for (; bits; bits &= bits - 1) line_end(i + static_cast<size_t>(__builtin_ctz(bits)));
    }
#endif
    for (; i < n; ++i) {
      if (content[i] == '\n') line_end(i);
    }
    if (start < n) line_end(n);
    return lines;
  }
  // Universal newlines (standard input, as Python reads it): \n, \r\n or \r.
  size_t start = 0;
  while (start < n) {
    size_t end = start;
    while (end < n && content[end] != '\n' && content[end] != '\r') ++end;
    size_t next = end + 1;
    if (end + 1 < n && content[end] == '\r' && content[end + 1] == '\n') next = end + 2;
    lines.push_back(PyRstrip(content.substr(start, end - start)));
    start = next;
  }
  return lines;
}

std::vector<std::string> SplitLines(std::string_view content, const std::string& name, bool universal_newlines) {
  std::vector<std::string_view> views = SplitLineViews(content, name, universal_newlines);
  return {views.begin(), views.end()};
}

LineList ReadLineList(const std::string& path) {
  const bool is_stdin = path == "-";
  if (!is_stdin && !EndsWith(path, ".gz")) {
    auto mapped = std::make_shared<MappedFile>(path);
    // The lines are views into the mapping, which the list keeps alive.
    if (mapped->ok()) return LineList(mapped, SplitLineViews(mapped->view(), path, false));
    // Empty files, pipes and anything mmap refuses: read them.
  }
  auto bytes = std::make_shared<const std::string>(ReadFileBytes(path));
  std::vector<std::string_view> views = SplitLineViews(*bytes, is_stdin ? "<stdin>" : path, is_stdin);
  return LineList(std::move(bytes), std::move(views));
}

std::vector<std::string> ReadLines(const std::string& path) { return ReadLineList(path).ToStrings(); }

}  // namespace mteval
