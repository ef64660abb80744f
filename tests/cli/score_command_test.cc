// ScoreRequest as library callers use it: Validate is the one place
// that checks options, whether or not they came from the command line.

#include "cli/score_command.h"

#include <catch2/catch.hpp>

#include <mteval/error.h>

namespace mteval {
namespace {

std::string ValidateError(const ScoreRequest& o) {
  try {
    o.Validate();
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kUsage);
    return e.what();
  }
  return "";
}

ScoreRequest Minimal() {
  ScoreRequest o;
  o.corpus.ref_paths = {"ref.txt"};
  o.corpus.hyp_paths = {"hyp.txt"};
  return o;
}

}  // namespace

TEST_CASE("ScoreRequest::Validate checks what the parser checks", "[cli]") {
  CHECK(ValidateError(Minimal()).empty());
  ScoreRequest f = Minimal();
  f.format = "yaml";
  CHECK_THAT(ValidateError(f), Catch::Contains("invalid choice 'yaml'") && Catch::Contains("json, text, latex, jsonl"));
  ScoreRequest jsonl = Minimal();
  jsonl.format = "jsonl";
  CHECK_THAT(ValidateError(jsonl), Catch::Contains("-sl"));
  jsonl.sentence_level = true;
  CHECK(ValidateError(jsonl).empty());
  ScoreRequest w = Minimal();
  w.width = 21;
  CHECK_THAT(ValidateError(w), Catch::Contains("--width"));
  ScoreRequest l = Minimal();
  l.langpair = "en";
  CHECK_THAT(ValidateError(l), Catch::Contains("SRC-TGT"));
}

TEST_CASE("ParseScoreArgs reads -d, and -h and -V are recognised in any spelling (the first one wins)", "[cli]") {
  CHECK(ParseScoreArgs({"ref.txt", "-i", "hyp.txt", "-d"}).detail);
  CHECK_FALSE(ParseScoreArgs({"ref.txt", "-i", "hyp.txt"}).detail);
  using R = ScoreInfoRequest;
  CHECK(ScoreInfoRequested({"-V"}) == R::kVersion);
  CHECK(ScoreInfoRequested({"ref.txt", "--vers"}) == R::kVersion);
  CHECK(ScoreInfoRequested({"-bV"}) == R::kVersion);
  CHECK(ScoreInfoRequested({"-bh"}) == R::kHelp);
  CHECK(ScoreInfoRequested({"--he"}) == R::kHelp);
  CHECK(ScoreInfoRequested({"-h", "-V"}) == R::kHelp);
  CHECK(ScoreInfoRequested({"-V", "-h"}) == R::kVersion);
  CHECK(ScoreInfoRequested({"ref.txt", "-b"}) == R::kNone);
  // As in argparse: what follows -V is not looked at, and an unknown option
  // before it is reported only at the end, which -V never reaches.
  CHECK(ScoreInfoRequested({"-V", "-f", "yaml"}) == R::kVersion);
  CHECK(ScoreInfoRequested({"--bogus", "-V"}) == R::kVersion);
  // A bad value before it is an error at once.
  CHECK_THROWS_AS(ScoreInfoRequested({"-f", "yaml", "-V"}), Error);
  CHECK_THROWS_AS(ScoreInfoRequested({"--bogus"}), Error);
}

}  // namespace mteval
