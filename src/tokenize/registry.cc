// Maps tokenizer names to implementations. Adding a tokenizer touches only
// this table (and its own file).

#include <functional>

#include "common/error.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

struct Entry {
  const char* name;
  std::function<std::unique_ptr<Tokenizer>(const TokenizerOptions&)> make;
};

const std::vector<Entry>& Registry() {
  static const std::vector<Entry> entries = {
      {"none", [](const TokenizerOptions&) { return MakeTokenizerNone(); }},
      {"zh", [](const TokenizerOptions&) { return MakeTokenizerZh(); }},
      {"13a", [](const TokenizerOptions&) { return MakeTokenizer13a(); }},
      {"intl", [](const TokenizerOptions&) { return MakeTokenizerIntl(); }},
      {"char", [](const TokenizerOptions&) { return MakeTokenizerChar(); }},
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
  for (const Entry& e : Registry()) {
    if (name == e.name) return e.make(options);
  }
  std::string allowed;
  for (const Entry& e : Registry()) allowed += (allowed.empty() ? "" : ", ") + std::string(e.name);
  if (name == "ja-mecab" || name == "ko-mecab" || name == "spm" || name == "flores101" ||
      name == "flores200" || name == "spBLEU-1K") {
    throw Error(ErrorKind::kUnavailable,
                "tokenizer '" + name + "' is not available in this build of mteval (available: " +
                    allowed + ")");
  }
  throw Error(ErrorKind::kUsage, "unknown tokenizer '" + name + "' (allowed: " + allowed + ")");
}

}  // namespace mteval
