#include "analysis/word_diff.h"

#include <algorithm>
#include <unordered_set>

namespace mteval {

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < text.size()) {
    while (i < text.size() && space(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !space(text[j])) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

std::vector<DiffToken> DiffAgainstReference(std::string_view hyp, std::string_view ref, size_t max_words) {
  std::vector<std::string_view> h = SplitWords(hyp), r = SplitWords(ref);
  std::vector<DiffToken> out(h.size());
  for (size_t i = 0; i < h.size(); ++i) out[i].text = std::string(h[i]);
  if (h.empty() || r.empty()) return out;
  if (h.size() > max_words || r.size() > max_words) {
    std::unordered_set<std::string_view> bag(r.begin(), r.end());
    for (size_t i = 0; i < h.size(); ++i) out[i].matched = bag.count(h[i]) > 0;
    return out;
  }
  // lcs[i][j] = LCS length of h[i..] and r[j..].
  const size_t n = h.size(), m = r.size();
  std::vector<unsigned> lcs((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> unsigned& { return lcs[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = h[i] == r[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (h[i] == r[j]) {
      out[i].matched = true;
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

}  // namespace mteval
