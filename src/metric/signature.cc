#include <mteval/metric.h>

#include <mteval/version.h>

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

Signature WithTestFields(const Signature& signature, int bootstrap_samples, int ar_trials,
                         const std::optional<uint64_t>& seed) {
  Signature out;
  bool added = false;
  auto add_tests = [&] {
    if (bootstrap_samples > 0) out.Add("bs", "bs", std::to_string(bootstrap_samples));
    if (ar_trials > 0) out.Add("ar", "ar", std::to_string(ar_trials));
    out.Add("seed", "rs", seed ? std::to_string(*seed) : "none");
    added = true;
  };
  for (const SignatureField& f : signature.fields()) {
    out.Add(f.name, f.abbr, f.value);
    if (f.name == "nrefs") add_tests();
  }
  if (!added) add_tests();
  return out;
}

}  // namespace mteval
