// The statistics file: the writer gives exactly what nlohmann::json's
// dump(1) gives for the same document (the format of earlier versions),
// without building the document.

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

#include <mteval/stats.h>
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

// The document as a nlohmann::json value, dumped with a one-space indent.
std::string ReferenceJson(const std::vector<StatsRecord>& records, bool include_segments) {
  nlohmann::ordered_json root;
  root["format"] = "mteval-stats";
  root["version"] = 1;
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const StatsRecord& r : records) {
    nlohmann::ordered_json j;
    j["metric"] = r.metric;
    j["signature"] = r.signature;
    j["system"] = r.system;
    j["num_segments"] = r.num_segments;
    j["totals"] = r.totals;
    if (include_segments && r.segments.num_segments() > 0) {
      nlohmann::ordered_json rows = nlohmann::ordered_json::array();
      for (size_t i = 0; i < r.segments.num_segments(); ++i) {
        rows.push_back(std::vector<int64_t>(r.segments.Row(i), r.segments.Row(i) + r.segments.num_stats()));
      }
      j["segments"] = std::move(rows);
    }
    list.push_back(std::move(j));
  }
  root["records"] = std::move(list);
  return root.dump(1) + "\n";
}

}  // namespace

TEST_CASE("stats files are written as nlohmann::json's dump(1) writes them", "[stats_io]") {
  StatsRecord a;
  a.metric = "bleu";
  a.signature = "nrefs:1|case:mixed|tok:13a";
  a.system = "sys \"A\"\t\\ 中文 \x01";
  a.segments = StatsMatrix(3, 4);
  for (size_t i = 0; i < 3; ++i) {
    for (size_t c = 0; c < 4; ++c) a.segments.Row(i)[c] = static_cast<int64_t>(i * 1000 + c) - 2;
  }
  a.totals = a.segments.Sum();
  a.num_segments = 3;
  StatsRecord b;  // no segments, no totals
  b.metric = "chrf";
  b.num_segments = 0;
  StatsRecord c = a;
  c.totals = {INT64_MIN, INT64_MAX, 0};
  for (bool segments : {true, false}) {
    CHECK(StatsToJson({a, b, c}, segments) == ReferenceJson({a, b, c}, segments));
    CHECK(StatsToJson({b}, segments) == ReferenceJson({b}, segments));
  }
  CHECK(StatsToJson({}, true) == ReferenceJson({}, true));
  // A record that scoring can write (statistics are counts, never
  // negative: the reader refuses negatives) reads back.
  StatsRecord counts = a;
  for (size_t i = 0; i < 3; ++i) {
    for (size_t k = 0; k < 4; ++k) counts.segments.Row(i)[k] += 2;
  }
  counts.totals = counts.segments.Sum();
  const auto back = StatsFromJson(StatsToJson({counts}, true), "a.json");
  REQUIRE(back.size() == 1);
  CHECK(back[0].system == counts.system);
  CHECK(back[0].segments.data() == counts.segments.data());
  CHECK(back[0].totals == counts.totals);
}

}  // namespace mteval

namespace mteval {

TEST_CASE("score --stats-out on 100,000 segments stays within a small multiple of its input", "[stats_io][cli]") {
  // 2 x 15 MB of text. The statistics as a JSON document, and a copy of
  // them per record, took past 250 MB of address space here (the run ended
  // in "out of memory"); written straight into one buffer sized first, they
  // take about 200 MB.
  const std::string dir = testing::MakeTempDir();
  if (testing::SkipUnderAddressSanitizer("the memory of --stats-out")) return;
  std::mt19937 rng(1);
  const char* words[] = {"the", "report", "was", "approved", "by", "committee", "on", "Monday",
                         "after", "long", "debate", "council", "plan", "river", "costs"};
  std::string ref, hyp;
  for (int i = 0; i < 100000; ++i) {
    for (std::string* side : {&ref, &hyp}) {
      for (int w = 0; w < 25; ++w) *side += std::string(words[rng() % 15]) + " ";
      *side += ".\n";
    }
  }
  testing::WriteFile(dir + "/ref.txt", ref);
  testing::WriteFile(dir + "/hyp.txt", hyp);
  const auto r = testing::RunMtevalLimited(250000, "score " + dir + "/ref.txt -i " + dir + "/hyp.txt -m bleu chrf -q " +
                                                       "--threads 1 --stats-out " + dir + "/stats.json");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::ifstream in(dir + "/stats.json");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto records = StatsFromJson(text, "stats.json");
  REQUIRE(records.size() == 2);
  CHECK(records[0].segments.num_segments() == 100000);
}

}  // namespace mteval
