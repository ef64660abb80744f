#pragma once
// Measures sentence alignment against a known alignment: one side of a
// line-aligned pair is perturbed (adjacent segments merged, some dropped) with
// a fixed seed, the pair is aligned, and the beads are compared with the
// truth (bead F1). Used by bench/align_eval and the tests.

#include <cstdint>
#include <string>
#include <vector>

#include <mteval/align.h>

namespace mteval {

struct PerturbOptions {
  double merge_rate = 0.10;  // probability that a segment is merged with the next one
  double drop_rate = 0.02;   // probability that a segment is dropped
  uint64_t seed = 12345;     // fixed seed (std::mt19937_64)

  // Throws Error(kUsage) unless both rates are in [0, 1] and sum to at most 1.
  void Validate() const;
};

struct PerturbedPair {
  std::vector<std::string> tgt;  // the perturbed target side
  std::vector<Bead> truth;       // beads between the source and `tgt`
};

// Perturbs `tgt` (line-aligned with a source of the same length): a dropped
// target segment leaves a 1-0 bead; a merge joins target segments k and k+1
// into one line, a 2-1 bead.
PerturbedPair PerturbTarget(const std::vector<std::string>& tgt, const PerturbOptions& options = {});

struct BeadScores {
  size_t predicted = 0, truth = 0, correct = 0;
  double precision() const { return predicted ? double(correct) / predicted : 1.0; }
  double recall() const { return truth ? double(correct) / truth : 1.0; }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

// Exact-match bead precision, recall and F1 (every bead counts, 1-0 included).
BeadScores ScoreBeads(const std::vector<Bead>& predicted, const std::vector<Bead>& truth);

}  // namespace mteval
