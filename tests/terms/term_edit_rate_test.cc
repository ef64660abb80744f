// Differential test: TermEditRate against a plain model of the reference
// script's TER (a prefix cache whose rows keep the costs of the call that
// created them, full shift search, sort-based choice).

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>

#include <mteval/terminology.h>

namespace mteval {
namespace {

class ScriptModel {
 public:
  ScriptModel(std::vector<std::string> ref, std::vector<int> terms, int cost)
      : ref_(std::move(ref)), terms_(std::move(terms)), cost_(cost) {}

  double Ter(std::vector<std::string> words) {
    int err = 0;
    for (;;) {
      int pre = Distance(words, true);
      std::vector<std::pair<int, std::vector<std::string>>> scores;
      for (size_t i1 = 0; i1 < words.size(); ++i1)
        for (size_t i2 = 0; i2 < ref_.size(); ++i2) {
          if (i1 == i2 || words[i1] != ref_[i2]) continue;
          size_t len = 1;
          while (i1 + len < words.size() && i2 + len < ref_.size() && words[i1 + len] == ref_[i2 + len]) ++len;
          std::vector<std::string> s(words.begin(), words.begin() + i1);
          s.insert(s.end(), words.begin() + i1 + len, words.end());
          s.insert(s.begin() + std::min(i2, s.size()), words.begin() + i1, words.begin() + i1 + len);
          scores.push_back({pre - Distance(s, false), s});
        }
      if (scores.empty()) break;
      std::sort(scores.begin(), scores.end());
      if (scores.back().first <= 0) break;
      ++err;
      words = scores.back().second;
    }
    return (err + Distance(words, false)) / static_cast<double>(ref_.size());
  }

 private:
  bool IsTerm(size_t j) const { return std::find(terms_.begin(), terms_.end(), static_cast<int>(j)) != terms_.end(); }

  // Rows cached per prefix; the first computation of a prefix wins.
  int Distance(const std::vector<std::string>& words, bool with_terms) {
    std::vector<int> row(ref_.size() + 1);
    for (size_t j = 0; j <= ref_.size(); ++j) row[j] = static_cast<int>(j);
    std::vector<std::string> prefix;
    for (const std::string& w : words) {
      prefix.push_back(w);
      auto it = cache_.find(prefix);
      if (it != cache_.end()) {
        row = it->second;
        continue;
      }
      std::vector<int> next(ref_.size() + 1);
      next[0] = row[0] + 1;
      for (size_t j = 1; j <= ref_.size(); ++j) {
        int c1 = w == ref_[j - 1] ? 0 : (with_terms && IsTerm(j - 1) ? cost_ : 1);
        int c2 = with_terms && IsTerm(j - 1) ? cost_ : 1;
        int c3 = with_terms && IsTerm(j) ? cost_ : 1;
        next[j] = std::min({row[j] + c3, next[j - 1] + c2, row[j - 1] + c1});
      }
      cache_[prefix] = next;
      row = next;
    }
    return row[ref_.size()];
  }

  std::vector<std::string> ref_;
  std::vector<int> terms_;
  int cost_;
  std::map<std::vector<std::string>, std::vector<int>> cache_;
};

}  // namespace

TEST_CASE("TermEditRate equals a plain model of the script on random pairs", "[terms][wmt21][differential]") {
  std::mt19937 rng(12345);
  const std::vector<std::string> vocab = {"a", "b", "c", "d", "e", "la", "de", ","};
  int mismatches = 0;
  for (int trial = 0; trial < 1500; ++trial) {
    size_t n = rng() % 13, m = 1 + rng() % 13;
    std::vector<std::string> hyp, ref;
    size_t v = 2 + rng() % (vocab.size() - 1);
    for (size_t i = 0; i < n; ++i) hyp.push_back(vocab[rng() % v]);
    for (size_t i = 0; i < m; ++i) ref.push_back(vocab[rng() % v]);
    std::vector<int> terms;
    for (size_t j = 0; j < m; ++j)
      if (rng() % 4 == 0) terms.push_back(static_cast<int>(j));
    int cost = 1 + static_cast<int>(rng() % 3);
    std::vector<std::string_view> hv(hyp.begin(), hyp.end()), rv(ref.begin(), ref.end());
    double fast = TermEditRate(hv, rv, terms, cost);
    double model = ScriptModel(ref, terms, cost).Ter(hyp);
    if (fast != model) {
      ++mismatches;
      if (mismatches <= 5) CHECK(fast == model);
    }
  }
  CHECK(mismatches == 0);
}

}  // namespace mteval
