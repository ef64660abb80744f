#pragma once
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

#include <string>
#include <vector>

namespace mteval {

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

}  // namespace mteval
