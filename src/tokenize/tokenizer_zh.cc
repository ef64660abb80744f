// sacreBLEU's zh tokenizer: isolate Chinese characters, then apply the 13a
// punctuation rules (without 13a's padding and entity replacements).

#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/regexp_tokenizer.h"

namespace mteval {

bool IsSacrebleuChineseChar(char32_t c) {
  struct Range {
    char32_t lo, hi;
  };
  // Sorted by start; see the header for why two ranges look odd.
  static constexpr Range kRanges[] = {
      {0x2001, 0x2A6D},  // '\u20000'..'\u2a6d6' as Python compares strings
      {0x2E80, 0x2EFF}, {0x2F00, 0x2FDF}, {0x2F81, 0x2FA1},  // '\u2f800'..'\u2fa1d'
      {0x2FF0, 0x2FFF}, {0x3000, 0x303F}, {0x3100, 0x312F}, {0x31A0, 0x31BF},
      {0x31C0, 0x31EF}, {0x3200, 0x32FF}, {0x3300, 0x33FF}, {0x3400, 0x4DB5},
      {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A},
      {0xFA70, 0xFAD9}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF},
      {0x2600, 0x26FF}, {0x2700, 0x27BF},
  };
  if (c < 0x2001) return false;
  for (const Range& r : kRanges) {
    if (c >= r.lo && c <= r.hi) return true;
  }
  return false;
}

namespace {

class TokenizerZh final : public Tokenizer {
 public:
  std::string Signature() const override { return "zh"; }

  void Tokenize(std::string_view line, std::string* out) const override {
    thread_local std::string spaced;
    spaced.clear();
    std::string_view s = PyStrip(line);
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
      if (static_cast<unsigned char>(*p) < 0x80) {
        spaced.push_back(*p++);
        continue;
      }
      const char* start = p;
      char32_t c = DecodeUtf8(p);
      if (IsSacrebleuChineseChar(c)) spaced.push_back(' ');
      spaced.append(start, static_cast<size_t>(p - start));
      if (IsSacrebleuChineseChar(c)) spaced.push_back(' ');
    }
    RegexpTokenize(spaced, out);
  }
};

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerZh() { return std::make_unique<TokenizerZh>(); }

}  // namespace mteval
