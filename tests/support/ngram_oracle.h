#pragma once
// The reference n-gram counting that the fast matchers (ngram/, the chrF
// and BLEU inner loops) are tested against: every n-gram of a sequence in a
// std::map, and clipped matches against the largest count in any reference.
// Slow and obviously right; used only by tests.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace mteval {
namespace testing {

// Counts of the n-grams (contiguous runs of n units) of `units`.
template <typename Seq>
std::map<Seq, int64_t> CountNgrams(const Seq& units, size_t n) {
  std::map<Seq, int64_t> counts;
  for (size_t i = 0; i + n <= units.size(); ++i) ++counts[Seq(units.begin() + i, units.begin() + i + n)];
  return counts;
}

// Matches of `hyp`'s n-grams, each clipped by its largest count in any of
// `refs` (BLEU's modified precision numerator; with one reference, chrF's).
template <typename Seq>
int64_t ClippedMatches(const std::vector<Seq>& refs, const Seq& hyp, size_t n) {
  std::map<Seq, int64_t> ref_max;
  for (const Seq& r : refs) {
    for (const auto& [gram, count] : CountNgrams(r, n)) ref_max[gram] = std::max(ref_max[gram], count);
  }
  int64_t matches = 0;
  for (const auto& [gram, count] : CountNgrams(hyp, n)) {
    auto it = ref_max.find(gram);
    if (it != ref_max.end()) matches += std::min(count, it->second);
  }
  return matches;
}

}  // namespace testing
}  // namespace mteval
