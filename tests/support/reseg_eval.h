#pragma once
// Measures re-segmentation against a known segmentation: the hypothesis
// segments are joined in blocks (as if a system had produced paragraphs),
// re-segmented against the reference, and the cuts compared with the true
// segment boundaries. Used by bench/reseg_eval and the tests.

#include <cstddef>
#include <string>
#include <vector>

#include <mteval/align.h>

namespace mteval {

struct ResegRoundTripOptions {
  // Consecutive hypothesis segments joined into one line (>= 1).
  int block_size = 10;
  ResegOptions reseg;

  // Throws Error(kUsage) for a block size below 1 or bad reseg options.
  void Validate() const;
};

struct ResegRoundTrip {
  std::vector<std::string> segments;  // the re-segmented hypothesis
  size_t boundaries = 0;          // true boundaries (segments - 1)
  size_t recovered = 0;           // cuts at exactly the true boundary
  size_t inner_boundaries = 0;    // boundaries inside a joined block
  size_t inner_recovered = 0;
  double recovered_fraction() const { return boundaries ? double(recovered) / boundaries : 1.0; }
};

// `hyp` and `ref` must have the same number of segments (else
// Error(kMismatch)). A cut counts as recovered when it falls before the same
// hypothesis unit as the true boundary (so surrounding whitespace and empty
// segments do not matter).
ResegRoundTrip RunResegRoundTrip(const std::vector<std::string>& ref, const std::vector<std::string>& hyp,
                                 const ResegRoundTripOptions& options = {});

}  // namespace mteval
