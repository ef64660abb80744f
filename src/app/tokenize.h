#pragma once
// `mteval tokenize`: prints what a BLEU tokenizer makes of each input line.

#include <string>
#include <vector>

namespace mteval {

struct TokenizeRequest {
  std::string tokenizer = "13a";  // -tok
  bool lowercase = false;         // -lc (applied first, as BLEU does)
  std::string input = "-";        // -i FILE (default standard input)

  void Validate() const;
};

std::string RunTokenize(const TokenizeRequest& options);

}  // namespace mteval
