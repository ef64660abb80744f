#include <mteval/corpus.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include <mteval/error.h>

namespace mteval {
namespace {

std::string Key(const Segment& s) { return s.doc_id + '\x1f' + s.seg_id; }

std::string StreamName(const SegmentedText& t) { return "'" + t.path + "'" + (t.name.empty() ? "" : " (" + t.name + ")"); }

std::string ListIds(const std::vector<std::string>& ids, size_t total) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ", ") + id;
  if (total > ids.size()) out += ", ...";
  return out;
}

// Ids of one stream, in order; throws on a duplicate.
std::unordered_map<std::string, size_t> IndexIds(const SegmentedText& t) {
  std::unordered_map<std::string, size_t> index;
  index.reserve(t.segments.size());
  for (size_t i = 0; i < t.segments.size(); ++i) {
    const Segment& s = t.segments[i];
    if (s.seg_id.empty()) {
      throw Error(ErrorKind::kMismatch, StreamName(t) + " has a segment without an id (number " + std::to_string(i + 1) +
                                            "); alignment by id (--align id) needs ids in every file");
    }
    if (!index.emplace(Key(s), i).second) {
      throw Error(ErrorKind::kMismatch, StreamName(t) + " has segment id " + SegmentLabel(s) +
                                            " twice; ids must be unique to align by id (or use --align line)");
    }
  }
  return index;
}

bool SameIdsInOrder(const SegmentedText& a, const SegmentedText& b) {
  return a.segments.size() == b.segments.size() &&
         std::equal(a.segments.begin(), a.segments.end(), b.segments.begin(), [](const Segment& x, const Segment& y) {
           return x.seg_id == y.seg_id && x.doc_id == y.doc_id;
         });
}

}  // namespace

std::string SegmentLabel(const Segment& s) { return s.doc_id.empty() ? s.seg_id : s.doc_id + "#" + s.seg_id; }

PairedRows PairSegments(const std::vector<const SegmentedText*>& streams, const PairingOptions& options) {
  PairedRows out;
  if (streams.empty()) return out;
  const SegmentedText& pivot = *streams[0];
  const auto no_ids = std::find_if(streams.begin(), streams.end(), [](const SegmentedText* t) { return !t->has_file_ids; });
  const bool by_id = options.mode == PairingMode::kId || (options.mode == PairingMode::kAuto && no_ids == streams.end());
  if (!by_id && options.allow_missing) {
    throw Error(ErrorKind::kUsage, "--allow-missing matches segments by id, but " +
                                       (no_ids == streams.end() ? std::string("--align line pairs them by position")
                                                                : StreamName(**no_ids) + " has no segment ids") +
                                       " (--align id numbers the segments of such files by position)");
  }
  if (!by_id) {
    for (size_t s = 1; s < streams.size(); ++s) {
      if (streams[s]->segments.size() != pivot.segments.size()) {
        throw Error(ErrorKind::kMismatch,
                    "segment counts differ: " + StreamName(*streams[s]) + " has " +
                        std::to_string(streams[s]->segments.size()) + " segments but " + StreamName(pivot) + " has " +
                        std::to_string(pivot.segments.size()) +
                        "; every stream needs one segment per reference segment (with document and segment ids, "
                        "--align id matches them by id)");
      }
    }
    out.rows.resize(pivot.segments.size(), std::vector<size_t>(streams.size()));
    for (size_t i = 0; i < out.rows.size(); ++i) {
      for (size_t s = 0; s < streams.size(); ++s) out.rows[i][s] = i;
    }
    return out;
  }

  // in_order[s]: stream s has the pivot's ids in the pivot's order (the
  // usual case), so row i is its segment i without any lookup.
  std::vector<bool> in_order(streams.size(), true);
  std::vector<std::unordered_map<std::string, size_t>> index(streams.size());
  index[0] = IndexIds(pivot);
  for (size_t s = 1; s < streams.size(); ++s) {
    in_order[s] = SameIdsInOrder(pivot, *streams[s]);
    if (!in_order[s]) index[s] = IndexIds(*streams[s]);
  }
  std::unordered_set<std::string> left_out;  // ids the pivot's reader left out on purpose
  for (const Segment& seg : pivot.left_out) left_out.insert(Key(seg));
  // present[i]: pivot segment i is in every stream.
  std::vector<bool> present(pivot.segments.size(), true);
  std::string problems;
  for (size_t s = 1; s < streams.size(); ++s) {
    if (in_order[s]) continue;
    std::vector<std::string> missing, extra;
    size_t n_missing = 0, n_extra = 0;
    for (size_t i = 0; i < pivot.segments.size(); ++i) {
      if (!index[s].count(Key(pivot.segments[i]))) {
        present[i] = false;
        if (n_missing++ < options.max_listed) missing.push_back(SegmentLabel(pivot.segments[i]));
      }
    }
    for (const Segment& seg : streams[s]->segments) {
      const std::string key = Key(seg);
      if (!index[0].count(key) && !left_out.count(key) && n_extra++ < options.max_listed) {
        extra.push_back(SegmentLabel(seg));
      }
    }
    if (n_missing) {
      problems += "\n  " + StreamName(*streams[s]) + " lacks " + std::to_string(n_missing) + " of the " +
                  std::to_string(pivot.segments.size()) + " segments of " + StreamName(pivot) +
                  " (first: " + ListIds(missing, n_missing) + ")";
    }
    if (n_extra) {
      problems += "\n  " + StreamName(*streams[s]) + " has " + std::to_string(n_extra) + " segments that " +
                  StreamName(pivot) + " lacks (first: " + ListIds(extra, n_extra) + ")";
    }
  }
  if (!problems.empty() && !options.allow_missing) {
    throw Error(ErrorKind::kMismatch, "segment ids differ between files:" + problems +
                                          "\npass --allow-missing to score only the segments present in every file" +
                                          (options.mode == PairingMode::kAuto
                                               ? ", or --align line to pair segments by position, ignoring the ids"
                                               : ""));
  }
  const bool all_in_order = std::find(in_order.begin(), in_order.end(), false) == in_order.end();
  for (size_t i = 0; i < pivot.segments.size(); ++i) {
    if (!present[i]) continue;
    const std::string key = all_in_order ? std::string() : Key(pivot.segments[i]);
    std::vector<size_t> row(streams.size());
    for (size_t s = 0; s < streams.size(); ++s) row[s] = in_order[s] ? i : index[s].at(key);
    out.rows.push_back(std::move(row));
  }
  if (!problems.empty()) {
    out.warnings.push_back("--allow-missing: scoring " + std::to_string(out.rows.size()) + " segments present in every file; excluded:" + problems);
  }
  if (out.rows.empty()) {
    throw Error(ErrorKind::kMismatch, "no segment id is present in every file; nothing to score:" + problems);
  }
  return out;
}

}  // namespace mteval
