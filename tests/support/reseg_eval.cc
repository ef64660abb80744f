#include "support/reseg_eval.h"

#include <mteval/error.h>
#include "align/reseg_units.h"
#include "text/python_str.h"

namespace mteval {

void ResegRoundTripOptions::Validate() const {
  if (block_size < 1) throw Error(ErrorKind::kUsage, "block size must be at least 1, got " + std::to_string(block_size));
  reseg.Validate();
}

ResegRoundTrip RunResegRoundTrip(const std::vector<std::string>& ref, const std::vector<std::string>& hyp,
                                 const ResegRoundTripOptions& options) {
  options.Validate();
  if (ref.size() != hyp.size()) {
    throw Error(ErrorKind::kMismatch, "round trip: " + std::to_string(ref.size()) + " reference segments but " +
                                          std::to_string(hyp.size()) + " hypothesis segments");
  }
  // Join blocks with a space, lines with '\n'; remember where each segment starts.
  std::string text;
  std::vector<size_t> starts;
  for (size_t i = 0; i < hyp.size(); ++i) {
    if (i > 0) text += (i % options.block_size == 0) ? '\n' : ' ';
    std::string_view seg = PyStrip(hyp[i]);
    starts.push_back(text.size());
    text.append(seg.data(), seg.size());
  }
  ResegResult r = Resegment(ref, text, options.reseg);

  // Map byte offsets to "index of the first unit starting at or after".
  std::vector<TextUnit> units = SplitUnits(text);
  auto unit_at = [&](size_t offset) {
    size_t lo = 0, hi = units.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (units[mid].begin < offset) lo = mid + 1; else hi = mid;
    }
    return lo;
  };
  ResegRoundTrip out;
  out.segments = std::move(r.segments);
  for (size_t b = 0; b + 1 < hyp.size(); ++b) {
    bool inner = (b + 1) % options.block_size != 0;
    bool hit = unit_at(r.cut_offsets[b]) == unit_at(starts[b + 1]);
    ++out.boundaries;
    out.recovered += hit;
    out.inner_boundaries += inner;
    out.inner_recovered += inner && hit;
  }
  return out;
}

}  // namespace mteval
