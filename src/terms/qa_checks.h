#pragma once
// Xbench-style QA checks over a whole translation:
//  - same source, different translations: source segments that are identical
//    (after whitespace normalisation) but translated differently;
//  - different sources, same translation: one (non-empty) translation given
//    to different source segments;
//  - numbers: numbers in a source segment that are missing from or changed in
//    its translation. Numbers are digit runs (ASCII or full-width) with '.' or
//    ',' between digit groups ("1,586,000" = 1586000, "3,2" = 3.2), scaled by
//    a following 万/亿 or thousand/million/billion; a number followed by 月
//    (a month) is also satisfied by the English month name.

#include <string>
#include <vector>

#include "corpus/segmented_text.h"

namespace mteval {

struct QaSegmentGroup {
  std::string text;                   // the shared source (or translation)
  std::vector<std::string> seg_ids;   // segments involved, in order
  std::vector<std::string> variants;  // the differing translations (or sources), first-seen order
};

struct QaNumberIssue {
  size_t segment = 0;
  std::string doc_id, seg_id;
  std::vector<std::string> missing;     // source numbers without a counterpart in the hypothesis
  std::vector<std::string> unexpected;  // hypothesis numbers without a counterpart in the source
};

struct QaResult {
  std::vector<QaSegmentGroup> same_source_different_translation;
  std::vector<QaSegmentGroup> same_translation_different_source;
  std::vector<QaNumberIssue> numbers;
};

// `src` and `hyp` must have the same number of segments (Error(kMismatch)).
QaResult RunQaChecks(const SegmentedText& src, const SegmentedText& hyp);

// The numbers of `text` in canonical form ("1586000", "3.2"), in order.
std::vector<std::string> ExtractNumbers(const std::string& text);

}  // namespace mteval
