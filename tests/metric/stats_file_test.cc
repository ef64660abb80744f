// The statistics-file reader refuses what scoring cannot have written, and
// adding statistics never wraps around.

#include <catch2/catch.hpp>

#include <mteval/error.h>
#include <mteval/stats.h>

namespace mteval {
namespace {

TEST_CASE("a statistics file is refused when it cannot come from scoring", "[stats]") {
  const std::string head = R"({"format": "mteval-stats", "version": 1, "records": [{"metric": "ter", "signature": "s", "system": "x", )";
  auto parse = [&](const std::string& record) { return StatsFromJson(head + record + "}]}", "f.json"); };
  auto refused = [&](const std::string& text, const std::string& what) {
    try {
      StatsFromJson(text, "f.json");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::kInput);
      CHECK_THAT(e.what(), Catch::Matchers::Contains(what));
      return true;
    }
    return false;
  };
  // A valid record parses, and merging it with itself doubles its totals.
  auto ok = parse(R"("num_segments": 2, "totals": [3, 4, 2, 2], "segments": [[1, 2, 1, 1], [2, 2, 1, 1]])");
  REQUIRE(ok.size() == 1);
  CHECK(MergeRecords({ok[0], ok[0]}).totals == std::vector<int64_t>{6, 8, 4, 4});
  CHECK(refused(R"({"format": "mteval-stats", "version": 2, "records": []})", "version 2"));
  CHECK(refused(R"({"format": "mteval-stats", "records": []})", "version (missing)"));
  CHECK(refused(R"({"format": 99, "records": []})", "missing \"format\""));
  CHECK(refused(head + R"("num_segments": 1, "totals": [1, -1, 1, 1]}]})", "negative statistic -1"));
  CHECK(refused(head + R"("num_segments": 2, "totals": [3, 4, 2, 2], "segments": [[1, 2, 1, 1]]}]})", "1 segment rows but num_segments is 2"));
  CHECK(refused(head + R"("num_segments": 2, "totals": [3, 5, 2, 2], "segments": [[1, 2, 1, 1], [2, 2, 1, 1]]}]})", "not the sum"));
  CHECK(refused(head + R"("num_segments": 2, "totals": [0, 0, 0, 0], "segments": [[9223372036854775807, 0, 0, 0], [1, 0, 0, 0]]}]})", "overflow"));
  // Numbers beyond 64 bits (nlohmann keeps them as floating point) and
  // fractions are not statistics.
  CHECK(refused(head + R"("num_segments": 1, "totals": [92233720368547758070, 1, 1, 1]}]})", "not an integer of at most 64 bits"));
  CHECK(refused(head + R"("num_segments": 1, "totals": [18446744073709551615, 1, 1, 1]}]})", "not an integer of at most 64 bits"));
  CHECK(refused(head + R"("num_segments": 1, "totals": [1.5, 1, 1, 1]}]})", "not an integer"));
  CHECK(refused(head + R"("num_segments": 1, "totals": [1e999999, 1, 1, 1]}]})", "unreadable JSON"));
  CHECK(refused(head + R"("num_segments": -1, "totals": [1, 1, 1, 1]}]})", "negative num_segments"));
  CHECK(refused(head + R"("num_segments": 2, "totals": [1, 1, 1, 1], "segments": [[1, 1, 1, 1], []]}]})", "expected a list of 4 statistics"));
  CHECK(refused(head + R"("num_segments": 1, "totals": [1, 1, 1, 1], "segments": {"a": 1}}]})", "not a list of rows"));
  // Totals near the limit parse, but adding two such shards is refused
  // instead of wrapping around (this was signed overflow before).
  auto big = parse(R"("num_segments": 1, "totals": [9223372036854775807, 1, 1, 1])");
  try {
    MergeRecords({big[0], big[0]});
    FAIL("merging overflowing totals was accepted");
  } catch (const Error& e) {
    CHECK_THAT(e.what(), Catch::Matchers::Contains("overflow"));
  }
}

}  // namespace
}  // namespace mteval
