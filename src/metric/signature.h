#pragma once
// sacreBLEU-style reproducibility signatures: "nrefs:1|case:mixed|...|version:X".

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mteval {

struct SignatureField {
  std::string name;   // long name, e.g. "case"
  std::string abbr;   // short name used by --short, e.g. "c"
  std::string value;  // e.g. "mixed"
};

class Signature {
 public:
  // Fields print in insertion order; `version` is always printed last.
  void Add(std::string name, std::string abbr, std::string value);
  // Returns "name:value|..." (or "abbr:value|..." when short_form).
  std::string Format(bool short_form) const;
  const std::vector<SignatureField>& fields() const { return fields_; }

 private:
  std::vector<SignatureField> fields_;
};

// A signature that starts with sacreBLEU's common fields: nrefs (-1 prints as
// "var"), and optionally bootstrap/AR trials and the seed.
Signature BaseSignature(int num_refs);

// `signature` with sacreBLEU's test fields placed after nrefs: bs (when
// bootstrap_samples > 0), ar (when ar_trials > 0) and seed ("none" for OS
// entropy).
Signature WithTestFields(const Signature& signature, int bootstrap_samples, int ar_trials,
                         const std::optional<uint64_t>& seed);

}  // namespace mteval
