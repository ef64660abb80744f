#pragma once
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

#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// `term_positions` are reference word indices (0-based) that belong to terms;
// indices outside [0, ref.size()) are ignored. An empty reference gives 0 for
// an empty hypothesis and 1 otherwise (the script divides by zero).
double TermEditRate(const std::vector<std::string_view>& hyp, const std::vector<std::string_view>& ref,
                    const std::vector<int>& term_positions, int term_cost);

}  // namespace mteval
