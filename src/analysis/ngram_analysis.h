#pragma once
// compare-mt style analyses over tokenized text: n-grams that one system
// matches in the references much more often than another, and word
// F-measure by the word's frequency in the references.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/text_corpus.h"
#include "tokenize/tokenizer.h"

namespace mteval {

// One bar group of a bucketed chart: the bucket's label and, per system, the
// metric's corpus score on the segments of the bucket (nullopt when the
// bucket has no segment).
struct Bucket {
  std::string label;              // e.g. "10-19" or "[5,10)"
  size_t count = 0;               // segments (or reference words) in the bucket
  std::vector<std::optional<double>> values;  // per system
};

// compare-mt's word accuracy by frequency: F-measure of words in buckets of
// their frequency in the reference corpus.
struct WordFrequencySection {
  std::string frequency_source;   // where frequencies come from, e.g. "reference"
  std::vector<Bucket> f_measure;  // values are F-measures in [0, 100]
};

// n-grams one system matches in the reference much more often than another.
struct NgramEntry {
  std::string ngram;     // space-joined tokens
  size_t count_a = 0;    // clipped matches of system a
  size_t count_b = 0;    // clipped matches of system b
  double score = 0.0;    // (count_a + 1) / (count_a + count_b + 2)
};
struct NgramComparison {
  size_t system_a = 0, system_b = 0;
  std::vector<NgramEntry> a_better;  // highest score first
  std::vector<NgramEntry> b_better;  // lowest score first
};

// Every stream of a corpus as word ids (tokens as the tokenizer splits them).
struct TokenizedCorpus {
  std::vector<std::string> vocab;                                // id -> token
  std::vector<std::vector<std::vector<uint32_t>>> refs;          // [stream][segment]
  std::vector<std::vector<std::vector<uint32_t>>> systems;       // [system][segment]
};

TokenizedCorpus TokenizeCorpus(const TextCorpus& corpus, const Tokenizer& tokenizer);

// For each system other than `baseline`: the reference n-grams (orders
// 1..max_order) that the baseline matches more often than the system
// (a_better, system_a = baseline) and the other way round (b_better).
// Matches are clipped per segment by the largest count in any reference.
// Score = (matches_a + 1) / (matches_a + matches_b + 2); n-grams with fewer
// than `min_matches` matches in total are skipped; ties break on more
// matches in total, then on first appearance in the references.
std::vector<NgramComparison> CompareNgrams(const TokenizedCorpus& corpus, size_t baseline, int max_order, int top,
                                           int min_matches);

// F-measure (percent) of words bucketed by their frequency in the first
// reference stream. `bounds` are exclusive upper bounds of the buckets
// (the first bucket starts at 1; a last open bucket follows). Hypothesis
// words absent from the references (frequency 0) can never match and are
// left out.
WordFrequencySection WordFMeasureByFrequency(const TokenizedCorpus& corpus, const std::vector<size_t>& bounds);

}  // namespace mteval
