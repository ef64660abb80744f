#pragma once
// Glossary compliance of a translation: for every occurrence of a glossary
// source term in the source (longest match first, non-overlapping), is one of
// its allowed target variants in the hypothesis segment? Each hypothesis
// occurrence serves at most one source occurrence. Forbidden variants found
// anywhere in the hypothesis are reported as hits.

#include <string>
#include <vector>

#include "corpus/segmented_text.h"
#include "terms/glossary.h"

namespace mteval {

struct GlossaryCheckOptions {
  bool stem = false;     // Snowball-stem both sides (languages from the glossary or below)
  std::string src_lang;  // overrides the glossary's language codes when not empty
  std::string tgt_lang;
};

struct TermLocation {
  size_t segment = 0;              // index in the file
  std::string doc_id, seg_id;
  size_t begin = 0, end = 0;       // bytes into Segment::text
};

struct GlossaryOccurrence {
  size_t entry = 0;                // index into Glossary::entries
  TermLocation source;             // where the source term is
  bool correct = false;            // an allowed variant was found
  bool forbidden = false;          // a forbidden variant was used instead
  std::string variant;             // the variant found (allowed or forbidden), "" if none
  TermLocation target;             // where it is in the hypothesis (when found)
};

struct ForbiddenHit {
  size_t entry = 0;
  std::string form;                // the forbidden variant as written in the glossary
  TermLocation target;
  bool source_present = false;     // the entry's source term occurs in the source segment
};

struct GlossaryCheckResult {
  size_t occurrences = 0;
  size_t correct = 0;
  double accuracy = 0;             // correct / occurrences (0 without occurrences)
  std::vector<GlossaryOccurrence> items;   // every source occurrence, in order
  std::vector<ForbiddenHit> forbidden_hits;
  std::vector<size_t> unused_entries;      // entries whose source term never occurs
};

// `src` and `hyp` must have the same number of segments (Error(kMismatch)).
GlossaryCheckResult CheckGlossary(const Glossary& glossary, const SegmentedText& src, const SegmentedText& hyp,
                                  const GlossaryCheckOptions& options);

}  // namespace mteval
