// libFuzzer target for the statistics-file reader (--stats-out files, the
// input of shard merging). Whatever parses must merge with itself without
// a crash, and what merges must serialise and parse back to the same totals.
#include <cstdlib>

#include <mteval/error.h>
#include "fuzz_common.h"
#include <mteval/stats.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const std::vector<mteval::StatsRecord> records =
        mteval::StatsFromJson(std::string(mteval::fuzz::AsView(data, size)), "fuzz.json");
    for (const mteval::StatsRecord& r : records) {
      const mteval::StatsRecord merged = mteval::MergeRecords({r, r});
      const std::vector<mteval::StatsRecord> again =
          mteval::StatsFromJson(mteval::StatsToJson({merged}, true), "again.json");
      if (again.size() != 1 || again[0].totals != merged.totals) std::abort();
    }
  } catch (const mteval::Error&) {
  }
  return 0;
}
