#pragma once
// Sufficient statistics: one integer vector per segment. Corpus statistics are
// the element-wise sum over segments, so shards scored apart merge exactly.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mteval {

class StatsMatrix {
 public:
  StatsMatrix() = default;
  StatsMatrix(size_t num_segments, size_t num_stats)
      : num_segments_(num_segments), num_stats_(num_stats), data_(num_segments * num_stats, 0) {}

  size_t num_segments() const { return num_segments_; }
  size_t num_stats() const { return num_stats_; }
  int64_t* Row(size_t segment) { return data_.data() + segment * num_stats_; }
  const int64_t* Row(size_t segment) const { return data_.data() + segment * num_stats_; }
  const std::vector<int64_t>& data() const { return data_; }

  // Appends the rows of `other` (same num_stats) after this matrix's rows.
  void Append(const StatsMatrix& other);
  // Element-wise sum over all rows.
  std::vector<int64_t> Sum() const;

 private:
  size_t num_segments_ = 0;
  size_t num_stats_ = 0;
  std::vector<int64_t> data_;
};

// Adds `b` into `a` element-wise; sizes must agree (throws Error otherwise).
void MergeStats(std::vector<int64_t>* a, const std::vector<int64_t>& b);

}  // namespace mteval
