// Maps tokenizer names to implementations. Adding a tokenizer touches only
// this table (and its own file).

#include <functional>

#include <mteval/error.h>
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/tokenizer.h"
#include "tokenize/tokenizer_cache.h"

namespace mteval {
namespace {

struct Entry {
  const char* name;
  std::function<std::unique_ptr<Tokenizer>(const TokenizerOptions&)> make;
};

std::unique_ptr<Tokenizer> Cached(std::unique_ptr<Tokenizer> t) {
  return WithTokenizerCache(std::move(t), TokenizerCacheBytesFromEnv());
}

const std::vector<Entry>& Registry() {
  static const std::vector<Entry> entries = {
      {"none", [](const TokenizerOptions&) { return MakeTokenizerNone(); }},
      {"zh", [](const TokenizerOptions&) { return MakeTokenizerZh(); }},
      {"13a", [](const TokenizerOptions&) { return MakeTokenizer13a(); }},
      {"intl", [](const TokenizerOptions&) { return MakeTokenizerIntl(); }},
      {"char", [](const TokenizerOptions&) { return MakeTokenizerChar(); }},
      // The slow tokenizers get a memory-bounded output cache (see
      // tokenizer_cache.h); the fast ones above are quicker than a lookup.
      {"ja-mecab", [](const TokenizerOptions& o) { return Cached(MakeTokenizerJaMecab(o)); }},
      {"ko-mecab", [](const TokenizerOptions& o) { return Cached(MakeTokenizerKoMecab(o)); }},
      {"spm", [](const TokenizerOptions& o) { return Cached(MakeTokenizerSpm("spm", o)); }},
      {"flores101", [](const TokenizerOptions& o) { return Cached(MakeTokenizerSpm("flores101", o)); }},
      {"flores200", [](const TokenizerOptions& o) { return Cached(MakeTokenizerSpm("flores200", o)); }},
      {"spBLEU-1K", [](const TokenizerOptions& o) { return Cached(MakeTokenizerSpm("spBLEU-1K", o)); }},
  };
  return entries;
}

}  // namespace

std::string DefaultTokenizerName(std::string_view target_lang) {
  if (target_lang == "zh") return "zh";
  if (target_lang == "ja") return "ja-mecab";
  if (target_lang == "ko") return "ko-mecab";
  return "13a";
}

std::vector<std::string> AvailableTokenizers() {
  std::vector<std::string> names;
  for (const Entry& e : Registry()) names.emplace_back(e.name);
  return names;
}

std::unique_ptr<Tokenizer> MakeTokenizer(const TokenizerOptions& options) {
  std::string name = options.name.empty() ? DefaultTokenizerName(options.target_lang) : options.name;
  if (!options.spm_model.empty() && name != "spm") {
    throw Error(ErrorKind::kUsage, "--spm-model is used only with -tok spm (the tokenizer here is '" + name + "')");
  }
  for (const Entry& e : Registry()) {
    if (name == e.name) return e.make(options);
  }
  std::string allowed;
  for (const Entry& e : Registry()) allowed += (allowed.empty() ? "" : ", ") + std::string(e.name);
  throw Error(ErrorKind::kUsage, "unknown tokenizer '" + name + "' (allowed: " + allowed + ")");
}

}  // namespace mteval
