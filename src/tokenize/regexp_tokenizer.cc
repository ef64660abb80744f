#include "tokenize/regexp_tokenizer.h"

#include <array>
#include <cstring>
#include <vector>

#include "text/python_str.h"

namespace mteval {
namespace {

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsPeriodComma(char c) { return c == '.' || c == ','; }

// Rule 1's character class: { | } ~ [ \ ] ^ _ ` space ! " # $ % & ( ) * + : ; < = > ? @ /
constexpr bool IsRule1(char c) {
  return (c >= '{' && c <= '~') || (c >= '[' && c <= '`') || (c >= ' ' && c <= '&') ||
         (c >= '(' && c <= '+') || (c >= ':' && c <= '@') || c == '/';
}

// Each pass reads `n` bytes from `in` and writes at most 3n (pass 1) or 2n
// (passes 2-4) bytes to `out`, returning the output length.
size_t Pass1(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n; ++i) {
    char c = in[i];
    if (IsRule1(c)) {
      *o++ = ' ';
      *o++ = c;
      *o++ = ' ';
    } else {
      *o++ = c;
    }
  }
  return static_cast<size_t>(o - out);
}

// Byte-level scanning is exact for rules 2-4: every match needs an ASCII byte
// at a fixed place, so a match can never start inside a multi-byte character
// in a way that differs from scanning code points.
size_t Pass2(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && !IsDigit(in[i]) && IsPeriodComma(in[i + 1])) {
      *o++ = in[i];
      *o++ = ' ';
      *o++ = in[i + 1];
      *o++ = ' ';
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

size_t Pass3(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsPeriodComma(in[i]) && !IsDigit(in[i + 1])) {
      *o++ = ' ';
      *o++ = in[i];
      *o++ = ' ';
      *o++ = in[i + 1];
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

size_t Pass4(const char* in, size_t n, char* out) {
  char* o = out;
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsDigit(in[i]) && in[i + 1] == '-') {
      *o++ = in[i];
      *o++ = ' ';
      *o++ = '-';
      *o++ = ' ';
      i += 2;
    } else {
      *o++ = in[i++];
    }
  }
  return static_cast<size_t>(o - out);
}

// Runs the four passes over s; the result is in `a` (of the returned length).
size_t ApplyPasses(std::string_view s, std::vector<char>* a, std::vector<char>* b) {
  const size_t cap = 24 * s.size() + 8;  // 3x, then at most 2x per later pass
  if (a->size() < cap) a->resize(cap);
  if (b->size() < cap) b->resize(cap);
  size_t n = Pass1(s.data(), s.size(), b->data());
  n = Pass2(b->data(), n, a->data());
  n = Pass3(a->data(), n, b->data());
  return Pass4(b->data(), n, a->data());
}

// Byte classes for the word scanner.
enum : unsigned char { kPlain = 0, kSpace = 1, kRule1 = 2, kPeriodComma = 3, kDash = 4, kMaybeSpace = 5 };

constexpr std::array<unsigned char, 256> MakeClassTable() {
  std::array<unsigned char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    char ch = static_cast<char>(c);
    if (c < 0x80 && IsPySpace(static_cast<char32_t>(c))) {
      t[c] = kSpace;
    } else if (c < 0x80 && IsRule1(ch)) {
      t[c] = kRule1;
    } else if (ch == '.' || ch == ',') {
      t[c] = kPeriodComma;
    } else if (ch == '-') {
      t[c] = kDash;
    } else if (c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3) {
      t[c] = kMaybeSpace;  // lead bytes of the non-ASCII Python spaces
    } else {
      t[c] = kPlain;
    }
  }
  return t;
}
constexpr std::array<unsigned char, 256> kClass = MakeClassTable();

// Appends tokens to a raw output buffer with room reserved by the caller.
struct TokenSink {
  char* o;
  char* begin;
  const char* src_end;  // end of the readable source, for over-reading copies
  void Token(const char* p, size_t n) {
    if (o != begin) *o++ = ' ';
    // Most tokens are short: copy a fixed 16 bytes (inlined, no call) when
    // both buffers have room; the output buffer always has slack.
    if (n <= 16 && p + 16 <= src_end) {
      std::memcpy(o, p, 16);
    } else {
      std::memcpy(o, p, n);
    }
    o += n;
  }
};

}  // namespace

namespace {

void Tokenize(std::string_view s, bool padded, std::string* out) {
  thread_local std::vector<char> pa, pb, obuf;
  // Output is at most 24x a word plus separators (see ApplyPasses).
  if (obuf.size() < 24 * s.size() + 32) obuf.resize(24 * s.size() + 32);
  TokenSink sink{obuf.data(), obuf.data(), s.data() + s.size()};
  const char* p = s.data();
  const char* const begin = p;
  const char* const end = p + s.size();
  while (p < end) {
    // Skip whitespace.
    unsigned char c = kClass[static_cast<unsigned char>(*p)];
    if (c == kSpace) {
      ++p;
      continue;
    }
    if (c == kMaybeSpace) {
      size_t ws = PySpaceLengthAt(p, end);
      if (ws) {
        p += ws;
        continue;
      }
    }
    // Scan one word, noting which special bytes it has.
    const char* w = p;
    int rule1 = 0, pcd = 0;  // counts of rule-1 bytes and of . , -
    const char* last_pcd = nullptr;
    while (p < end) {
      c = kClass[static_cast<unsigned char>(*p)];
      if (c == kPlain) {
        ++p;
      } else if (c == kSpace) {
        break;
      } else if (c == kMaybeSpace) {
        if (PySpaceLengthAt(p, end)) break;
        ++p;
      } else {
        if (c == kRule1) {
          ++rule1;
        } else {
          ++pcd;
          last_pcd = p;
        }
        ++p;
      }
    }
    const size_t n = static_cast<size_t>(p - w);
    if (rule1 == 0 && pcd == 0) {
      sink.Token(w, n);
    } else if (pcd == 0) {
      // Only rule 1 applies: each such byte becomes a token of its own.
      const char* t = w;
      for (const char* q = w; q < p; ++q) {
        if (kClass[static_cast<unsigned char>(*q)] == kRule1) {
          if (q > t) sink.Token(t, static_cast<size_t>(q - t));
          sink.Token(q, 1);
          t = q + 1;
        }
      }
      if (p > t) sink.Token(t, static_cast<size_t>(p - t));
    } else if (rule1 == 0 && pcd == 1 && n >= 2 && last_pcd == p - 1 && *last_pcd != '-' &&
               !IsDigit(*(p - 2))) {
      // "word." / "word,": rule 2 splits the final period or comma.
      sink.Token(w, n - 1);
      sink.Token(p - 1, 1);
    } else {
      // Anything else: the literal passes, with a space standing for each
      // neighbouring whitespace.
      thread_local std::string buf;
      buf.clear();
      if (padded || w > begin) buf.push_back(' ');
      buf.append(w, n);
      if (padded || p < end) buf.push_back(' ');
      size_t m = ApplyPasses(buf, &pa, &pb);
      // The word had no whitespace, so the output splits on ASCII spaces.
      for (size_t i = 0; i < m;) {
        while (i < m && pa[i] == ' ') ++i;
        size_t j = i;
        while (j < m && pa[j] != ' ') ++j;
        if (j > i) {
          TokenSink inner{sink.o, sink.begin, pa.data() + pa.size()};
          inner.Token(pa.data() + i, j - i);
          sink.o = inner.o;
        }
        i = j;
      }
    }
  }
  out->assign(obuf.data(), static_cast<size_t>(sink.o - obuf.data()));
}

}  // namespace

void RegexpTokenize(std::string_view s, std::string* out) { Tokenize(s, false, out); }
void RegexpTokenizePadded(std::string_view s, std::string* out) { Tokenize(s, true, out); }

std::string RegexpTokenizeReference(std::string_view s) {
  std::vector<char> a, b;
  size_t n = ApplyPasses(s, &a, &b);
  return PyNormalizeSpaces(std::string_view(a.data(), n));
}

}  // namespace mteval
