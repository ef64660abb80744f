#pragma once
// Writes output files so that readers never see a partial file: the content
// goes to a temporary file in the same directory, which is then renamed over
// the target. Inputs are never overwritten.

#include <string>
#include <vector>

namespace mteval {

struct AtomicWriteOptions {
  // Replace an existing file (otherwise an existing target is an error).
  bool force = false;
  // Paths that must not be overwritten whatever `force` says (the inputs).
  std::vector<std::string> protected_paths;
};

// The checks WriteFileAtomically makes before writing, for callers that
// want to fail before doing long work: throws Error(kUsage) when `path` is
// one of the protected inputs (also through another name of the same file)
// or exists without `force`.
void CheckWriteTarget(const std::string& path, const AtomicWriteOptions& options);

// Throws Error(kUsage) when the target exists without force or is an input,
// Error(kInput) when the file cannot be written.
void WriteFileAtomically(const std::string& path, const std::string& content, const AtomicWriteOptions& options);

}  // namespace mteval
