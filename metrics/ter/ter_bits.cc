#include "metrics/ter/ter_bits.h"

namespace mteval {
namespace ter_bits {

void AdvanceBlocks(const uint64_t* eq_row, uint64_t* p, uint64_t* m, size_t blocks) {
  int hin = 1;  // the top boundary D(i, 0) = i
  for (size_t k = 0; k < blocks; ++k) {
    uint64_t pv = p[k], mv = m[k], eq = eq_row[k];
    const uint64_t xv = eq | mv;
    if (hin < 0) eq |= 1;
    const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
    uint64_t ph = mv | ~(xh | pv);
    uint64_t mh = pv & xh;
    const int hout = (ph >> 63) ? 1 : ((mh >> 63) ? -1 : 0);
    ph <<= 1;
    mh <<= 1;
    if (hin < 0) {
      mh |= 1;
    } else if (hin > 0) {
      ph |= 1;
    }
    p[k] = mh | ~(xv | ph);
    m[k] = ph & xv;
    hin = hout;
  }
}

}  // namespace ter_bits
}  // namespace mteval
