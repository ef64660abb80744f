#include "text/case.h"

#include <unicode/ucasemap.h>
#include <unicode/utypes.h>

#include <memory>

#include <mteval/error.h>

namespace mteval {
namespace {

struct CaseMapCloser {
  void operator()(UCaseMap* m) const { ucasemap_close(m); }
};

// One case map per thread: ucasemap objects are not thread-safe to share.
UCaseMap* ThreadCaseMap() {
  thread_local std::unique_ptr<UCaseMap, CaseMapCloser> map([] {
    UErrorCode status = U_ZERO_ERROR;
    UCaseMap* m = ucasemap_open("", 0, &status);  // root locale: no tailoring
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal, std::string("ICU ucasemap_open failed: ") + u_errorName(status));
    }
    return m;
  }());
  return map.get();
}

}  // namespace

void PyLowerInto(std::string_view s, std::string* out) {
  out->clear();
  bool ascii = true;
  for (unsigned char c : s) {
    if (c >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    out->resize(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
    return;
  }
  // Lowercasing can grow UTF-8 text (e.g. U+023A is 2 bytes, U+2C65 is 3).
  out->resize(s.size() * 3 / 2 + 16);
  for (int attempt = 0; attempt < 2; ++attempt) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t n = ucasemap_utf8ToLower(ThreadCaseMap(), out->data(), static_cast<int32_t>(out->size()),
                                     s.data(), static_cast<int32_t>(s.size()), &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
      out->resize(static_cast<size_t>(n));
      continue;
    }
    if (U_FAILURE(status)) {
      throw Error(ErrorKind::kInternal, std::string("ICU lowercasing failed: ") + u_errorName(status));
    }
    out->resize(static_cast<size_t>(n));
    return;
  }
  throw Error(ErrorKind::kInternal, "ICU lowercasing did not converge");
}

std::string PyLower(std::string_view s) {
  std::string out;
  PyLowerInto(s, &out);
  return out;
}

}  // namespace mteval
