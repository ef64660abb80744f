#include "align/reseg_units.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "text/python_str.h"
#include "text/unicode.h"
#include "text/utf8.h"

namespace mteval {

bool IsCjkCharacter(char32_t c) {
  if (c < 0x2E80) return false;  // fast path: nothing below is Han/kana
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &err);
  if (U_FAILURE(err)) return false;
  return script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA ||
         (script == USCRIPT_COMMON && (c == 0x30FC || c == 0x3005));  // prolonged sound mark, 々
}

bool IsWidePunctuation(char32_t c) {
  return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF65) || (c >= 0xFE30 && c <= 0xFE4F);
}

std::vector<TextUnit> SplitUnits(std::string_view text) {
  std::vector<TextUnit> units;
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  bool after_space = true;   // whitespace (or the start) since the last unit
  bool open_word = false;    // the last unit is a kWord that may continue
  while (p < end) {
    const char* start = p;
    char32_t c = DecodeUtf8(p);
    if (IsPySpace(c)) {
      after_space = true;
      open_word = false;
      continue;
    }
    const bool cjk = IsCjkCharacter(c);
    const bool wide_punct = IsWidePunctuation(c);
    const bool punct = !cjk && (wide_punct || IsUnicodePunctuation(c) || IsUnicodeSymbol(c));
    if (!cjk && !punct && open_word) {
      units.back().end = static_cast<size_t>(p - base);
      continue;
    }
    TextUnit u;
    u.begin = static_cast<size_t>(start - base);
    u.end = static_cast<size_t>(p - base);
    u.kind = cjk ? UnitKind::kCjk : punct ? UnitKind::kPunct : UnitKind::kWord;
    u.wide = cjk || wide_punct;
    u.cut_before = after_space || cjk || units.empty() || units.back().wide;
    units.push_back(u);
    after_space = false;
    open_word = u.kind == UnitKind::kWord;
  }
  return units;
}

namespace {

bool IsWide(char32_t c) { return IsCjkCharacter(c) || IsWidePunctuation(c); }

}  // namespace

void AppendJoined(std::string* out, std::string_view piece) {
  if (!out->empty() && !piece.empty()) {
    size_t k = out->size() - 1;
    while (k > 0 && (static_cast<unsigned char>((*out)[k]) & 0xC0) == 0x80) --k;
    const char* p = out->data() + k;
    const char* q = piece.data();
    if (!(IsWide(DecodeUtf8(p)) && IsWide(DecodeUtf8(q)))) *out += ' ';
  }
  out->append(piece.data(), piece.size());
}

namespace {

char32_t SingleCodePoint(std::string_view text, const TextUnit& u) {
  const char* p = text.data() + u.begin;
  char32_t c = DecodeUtf8(p);
  return p == text.data() + u.end ? c : 0;
}

bool IsSentenceFinalMark(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case 0x2026: case 0x3002: case 0xFF01: case 0xFF1F: case 0xFF0E:
    case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0xFF61:
      return true;
    default:
      return false;
  }
}

bool IsClosingMark(char32_t c) {
  if (c == '"' || c == '\'' || c == ')' || c == ']') return true;
  auto gc = U_GET_GC_MASK(static_cast<UChar32>(c));
  return (gc & (U_GC_PE_MASK | U_GC_PF_MASK)) != 0;
}

}  // namespace

bool EndsSentence(std::string_view text, const std::vector<TextUnit>& units, size_t i) {
  if (i >= units.size() || units[i].kind != UnitKind::kPunct) return false;
  char32_t c = SingleCodePoint(text, units[i]);
  if (IsSentenceFinalMark(c)) return true;
  // One or two closing quotes/brackets after a final mark: ." .") 」。 etc.
  for (size_t back = 1; back <= 2 && IsClosingMark(c) && i >= back; ++back) {
    const TextUnit& prev = units[i - back];
    // A straight quote may be detached by a space ("clean! \"").
    bool attached = prev.end == units[i - back + 1].begin || c == '"';
    if (prev.kind != UnitKind::kPunct || !attached) return false;
    char32_t pc = SingleCodePoint(text, prev);
    if (IsSentenceFinalMark(pc)) return true;
    c = pc;
  }
  return false;
}

}  // namespace mteval
