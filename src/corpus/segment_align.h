#pragma once
// Lines up segment streams (references and system outputs, each a
// SegmentedText) into parallel rows, by position or by (doc id, seg id).

#include <string>
#include <vector>

#include "corpus/segmented_text.h"

namespace mteval {

enum class AlignMode {
  kAuto,  // kId when every stream has_file_ids, else kLine
  kLine,  // row i of every stream belongs together; counts must agree
  kId,    // rows are matched on (doc_id, seg_id), in the first stream's order
};

struct AlignOptions {
  AlignMode mode = AlignMode::kAuto;
  // By id only: drop segments that some stream lacks (reported as a warning)
  // instead of failing.
  bool allow_missing = false;
  // How many ids an error or warning lists.
  size_t max_listed = 5;
};

struct AlignedRows {
  // rows[i][s] = index into streams[s].segments of row i's segment.
  std::vector<std::vector<size_t>> rows;
  std::vector<std::string> warnings;  // segments excluded under allow_missing
};

// Aligns `streams` (the first one is the pivot, normally the first
// reference). A count mismatch (by line), a duplicate or absent id, or ids
// that differ between streams (by id, without allow_missing) throw
// Error(kMismatch) naming the files, the counts and the first ids; nothing is
// dropped silently (the pivot's left_out ids are not counted as extra).
// allow_missing when the streams are aligned by line throws Error(kUsage).
AlignedRows AlignSegments(const std::vector<const SegmentedText*>& streams, const AlignOptions& options);

// "doc#seg" (or "seg" without documents), for messages.
std::string SegmentLabel(const Segment& segment);

}  // namespace mteval
