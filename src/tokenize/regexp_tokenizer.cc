#include "tokenize/regexp_tokenizer.h"

#include <array>

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

constexpr std::array<bool, 256> MakeSpecialTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) {
    char ch = static_cast<char>(c);
    t[c] = (IsRule1(ch) && ch != ' ') || IsPeriodComma(ch) || ch == '-';
  }
  return t;
}
constexpr std::array<bool, 256> kSpecial = MakeSpecialTable();

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

}  // namespace

void RegexpTokenize(std::string_view s, std::string* out) {
  out->clear();
  thread_local std::string buf;
  thread_local std::vector<char> pa, pb;
  const char* begin = s.data();
  const char* end = begin + s.size();
  ForEachPyWord(s, [&](std::string_view w) {
    bool special = false;
    for (unsigned char c : w) {
      if (kSpecial[c]) {
        special = true;
        break;
      }
    }
    if (!special) {
      if (!out->empty()) out->push_back(' ');
      out->append(w);
      return;
    }
    bool left = w.data() > begin;
    bool right = w.data() + w.size() < end;
    buf.clear();
    if (left) buf.push_back(' ');
    buf.append(w);
    if (right) buf.push_back(' ');
    size_t n = ApplyPasses(buf, &pa, &pb);
    // The word had no whitespace, so the passes' output is split by ASCII
    // spaces only.
    for (size_t i = 0; i < n;) {
      while (i < n && pa[i] == ' ') ++i;
      size_t j = i;
      while (j < n && pa[j] != ' ') ++j;
      if (j > i) {
        if (!out->empty()) out->push_back(' ');
        out->append(pa.data() + i, j - i);
      }
      i = j;
    }
  });
}

std::string RegexpTokenizeReference(std::string_view s) {
  std::vector<char> a, b;
  size_t n = ApplyPasses(s, &a, &b);
  return PyNormalizeSpaces(std::string_view(a.data(), n));
}

}  // namespace mteval
