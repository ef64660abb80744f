#pragma once
// Prints per-document scores (score/doc_scores.h) as `mteval score
// --per-doc` shows them.

#include <string>
#include <vector>

#include <mteval/scoring.h>

namespace mteval {

// Text: one line per (system, document): "SYSTEM<TAB>DOC<TAB>N segs<TAB>NAME = SCORE VERBOSE ..."
// (the system column only with several systems).
std::string FormatDocScoresText(const std::vector<DocScore>& docs, const std::vector<std::string>& system_names,
                                int width);
// JSON array of {"system", "doc_id", "segments", "scores": {NAME: SCORE}}.
std::string FormatDocScoresJson(const std::vector<DocScore>& docs, const std::vector<std::string>& system_names,
                                int width);

}  // namespace mteval
