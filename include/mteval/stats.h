#pragma once
// Sufficient statistics and their file format: integer vectors that add
// exactly, so shards scored apart (threads, machines) merge into the exact
// corpus score.
//
//   mteval::StatsMatrix rows = bleu.SegmentStats(hyps, refs);  // one row per segment
//   std::vector<int64_t> total = rows.Sum();
//   mteval::StatsRecord record{"bleu", bleu.GetSignature(1).Format(false), "system-a", rows, total,
//                              rows.num_segments()};
//   std::string json = mteval::StatsToJson({record}, /*include_segments=*/true);
//   std::vector<mteval::StatsRecord> back = mteval::StatsFromJson(json, "shard-1.json");
//
// Thread safety: plain values.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace mteval {

// ---- stats.h
// Sufficient statistics: one integer vector per segment. Corpus statistics are
// the element-wise sum over segments, so shards scored apart merge exactly.

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

// ---- stats_io.h
// Serialises statistics so that shards scored on different machines merge
// into the exact corpus score. Format (JSON):
//   {"format": "mteval-stats", "version": 1, "records": [
//     {"metric": "bleu", "signature": "...", "system": "...",
//      "num_segments": N, "totals": [..], "segments": [[..], ..]}]}
// "segments" is optional on read.

struct StatsRecord {
  std::string metric;      // metric id, e.g. "bleu"
  std::string signature;   // full signature; merging requires equal ones
  std::string system;      // system name
  StatsMatrix segments;    // may have 0 rows when only totals are known
  std::vector<int64_t> totals;
  size_t num_segments = 0;
};

std::string StatsToJson(const std::vector<StatsRecord>& records, bool include_segments);

// Parses StatsToJson output; `name` (a file name) goes into error messages.
std::vector<StatsRecord> StatsFromJson(const std::string& text, const std::string& name);

// Merges records of the same metric, signature and system by adding totals
// (segments are appended). Throws Error(kMismatch) when they disagree.
StatsRecord MergeRecords(const std::vector<StatsRecord>& shards);

}  // namespace mteval
