#pragma once
// `mteval terms`: terminology metrics for a translated text (see
// terms/terms_report.h for what is computed and the JSON schema).

#include <string>
#include <vector>

#include <mteval/terminology.h>

namespace mteval {

struct TermsRequest {
  TermsInputs inputs;         // --src, --ref, --hyp, --glossary, languages
  TermsOptions terms;         // --stem, --no-qa, ...
  std::string format = "json";  // -f json|text
  std::string output;         // -o FILE: write the report atomically instead of printing it
  bool force = false;         // --force: overwrite -o FILE

  // Checks every option in one place; throws Error(kUsage).
  void Validate() const;
};

// Computes the report; returns what goes to standard output.
std::string RunTerms(const TermsRequest& options);

}  // namespace mteval
