#include "tokenize/tokenizer.h"

namespace mteval {

void Tokenizer::TokenizeSpans(std::string_view line, TokenSpans* out) const {
  Tokenize(line, &out->arena);
  const size_t size = out->arena.size();
  out->arena.append(TokenSpans::kPadding, '\0');
  // Tokenize's contract: tokens joined by single ASCII spaces.
  const char* p = out->arena.data();
  const char* end = p + size;
  std::string_view* views = out->Prepare(size / 2 + 1);
  size_t n = 0;
  while (p < end) {
    const char* t = p;
    while (p < end && *p != ' ') ++p;
    if (p > t) views[n++] = std::string_view(t, static_cast<size_t>(p - t));
    ++p;
  }
  out->SetSize(n);
}

}  // namespace mteval
