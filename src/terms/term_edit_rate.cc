#include <mteval/terminology.h>

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
    cost_.assign(m_ + 1, 1);
    for (int p : term_positions)
      if (p >= 0 && static_cast<size_t>(p) < m_) cost_[static_cast<size_t>(p)] = term_cost_;
    // Rows of the original hypothesis's prefixes, with term costs.
    orig_rows_.assign((orig_.size() + 1) * (m_ + 1), 0);
    for (size_t j = 0; j <= m_; ++j) orig_rows_[j] = static_cast<int>(j);
    for (size_t i = 0; i < orig_.size(); ++i) Step(&orig_rows_[i * (m_ + 1)], orig_[i], true, &orig_rows_[(i + 1) * (m_ + 1)]);
  }

  double Run() {
    if (m_ == 0) return orig_.empty() ? 0.0 : 1.0;
    std::vector<int> cur = orig_;
    SetCurrent(cur);
    int cur_cost = cur_rows_[cur.size() * (m_ + 1) + m_];
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
          int delta = cur_cost - Cost(shifted, std::max(i1, i2) + len);
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
      SetCurrent(cur);
    }
    return static_cast<double>(shifts + cur_cost) / static_cast<double>(m_);
  }

 private:
  void Step(const int* prev, int word, bool terms, int* out) const {
    out[0] = prev[0] + 1;
    const int* ref = ref_.data();
    if (!terms) {
      for (size_t j = 1; j <= m_; ++j) {
        int sub = prev[j - 1] + (word == ref[j - 1] ? 0 : 1);
        int best = std::min(prev[j], out[j - 1]) + 1;
        out[j] = std::min(best, sub);
      }
      return;
    }
    const int* c = cost_.data();  // c[j]: cost of an edit charged at reference index j
    for (size_t j = 1; j <= m_; ++j) {
      int sub = prev[j - 1] + (word == ref[j - 1] ? 0 : c[j - 1]);
      int ins = out[j - 1] + c[j - 1];
      int del = prev[j] + c[j];
      out[j] = std::min(del, std::min(ins, sub));
    }
  }

  static size_t Lcp(const std::vector<int>& a, const std::vector<int>& b) {
    size_t n = std::min(a.size(), b.size()), i = 0;
    while (i < n && a[i] == b[i]) ++i;
    return i;
  }

  // The rows of a word sequence depend only on its prefix: rows of prefixes
  // of the original hypothesis use term costs, any other row continues its
  // parent's with unit costs. `SetCurrent` keeps the rows of the current
  // sequence so that candidates reuse them up to their common prefix.
  void SetCurrent(const std::vector<int>& cur) {
    cur_ = cur;
    size_t n = cur.size(), w = m_ + 1;
    size_t lo = Lcp(cur, orig_);
    cur_rows_.resize((n + 1) * w);
    std::copy(orig_rows_.begin(), orig_rows_.begin() + static_cast<long>((lo + 1) * w), cur_rows_.begin());
    for (size_t i = lo; i < n; ++i) Step(&cur_rows_[i * w], cur[i], false, &cur_rows_[(i + 1) * w]);
    // back_[k * w + j]: unit-cost distance from cell (k, j) to (n, m), i.e.
    // between cur[k:] and ref[j:].
    back_.resize((n + 1) * w);
    for (size_t j = 0; j <= m_; ++j) back_[n * w + j] = static_cast<int>(m_ - j);
    for (size_t k = n; k-- > 0;) {
      int* row = &back_[k * w];
      const int* below = &back_[(k + 1) * w];
      row[m_] = below[m_] + 1;
      for (size_t j = m_; j-- > 0;) {
        int diag = below[j + 1] + (cur[k] == ref_[j] ? 0 : 1);
        row[j] = std::min(diag, std::min(below[j], row[j + 1]) + 1);
      }
    }
  }

  // Cost of `words`, which equals the current sequence from position `same_from`
  // on. Rows after max(LCP with the original, LCP with the current sequence)
  // are unit-cost, so the distance is completed with the current sequence's
  // backward rows: min over j of forward(k, j) + backward(k, j).
  int Cost(const std::vector<int>& words, size_t same_from) {
    size_t w = m_ + 1;
    size_t lo = Lcp(words, orig_);
    size_t lc = Lcp(words, cur_);
    const int* row = lo >= lc ? &orig_rows_[lo * w] : &cur_rows_[lc * w];
    size_t start = std::max(lo, lc);
    if (start == words.size()) return row[m_];
    size_t k = std::max(start, std::min(same_from, words.size()));
    a_.assign(row, row + w);
    b_.resize(w);
    for (size_t i = start; i < k; ++i) {
      Step(a_.data(), words[i], false, b_.data());
      a_.swap(b_);
    }
    const int* back = &back_[k * w];
    int best = a_[0] + back[0];
    for (size_t j = 1; j <= m_; ++j) best = std::min(best, a_[j] + back[j]);
    return best;
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
  std::vector<int> cost_;
  std::vector<int> cur_, cur_rows_, back_;
  std::vector<int> orig_rows_;
  std::vector<int> a_, b_;
};

}  // namespace

double TermEditRate(const std::vector<std::string_view>& hyp, const std::vector<std::string_view>& ref,
                    const std::vector<int>& term_positions, int term_cost) {
  return TermTer(hyp, ref, term_positions, term_cost).Run();
}

}  // namespace mteval
