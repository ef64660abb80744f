#pragma once
// The tokenizer interface and registry.
//
// Contract: Tokenize(line) produces the tokens that sacreBLEU's tokenizer of
// the same name yields for `line`, after BLEU's `str.split()`, joined by single
// ASCII spaces. Tokens never contain whitespace. Input must be valid UTF-8.
// Tokenizers are immutable after construction and safe to share across threads.

#include <algorithm>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// The tokens of one line as views, for callers that consume tokens one by
// one (BLEU hashes them) and would otherwise re-split the joined string.
// Views point into this object's buffers and stay valid until its next
// TokenizeSpans call. Every view is non-empty and has at least kPadding
// readable bytes from its start (zeros after the buffers' contents), so a
// short token can be read with fixed-size loads.
class TokenSpans {
 public:
  static constexpr size_t kPadding = 16;

  size_t size() const { return size_; }
  std::string_view operator[](size_t i) const { return views_[i]; }
  const std::string_view* begin() const { return views_.get(); }
  const std::string_view* end() const { return views_.get() + size_; }

  // For tokenizers: room for `max_tokens` views, then the count written.
  // The storage only grows, so filling it costs no allocation or zeroing.
  // The storage is left uninitialised: views are written before they are
  // read, so the pages past the last view written are never touched and
  // take no memory (the bound of one token per byte is 16 bytes per byte
  // of the line, 160 MB for a 10 MB line that has far fewer tokens).
  std::string_view* Prepare(size_t max_tokens) {
    if (max_tokens > capacity_) {
      capacity_ = std::max(max_tokens, 2 * capacity_);
      views_.reset(static_cast<std::string_view*>(::operator new[](capacity_ * sizeof(std::string_view))));
    }
    size_ = 0;
    return views_.get();
  }
  void SetSize(size_t n) { size_ = n; }

  // Tokenizers' buffers: `source` is the text the views point into (a copy
  // of the line with kPadding zero bytes after it), `arena` holds token
  // bytes that are not a substring of the source (also padded), `text` a
  // rewritten line when a tokenizer needs one before scanning.
  std::string source, arena, text;

 private:
  struct RawDelete {
    void operator()(std::string_view* p) const { ::operator delete[](p); }
  };
  std::unique_ptr<std::string_view[], RawDelete> views_;
  size_t capacity_ = 0, size_ = 0;
};

class Tokenizer {
 public:
  virtual ~Tokenizer() = default;
  // The value of the `tok:` field of sacreBLEU's signature, e.g. "13a".
  virtual std::string Signature() const = 0;
  // Writes the space-joined tokens of `line` into `out` (cleared first).
  virtual void Tokenize(std::string_view line, std::string* out) const = 0;

  // The same tokens as views. The default tokenizes into out->arena and
  // splits it; fast tokenizers override it to avoid the copy.
  virtual void TokenizeSpans(std::string_view line, TokenSpans* out) const;

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
