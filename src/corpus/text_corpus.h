#pragma once
// Line-aligned references and system outputs, loaded and checked together.

#include <string>
#include <vector>

#include "corpus/line_list.h"

namespace mteval {

struct TextCorpus {
  std::vector<std::string> ref_names;     // one per reference stream
  std::vector<LineList> refs;             // [stream][segment]
  std::vector<std::string> system_names;  // one per system
  std::vector<LineList> systems;          // [system][segment]

  size_t num_segments() const { return systems.empty() ? 0 : systems[0].size(); }
  // References of segment `i`, one per stream.
  std::vector<std::string_view> SegmentRefs(size_t i) const;
};

struct TextCorpusOptions {
  // Reference files; with num_refs > 1 exactly one file whose lines hold
  // num_refs tab-separated references (sacreBLEU's -nr).
  std::vector<std::string> ref_paths;
  // System output files; empty means standard input, where each line holds
  // one tab-separated field per system (as sacreBLEU reads stdin).
  std::vector<std::string> hyp_paths;
  int num_refs = 1;

  // Throws Error(kUsage) for an impossible combination.
  void Validate() const;
};

// Reads everything and checks that all streams have the same number of
// lines; a mismatch throws Error(kMismatch) naming both files and counts.
TextCorpus LoadTextCorpus(const TextCorpusOptions& options);

// System outputs on standard input as sacreBLEU reads them: each line holds
// one tab-separated field per system (the first line sets how many; a later
// line with another count throws Error(kInput)), and from line 2 on each
// field is right-stripped too. Empty input gives one system without lines.
struct StdinSystems {
  std::vector<std::string> names;  // "System 1", "System 2", ...
  std::vector<LineList> systems;
};
StdinSystems ReadStdinSystems();

// Checks line counts of an assembled corpus (same error as above).
void CheckAligned(const TextCorpus& corpus);

}  // namespace mteval
