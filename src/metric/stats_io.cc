#include "metric/stats_io.h"

#include <nlohmann/json.hpp>

#include "common/error.h"

namespace mteval {

std::string StatsToJson(const std::vector<StatsRecord>& records, bool include_segments) {
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

namespace {

// A statistic as JSON holds it: an integer that fits int64_t (nlohmann keeps
// larger numbers as floating point, and converting those is undefined).
// Throws std::out_of_range naming `what`, turned into Error by the caller.
int64_t ReadInteger(const nlohmann::json& j, const std::string& what) {
  if (j.is_number_unsigned() && j.get<uint64_t>() <= static_cast<uint64_t>(INT64_MAX)) return j.get<int64_t>();
  if (j.is_number_integer() && !j.is_number_unsigned()) return j.get<int64_t>();
  throw std::out_of_range(what + " is " + j.dump() + ", not an integer of at most 64 bits");
}

std::vector<int64_t> ReadIntegers(const nlohmann::json& j, const std::string& what) {
  if (!j.is_array()) throw std::out_of_range(what + " is not a list of integers");
  std::vector<int64_t> out;
  out.reserve(j.size());
  for (const auto& v : j) out.push_back(ReadInteger(v, what));
  return out;
}

}  // namespace

std::vector<StatsRecord> StatsFromJson(const std::string& text, const std::string& name) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    throw Error(ErrorKind::kInput, name + ": not valid JSON (byte " + std::to_string(e.byte) + "): " + e.what());
  } catch (const nlohmann::json::exception& e) {  // e.g. a number too large to represent
    throw Error(ErrorKind::kInput, name + ": unreadable JSON (" + e.what() + ")");
  }
  auto fail = [&](const std::string& what) {
    throw Error(ErrorKind::kInput, name + ": " + what + " (expected a file written by `mteval score --stats-out`)");
  };
  if (!root.is_object() || !root.contains("format") || root["format"] != "mteval-stats")
    fail("missing \"format\": \"mteval-stats\"");
  if (!root.contains("version") || !root["version"].is_number_unsigned() || root["version"].get<uint64_t>() != 1) {
    throw Error(ErrorKind::kInput, name + ": statistics format version " +
                                       (root.contains("version") ? root["version"].dump() : std::string("(missing)")) +
                                       " is not one this mteval reads (it reads version 1); score the text again "
                                       "with this version, or use the mteval that wrote the file");
  }
  if (!root.contains("records") || !root["records"].is_array()) fail("missing \"records\" array");
  std::vector<StatsRecord> out;
  size_t index = 0;
  for (const auto& j : root["records"]) {
    std::string where = "record " + std::to_string(index++);
    try {
      StatsRecord r;
      r.metric = j.at("metric").get<std::string>();
      r.signature = j.at("signature").get<std::string>();
      r.system = j.at("system").get<std::string>();
      const int64_t num_segments = ReadInteger(j.at("num_segments"), "num_segments");
      if (num_segments < 0) fail(where + ": negative num_segments");
      r.num_segments = static_cast<size_t>(num_segments);
      r.totals = ReadIntegers(j.at("totals"), "totals");
      if (j.contains("segments")) {
        const auto& rows = j["segments"];
        if (!rows.is_array()) fail(where + ": \"segments\" is not a list of rows");
        // Every row is checked before the matrix is allocated, so a file
        // cannot ask for more memory than its own size suggests.
        for (size_t i = 0; i < rows.size(); ++i) {
          if (!rows[i].is_array() || rows[i].size() != r.totals.size())
            fail(where + ", segment " + std::to_string(i) + ": expected a list of " + std::to_string(r.totals.size()) +
                 " statistics, as many as \"totals\" has");
        }
        r.segments = StatsMatrix(rows.size(), r.totals.size());
        for (size_t i = 0; i < rows.size(); ++i) {
          auto row = ReadIntegers(rows[i], "segment " + std::to_string(i));
          for (int64_t v : row)
            if (v < 0) fail(where + ", segment " + std::to_string(i) + ": negative statistic " + std::to_string(v) + " (statistics are counts)");
          std::copy(row.begin(), row.end(), r.segments.Row(i));
        }
        if (rows.size() != r.num_segments)
          fail(where + ": " + std::to_string(rows.size()) + " segment rows but num_segments is " +
               std::to_string(r.num_segments));
        if (r.segments.Sum() != r.totals) fail(where + ": totals are not the sum of the segment rows");
      }
      for (int64_t v : r.totals)
        if (v < 0) fail(where + ": negative statistic " + std::to_string(v) + " (statistics are counts)");
      out.push_back(std::move(r));
    } catch (const nlohmann::json::exception& e) {
      fail(where + ": " + e.what());
    } catch (const std::out_of_range& e) {
      fail(where + ": " + e.what());
    }
  }
  return out;
}

StatsRecord MergeRecords(const std::vector<StatsRecord>& shards) {
  if (shards.empty()) throw Error(ErrorKind::kUsage, "no statistics to merge");
  StatsRecord merged = shards[0];
  for (size_t i = 1; i < shards.size(); ++i) {
    const StatsRecord& s = shards[i];
    if (s.metric != merged.metric || s.signature != merged.signature) {
      throw Error(ErrorKind::kMismatch, "cannot merge statistics of '" + s.metric + "|" + s.signature + "' into '" +
                                            merged.metric + "|" + merged.signature + "'");
    }
    MergeStats(&merged.totals, s.totals);
    merged.num_segments += s.num_segments;
    if (merged.segments.num_segments() > 0 && s.segments.num_segments() > 0) {
      merged.segments.Append(s.segments);
    } else {
      merged.segments = StatsMatrix();
    }
  }
  return merged;
}

}  // namespace mteval
