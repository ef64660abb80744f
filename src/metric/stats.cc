#include <mteval/stats.h>

#include <mteval/error.h>

namespace mteval {

void StatsMatrix::Append(const StatsMatrix& other) {
  if (num_segments_ == 0 && num_stats_ == 0) num_stats_ = other.num_stats_;
  if (other.num_stats_ != num_stats_) {
    throw Error(ErrorKind::kMismatch, "cannot append statistics with " + std::to_string(other.num_stats_) +
                                          " fields to statistics with " + std::to_string(num_stats_));
  }
  data_.insert(data_.end(), other.data_.begin(), other.data_.end());
  num_segments_ += other.num_segments_;
}

namespace {

// a += b, refusing to wrap around (statistics read from a file may be
// anything; real ones are far from 2^63).
void AddChecked(int64_t* a, int64_t b) {
  if (__builtin_add_overflow(*a, b, a)) {
    throw Error(ErrorKind::kInput, "statistics overflow a 64-bit integer when added; they cannot come from "
                                   "scoring real text (check the statistics files)");
  }
}

}  // namespace

std::vector<int64_t> StatsMatrix::Sum() const {
  std::vector<int64_t> total(num_stats_, 0);
  for (size_t s = 0; s < num_segments_; ++s) {
    const int64_t* row = Row(s);
    for (size_t j = 0; j < num_stats_; ++j) AddChecked(&total[j], row[j]);
  }
  return total;
}

void MergeStats(std::vector<int64_t>* a, const std::vector<int64_t>& b) {
  if (a->size() != b.size()) {
    throw Error(ErrorKind::kMismatch, "cannot merge statistics of sizes " + std::to_string(a->size()) +
                                          " and " + std::to_string(b.size()));
  }
  for (size_t i = 0; i < b.size(); ++i) AddChecked(&(*a)[i], b[i]);
}

}  // namespace mteval
