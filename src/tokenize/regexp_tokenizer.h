#pragma once
// sacreBLEU's TokenizerRegexp: the mteval-v13a punctuation rules that the 13a
// and zh tokenizers share. Four regular-expression substitutions run one after
// another, then whitespace is normalised:
//   1. ([\{-\~\[-\` -\&\(-\+\:-\@\/])  ->  " \1 "   (ASCII punctuation but ' , - .)
//   2. ([^0-9])([\.,])                ->  "\1 \2 "  (period/comma after a non-digit)
//   3. ([\.,])([^0-9])                ->  " \1 \2"  (period/comma before a non-digit)
//   4. ([0-9])(-)                     ->  "\1 \2 "  (dash after a digit)
// Python's re.sub scans left to right without overlapping matches, so e.g. in
// "5.,x" the pair ".," is matched by rule 2 only if the "." was not consumed.
// Both functions below reproduce that exactly.

#include <cstdint>
#include <string>
#include <string_view>

#include "tokenize/tokenizer.h"

namespace mteval {

// Fast version. Rules never match across whitespace in a way that depends on
// more than "there is a non-digit here", so each whitespace-separated word is
// processed alone with a virtual space on each side that has a neighbour.
// Token boundaries come from bitmaps of the line's whitespace and of the
// bytes that become tokens of their own; only words with a '.' or ',' that
// is not their last byte run the literal passes. `out` is cleared.
void RegexpTokenize(std::string_view s, std::string* out);

// The same on " " + s + " " (13a pads the line), without building that string.
void RegexpTokenizePadded(std::string_view s, std::string* out);

// The same tokens as views (into `s` or out->arena) instead of a joined
// string: callers that hash tokens skip the copy and the re-split.
void RegexpTokenizeSpans(std::string_view s, TokenSpans* out);
void RegexpTokenizeSpansPadded(std::string_view s, TokenSpans* out);

// RegexpTokenizeSpans(s') where s' is s with a space on each side of every
// character c < U+10000 whose bit (bit c % 64 of isolate[c / 64], 1024
// words) is set: the zh tokenizer's isolation of Chinese characters in the
// same pass, without building s'. `s` must be valid UTF-8.
void RegexpTokenizeSpansIsolating(std::string_view s, const uint64_t* isolate, TokenSpans* out);

// Literal version: runs the four passes over the whole string, then
// ' '.join(split()). Used by tests as the reference for the fast version.
std::string RegexpTokenizeReference(std::string_view s);

}  // namespace mteval
