#pragma once
// sacreBLEU's TercomTokenizer (tokenizers/tokenizer_ter.py): optional
// lowercasing, tercom's western and Asian normalisation, punctuation removal,
// then whitespace splitting. Each regular-expression pass of the Python code
// is reproduced as a left-to-right, non-overlapping scan over the UTF-8 text
// that matches code points as Python's `re` does, so the words come out the
// same.

#include <string>
#include <string_view>
#include <vector>

#include <mteval/ter.h>

namespace mteval {

class TercomNormalizer {
 public:
  explicit TercomNormalizer(const TerOptions& options) : options_(options) {}

  // The words of `TercomTokenizer(sent.rstrip()).split()`. The views point
  // into `*storage` (overwritten) or into `sent`; both must outlive them.
  void Words(std::string_view sent, std::string* storage, std::vector<std::string_view>* words);

  // The string TercomTokenizer returns: the words joined by single spaces.
  std::string Normalize(std::string_view sent);

  // The words of a reference: sacreBLEU tokenizes references twice
  // (Metric._cache_references, then TER._extract_reference_info), and the
  // second pass can split more, e.g. "it's<TAB>car" becomes "it's car" in
  // the first and "it 's car" in the second. `storage` as for Words.
  void ReferenceWords(std::string_view sent, std::string* storage, std::vector<std::string_view>* words);

 private:
  // Runs the normalisation and punctuation passes on *s (lowercased).
  void NormalizeText(std::string* s);

  TerOptions options_;
  std::string tmp_;
  std::string first_pass_;  // ReferenceWords' first tokenization, joined
};

}  // namespace mteval
