#pragma once
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

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

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

}  // namespace mteval
