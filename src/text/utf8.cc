#include "text/utf8.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mteval {

std::string Utf8ConversionAdvice(std::string_view file_start) {
  const std::string_view start = file_start.substr(0, 2);
  if (start == "\xFF\xFE" || start == "\xFE\xFF") {
    return std::string("convert the file to UTF-8 first: it is UTF-16 (") +
           (start[0] == '\xFF' ? "little" : "big") +
           "-endian, it starts with a byte-order mark), e.g. `iconv -f UTF-16 -t UTF-8`";
  }
  return "convert the file to UTF-8 first, e.g. `iconv -f LATIN1 -t UTF-8`";
}

size_t FindInvalidUtf8(std::string_view s) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    // ASCII: 16 bytes at a time, then straight to the first non-ASCII byte.
#if defined(__SSE2__)
    if (i + 16 <= n) {
      const int high = _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(u + i)));
      if (high == 0) {
        i += 16;
        continue;
      }
      i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(high)));
    }
#endif
    const unsigned c = u[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Three-byte sequences (CJK, most punctuation) without a branch per
    // byte: both continuation bytes, no overlong form, no surrogate.
    // A run of them (CJK text) is validated without going back to the
    // ASCII probe between characters.
    if ((c & 0xF0) == 0xE0 && i + 3 <= n) {
      do {
        const unsigned lead = u[i], b1 = u[i + 1], b2 = u[i + 2];
        const unsigned cp = ((lead & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
        const bool ok = ((b1 & 0xC0) == 0x80) & ((b2 & 0xC0) == 0x80) & (cp >= 0x800) & ((cp & 0xF800) != 0xD800);
        if (!ok) return i;
        i += 3;
      } while (i + 3 <= n && (u[i] & 0xF0) == 0xE0);
      continue;
    }
    // Likewise runs of two-byte sequences (Cyrillic, Greek): a lead byte
    // from C2 (C0 and C1 would be overlong) and a continuation byte.
    if (c >= 0xC2 && c <= 0xDF && i + 2 <= n) {
      do {
        if ((u[i + 1] & 0xC0) != 0x80) return i;
        i += 2;
      } while (i + 2 <= n && u[i] >= 0xC2 && u[i] <= 0xDF);
      continue;
    }
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;        // no overlongs
      if (c == 0xED) hi = 0x9F;        // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;        // no overlongs
      if (c == 0xF4) hi = 0x8F;        // nothing above U+10FFFF
    } else {
      return i;
    }
    if (i + 1 >= n || u[i + 1] < lo || u[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (i + k >= n || (u[i + k] & 0xC0) != 0x80) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (unsigned char c : s) count += (c & 0xC0) != 0x80;
  return count;
}

}  // namespace mteval
