#pragma once
// Snowball stemming (libstemmer) for inflection-aware term matching.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// Names libstemmer accepts ("english", "french", "en", "fr", ...).
std::vector<std::string> StemmerLanguages();

class Stemmer {
 public:
  // Throws Error(kUnavailable) when Snowball has no stemmer for `language`
  // (an ISO 639-1 code or a Snowball name), listing the available ones.
  explicit Stemmer(const std::string& language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of one word; the caller lowercases or case-folds first (Snowball
  // expects lowercase). Not thread-safe: one Stemmer per thread.
  std::string Stem(std::string_view word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mteval
