#include "metrics/terms/term_edit_rate.h"

#include <algorithm>
#include <unordered_map>

namespace mteval {
namespace {

class TermTer {
 public:
  TermTer(const std::vector<std::string_view>& hyp, const std::vector<std::string_view>& ref,
          const std::vector<int>& term_positions, int term_cost)
      : m_(ref.size()), term_cost_(term_cost) {
    std::unordered_map<std::string_view, int> ids;
    auto intern = [&](std::string_view w) {
      auto it = ids.emplace(w, static_cast<int>(words_.size()));
      if (it.second) words_.push_back(w);
      return it.first->second;
    };
    for (auto w : ref) ref_.push_back(intern(w));
    for (auto w : hyp) orig_.push_back(intern(w));
    is_term_.assign(m_ + 1, false);
    for (int p : term_positions)
      if (p >= 0 && static_cast<size_t>(p) < m_) is_term_[static_cast<size_t>(p)] = true;
    // Rows of the original hypothesis's prefixes, with term costs.
    orig_rows_.assign((orig_.size() + 1) * (m_ + 1), 0);
    for (size_t j = 0; j <= m_; ++j) orig_rows_[j] = static_cast<int>(j);
    for (size_t i = 0; i < orig_.size(); ++i) Step(&orig_rows_[i * (m_ + 1)], orig_[i], true, &orig_rows_[(i + 1) * (m_ + 1)]);
  }

  double Run() {
    if (m_ == 0) return orig_.empty() ? 0.0 : 1.0;
    std::vector<int> cur = orig_;
    int cur_cost = Cost(cur);
    int shifts = 0;
    std::vector<int> shifted, best;
    for (;;) {
      int best_delta = 0;
      bool have = false;
      best.clear();
      size_t n = cur.size();
      for (size_t i1 = 0; i1 < n; ++i1) {
        for (size_t i2 = 0; i2 < m_; ++i2) {
          if (i1 == i2 || cur[i1] != ref_[i2]) continue;
          size_t len = 1;
          while (i1 + len < n && i2 + len < m_ && cur[i1 + len] == ref_[i2 + len]) ++len;
          shifted.clear();
          shifted.insert(shifted.end(), cur.begin(), cur.begin() + static_cast<long>(i1));
          shifted.insert(shifted.end(), cur.begin() + static_cast<long>(i1 + len), cur.end());
          size_t at = std::min(i2, shifted.size());
          shifted.insert(shifted.begin() + static_cast<long>(at), cur.begin() + static_cast<long>(i1),
                         cur.begin() + static_cast<long>(i1 + len));
          int delta = cur_cost - Cost(shifted);
          if (!have || delta > best_delta || (delta == best_delta && WordsGreater(shifted, best))) {
            have = true;
            best_delta = delta;
            best = shifted;
          }
        }
      }
      if (!have || best_delta <= 0) break;
      ++shifts;
      cur.swap(best);
      cur_cost -= best_delta;
    }
    return static_cast<double>(shifts + cur_cost) / static_cast<double>(m_);
  }

 private:
  void Step(const int* prev, int word, bool terms, int* out) const {
    out[0] = prev[0] + 1;
    for (size_t j = 1; j <= m_; ++j) {
      int c_prev = terms && is_term_[j - 1] ? term_cost_ : 1;
      int c_here = terms && is_term_[j] ? term_cost_ : 1;
      int sub = prev[j - 1] + (word == ref_[j - 1] ? 0 : c_prev);
      int ins = out[j - 1] + c_prev;
      int del = prev[j] + c_here;
      out[j] = std::min(del, std::min(ins, sub));
    }
  }

  // Edit cost of `words`: term-cost rows along the common prefix with the
  // original hypothesis, unit-cost rows after it.
  int Cost(const std::vector<int>& words) {
    size_t lcp = 0;
    while (lcp < words.size() && lcp < orig_.size() && words[lcp] == orig_[lcp]) ++lcp;
    const int* row = &orig_rows_[lcp * (m_ + 1)];
    if (lcp == words.size()) return row[m_];
    a_.assign(row, row + m_ + 1);
    b_.resize(m_ + 1);
    for (size_t i = lcp; i < words.size(); ++i) {
      Step(a_.data(), words[i], false, b_.data());
      a_.swap(b_);
    }
    return a_[m_];
  }

  // Python's list comparison of the word strings.
  bool WordsGreater(const std::vector<int>& a, const std::vector<int>& b) const {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      if (a[i] == b[i]) continue;
      return words_[static_cast<size_t>(a[i])] > words_[static_cast<size_t>(b[i])];
    }
    return a.size() > b.size();
  }

  size_t m_;
  int term_cost_;
  std::vector<std::string_view> words_;
  std::vector<int> ref_, orig_;
  std::vector<bool> is_term_;
  std::vector<int> orig_rows_;
  std::vector<int> a_, b_;
};

}  // namespace

double TermEditRate(const std::vector<std::string_view>& hyp, const std::vector<std::string_view>& ref,
                    const std::vector<int>& term_positions, int term_cost) {
  return TermTer(hyp, ref, term_positions, term_cost).Run();
}

}  // namespace mteval
