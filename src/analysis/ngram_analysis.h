#pragma once
// compare-mt style analyses over tokenized text: n-grams that one system
// matches in the references much more often than another, and word
// F-measure by the word's frequency in the references.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <mteval/corpus.h>
#include <mteval/report_data.h>
#include "tokenize/tokenizer.h"

namespace mteval {

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
