#pragma once
// `mteval tokenize`: prints what a BLEU tokenizer makes of each input line.

#include <string>
#include <vector>

namespace mteval {

struct TokenizeCommandOptions {
  std::string tokenizer = "13a";  // -tok
  bool lowercase = false;         // -lc (applied first, as BLEU does)
  std::string input = "-";        // -i FILE (default standard input)

  void Validate() const;
};

TokenizeCommandOptions ParseTokenizeArgs(const std::vector<std::string>& args);
std::string TokenizeHelp();
std::string RunTokenize(const TokenizeCommandOptions& options);

}  // namespace mteval
