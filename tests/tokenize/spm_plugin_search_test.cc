// Where the mteval executable looks for the SentencePiece plugin: next to
// itself (and in the install directories), never in the build tree it was
// built in, and never a plugin file that anyone may write.

#include <sys/stat.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>

#include "report/report_test_files.h"
#include "support/test_paths.h"
#include "support/tiny_spm_model.h"

namespace mteval {

namespace {

struct Run {
  int exit_code = -1;
  std::string err;
};

// Runs `binary score ... -tok spm` without $MTEVAL_PLUGIN_DIR (unless `env`
// sets it).
Run ScoreWithSpm(const std::string& dir, const std::string& binary, const std::string& env = "") {
  const std::string cmd = "env -u MTEVAL_PLUGIN_DIR " + env + " '" + binary + "' score '" + dir + "/ref' -i '" + dir +
                          "/ref' -tok spm --spm-model '" + testing::TinySpmModelPath() + "' -b > '" + dir +
                          "/out' 2> '" + dir + "/err'";
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, testing::ReadWholeFile(dir + "/err")};
}

void Shell(const std::string& command) { REQUIRE(std::system(command.c_str()) == 0); }

}  // namespace

TEST_CASE("the plugin is looked for next to the executable, not in the build tree", "[spm][cli]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/ref", "a small test\n");
  const std::string copy = dir + "/mteval";
  Shell("cp '" + testing::MtevalBinary() + "' '" + copy + "'");

  // Alone, the copy does not load the build tree's plugin.
  Run alone = ScoreWithSpm(dir, copy);
  CHECK(alone.exit_code == 5);
  CHECK_THAT(alone.err, Catch::Contains(dir + "/libmteval_spm.so"));
  CHECK_THAT(alone.err, !Catch::Contains(std::string(MTEVAL_PLUGIN_BUILD_DIR) + "/libmteval_spm.so"));
  // MTEVAL_PLUGIN_DIR names it.
  CHECK(ScoreWithSpm(dir, copy, "MTEVAL_PLUGIN_DIR='" + std::string(MTEVAL_PLUGIN_BUILD_DIR) + "'").exit_code == 0);

  // Next to the executable it is found...
  const std::string plugin = dir + "/libmteval_spm.so";
  Shell("cp '" + std::string(MTEVAL_PLUGIN_BUILD_DIR) + "/libmteval_spm.so' '" + plugin + "'");
  CHECK(ScoreWithSpm(dir, copy).exit_code == 0);
  // ...unless anyone may write it.
  REQUIRE(chmod(plugin.c_str(), 0757) == 0);
  Run writable = ScoreWithSpm(dir, copy);
  CHECK(writable.exit_code == 5);
  CHECK_THAT(writable.err, Catch::Contains("anyone may write it"));
}

}  // namespace mteval
