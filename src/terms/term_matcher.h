#pragma once
// Tokenization and matching for terminology: terms are found on token
// boundaries, never inside a word.
//
// Tokens: maximal runs of letters, marks and digits (Unicode general
// categories L, M, N); every Han, Hiragana or Katakana character is a token of
// its own (so CJK text is matched by characters); every other non-space
// character (punctuation, symbols) is a one-character token; whitespace
// (Python's set) separates tokens. Each token has two keys: `exact` (NFC) and
// `folded` (NFC, then Unicode default case folding, then the Snowball stem
// when a stemmer is given). Offsets are bytes into the original text.

#include <string>
#include <string_view>
#include <vector>

namespace mteval {

class Stemmer;

struct MatchToken {
  size_t begin = 0, end = 0;  // bytes in the original text
  std::string exact;          // NFC
  std::string folded;         // NFC + case folding (+ stem)
};

// `stemmer` may be null; it is applied to the folded key of word tokens.
std::vector<MatchToken> TokenizeForTerms(std::string_view text, Stemmer* stemmer);

// A term as a sequence of token keys.
struct TermPattern {
  std::vector<std::string> keys;
  bool case_sensitive = false;  // compare `exact` keys instead of `folded`
};

TermPattern MakeTermPattern(std::string_view term, bool case_sensitive, Stemmer* stemmer);

// True when `pattern` matches tokens[i, i + size).
bool MatchesAt(const std::vector<MatchToken>& tokens, size_t i, const TermPattern& pattern);

// First position >= `from` where `pattern` matches and none of its tokens is
// marked in `used` (same size as tokens); tokens.size() when there is none.
size_t FindUnused(const std::vector<MatchToken>& tokens, const TermPattern& pattern, const std::vector<bool>& used,
                  size_t from = 0);

}  // namespace mteval
