#pragma once
// The tokenizer interface and registry.
//
// Contract: Tokenize(line) produces the tokens that sacreBLEU's tokenizer of
// the same name yields for `line`, after BLEU's `str.split()`, joined by single
// ASCII spaces. Tokens never contain whitespace. Input must be valid UTF-8.
// Tokenizers are immutable after construction and safe to share across threads.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  // The value of the `tok:` field of sacreBLEU's signature, e.g. "13a".
  virtual std::string Signature() const = 0;
  // Writes the space-joined tokens of `line` into `out` (cleared first).
  virtual void Tokenize(std::string_view line, std::string* out) const = 0;

  std::string Tokenize(std::string_view line) const {
    std::string out;
    Tokenize(line, &out);
    return out;
  }
};

struct TokenizerOptions {
  // One of AvailableTokenizers(); "" means "the default for target_lang".
  std::string name;
  // Target language code (e.g. "zh"), used only when `name` is empty, to pick
  // the default as sacreBLEU does: zh -> zh, ja -> ja-mecab, ko -> ko-mecab,
  // anything else -> 13a.
  std::string target_lang;
  // SentencePiece model file for "spm" (the named flores/spBLEU models are
  // looked up in model_dir instead).
  std::string spm_model;
  // Directory with named SentencePiece models; "" means $MTEVAL_MODEL_DIR,
  // then sacreBLEU's cache ~/.sacrebleu/models/.
  std::string model_dir;
  // MeCab dictionary directory for ko-mecab (ja-mecab uses the IPA
  // dictionary unless this is set).
  std::string mecab_dic;
};

// The tokenizer sacreBLEU uses by default for a target language.
std::string DefaultTokenizerName(std::string_view target_lang);

// Names accepted by MakeTokenizer, in the order shown in help texts.
std::vector<std::string> AvailableTokenizers();

// Creates a tokenizer; throws Error(kUsage) for an unknown name, listing the
// available ones.
std::unique_ptr<Tokenizer> MakeTokenizer(const TokenizerOptions& options);

}  // namespace mteval
