#pragma once
// The WMT21 terminology task's metrics (Alam et al. 2021, reference script
// evaluate_term_wmt.py of GitHub mahfuzibnalam/terminology_evaluation), computed
// from SGML source/reference/hypothesis files whose source and reference
// segments carry inline <term> annotations (see corpus/sgml_reader.h):
//
//  - exact-match term accuracy: a reference term occurrence is correct when
//    one of its allowed target forms (the tgt attribute, '|'-separated, plus the
//    reference's own term text when it is not a substring of tgt) occurs in
//    the hypothesis as whole space-delimited tokens at a position not yet used
//    by another term of the segment;
//  - window overlap (w = 2, 3 by default): per segment, the mean over matched
//    (reference term, hypothesis occurrence) pairs of the share of the w
//    nearest non-punctuation reference words on each side of the term found
//    among the w nearest hypothesis words; averaged over all source segments;
//  - 1-TERm: 1 - mean over hypothesis segments of TermEditRate (see
//    term_edit_rate.h) with the reference's term positions.
//
// Segments are compared after whitespace normalisation (Python's
// ' ' + ' '.join(text.split()) + ' '). The script's quirks that its figures
// depend on are reproduced (see also docs/architecture.md, "Terminology"):
// positions of term words are the first occurrences of the term's first and
// last words, a term with several allowed forms may use one hypothesis
// position per form, allowed forms are Python regular expressions (grouping
// parentheses and '.' are honoured; other metacharacters are taken
// literally), only terms whose type contains "tgt_original" enter window
// overlap and TERm.
//
// With `stem_language` set, a term that is not matched exactly is looked up
// again among Snowball-stemmed, lowercased hypothesis tokens (the script's
// lemma branch uses Stanza lemmas instead; see the user guide).

#include <string>
#include <vector>

#include "corpus/segmented_text.h"

namespace mteval {

struct Wmt21TermOptions {
  // Context window sizes for window overlap.
  std::vector<int> windows = {2, 3};
  // Cost of an edit on a reference term word in TERm.
  int term_edit_cost = 2;
  // Snowball language for the stemmed second pass ("" = exact match only),
  // e.g. "french"; see StemmerLanguages() in terms/stemmer.h.
  std::string stem_language;

  // Throws Error(kUsage) for windows < 1 or a cost < 1.
  void Validate() const;
};

// One annotated reference term occurrence and what the hypothesis did with it.
struct Wmt21TermOccurrence {
  size_t segment = 0;             // index into the hypothesis segments
  std::string doc_id, seg_id;
  std::string term_id;            // the <term id> attribute
  std::string source;             // the source term text
  std::string term;               // the term's src attribute (its dictionary form)
  std::string reference;          // the reference's term text
  std::vector<std::string> allowed;  // allowed target forms, in order
  bool correct = false;           // exact match
  bool correct_stem = false;      // matched only in the stemmed pass
  std::string matched;            // the allowed form found first ("" if none)
  size_t hyp_begin = 0, hyp_end = 0;  // bytes of `matched` in the normalised hypothesis
};

struct Wmt21TermResult {
  size_t source_segments = 0;
  size_t hypothesis_segments = 0;
  size_t term_occurrences = 0;
  size_t exact_correct = 0;
  size_t exact_wrong = 0;         // includes the stemmed matches below
  size_t stem_correct = 0;        // found only by the stemmed pass
  double exact_accuracy = 0;      // exact_correct / term_occurrences
  double accuracy_with_stem = 0;  // (exact_correct + stem_correct) / term_occurrences
  std::vector<int> windows;
  std::vector<double> window_overlap;  // one per window
  double one_minus_term = 0;
  std::vector<Wmt21TermOccurrence> occurrences;
};

// Aligns the three files by (doc id, seg id); the source and reference must
// list the same segments in the same order with the same number of terms
// (Error(kMismatch) otherwise); every hypothesis segment must exist in the
// reference.
Wmt21TermResult ScoreWmt21Terms(const SegmentedText& src, const SegmentedText& ref, const SegmentedText& hyp,
                                const Wmt21TermOptions& options);

}  // namespace mteval
