#pragma once
// Serialises statistics so that shards scored on different machines merge
// into the exact corpus score. Format (JSON):
//   {"format": "mteval-stats", "version": 1, "records": [
//     {"metric": "bleu", "signature": "...", "system": "...",
//      "num_segments": N, "totals": [..], "segments": [[..], ..]}]}
// "segments" is optional on read.

#include <string>
#include <vector>

#include "metric/stats.h"

namespace mteval {

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
