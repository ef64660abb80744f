#pragma once
// Re-segmentation (a system output cut into the reference's segments) and
// sentence alignment (a document and its translation paired sentence by
// sentence).
//
//   mteval::ResegResult cut = mteval::Resegment(reference_lines, whole_system_output, {});
//   // cut.segments: one piece of the output per reference line
//
//   mteval::SentenceAlignOptions options;
//   std::vector<mteval::Bead> beads = mteval::AlignSentences(source_sentences, target_sentences, options);
//   // each bead pairs source sentences [src_begin, src_end) with target [tgt_begin, tgt_end)
//
// Thread safety: plain values and functions; they may run concurrently.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

// ---- reseg.h
// Re-segmentation of a hypothesis into the reference's segments by minimum
// edit distance, as mwerSegmenter does (Matusov et al. 2005, "Evaluating
// machine translation output with automatic sentence segmentation").
//
// The hypothesis is read as a free word stream (line breaks are ordinary
// whitespace). It is cut into exactly as many pieces as there are reference
// segments so that the sum of the word edit distances between piece k and
// reference segment k is minimal. Units are words, except that Han, Hiragana
// and Katakana characters are units of their own (CJK text is compared and
// cut character by character); punctuation is a unit of its own for matching,
// but a cut only falls where a word ends: at whitespace, or next to a CJK
// character or full-width CJK punctuation. Cuts that do not follow
// sentence-final punctuation, or that precede a lower-case word or closing
// punctuation, cost a configurable fraction of an edit more (so the result
// may cost slightly more edits than the minimum; both penalties at 0 give the
// minimum, with sentence ends still winning ties).
//
// The dynamic programme runs over (reference unit, hypothesis unit) cells
// inside a band that follows the best alignment of the previous row, so time
// and memory are linear in the corpus length times the band width, never
// quadratic in the corpus. A hypothesis that drifts further than the band
// from the reference (e.g. hundreds of extra or missing words in one place)
// is still segmented, but not optimally; split documents when they are known.
// Memory: one byte per cell, about (2 * band + 1) bytes per reference unit.

struct ResegOptions {
  // Half-width of the DP band, in units (words, or characters of CJK text).
  int band = 300;
  // Compare units case-sensitively (default: ASCII case folded).
  bool case_sensitive = false;
  // Cost, in edits, of a cut that does not follow sentence-final punctuation
  // (. ! ? 。 ！ ？ …, optionally followed by a closing quote or bracket).
  // 0 is plain mwerSegmenter (minimum edits; sentence ends still win ties).
  double cut_penalty = 1.5;
  // Extra cost, in edits, of a cut before a unit that rarely starts a
  // sentence: a word that starts with a lower-case letter, or punctuation
  // other than an opening quote or bracket.
  double start_penalty = 2.0;

  // Throws Error(kUsage) for a band below 1 or above 100000, or a negative
  // or huge (> 100) penalty.
  void Validate() const;
};

struct ResegResult {
  // One piece of the hypothesis per reference segment, whitespace-trimmed;
  // line breaks inside a piece become a space (none between CJK characters).
  std::vector<std::string> segments;
  // For each cut (segments.size() - 1 of them, or none without segments):
  // the byte offset in the hypothesis text where the next piece starts (the
  // first byte of its first unit, or the text's size when it is empty).
  std::vector<size_t> cut_offsets;
  // Units of the hypothesis and of the reference, and the edit operations
  // (substitutions, insertions, deletions) of the chosen segmentation.
  size_t hyp_units = 0;
  size_t ref_units = 0;
  int64_t edits = 0;
};

// Cuts `hyp_text` (valid UTF-8) into ref_segments.size() pieces. With no
// reference segments the result is empty (a non-empty hypothesis then throws
// Error(kMismatch)).
ResegResult Resegment(const std::vector<std::string>& ref_segments, std::string_view hyp_text,
                      const ResegOptions& options = {});

// Per document: hyp_docs[d] is cut into ref_docs[d].size() pieces; the
// results are concatenated in document order (cut_offsets, which would be
// relative to each document, are left empty). Throws Error(kMismatch) when
// the document counts differ.
ResegResult ResegmentDocuments(const std::vector<std::vector<std::string>>& ref_docs,
                               const std::vector<std::string>& hyp_docs, const ResegOptions& options = {});

// Joins hypothesis lines into one free-text stream as Resegment reads it
// (lines separated by '\n').
std::string JoinLines(const std::vector<std::string>& lines);

// ---- sentence_align.h
// Sentence alignment of a text and its translation when they are not
// line-aligned (a press release and its translation): Gale–Church
// length-based dynamic programming (Gale & Church 1993) over beads 1-1, 1-2,
// 2-1, 1-0, 0-1 and 2-2, strengthened by lexical anchors that both sides
// share: numbers, Latin-script tokens (all of them inside CJK text;
// capitalised or long ones in alphabetic text), question/exclamation marks,
// quotes, brackets and colons, and glossary terms when a glossary is given.
//
// Lengths are counted in code points without whitespace. The expected length
// ratio is estimated from the two texts, then re-estimated with the variance
// from a first pass. The DP runs over a band: around the diagonal in the
// first pass, around the first pass's path in the second. Wherever the best
// path comes within a quarter of the band's half-width of its edge, the band
// is widened there (the half-width doubles over a stretch of rows as long as
// the new width) and the pass runs again, so the band does not decide the
// result: on the WMT22 test sets the beads are those of the full DP. Time and
// memory are linear in the text length (one byte per cell of the band);
// small inputs (up to 250,000 cells) use the full DP.

// A glossary entry: a source term and its accepted target translations.
struct AnchorTermPair {
  std::string source;
  std::vector<std::string> targets;
};

struct SentenceAlignOptions {
  // Weight, in the cost unit of the length model (-log probability), of the
  // anchor evidence of one bead (shared numbers, Latin tokens, glossary terms).
  double anchor_weight = 2.0;
  // Weight of the punctuation-count difference per mark (? ! quotes,
  // brackets, colons, sentence-final periods).
  double punct_weight = 3.0;
  // Variance per character of the length model for the first pass (Gale &
  // Church: 6.8); a second pass re-estimates it and the length ratio from
  // the first pass's 1-1 beads.
  double variance = 6.8;
  // Starting half-width of the DP band in source sentences (times the target
  // sentences per source sentence when the target has more); 0 = automatic
  // (32). The band widens wherever the path comes near its edge; a band as
  // wide as the table is the full DP.
  int band = 0;
  std::vector<AnchorTermPair> glossary;

  // Throws Error(kUsage) for negative weights, a non-positive variance or a
  // negative band.
  void Validate() const;
};

// One bead: source sentences [src_begin, src_end) aligned with target
// sentences [tgt_begin, tgt_end); one side is empty for 1-0 and 0-1 beads.
struct Bead {
  size_t src_begin = 0, src_end = 0;
  size_t tgt_begin = 0, tgt_end = 0;
  double cost = 0.0;  // cost of this bead in the chosen alignment
  bool operator==(const Bead& o) const {
    return src_begin == o.src_begin && src_end == o.src_end && tgt_begin == o.tgt_begin && tgt_end == o.tgt_end;
  }
};

// What an alignment cost: the dynamic programme's passes and cells (each cell
// keeps one byte while its pass runs).
struct SentenceAlignStats {
  size_t passes = 0;         // DP passes over a band
  size_t max_cells = 0;      // cells of the largest band
  size_t total_cells = 0;    // cells over all passes
};

// Aligns two sentence lists; the beads cover both lists in order. Both lists
// empty gives no beads. `stats`, when given, receives the work done.
std::vector<Bead> AlignSentences(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                                 const SentenceAlignOptions& options = {}, SentenceAlignStats* stats = nullptr);

// Splits paragraphs into sentences with ICU's sentence break iterator for
// `locale` ("" = root), trimming whitespace and dropping empty pieces.
std::vector<std::string> SplitSentences(const std::vector<std::string>& paragraphs, const std::string& locale = "");

// Parses a glossary TSV: "source term<TAB>target|variant|...", one entry a
// line; empty lines and lines starting with '#' are skipped, and so is a
// leading UTF-8 byte-order mark. `name` is used
// in errors (Error(kInput) with the line number for a line without a tab or
// with an empty side).
std::vector<AnchorTermPair> ParseGlossary(std::string_view content, const std::string& name);

// Formats beads as TSV (source TAB target, sentences of one side joined by a
// space, or nothing between CJK characters) or JSONL (objects with "src",
// "tgt", "src_ids", "tgt_ids" (1-based line numbers) and "type" such as "2-1").
std::string FormatBeads(const std::vector<Bead>& beads, const std::vector<std::string>& src,
                        const std::vector<std::string>& tgt, const std::string& format);

// ---- reseg_corpus.h
// Loading a corpus whose system outputs are segmented differently from the
// references (`mteval score --reseg`): each system output is read as free
// text and re-segmented (corpus/reseg.h) into the first reference stream's
// segments, so that every system has exactly one line per reference line.

// Reads the references as LoadTextCorpus does (including -nr) and each
// system output (standard input: one system) as free text, then cuts it into
// the first reference's segments. Errors as LoadTextCorpus and Resegment,
// and Error(kMismatch) for a system output without text (an empty system
// output fails without --reseg as well, on its line count).
TextCorpus LoadResegmentedCorpus(const TextCorpusOptions& options, const ResegOptions& reseg = {});

}  // namespace mteval
