#include "app/tokenize.h"

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "text/case.h"
#include "text/python_str.h"
#include "tokenize/tokenizer.h"

namespace mteval {

void TokenizeRequest::Validate() const {
  TokenizerOptions t;
  t.name = tokenizer;
  MakeTokenizer(t);
}

std::string RunTokenize(const TokenizeRequest& options) {
  TokenizerOptions t;
  t.name = options.tokenizer;
  auto tokenizer = MakeTokenizer(t);
  std::string out, tok;
  for (const std::string& line : ReadLines(options.input)) {
    std::string text = options.lowercase ? PyLower(line) : line;
    tokenizer->Tokenize(PyRstrip(text), &tok);
    out += tok;
    out += '\n';
  }
  return out;
}
}  // namespace mteval
