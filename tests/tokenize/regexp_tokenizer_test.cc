// The 13a/zh punctuation rules: the fast word-at-a-time version must agree
// with the literal four-pass version on every string of a small alphabet.

#include <catch2/catch.hpp>

#include <random>

#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/regexp_tokenizer.h"

namespace mteval {
namespace {

// Calls f(s) for every concatenation s of min_len .. max_len pieces of
// `alphabet` (min_len 0 includes the empty string).
template <typename F>
void ForEachString(const std::vector<std::string>& alphabet, size_t min_len, size_t max_len, F&& f) {
  std::vector<size_t> idx;
  for (size_t len = min_len; len <= max_len; ++len) {
    idx.assign(len, 0);
    for (;;) {
      std::string s;
      for (size_t i : idx) s += alphabet[i];
      f(s);
      size_t k = 0;
      while (k < len && ++idx[k] == alphabet.size()) idx[k++] = 0;
      if (k == len) break;
    }
  }
}

// The views joined by spaces; fails on an empty view, and reads each view's
// last padding byte (so that ASan sees a short one).
std::string JoinSpans(const TokenSpans& spans, const std::string& input) {
  std::string joined;
  for (std::string_view t : spans) {
    if (t.empty()) FAIL("empty view for '" << input << "'");
    if (!joined.empty()) joined.push_back(' ');
    joined.append(t);
    volatile char last_padding_byte = t.data()[TokenSpans::kPadding - 1];
    (void)last_padding_byte;
  }
  return joined;
}

// Fails unless the fast versions (unpadded, padded, and padded as views)
// give the literal passes' tokens for s; the views must also be readable
// with padding. `fast` and `spans` are reused buffers.
void CheckAgainstPasses(const std::string& s, std::string* fast, TokenSpans* spans) {
  RegexpTokenize(s, fast);
  std::string ref = RegexpTokenizeReference(s);
  if (*fast != ref) FAIL("input '" << s << "': fast '" << *fast << "' vs reference '" << ref << "'");
  RegexpTokenizePadded(s, fast);
  ref = RegexpTokenizeReference(" " + s + " ");
  if (*fast != ref) FAIL("padded input '" << s << "': fast '" << *fast << "' vs reference '" << ref << "'");
  RegexpTokenizeSpansPadded(s, spans);
  const std::string joined = JoinSpans(*spans, s);
  if (joined != ref) FAIL("spans of '" << s << "': '" << joined << "' vs reference '" << ref << "'");
}

}  // namespace

TEST_CASE("RegexpTokenize equals the literal passes on all short strings", "[tokenize]") {
  // Every character class the rules distinguish: letter, digit, period,
  // comma, dash, rule-1 punctuation, ASCII and non-ASCII whitespace, a
  // non-ASCII letter.
  const std::vector<std::string> alphabet = {"a", "1", ".", ",", "-", "(", " ", "\xC2\xA0", "\xC3\xA9"};
  size_t checked = 0;
  std::string fast;
  TokenSpans spans;
  ForEachString(alphabet, 0, 6, [&](const std::string& s) {
    CheckAgainstPasses(s, &fast, &spans);
    ++checked;
  });
  CHECK(checked == 597871);  // 9^0 + ... + 9^6
}

TEST_CASE("RegexpTokenize equals the literal passes across a 64-byte bitmap word", "[tokenize]") {
  // The scanner visits a word's punctuation through the line's bitmaps, one
  // uint64 per 64 bytes: every string of up to 5 characters, starting at
  // each offset from 58 to 64, so that it straddles bytes 63 and 64.
  const std::vector<std::string> alphabet = {"a", "1", ".", ",", "-", "(", " ", "\xC3\xA9"};
  size_t checked = 0;
  std::string fast;
  ForEachString(alphabet, 1, 5, [&](const std::string& word) {
    for (size_t offset = 58; offset <= 64; ++offset) {
      const std::string s = std::string(offset - 1, 'x') + " " + word;
      RegexpTokenizePadded(s, &fast);
      const std::string ref = RegexpTokenizeReference(" " + s + " ");
      if (fast != ref) FAIL("padded input '" << s << "': fast '" << fast << "' vs reference '" << ref << "'");
      ++checked;
    }
  });
  CHECK(checked == 7 * (8 + 64 + 512 + 4096 + 32768));
}

TEST_CASE("RegexpTokenize equals the literal passes on long random lines", "[tokenize]") {
  // Tokens and complex words longer than a 64-byte bitmap word, several
  // complex words per line, and lines of every length around the block
  // boundaries; letters weigh more so that words get long.
  const std::vector<std::string> alphabet = {"a", "b", "a", "b", "a", "1", "2", ".", ",", "-", "(", "/",
                                             " ", " ", "\t", "\xC2\xA0", "\xC3\xA9", "\xE4\xB8\xAD"};
  std::mt19937 rng(11);
  std::string fast;
  TokenSpans spans;
  int checked = 0;
  for (int trial = 0; trial < 3000; ++trial) {
    std::string s;
    const size_t len = rng() % 300;
    // Some lines are one long run without whitespace.
    const size_t pieces = trial % 7 == 0 ? 12 : alphabet.size();
    for (size_t i = 0; i < len; ++i) s += alphabet[rng() % pieces];
    CheckAgainstPasses(s, &fast, &spans);
    ++checked;
  }
  CHECK(checked == 3000);
}

TEST_CASE("13a tokenizer", "[tokenize]") {
  auto tok = MakeTokenizer13a();
  CHECK(tok->Tokenize("Hello, world!") == "Hello , world !");
  CHECK(tok->Tokenize("It costs $3.50, or 3,000 yen.") == "It costs $ 3.50 , or 3,000 yen .");
  CHECK(tok->Tokenize("1990-1995 well-known") == "1990 - 1995 well-known");
  CHECK(tok->Tokenize("&quot;quoted&quot; &amp; &lt;b&gt;") == "\" quoted \" & < b >");
  CHECK(tok->Tokenize("a<skipped>b") == "ab");
  CHECK(tok->Tokenize("end.") == "end .");
  CHECK(tok->Tokenize("year 2019.") == "year 2019 .");
  CHECK(tok->Tokenize("don't") == "don't");
  CHECK(tok->Tokenize("\xE2\x80\x9Cquoted\xE2\x80\x9D") == "\xE2\x80\x9Cquoted\xE2\x80\x9D");  // not ASCII
  CHECK(tok->Tokenize("a\xC2\xA0" "b") == "a b");  // NBSP separates tokens
  CHECK(tok->Tokenize("") == "");
  CHECK(tok->Signature() == "13a");
}

TEST_CASE("zh TokenizeSpans (fused) equals Tokenize (spaced line) on all short strings", "[tokenize]") {
  // Classes: ASCII letter, digit, period, comma, dash, rule-1 punctuation,
  // space; a Chinese character; full-width comma (isolated); U+3000 (both
  // whitespace and in a Chinese range); a non-Chinese letter; U+201C
  // (isolated by the ranges' quirk); NBSP (whitespace only).
  const std::vector<std::string> alphabet = {"a", "1", ".", ",", "-", "(", " ", "\xE4\xB8\xAD", "\xEF\xBC\x8C",
                                             "\xE3\x80\x80", "\xC3\xA9", "\xE2\x80\x9C", "\xC2\xA0"};
  auto tok = MakeTokenizerZh();
  std::string joined_ref;
  TokenSpans spans;
  size_t checked = 0;
  ForEachString(alphabet, 0, 5, [&](const std::string& s) {
    tok->Tokenize(s, &joined_ref);
    tok->TokenizeSpans(s, &spans);
    const std::string joined = JoinSpans(spans, s);
    if (joined != joined_ref) FAIL("'" << s << "': spans '" << joined << "' vs Tokenize '" << joined_ref << "'");
    ++checked;
  });
  CHECK(checked == 1 + 13 + 169 + 2197 + 28561 + 371293);
}

TEST_CASE("zh tokenizer isolates sacreBLEU's Chinese ranges, quirks included", "[tokenize]") {
  auto tok = MakeTokenizerZh();
  CHECK(tok->Tokenize("我爱北京。") == "\xE6\x88\x91 \xE7\x88\xB1 \xE5\x8C\x97 \xE4\xBA\xAC \xE3\x80\x82");
  CHECK(tok->Tokenize("GDP增长3.2%") == "GDP \xE5\xA2\x9E \xE9\x95\xBF 3.2 %");
  // Full-width punctuation (U+FF0C) is in the FF00-FFEF range.
  CHECK(tok->Tokenize("好，的") == "\xE5\xA5\xBD \xEF\xBC\x8C \xE7\x9A\x84");
  // '\u20000' is read by Python as U+2000 followed by '0', so the range
  // really covers U+2001..U+2A6D: curly quotes and the euro sign are split.
  CHECK(IsSacrebleuChineseChar(0x201C));
  CHECK(IsSacrebleuChineseChar(0x20AC));
  CHECK_FALSE(IsSacrebleuChineseChar(0x2000));
  CHECK(IsSacrebleuChineseChar(0x2A6D));
  CHECK_FALSE(IsSacrebleuChineseChar(0x2A6E));
  CHECK_FALSE(IsSacrebleuChineseChar(0x20000));  // CJK Extension B itself is NOT covered
  CHECK(IsSacrebleuChineseChar(0x2F81));
  CHECK(IsSacrebleuChineseChar(0x2FA1));
  CHECK(IsSacrebleuChineseChar(0x2FDF));  // Kangxi radicals range
  CHECK_FALSE(IsSacrebleuChineseChar(0x2FE0));
  CHECK(IsSacrebleuChineseChar(0x4DB5));
  CHECK_FALSE(IsSacrebleuChineseChar(0x4DB6));  // Extension A beyond Unicode 3.0
  CHECK_FALSE(IsSacrebleuChineseChar(0x9FBC));
  CHECK(tok->Tokenize("a\xE2\x80\x9C" "b") == "a \xE2\x80\x9C b");
}

TEST_CASE("TokenizeSpans gives Tokenize's tokens for every built-in tokenizer", "[tokenize]") {
  const std::vector<std::string> lines = {
      "", "Hello, world!", "&quot;quoted&quot; &amp; <skipped> a-\nb", "1990-1995 3.5, x.y (a) [b]",
      "我爱北京。GDP增长3.2%", "a\xC2\xA0" "b\xE3\x80\x80" "c", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "  lead  trail  "};
  for (auto make : {MakeTokenizer13a, MakeTokenizerZh, MakeTokenizerIntl, MakeTokenizerChar, MakeTokenizerNone}) {
    auto tok = make();
    TokenSpans spans;
    for (const std::string& line : lines) {
      tok->TokenizeSpans(line, &spans);
      std::string joined;
      for (std::string_view t : spans) {
        CHECK_FALSE(t.empty());
        if (!joined.empty()) joined.push_back(' ');
        joined.append(t);
      }
      CHECK(joined == tok->Tokenize(line));
    }
  }
}

TEST_CASE("zh tokenizer's lookup table equals the range list on the whole BMP", "[tokenize]") {
  auto tok = MakeTokenizerZh();
  size_t chinese = 0;
  for (char32_t c = 0x80; c < 0x10000; ++c) {
    if ((c >= 0xD800 && c <= 0xDFFF) || IsPySpace(c)) continue;
    std::string ch;
    AppendUtf8(c, &ch);
    const bool is = IsSacrebleuChineseChar(c);
    chinese += is;
    const std::string expected = is ? "a " + ch + " b" : "a" + ch + "b";
    if (tok->Tokenize("a" + ch + "b") != expected) FAIL("U+" << std::hex << uint32_t(c));
  }
  CHECK(chinese > 20000);
}

TEST_CASE("intl tokenizer splits Unicode punctuation and symbols", "[tokenize]") {
  auto tok = MakeTokenizerIntl();
  CHECK(tok->Tokenize("Hello, world!") == "Hello , world !");
  CHECK(tok->Tokenize("3,000.50 costs 5\xE2\x82\xAC") == "3,000.50 costs 5 \xE2\x82\xAC");
  CHECK(tok->Tokenize("\xC2\xBFQu\xC3\xA9?") == "\xC2\xBF Qu\xC3\xA9 ?");
  CHECK(tok->Tokenize("year 2019.") == "year 2019.");  // mteval-v14 keeps "2019." at the end
  CHECK(tok->Tokenize("\xE3\x80\x8C\xE6\x97\xA5\xE3\x80\x8D") == "\xE3\x80\x8C \xE6\x97\xA5 \xE3\x80\x8D");
  CHECK(tok->Tokenize("a+b") == "a + b");
}

TEST_CASE("char and none tokenizers", "[tokenize]") {
  CHECK(MakeTokenizerChar()->Tokenize("ab c\xE4\xB8\xAD") == "a b c \xE4\xB8\xAD");
  CHECK(MakeTokenizerNone()->Tokenize(" a\tb\xC2\xA0" "c ") == "a b c");
}

TEST_CASE("tokenizer registry", "[tokenize]") {
  CHECK(DefaultTokenizerName("zh") == "zh");
  CHECK(DefaultTokenizerName("ja") == "ja-mecab");
  CHECK(DefaultTokenizerName("ko") == "ko-mecab");
  CHECK(DefaultTokenizerName("de") == "13a");
  TokenizerOptions o;
  o.name = "nope";
  CHECK_THROWS_WITH(MakeTokenizer(o), Catch::Contains("unknown tokenizer 'nope'") && Catch::Contains("13a"));
  o.name = "";
  o.target_lang = "zh";
  CHECK(MakeTokenizer(o)->Signature() == "zh");
}

}  // namespace mteval
