#pragma once
// sacreBLEU's TercomTokenizer (tokenizers/tokenizer_ter.py): optional
// lowercasing, tercom's western and Asian normalisation, punctuation removal,
// then whitespace splitting. Each regular-expression pass of the Python code
// is reproduced as one left-to-right, non-overlapping scan over code points,
// so intermediate strings (and hence the words) are the same.

#include <string>
#include <string_view>
#include <vector>

#include "metrics/ter/ter.h"

namespace mteval {

class TercomNormalizer {
 public:
  explicit TercomNormalizer(const TerOptions& options) : options_(options) {}

  // The words of `TercomTokenizer(sent.rstrip()).split()`. The views point
  // into `*storage` (overwritten) or into `sent`; both must outlive them.
  void Words(std::string_view sent, std::string* storage, std::vector<std::string_view>* words);

  // The string TercomTokenizer returns: the words joined by single spaces.
  std::string Normalize(std::string_view sent);

 private:
  // Runs the option-dependent passes on code points in buf_ (lowercased).
  void NormalizeCodePoints();

  TerOptions options_;
  std::string lowered_;
  std::u32string buf_, tmp_;
};

}  // namespace mteval
