#pragma once
// Word-level difference of a hypothesis against a reference, for the
// examples of a comparison report: hypothesis words that belong to a longest
// common subsequence with the reference are "matched", the rest are not.
// Words are split on ASCII whitespace so that the displayed text is the
// input text.

#include <string>
#include <string_view>
#include <vector>

#include <mteval/report_data.h>

namespace mteval {

// Splits on ASCII spaces, tabs and newlines; no empty words.
std::vector<std::string_view> SplitWords(std::string_view text);

// Hypothesis words with LCS flags against `ref`. Quadratic in the number of
// words; segments longer than `max_words` words are flagged by bag-of-words
// membership instead.
std::vector<DiffToken> DiffAgainstReference(std::string_view hyp, std::string_view ref, size_t max_words = 400);

}  // namespace mteval
