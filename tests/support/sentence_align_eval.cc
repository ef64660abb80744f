#include "support/sentence_align_eval.h"

#include <algorithm>
#include <array>
#include <random>
#include <set>

#include <mteval/error.h>
#include "align/reseg_units.h"

namespace mteval {

void PerturbOptions::Validate() const {
  if (!(merge_rate >= 0 && drop_rate >= 0 && merge_rate + drop_rate <= 1)) {
    throw Error(ErrorKind::kUsage, "perturbation rates must be in [0, 1] and sum to at most 1");
  }
}

PerturbedPair PerturbTarget(const std::vector<std::string>& tgt, const PerturbOptions& options) {
  options.Validate();
  std::mt19937_64 rng(options.seed);
  // Uniform in [0, 1) from the top 53 bits (the same on every platform).
  auto uniform = [&]() { return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0); };
  PerturbedPair out;
  size_t k = 0;
  while (k < tgt.size()) {
    double u = uniform();
    Bead b;
    b.src_begin = k;
    b.tgt_begin = out.tgt.size();
    if (u < options.drop_rate) {
      b.src_end = k + 1;
      b.tgt_end = b.tgt_begin;
      k += 1;
    } else if (u < options.drop_rate + options.merge_rate && k + 1 < tgt.size()) {
      std::string joined = tgt[k];
      AppendJoined(&joined, tgt[k + 1]);
      out.tgt.push_back(joined);
      b.src_end = k + 2;
      b.tgt_end = b.tgt_begin + 1;
      k += 2;
    } else {
      out.tgt.push_back(tgt[k]);
      b.src_end = k + 1;
      b.tgt_end = b.tgt_begin + 1;
      k += 1;
    }
    out.truth.push_back(b);
  }
  return out;
}

BeadScores ScoreBeads(const std::vector<Bead>& predicted, const std::vector<Bead>& truth) {
  BeadScores s;
  s.predicted = predicted.size();
  s.truth = truth.size();
  std::set<std::array<size_t, 4>> want;
  for (const Bead& b : truth) want.insert({b.src_begin, b.src_end, b.tgt_begin, b.tgt_end});
  for (const Bead& b : predicted) s.correct += want.count({b.src_begin, b.src_end, b.tgt_begin, b.tgt_end});
  return s;
}

}  // namespace mteval
