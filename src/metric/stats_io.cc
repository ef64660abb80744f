#include <mteval/stats.h>

#include <nlohmann/json.hpp>

#include <mteval/error.h>

namespace mteval {

namespace {

// Counts the bytes a writer would append: a first pass sizes the output so
// that it is allocated once (growing a string by doubling holds the old and
// the new buffer at once).
struct ByteCounter {
  size_t size = 0;
  ByteCounter& operator+=(char) {
    ++size;
    return *this;
  }
  ByteCounter& operator+=(const std::string& s) {
    size += s.size();
    return *this;
  }
  void append(size_t n, char) { size += n; }
};

// The text nlohmann::json's dump(1) gives, written straight into `out` (a
// std::string or a ByteCounter) without building the document: a document
// of a million segments took several hundred bytes a statistic as JSON
// values.
template <typename Sink>
class IndentedJsonWriter {
 public:
  explicit IndentedJsonWriter(Sink* out) : out_(out) {}

  void Open(char bracket) {
    *out_ += bracket;
    ++depth_;
    first_ = true;
  }
  void Close(char bracket) {
    --depth_;
    if (!first_) Newline();  // an empty container stays "[]" / "{}"
    *out_ += bracket;
    first_ = false;
  }
  void Key(const std::string& key) {
    Item();
    *out_ += nlohmann::json(key).dump();
    *out_ += ": ";
    keyed_ = true;
  }
  void String(const std::string& value) {
    Item();
    *out_ += nlohmann::json(value).dump();
  }
  template <typename Int>
  void Number(Int value) {
    Item();
    *out_ += std::to_string(value);
  }
  // Every value but the top one starts with Item (after a key, nothing).
  void Item() {
    if (keyed_) {
      keyed_ = false;
      return;
    }
    if (depth_ == 0) return;
    if (!first_) *out_ += ',';
    Newline();
    first_ = false;
  }

 private:
  void Newline() {
    *out_ += '\n';
    out_->append(static_cast<size_t>(depth_), ' ');
  }

  Sink* out_;
  int depth_ = 0;
  bool first_ = true, keyed_ = false;
};

template <typename Sink>
void WriteStatsJson(const std::vector<StatsRecord>& records, bool include_segments, Sink* out) {
  IndentedJsonWriter<Sink> w(out);
  w.Open('{');
  w.Key("format");
  w.String("mteval-stats");
  w.Key("version");
  w.Number(1);
  w.Key("records");
  w.Item();
  w.Open('[');
  for (const StatsRecord& r : records) {
    w.Item();
    w.Open('{');
    w.Key("metric");
    w.String(r.metric);
    w.Key("signature");
    w.String(r.signature);
    w.Key("system");
    w.String(r.system);
    w.Key("num_segments");
    w.Number(r.num_segments);
    w.Key("totals");
    w.Item();
    w.Open('[');
    for (int64_t v : r.totals) w.Number(v);
    w.Close(']');
    if (include_segments && r.segments.num_segments() > 0) {
      w.Key("segments");
      w.Item();
      w.Open('[');
      for (size_t i = 0; i < r.segments.num_segments(); ++i) {
        w.Item();
        w.Open('[');
        for (size_t c = 0; c < r.segments.num_stats(); ++c) w.Number(r.segments.Row(i)[c]);
        w.Close(']');
      }
      w.Close(']');
    }
    w.Close('}');
  }
  w.Close(']');
  w.Close('}');
  *out += '\n';
}

}  // namespace

std::string StatsToJson(const std::vector<StatsRecord>& records, bool include_segments) {
  ByteCounter size;
  WriteStatsJson(records, include_segments, &size);
  std::string out;
  out.reserve(size.size);
  WriteStatsJson(records, include_segments, &out);
  return out;
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
