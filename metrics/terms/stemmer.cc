#include "metrics/terms/stemmer.h"

#include <libstemmer.h>

#include "common/error.h"

namespace mteval {

std::vector<std::string> StemmerLanguages() {
  std::vector<std::string> out;
  for (const char** p = sb_stemmer_list(); *p != nullptr; ++p) out.emplace_back(*p);
  return out;
}

struct Stemmer::Impl {
  sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer(const std::string& language) : impl_(new Impl) {
  impl_->stemmer = sb_stemmer_new(language.c_str(), "UTF_8");
  if (impl_->stemmer == nullptr) {
    std::string list;
    for (const auto& l : StemmerLanguages()) list += (list.empty() ? "" : ", ") + l;
    throw Error(ErrorKind::kUnavailable,
                "no Snowball stemmer for language '" + language + "' (available: " + list + ")");
  }
}

Stemmer::~Stemmer() {
  if (impl_ && impl_->stemmer) sb_stemmer_delete(impl_->stemmer);
}

std::string Stemmer::Stem(std::string_view word) {
  const sb_symbol* s = sb_stemmer_stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  if (s == nullptr) throw Error(ErrorKind::kInternal, "Snowball stemmer out of memory");
  return std::string(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(impl_->stemmer)));
}

}  // namespace mteval
