// sacreBLEU's char tokenizer (every character is a token) and the none
// tokenizer (the line as it is). After BLEU's str.split(), whitespace
// characters never form tokens, so they are dropped here.

#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/builtin_tokenizers.h"

namespace mteval {
namespace {

class TokenizerChar final : public Tokenizer {
 public:
  std::string Signature() const override { return "char"; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    const char* p = line.data();
    const char* end = p + line.size();
    while (p < end) {
      size_t ws = PySpaceLengthAt(p, end);
      if (ws) {
        p += ws;
        continue;
      }
      size_t len = Utf8SequenceLength(static_cast<unsigned char>(*p));
      if (!out->empty()) out->push_back(' ');
      out->append(p, len);
      p += len;
    }
  }
};

class TokenizerNone final : public Tokenizer {
 public:
  std::string Signature() const override { return "none"; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    ForEachPyWord(line, [&](std::string_view w) {
      if (!out->empty()) out->push_back(' ');
      out->append(w);
    });
  }
};

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerChar() { return std::make_unique<TokenizerChar>(); }
std::unique_ptr<Tokenizer> MakeTokenizerNone() { return std::make_unique<TokenizerNone>(); }

}  // namespace mteval
