// sacreBLEU's intl tokenizer (mteval-v14 international): split punctuation
// unless it sits between digits, and split every symbol. Three regex passes
// over code points with Unicode general categories:
//   1. (\P{N})(\p{P}) -> "\1 \2 "   2. (\p{P})(\P{N}) -> " \1 \2"   3. (\p{S}) -> " \1 "

#include <vector>

#include "text/python_str.h"
#include "text/unicode.h"
#include "text/utf8.h"
#include "tokenize/builtin_tokenizers.h"

namespace mteval {
namespace {

constexpr char32_t kSpace = U' ';

// Runs the three passes over `cps` (as Python's regex.sub would: leftmost,
// non-overlapping) and appends the whitespace-separated result to `out`.
void IntlPasses(std::vector<char32_t>* cps, std::vector<char32_t>* tmp) {
  auto is_n = [](char32_t c) { return IsUnicodeNumber(c); };
  auto is_p = [](char32_t c) { return IsUnicodePunctuation(c); };
  std::vector<char32_t>& a = *cps;
  std::vector<char32_t>& b = *tmp;
  b.clear();
  for (size_t i = 0, n = a.size(); i < n;) {
    if (i + 1 < n && !is_n(a[i]) && is_p(a[i + 1])) {
      b.insert(b.end(), {a[i], kSpace, a[i + 1], kSpace});
      i += 2;
    } else {
      b.push_back(a[i++]);
    }
  }
  a.clear();
  for (size_t i = 0, n = b.size(); i < n;) {
    if (i + 1 < n && is_p(b[i]) && !is_n(b[i + 1])) {
      a.insert(a.end(), {kSpace, b[i], kSpace, b[i + 1]});
      i += 2;
    } else {
      a.push_back(b[i++]);
    }
  }
  b.clear();
  for (char32_t c : a) {
    if (IsUnicodeSymbol(c)) {
      b.insert(b.end(), {kSpace, c, kSpace});
    } else {
      b.push_back(c);
    }
  }
  a.swap(b);
}

class TokenizerIntl final : public Tokenizer {
 public:
  std::string Signature() const override { return "intl"; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    thread_local std::vector<char32_t> cps, tmp;
    thread_local std::string piece;
    const char* begin = line.data();
    const char* end = begin + line.size();
    // As for 13a, whitespace only ever plays the part of "a non-number that is
    // not punctuation or a symbol", so words are processed one at a time with a
    // virtual space where the line has a neighbour.
    ForEachPyWord(line, [&](std::string_view w) {
      cps.clear();
      bool special = false;
      if (w.data() > begin) cps.push_back(kSpace);
      for (const char* p = w.data(); p < w.data() + w.size();) {
        char32_t c = DecodeUtf8(p);
        special = special || IsUnicodePunctuation(c) || IsUnicodeSymbol(c);
        cps.push_back(c);
      }
      if (w.data() + w.size() < end) cps.push_back(kSpace);
      if (!special) {
        if (!out->empty()) out->push_back(' ');
        out->append(w);
        return;
      }
      IntlPasses(&cps, &tmp);
      piece.clear();
      for (char32_t c : cps) AppendUtf8(c, &piece);
      ForEachPyWord(piece, [&](std::string_view t) {
        if (!out->empty()) out->push_back(' ');
        out->append(t);
      });
    });
  }
};

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerIntl() { return std::make_unique<TokenizerIntl>(); }

}  // namespace mteval
