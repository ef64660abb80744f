#pragma once
// The terminology section of `mteval compare --glossary G --src SRC`: a
// TerminologyProvider (report_builder.h) built on the terminology module
// (src/terms), with the same matching as `mteval terms --glossary`:
//  - term accuracy: CheckGlossary (glossary_check.h) of the source against
//    each system; accuracy in percent, correct and total source occurrences;
//  - inconsistent terms: ComputeConsistency (consistency.h) over the
//    renderings of each source-term occurrence, grouped by (document, term);
//    with documents a group is labelled "term [doc]"; an occurrence without
//    an allowed or forbidden variant shows as "(not found)";
//  - forbidden hits: every forbidden variant in the system output, with its
//    segment.
// The source is required (terms are found in it).

#include <string>

#include "corpus/segmented_text.h"
#include "compare/report_builder.h"

namespace mteval {

struct ReportTerminologyOptions {
  // Glossary file (.tsv, .csv or .tbx); required.
  std::string glossary_path;
  // Language codes ("" = the glossary's declaration); TBX needs them unless
  // the file has exactly two languages.
  std::string src_lang, tgt_lang;
  // Snowball-stemmed matching of target words (as `mteval terms --stem`).
  bool stem = false;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// Reads the glossary now (Error(kInput) for a bad one) and returns the
// provider. `source` holds one segment per corpus segment; its doc_id fields
// group consistency by document ("" = the whole text is one group). The
// provider throws Error(kMismatch) when the corpus has another segment count.
TerminologyProvider MakeTerminologyProvider(const ReportTerminologyOptions& options, SegmentedText source);

}  // namespace mteval
