#pragma once
// Terminology: glossaries (TSV, CSV, TBX), glossary compliance, term
// consistency, Xbench-style QA checks, the WMT21 terminology metrics and TERm,
// and the whole `mteval terms` report.
//
//   mteval::Glossary glossary = mteval::ReadGlossary("glossary.tbx", "en", "fr");
//   mteval::SegmentedText src = mteval::LoadTermsInput("release.en");
//   mteval::SegmentedText hyp = mteval::LoadTermsInput("release.fr");
//   mteval::GlossaryCheckResult r = mteval::CheckGlossary(glossary, src, hyp, {});
//   // r.correct of r.occurrences; r.items: every source term occurrence; r.forbidden_hits
//
//   mteval::TermsInputs inputs;                            // or everything at once
//   inputs.src_path = "release.en";
//   inputs.hyp_path = "release.fr";
//   inputs.glossary_path = "glossary.tbx";
//   mteval::TermsReport report = mteval::ComputeTermsReport(inputs, {});
//
// Thread safety: plain values and functions; they may run concurrently.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

// ---- glossary.h
// Terminology glossaries: which target forms a source term may and may not be
// translated with.
//
// Formats (chosen by file extension):
//  - .tsv / .txt (tab-separated) and .csv (comma-separated, RFC 4180 quoting),
//    one entry per line:
//      source term | allowed target variants ('|'-separated, first = preferred)
//      | forbidden variants ('|'-separated, optional) | case ("yes"/"cs" =
//      case-sensitive, "no"/"ci"/empty = not) | note
//    A leading UTF-8 byte-order mark (Excel's "CSV UTF-8") is skipped.
//    Blank lines and lines starting with '#' are skipped; a first line whose
//    first cell is "source" (any case) is a header. A line
//      # languages: zh en
//    declares the source and target language codes.
//  - .tbx: TBX-Basic / TBX v2 (martif, termEntry, langSet, tig/ntig) and TBX
//    v3 core (tbx, conceptEntry, langSec, termSec). Each concept yields one
//    entry per non-forbidden source-language term; target terms whose
//    administrativeStatus is preferred or admitted (or absent) are allowed,
//    preferred ones first; deprecated and superseded ones are forbidden.
//    The file gets the checks of every XML input (corpus/xml_document.h):
//    DOCTYPE and ENTITY declarations, undefined entities, character
//    references and characters that XML 1.0 does not allow are refused.
//
// Errors (Error(kInput)) name the file and line (TSV/CSV) or the element and
// its line (TBX; XML-level errors name the line and column): an empty source term or an entry without allowed variants,
// a source term repeated with different variants, a malformed line or XML, a
// language code that is not ISO 639, an entity declaration.

struct GlossaryEntry {
  std::string source;                  // the source term as written
  std::vector<std::string> allowed;    // approved target variants, preferred first
  std::vector<std::string> forbidden;  // target variants that must not be used
  bool case_sensitive = false;         // match exactly (otherwise Unicode case folding)
  std::string note;                    // free text (TSV note, TBX definition/note)
  std::string origin;                  // "file:line" where the entry is defined
};

struct Glossary {
  std::string path;
  std::string src_lang, tgt_lang;  // "" when not declared
  std::vector<GlossaryEntry> entries;
};

// Reads `path`; `src_lang`/`tgt_lang` choose the TBX language sections
// (required for TBX unless the file has exactly two languages) and override
// a TSV declaration when given.
Glossary ReadGlossary(const std::string& path, const std::string& src_lang, const std::string& tgt_lang);

// Throws Error(kInput) naming the file when `g` has no entries (an empty,
// comment-only or header-only file): no term can be checked, and an accuracy
// of "0 of 0" must not pass for a result. `how_to_allow`, when not empty,
// ends the message (the flag of a command that allows it).
void RequireGlossaryEntries(const Glossary& g, const std::string& how_to_allow);

// Parsers over already-read bytes; `name` appears in errors.
Glossary ParseDelimitedGlossary(std::string_view content, const std::string& name, char delimiter);
Glossary ParseTbxGlossary(std::string_view content, const std::string& name, const std::string& src_lang,
                          const std::string& tgt_lang);

// True when the primary subtag of `code` ("en", "zh-Hans", "pt_BR", "fra")
// is an ISO 639 language code that ICU knows.
bool IsKnownLanguageCode(const std::string& code);

// ---- glossary_check.h
// Glossary compliance of a translation: for every occurrence of a glossary
// source term in the source (longest match first, non-overlapping), is one of
// its allowed target variants in the hypothesis segment? Each hypothesis
// occurrence serves at most one source occurrence. Forbidden variants found
// anywhere in the hypothesis are reported as hits.

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

// ---- release checks
// Monolingual checks of a translated release, with no glossary and no
// source: the variation a reviewer would flag.
//  - acronyms: definitions "Long Form (LF)" and "LF (Long Form)" (Schwartz &
//    Hearst 2003), one long form with two acronyms (IP and IPR), one acronym
//    with two long forms, an acronym used before its definition, one never
//    defined (matched, where possible, to the phrase whose first letters
//    spell it: SIPO and "State Intellectual Property Office"), and the long
//    form spelled out again after the definition;
//  - variants of one term: with and without "the" (the GAIPSR / GAIPSR),
//    hyphenation and spacing (China-EU / China EU), capitals (IP Seminar /
//    IP seminar);
//  - a doubled word ("the the"), an article repeated around one word ("the
//    next the IP seminar"), straight and typographic quotes mixed, numbers
//    with and without thousands separators, "September 6" and "6 September".
// English rules (articles, function words); other languages get the
// acronym, hyphenation, capitals, repeat and quote checks.

struct ReleaseCheckOptions {
  // Findings less sure than this (0..1) are not reported: lower it for
  // recall (0.3 lists every acronym never defined), raise it for precision.
  double min_confidence = 0.5;

  // Throws Error(kUsage).
  void Validate() const;
};

// One written form of the term a finding is about, with every place it is.
struct ReleaseVariant {
  std::string text;
  std::vector<TermLocation> locations;
};

struct ReleaseFinding {
  std::string check;    // "term-forms", "acronym-and-long-form", "acronym-two-long-forms",
                        // "acronym-used-before-definition", "acronym-undefined", "article-variants",
                        // "hyphenation-variants", "case-variants", "doubled-word", "repeated-article",
                        // "mixed-quotes", "number-formats", "date-formats"
  std::string term;     // what it is about, e.g. "Intellectual Property"
  std::string message;  // one sentence for the reviewer
  double confidence = 0.0;               // 0..1: how sure the check is that a reviewer would agree
  std::vector<ReleaseVariant> variants;  // most frequent (dominant) first
};

// Findings, surest first. `text` is the translation, one segment per line
// (or from any reader); a segment that is not valid UTF-8 throws
// Error(kInput) naming it and the byte.
std::vector<ReleaseFinding> CheckRelease(const SegmentedText& text, const ReleaseCheckOptions& options = {});

// ---- consistency.h
// Terminology consistency: for each term that occurs at least twice in a
// document (or in the whole text when it has no documents), the share of its
// occurrences rendered with its most frequent target variant. An occurrence
// whose rendering is unknown (no known variant found) counts as an occurrence
// but never as a variant.
//
// micro = sum over groups of (count of the most frequent variant) / sum of
// occurrences; macro = mean over groups of the per-group share. Groups are
// (document, term) pairs with >= 2 occurrences; a group is inconsistent when
// its share is below 1.

// One occurrence of a term and how it was rendered.
struct TermRendering {
  std::string term;     // grouping key shown in reports (e.g. the source term)
  std::string doc_id;   // "" without documents
  std::string seg_id;
  std::string variant;  // the target form used, "" when unknown
};

struct VariantUse {
  std::string form;                  // "" = no known variant
  size_t count = 0;
  std::vector<std::string> seg_ids;  // in order of occurrence
};

struct ConsistencyGroup {
  std::string term, doc_id;
  size_t occurrences = 0;
  double share = 0;                  // most frequent variant / occurrences
  std::vector<VariantUse> variants;  // most frequent first (ties: first seen)
};

struct ConsistencyResult {
  size_t groups = 0;                 // groups with >= 2 occurrences
  size_t occurrences = 0;            // occurrences in those groups
  double micro = 1.0, macro = 1.0;   // 1 when there are no groups
  std::vector<ConsistencyGroup> inconsistent;  // in order of first occurrence
};

ConsistencyResult ComputeConsistency(const std::vector<TermRendering>& renderings);

// ---- qa_checks.h
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

// ---- wmt21_terms.h
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

// ---- term_edit_rate.h
// TERm, the term-weighted translation edit rate of Alam et al. (2021), "On the
// Evaluation of Machine Translation for Terminology Consistency": a word-level
// TER with shifts (the Tanaka TER of the reference implementation,
// TER_modified.py) in which edits touching reference positions that belong to
// an annotated term cost `term_cost` instead of 1.
//
// The reference implementation's behaviour is reproduced as it is, because the
// published figures depend on it:
//  - the cell (i, j) of the edit-distance table charges a substitution or an
//    insertion `term_cost` when reference index j-1 is a term position, and a
//    deletion `term_cost` when reference index j is one (indices 0-based);
//  - term costs apply only to the table rows of prefixes of the original
//    hypothesis; every other word sequence evaluated during the shift search
//    continues from the longest such prefix with unit costs (the script's
//    prefix cache keeps the first row it computed for each prefix);
//  - a shift moves the longest common run starting at hypothesis position i
//    and reference position j (i != j) to position j of the remaining words;
//    the shift that lowers the cost most is taken (ties: the lexicographically
//    greatest word sequence), until no shift lowers it; each shift costs 1;
//  - the result is (shifts + final edit cost) / reference length.

// `term_positions` are reference word indices (0-based) that belong to terms;
// indices outside [0, ref.size()) are ignored. An empty reference gives 0 for
// an empty hypothesis and 1 otherwise (the script divides by zero).
double TermEditRate(const std::vector<std::string_view>& hyp, const std::vector<std::string_view>& ref,
                    const std::vector<int>& term_positions, int term_cost);

// ---- terms_report.h
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

struct TermsInputs {
  std::string src_path;       // source (optional: without it only the release checks run): SGML or text
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
  bool qa = true;                    // run the QA checks (they need the source)
  bool release_checks = true;        // run the monolingual release checks (CheckRelease) on the hypothesis
  double min_confidence = 0.5;       // --min-confidence: the release checks' threshold (0..1)
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
  std::optional<std::vector<ReleaseFinding>> release;  // the monolingual release checks
  std::string json;  // the formatted JSON report
  std::string text;  // the formatted text report
};

// Loads a SGML file (".sgm", ".sgml" or content starting with a set element)
// or a plain text file (one segment per line).
SegmentedText LoadTermsInput(const std::string& path);

TermsReport ComputeTermsReport(const TermsInputs& inputs, const TermsOptions& options);

}  // namespace mteval
