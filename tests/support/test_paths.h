#pragma once
// Where tests find their data: the project's own files, and ../shared (CI
// provides it beside the clone; a user's clone may not have it).

#include <string>

namespace mteval::testing {

// Root of the source tree.
std::string SourceDir();
// Where the shared data folder is looked for: $MTEVAL_SHARED_DIR, else
// SourceDir()/../shared.
std::string SharedDirLocation();
// SharedDirLocation(), or "" when it has no parity/ folder.
std::string SharedDir();
// Path of the built mteval binary.
std::string MtevalBinary();
// A fresh empty temporary directory for one test, removed with its contents
// when the test program exits.
std::string MakeTempDir();
// Writes `content` to `path`.
void WriteFile(const std::string& path, const std::string& content);

// Result of running the CLI.
struct RunResult {
  int exit_code = -1;
  std::string out, err;
};
// Runs `mteval ARGS` through the shell (args are shell-quoted) with optional
// stdin contents.
RunResult RunMteval(const std::string& args, const std::string& stdin_text = "");
// The same, killed after `seconds` (exit code 124 then), for runs that a
// regression could make wait forever (FIFOs).
RunResult RunMtevalWithin(int seconds, const std::string& args, const std::string& stdin_text = "");
// RunMteval under an address-space limit of `kb` KB (`ulimit -v`), with no
// standard input: checks that a command's memory stays bounded.
RunResult RunMtevalLimited(long kb, const std::string& args);

}  // namespace mteval::testing
