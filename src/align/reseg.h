#pragma once
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

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

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

}  // namespace mteval
