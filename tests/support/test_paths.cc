#include "support/test_paths.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace mteval::testing {

std::string SourceDir() { return MTEVAL_SOURCE_DIR; }

std::string SharedDirLocation() {
  if (const char* env = std::getenv("MTEVAL_SHARED_DIR")) return env;
  return SourceDir() + "/../shared";
}

std::string SharedDir() {
  const std::string dir = SharedDirLocation();
  struct stat st;
  if (stat((dir + "/parity").c_str(), &st) != 0) return "";
  return dir;
}

std::string MtevalBinary() { return MTEVAL_BINARY; }

namespace {
// The SentencePiece plugin is built next to the mteval executable, not next
// to this test program: the tokenizers made in this process look for it
// there (unless the environment already names a directory).
[[maybe_unused]] const bool kPluginDirSet = setenv("MTEVAL_PLUGIN_DIR", MTEVAL_PLUGIN_BUILD_DIR, 0) == 0;
}  // namespace

namespace {
// Every directory MakeTempDir made; removed when the test program exits, so
// a test run leaves nothing in /tmp (a crash leaves its directories, which
// helps to look at what it was doing).
class TempDirRegistry {
 public:
  ~TempDirRegistry() {
    std::error_code ignored;
    for (const std::string& dir : dirs_) std::filesystem::remove_all(dir, ignored);
  }
  void Add(const std::string& dir) {
    std::lock_guard<std::mutex> lock(mutex_);
    dirs_.push_back(dir);
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> dirs_;
};

TempDirRegistry& Registry() {
  static TempDirRegistry registry;
  return registry;
}
}  // namespace

std::string MakeTempDir() {
  std::string tmpl = "/tmp/mteval-test-XXXXXX";
  if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
  Registry().Add(tmpl);
  return tmpl;
}

void WriteFile(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary);
  f << content;
  if (!f) throw std::runtime_error("cannot write " + path);
}

namespace {
std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
}  // namespace

namespace {
// Runs the shell command `prefix` followed by mteval ARGS, with standard
// input from `stdin_text`.
RunResult RunShell(const std::string& prefix, const std::string& args, const std::string& stdin_text) {
  std::string dir = MakeTempDir();
  WriteFile(dir + "/stdin", stdin_text);
  std::string cmd = prefix + "'" + MtevalBinary() + "' " + args + " < '" + dir + "/stdin' > '" + dir + "/out' 2> '" +
                    dir + "/err'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(dir + "/out");
  r.err = Slurp(dir + "/err");
  std::system(("rm -rf '" + dir + "'").c_str());
  return r;
}
}  // namespace

RunResult RunMteval(const std::string& args, const std::string& stdin_text) { return RunShell("", args, stdin_text); }

RunResult RunMtevalWithin(int seconds, const std::string& args, const std::string& stdin_text) {
  return RunShell("timeout " + std::to_string(seconds) + " ", args, stdin_text);
}

RunResult RunMtevalLimited(long kb, const std::string& args) {
  return RunShell("ulimit -v " + std::to_string(kb) + "; ", args, "");
}

}  // namespace mteval::testing
