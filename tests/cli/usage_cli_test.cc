// Usage errors of every command: where the usage goes, which help an unknown
// option points to, and that SACREBLEU_SEED matters only to the tests.

#include <catch2/catch.hpp>
#include <cstdlib>

#include "support/sample_corpus.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;

TEST_CASE("bare mteval is a usage error: the usage goes to stderr", "[cli]") {
  auto r = RunMteval("");
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("usage: mteval <command>"));
  auto help = RunMteval("--help");
  CHECK(help.exit_code == 0);
  CHECK_THAT(help.out, Catch::Contains("usage: mteval <command>"));
}

TEST_CASE("an unknown option points to the help of its own command", "[cli]") {
  for (const std::string command : {"score", "compare", "terms", "tokenize"}) {
    auto r = RunMteval(command + " --no-such-flag");
    INFO(command);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("`mteval " + command + " --help`"));
  }
  auto align = RunMteval("align reseg --no-such-flag");
  CHECK(align.exit_code == 2);
  CHECK_THAT(align.err, Catch::Contains("`mteval align --help`"));
}

TEST_CASE("SACREBLEU_SEED is read only when a significance test runs", "[cli][significance]") {
  const testing::SampleCorpus c;
  const std::string systems = c.ref + " -i " + c.hyp + " " + c.hyp2;
  ::setenv("SACREBLEU_SEED", "not-a-seed", 1);
  auto plain = RunMteval("score " + systems + " -m bleu chrf");
  auto tested = RunMteval("score " + systems + " --paired-bs");
  auto report = RunMteval("compare " + systems + " --no-significance");
  auto report_tested = RunMteval("compare " + systems);
  ::unsetenv("SACREBLEU_SEED");
  CHECK(plain.exit_code == 0);
  CHECK(report.exit_code == 0);
  CHECK(tested.exit_code == 2);
  CHECK_THAT(tested.err, Catch::Contains("SACREBLEU_SEED"));
  CHECK(report_tested.exit_code == 2);
}

}  // namespace mteval
