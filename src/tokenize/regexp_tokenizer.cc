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

void Pass1(const std::string& in, std::string* out) {
  out->clear();
  for (char c : in) {
    if (IsRule1(c)) {
      out->push_back(' ');
      out->push_back(c);
      out->push_back(' ');
    } else {
      out->push_back(c);
    }
  }
}

// Byte-level scanning is exact for rules 2-4: every match needs an ASCII byte
// at a fixed place, so a match can never start inside a multi-byte character
// in a way that differs from scanning code points.
void Pass2(const std::string& in, std::string* out) {
  out->clear();
  size_t n = in.size();
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && !IsDigit(in[i]) && IsPeriodComma(in[i + 1])) {
      out->push_back(in[i]);
      out->push_back(' ');
      out->push_back(in[i + 1]);
      out->push_back(' ');
      i += 2;
    } else {
      out->push_back(in[i++]);
    }
  }
}

void Pass3(const std::string& in, std::string* out) {
  out->clear();
  size_t n = in.size();
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsPeriodComma(in[i]) && !IsDigit(in[i + 1])) {
      out->push_back(' ');
      out->push_back(in[i]);
      out->push_back(' ');
      out->push_back(in[i + 1]);
      i += 2;
    } else {
      out->push_back(in[i++]);
    }
  }
}

void Pass4(const std::string& in, std::string* out) {
  out->clear();
  size_t n = in.size();
  for (size_t i = 0; i < n;) {
    if (i + 1 < n && IsDigit(in[i]) && in[i + 1] == '-') {
      out->push_back(in[i]);
      out->push_back(' ');
      out->push_back('-');
      out->push_back(' ');
      i += 2;
    } else {
      out->push_back(in[i++]);
    }
  }
}

// Runs the four passes on `buf` in place (using `tmp` as scratch).
void ApplyPasses(std::string* buf, std::string* tmp) {
  Pass1(*buf, tmp);
  Pass2(*tmp, buf);
  Pass3(*buf, tmp);
  Pass4(*tmp, buf);
}

void AppendWords(std::string_view s, std::string* out) {
  ForEachPyWord(s, [&](std::string_view w) {
    if (!out->empty()) out->push_back(' ');
    out->append(w);
  });
}

}  // namespace

void RegexpTokenize(std::string_view s, std::string* out) {
  out->clear();
  thread_local std::string buf, tmp;
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
    ApplyPasses(&buf, &tmp);
    AppendWords(buf, out);
  });
}

std::string RegexpTokenizeReference(std::string_view s) {
  std::string buf(s), tmp;
  ApplyPasses(&buf, &tmp);
  return PyNormalizeSpaces(buf);
}

}  // namespace mteval
