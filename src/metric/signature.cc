#include "metric/signature.h"

#include "common/version.h"

namespace mteval {

void Signature::Add(std::string name, std::string abbr, std::string value) {
  for (SignatureField& f : fields_) {
    if (f.name == name) {
      f.value = std::move(value);
      return;
    }
  }
  fields_.push_back({std::move(name), std::move(abbr), std::move(value)});
}

std::string Signature::Format(bool short_form) const {
  std::string out;
  auto append = [&](const SignatureField& f) {
    if (!out.empty()) out += '|';
    out += (short_form ? f.abbr : f.name) + ":" + f.value;
  };
  for (const SignatureField& f : fields_) {
    if (f.name != "version") append(f);
  }
  append({"version", "v", kSignatureVersion});
  return out;
}

Signature BaseSignature(int num_refs) {
  Signature sig;
  sig.Add("nrefs", "#", num_refs == -1 ? "var" : std::to_string(num_refs));
  return sig;
}

}  // namespace mteval
