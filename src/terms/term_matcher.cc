#include "terms/term_matcher.h"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <mteval/error.h>
#include "terms/stemmer.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

enum class CharClass { kSpace, kWord, kSingle };

CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if (IsPySpace(c)) return CharClass::kSpace;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return CharClass::kWord;
    return CharClass::kSingle;
  }
  if (IsPySpace(c)) return CharClass::kSpace;
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &err);
  if (script == USCRIPT_HAN || script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) return CharClass::kSingle;
  uint32_t mask = U_GET_GC_MASK(static_cast<UChar32>(c));
  if (mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) return CharClass::kWord;
  return CharClass::kSingle;
}

void Keys(std::string_view token, Stemmer* stemmer, bool word, std::string* exact, std::string* folded) {
  bool ascii = true;
  for (char c : token) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    exact->assign(token);
    folded->assign(token);
    for (char& c : *folded)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  } else {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
    exact->clear();
    icu::StringByteSink<std::string> sink(exact);
    if (U_SUCCESS(err)) nfc->normalizeUTF8(0, icu::StringPiece(token.data(), static_cast<int32_t>(token.size())), sink, nullptr, err);
    if (U_FAILURE(err)) throw Error(ErrorKind::kInternal, std::string("ICU normalization failed: ") + u_errorName(err));
    folded->clear();
    icu::StringByteSink<std::string> fsink(folded);
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT, icu::StringPiece(exact->data(), static_cast<int32_t>(exact->size())),
                           fsink, nullptr, err);
    if (U_FAILURE(err)) throw Error(ErrorKind::kInternal, std::string("ICU case folding failed: ") + u_errorName(err));
  }
  if (stemmer != nullptr && word) *folded = stemmer->Stem(*folded);
}

}  // namespace

std::vector<MatchToken> TokenizeForTerms(std::string_view text, Stemmer* stemmer) {
  std::vector<MatchToken> out;
  const char* base = text.data();
  const char* p = base;
  const char* end = base + text.size();
  const char* word_begin = nullptr;
  auto emit = [&](const char* b, const char* e, bool word) {
    MatchToken t;
    t.begin = static_cast<size_t>(b - base);
    t.end = static_cast<size_t>(e - base);
    Keys(std::string_view(b, static_cast<size_t>(e - b)), stemmer, word, &t.exact, &t.folded);
    out.push_back(std::move(t));
  };
  while (p < end) {
    const char* start = p;
    char32_t c = DecodeUtf8(p);
    CharClass cls = Classify(c);
    if (cls == CharClass::kWord) {
      if (word_begin == nullptr) word_begin = start;
      continue;
    }
    if (word_begin != nullptr) {
      emit(word_begin, start, true);
      word_begin = nullptr;
    }
    if (cls == CharClass::kSingle) emit(start, p, false);
  }
  if (word_begin != nullptr) emit(word_begin, end, true);
  return out;
}

TermPattern MakeTermPattern(std::string_view term, bool case_sensitive, Stemmer* stemmer) {
  TermPattern p;
  p.case_sensitive = case_sensitive;
  for (MatchToken& t : TokenizeForTerms(term, case_sensitive ? nullptr : stemmer))
    p.keys.push_back(case_sensitive ? std::move(t.exact) : std::move(t.folded));
  return p;
}

bool MatchesAt(const std::vector<MatchToken>& tokens, size_t i, const TermPattern& pattern) {
  if (pattern.keys.empty() || i + pattern.keys.size() > tokens.size()) return false;
  for (size_t k = 0; k < pattern.keys.size(); ++k) {
    const MatchToken& t = tokens[i + k];
    if ((pattern.case_sensitive ? t.exact : t.folded) != pattern.keys[k]) return false;
  }
  return true;
}

size_t FindUnused(const std::vector<MatchToken>& tokens, const TermPattern& pattern, const std::vector<bool>& used,
                  size_t from) {
  for (size_t i = from; i + pattern.keys.size() <= tokens.size(); ++i) {
    if (!MatchesAt(tokens, i, pattern)) continue;
    bool free = true;
    for (size_t k = 0; k < pattern.keys.size() && free; ++k) free = !used[i + k];
    if (free) return i;
  }
  return tokens.size();
}

}  // namespace mteval
