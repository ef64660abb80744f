#pragma once
// Factories for the tokenizers built into mteval (used by the registry) and
// the pieces of them that tests check directly.

#include <memory>
#include <string>

#include "tokenize/tokenizer.h"

namespace mteval {

std::unique_ptr<Tokenizer> MakeTokenizer13a();
std::unique_ptr<Tokenizer> MakeTokenizerZh();
std::unique_ptr<Tokenizer> MakeTokenizerIntl();
std::unique_ptr<Tokenizer> MakeTokenizerChar();
std::unique_ptr<Tokenizer> MakeTokenizerNone();

// MeCab tokenizers (tokenizer_mecab.cc). Without MTEVAL_HAVE_MECAB they throw
// Error(kUnavailable) saying that mteval was built without MeCab.
bool MecabAvailable();
std::unique_ptr<Tokenizer> MakeTokenizerJaMecab(const TokenizerOptions& options);
std::unique_ptr<Tokenizer> MakeTokenizerKoMecab(const TokenizerOptions& options);

// SentencePiece tokenizers (tokenizer_spm.cc): `name` is "spm" (with
// options.spm_model: that file; without: flores101, as in sacreBLEU),
// "flores101", "flores200" or "spBLEU-1K".
std::unique_ptr<Tokenizer> MakeTokenizerSpm(const std::string& name, const TokenizerOptions& options);

// The code points sacreBLEU's zh tokenizer isolates. sacreBLEU compares each
// character with (start, end) string pairs; two of those pairs were written as
// '\u20000' and '\u2f800', which Python reads as two-character strings, so
// their real ranges are U+2001..U+2A6D and U+2F81..U+2FA1. This function
// reproduces the ranges as Python evaluates them, not as they were meant.
bool IsSacrebleuChineseChar(char32_t c);

}  // namespace mteval
