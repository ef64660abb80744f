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

RunResult RunMteval(const std::string& args, const std::string& stdin_text) {
  std::string dir = MakeTempDir();
  WriteFile(dir + "/stdin", stdin_text);
  std::string cmd = "'" + MtevalBinary() + "' " + args + " < '" + dir + "/stdin' > '" + dir + "/out' 2> '" + dir + "/err'";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(dir + "/out");
  r.err = Slurp(dir + "/err");
  std::system(("rm -rf '" + dir + "'").c_str());
  return r;
}

}  // namespace mteval::testing
