#include <mteval/error.h>

namespace mteval {

int ExitCodeFor(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kUsage: return 2;
    case ErrorKind::kInput: return 3;
    case ErrorKind::kMismatch: return 4;
    case ErrorKind::kUnavailable: return 5;
    case ErrorKind::kInternal: return 70;
    case ErrorKind::kOutOfMemory: return 71;
  }
  return 70;
}

}  // namespace mteval
