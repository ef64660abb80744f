// sacreBLEU's zh tokenizer: isolate Chinese characters, then apply the 13a
// punctuation rules (without 13a's padding and entity replacements).

#include <cstdint>
#include <cstring>

#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/regexp_tokenizer.h"

namespace mteval {

namespace {

struct Range {
  char32_t lo, hi;
};
// See the header for why two ranges look odd.
constexpr Range kRanges[] = {
      {0x2001, 0x2A6D},  // '\u20000'..'\u2a6d6' as Python compares strings
      {0x2E80, 0x2EFF}, {0x2F00, 0x2FDF}, {0x2F81, 0x2FA1},  // '\u2f800'..'\u2fa1d'
      {0x2FF0, 0x2FFF}, {0x3000, 0x303F}, {0x3100, 0x312F}, {0x31A0, 0x31BF},
      {0x31C0, 0x31EF}, {0x3200, 0x32FF}, {0x3300, 0x33FF}, {0x3400, 0x4DB5},
      {0x4E00, 0x9FA5}, {0x9FA6, 0x9FBB}, {0xF900, 0xFA2D}, {0xFA30, 0xFA6A},
      {0xFA70, 0xFAD9}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE4F}, {0xFF00, 0xFFEF},
      {0x2600, 0x26FF}, {0x2700, 0x27BF},
};

}  // namespace

bool IsSacrebleuChineseChar(char32_t c) {
  if (c < 0x2001) return false;
  for (const Range& r : kRanges) {
    if (c >= r.lo && c <= r.hi) return true;
  }
  return false;
}

namespace {

// IsSacrebleuChineseChar as one bit per BMP code point (every range ends
// below U+10000), built once: the range list is checked in a loop otherwise.
class ChineseCharTable {
 public:
  ChineseCharTable() {
    for (const Range& r : kRanges) {
      for (char32_t c = r.lo; c <= r.hi; ++c) bits_[c >> 6] |= uint64_t{1} << (c & 63);
    }
  }
  bool Contains(char32_t c) const { return c < 0x10000 && ((bits_[c >> 6] >> (c & 63)) & 1); }
  const uint64_t* bits() const { return bits_; }

 private:
  uint64_t bits_[0x10000 / 64] = {};
};

const ChineseCharTable& ChineseChars() {
  static const ChineseCharTable table;
  return table;
}

bool IsChineseCharFast(char32_t c) { return ChineseChars().Contains(c); }

class TokenizerZh final : public Tokenizer {
 public:
  std::string Signature() const override { return "zh"; }

  void Tokenize(std::string_view line, std::string* out) const override {
    thread_local std::string spaced;
    SpaceChineseChars(line, &spaced);
    RegexpTokenize(spaced, out);
  }

  // Tokenize (through the spaced line) is the reference for this fused
  // version, which splits at Chinese characters while it scans.
  void TokenizeSpans(std::string_view line, TokenSpans* out) const override {
    RegexpTokenizeSpansIsolating(PyStrip(line), ChineseChars().bits(), out);
  }

 private:
  // The stripped line with a space on each side of every Chinese character.
  static void SpaceChineseChars(std::string_view line, std::string* spaced) {
    std::string_view s = PyStrip(line);
    // At most three bytes out per byte in; written through a pointer.
    spaced->resize(3 * s.size());
    char* o = spaced->data();
    const char* p = s.data();
    const char* end = p + s.size();
    while (p < end) {
      // Copy a run of ASCII bytes at once.
      const char* run = p;
      while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
      std::memcpy(o, run, static_cast<size_t>(p - run));
      o += p - run;
      if (p == end) break;
      const char* start = p;
      const char32_t c = DecodeUtf8(p);
      const size_t len = static_cast<size_t>(p - start);
      const bool chinese = IsChineseCharFast(c);
      *o = ' ';
      o += chinese;
      std::memcpy(o, start, len);
      o += len;
      *o = ' ';  // within bounds: a character of len bytes may add 2
      o += chinese;
    }
    spaced->resize(static_cast<size_t>(o - spaced->data()));
  }
};

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerZh() { return std::make_unique<TokenizerZh>(); }

}  // namespace mteval
