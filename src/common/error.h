#pragma once
// The one exception type the library throws. The library never prints and
// never exits; the CLI turns an Error into a message and an exit code.

#include <stdexcept>
#include <string>

namespace mteval {

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
