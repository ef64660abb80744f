#pragma once
// Units of text for re-segmentation and sentence alignment: words, single
// punctuation marks and single CJK characters, with the byte range each one
// covers and whether a cut may fall before it. Internal to src/corpus.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

enum class UnitKind : unsigned char {
  kWord,    // a run of letters, digits and marks (no whitespace, punctuation or CJK)
  kCjk,     // one Han, Hiragana or Katakana character
  kPunct,   // one punctuation or symbol character
};

struct TextUnit {
  size_t begin = 0;  // first byte in the text
  size_t end = 0;    // one past the last byte
  UnitKind kind = UnitKind::kWord;
  bool cut_before = false;  // a cut may fall right before this unit
  bool wide = false;        // a CJK character or full-width/CJK punctuation
};

// Han, Hiragana, Katakana (the scripts written without spaces that mteval
// compares character by character).
bool IsCjkCharacter(char32_t c);
// Punctuation written in CJK text: U+3000-303F, U+FF00-FF65 full-width forms.
bool IsWidePunctuation(char32_t c);

// Splits valid UTF-8 `text` into units. A cut may fall before a unit that
// follows whitespace, a CJK character or wide punctuation, or that is itself a
// CJK character, and before the first unit.
std::vector<TextUnit> SplitUnits(std::string_view text);

// Appends `piece` to `out` after one space, or directly when `out` is empty
// or ends with, and `piece` starts with, a CJK character or wide punctuation.
void AppendJoined(std::string* out, std::string_view piece);

// True when unit `i` of `units` ends a sentence: . ! ? … and their full-width
// forms, or a closing quote/bracket right after one.
bool EndsSentence(std::string_view text, const std::vector<TextUnit>& units, size_t i);

}  // namespace mteval
