#pragma once
// `mteval terms` as a library call: loads the inputs, runs the terminology
// metrics that the inputs allow, and formats the report.
//
//  - WMT21 metrics (wmt21_terms.h) when the source and reference carry inline
//    <term> annotations (WMT21 SGML);
//  - glossary compliance (term accuracy, missing approved terms, forbidden
//    hits; glossary_check.h) when a glossary is given;
//  - consistency (consistency.h) from the glossary, or else from the
//    annotations;
//  - Xbench-style QA checks (qa_checks.h) on source and hypothesis.
//
// JSON schema (docs/user-guide.md, "Terminology"): an object with "inputs",
// then "wmt21", "glossary", "consistency" and "qa" members when computed. All
// figures are JSON numbers, except a term accuracy with no term occurrence to
// check, which is null.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corpus/segmented_text.h"
#include "terms/consistency.h"
#include "terms/glossary.h"
#include "terms/glossary_check.h"
#include "terms/qa_checks.h"
#include "terms/wmt21_terms.h"

namespace mteval {

struct TermsInputs {
  std::string src_path;       // source (required): SGML or plain text, one segment per line
  std::string ref_path;       // reference (optional), same formats
  std::string hyp_path;       // hypothesis (required), same formats
  std::string glossary_path;  // glossary (optional): .tsv, .csv or .tbx
  std::string src_lang;       // source language code ("" = from the SGML or the glossary)
  std::string tgt_lang;       // target language code ("" = from the SGML or the glossary)
};

struct TermsOptions {
  bool stem = false;                 // --stem: Snowball-stemmed matching in the target language
  std::vector<int> windows = {2, 3};  // window overlap sizes (WMT21)
  int term_edit_cost = 2;            // TERm cost of an edit on a term word (WMT21)
  bool qa = true;                    // run the QA checks
  // --allow-empty-glossary: a glossary without entries is reported as
  // nothing checked instead of being an error.
  bool allow_empty_glossary = false;

  // Throws Error(kUsage).
  void Validate() const;
};

// Everything computed; members are empty when not applicable.
struct TermsReport {
  TermsInputs inputs;
  std::string src_lang, tgt_lang;
  size_t segments = 0;
  std::optional<Wmt21TermResult> wmt21;
  std::optional<Glossary> glossary;
  std::optional<GlossaryCheckResult> compliance;   // with a glossary
  std::string consistency_basis;                   // "glossary", "annotations" or "" (not computed)
  std::optional<ConsistencyResult> consistency;    // of the hypothesis
  std::optional<ConsistencyResult> reference_consistency;  // of the reference's annotated terms
  std::optional<QaResult> qa;
  std::string json;  // the formatted JSON report
  std::string text;  // the formatted text report
};

// Loads a SGML file (".sgm", ".sgml" or content starting with a set element)
// or a plain text file (one segment per line).
SegmentedText LoadTermsInput(const std::string& path);

TermsReport ComputeTermsReport(const TermsInputs& inputs, const TermsOptions& options);

}  // namespace mteval
