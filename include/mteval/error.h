#pragma once
// The one exception type the library throws, and the error policy.
//
//   try {
//     mteval::Bleu bleu(options);
//     mteval::MetricScore s = bleu.CorpusScore(hyps, refs);
//   } catch (const mteval::Error& e) {
//     // e.kind(): what went wrong (usage, input, mismatch, ...);
//     // e.what(): a message naming the file, line and byte where it applies.
//     return mteval::ExitCodeFor(e.kind());  // the CLI's exit code for it
//   }
//
// Policy: every function reports failure by throwing mteval::Error (derived
// from std::runtime_error, so from std::exception); nothing prints, exits or
// aborts on bad input. Memory exhaustion may still throw std::bad_alloc.
// Results are never partial: a function that throws has changed nothing the
// caller can see.

#include <stdexcept>
#include <string>

namespace mteval {

// ---- error.h
// The one exception type the library throws. The library never prints and
// never exits; the CLI turns an Error into a message and an exit code.

enum class ErrorKind {
  kUsage,         // a bad option or option value (CLI exit code 2)
  kInput,         // unreadable or malformed input: file, line and byte named (exit 3)
  kMismatch,      // inputs that do not line up, e.g. line counts (exit 4)
  kUnavailable,   // a feature or model that is not built or not installed (exit 5)
  kInternal,      // a bug in mteval (exit 70)
  kOutOfMemory,   // a request that cannot fit in the memory available (exit 71)
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message)
      : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// Exit code the CLI uses for each kind; documented in docs/user-guide.md.
int ExitCodeFor(ErrorKind kind);

}  // namespace mteval
