// ArgParser: the argparse conveniences sacreBLEU's command lines rely on.

#include "cli/arg_parser.h"

#include <catch2/catch.hpp>

#include <mteval/error.h>
#include "support/test_paths.h"

namespace mteval {
namespace {

ArgParser Parser() {
  return ArgParser({
      {"tokenize", {"--tokenize", "-tok"}, ArgKind::kValue, {"13a", "intl", "zh"}, ""},
      {"width", {"--width", "-w"}, ArgKind::kValue, {}, ""},
      {"metrics", {"--metrics", "-m"}, ArgKind::kList, {"bleu", "chrf", "ter"}, ""},
      {"score_only", {"--score-only", "-b"}, ArgKind::kFlag, {}, ""},
      {"sentence_level", {"--sentence-level", "-sl"}, ArgKind::kFlag, {}, ""},
      {"smooth", {"--smooth-method", "-s"}, ArgKind::kValue, {"exp", "floor"}, ""},
      {"word_order", {"--chrf-word-order", "-cw"}, ArgKind::kValue, {}, ""},
      {"whitespace", {"--chrf-whitespace"}, ArgKind::kFlag, {}, ""},
  }, "mteval score");
}

std::string ErrorOf(const std::vector<std::string>& args) {
  try {
    Parser().Parse(args);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kUsage);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("ArgParser: exact names, NAME=VALUE and lists", "[cli]") {
  ParsedArgs a = Parser().Parse({"ref", "-tok", "intl", "--width=3", "-m", "bleu", "chrf", "-b"});
  CHECK(a.Value("tokenize") == "intl");
  CHECK(a.Int("width", 0) == 3);
  CHECK(a.List("metrics") == std::vector<std::string>{"bleu", "chrf"});
  CHECK(a.Flag("score_only"));
  CHECK(a.positionals() == std::vector<std::string>{"ref"});
  // NAME=VALUE for single-dash names too.
  CHECK(Parser().Parse({"-tok=zh"}).Value("tokenize") == "zh");
  CHECK(Parser().Parse({"-s=floor"}).Value("smooth") == "floor");
}

TEST_CASE("ArgParser: unique prefixes select an option, as in argparse", "[cli]") {
  CHECK(Parser().Parse({"--tok", "intl"}).Value("tokenize") == "intl");
  CHECK(Parser().Parse({"--tok=zh"}).Value("tokenize") == "zh");
  CHECK(Parser().Parse({"--sentence"}).Flag("sentence_level"));
  CHECK(Parser().Parse({"--score-o"}).Flag("score_only"));
  CHECK(Parser().Parse({"--met", "chrf"}).List("metrics") == std::vector<std::string>{"chrf"});
  CHECK(Parser().Parse({"--chrf-word", "2"}).Int("word_order", 0) == 2);
  // Ambiguous: both chrF options start with --chrf-w.
  const std::string amb = ErrorOf({"--chrf-w", "2"});
  CHECK_THAT(amb, Catch::Contains("ambiguous") && Catch::Contains("--chrf-word-order") &&
                      Catch::Contains("--chrf-whitespace"));
  CHECK_THAT(ErrorOf({"--bogus"}), Catch::Contains("unrecognized argument '--bogus'"));
  // Reported after parsing (argparse's order): a bad value later comes first.
  CHECK_THAT(ErrorOf({"--bogus", "-s", "fast"}), Catch::Contains("invalid choice 'fast'"));
  // What follows an unknown option is not taken as its value.
  CHECK_THAT(ErrorOf({"--bogus", "x", "--also-bogus"}), Catch::Contains("'--bogus'"));
}

TEST_CASE("ArgParser: one-letter options take attached values, and -- ends the options", "[cli]") {
  CHECK(Parser().Parse({"-w3"}).Int("width", 0) == 3);
  // An attached value is the whole list: what follows is positional.
  ParsedArgs m = Parser().Parse({"-mchrf", "ref"});
  CHECK(m.List("metrics") == std::vector<std::string>{"chrf"});
  CHECK(m.positionals() == std::vector<std::string>{"ref"});
  CHECK_THAT(ErrorOf({"-sfast"}), Catch::Contains("invalid choice 'fast'"));
  CHECK_THAT(ErrorOf({"-bx"}), Catch::Contains("-b: ignored explicit argument 'x'"));
  CHECK_THAT(ErrorOf({"-b="}), Catch::Contains("-b: ignored explicit argument ''"));
  CHECK_THAT(ErrorOf({"--score-only=x"}), Catch::Contains("--score-only: ignored explicit argument 'x'"));
  ParsedArgs d = Parser().Parse({"-w", "2", "--", "-ref-with-dash", "--width"});
  CHECK(d.positionals() == std::vector<std::string>{"-ref-with-dash", "--width"});
  CHECK(d.Int("width", 0) == 2);
}

TEST_CASE("ArgParser: one-letter flags combine, as in argparse", "[cli]") {
  ParsedArgs bs = Parser().Parse({"-bs", "floor"});
  CHECK(bs.Flag("score_only"));
  CHECK(bs.Value("smooth") == "floor");
  // The last letter takes the rest as its value.
  ParsedArgs bw = Parser().Parse({"-bw3"});
  CHECK(bw.Flag("score_only"));
  CHECK(bw.Int("width", 0) == 3);
  // A single-dash flag's "=VALUE" continues as options too (-sl=b is -sl -b).
  ParsedArgs slb = Parser().Parse({"-sl=b"});
  CHECK(slb.Flag("sentence_level"));
  CHECK(slb.Flag("score_only"));
  // Only exact one-letter names continue a group.
  CHECK_THAT(ErrorOf({"-bt"}), Catch::Contains("ignored explicit argument 't'"));
}

TEST_CASE("score accepts sacreBLEU's abbreviated and attached spellings", "[cli]") {
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/ref", "The cat sat on the mat.\nIt was raining.\n");
  testing::WriteFile(dir + "/hyp", "The cat sat on a mat.\nIt rained.\n");
  const std::string files = dir + "/ref -i " + dir + "/hyp";
  const auto canonical = testing::RunMteval("score " + files + " -m chrf -w 3 -f text -tok intl");
  REQUIRE(canonical.exit_code == 0);
  for (const char* spelled : {"--met chrf -w3 -f=text --tok intl", "-mchrf --width=3 --form text -tok=intl"}) {
    INFO(spelled);
    const auto r = testing::RunMteval("score " + files + " " + std::string(spelled));
    CHECK(r.exit_code == 0);
    CHECK(r.out == canonical.out);
  }
  // Combined one-letter flags, -ol for --origlang, -V and -h.
  const auto bq = testing::RunMteval("score " + files + " -m chrf -w 3 -bq");
  CHECK(bq.exit_code == 0);
  CHECK(bq.out == testing::RunMteval("score " + files + " -m chrf -w 3 -b -q").out);
  CHECK_THAT(testing::RunMteval("score " + files + " -ol xx").err, Catch::Contains("--origlang needs documents"));
  for (const char* v : {"-V", "--version", "-bV", "-V -f yaml"}) {
    INFO(v);
    const auto version = testing::RunMteval("score " + std::string(v));
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("mteval "));
  }
  for (const char* h : {"-h", "--he", "-bh"}) {
    INFO(h);
    const auto help = testing::RunMteval("score " + files + " " + h);
    CHECK(help.exit_code == 0);
    CHECK_THAT(help.out, Catch::StartsWith("usage: mteval score"));
    CHECK(help.err.empty());
  }
  // -q in any spelling silences warnings (here: sacreBLEU's warning about
  // tokenized-looking output, which needs 100 lines ending in " .").
  std::string tokenized;
  for (int i = 0; i < 120; ++i) tokenized += "a b .\n";
  testing::WriteFile(dir + "/tok", tokenized);
  const std::string tok_files = dir + "/tok -i " + dir + "/tok";
  CHECK_THAT(testing::RunMteval("score " + tok_files + " -b").err, Catch::Contains("tokenized period"));
  for (const char* q : {"-q", "--qui", "-bq", "-q=b"}) {
    INFO(q);
    const auto quiet = testing::RunMteval("score " + tok_files + " " + q);
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.err.empty());
  }
  // `--` before the references.
  const auto d = testing::RunMteval("score -i " + dir + "/hyp -m chrf -w 3 -f text -- " + dir + "/ref");
  CHECK(d.out == canonical.out);
}

}  // namespace mteval
