// `mteval score` with --confidence, --paired-bs and --paired-ar end to end:
// the three table formats, seeds, and every bad combination.

#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {

using testing::RunMteval;
using testing::WriteFile;

namespace {

struct SigFiles {
  std::string dir = testing::MakeTempDir();
  std::string ref = dir + "/ref.txt";
  std::string base = dir + "/base.txt";
  std::string sys2 = dir + "/sys2.txt";
  std::string sys3 = dir + "/sys3.txt";
  std::string shorter = dir + "/short.txt";
  SigFiles() {
    std::string r, b, s2, s3;
    for (int i = 0; i < 40; ++i) {
      const std::string n = std::to_string(i);
      r += "The committee approved report number " + n + " after a long debate on Monday.\n";
      b += "The committee approved the report number " + n + " after long debate on Monday.\n";
      s2 += (i % 3 ? "The committee approved report number " + n + " after a long debate on Monday.\n"
                   : "A committee passed report " + n + " following a debate.\n");
      s3 += "Committee approves report " + n + " Monday.\n";
    }
    WriteFile(ref, r);
    WriteFile(base, b);
    WriteFile(sys2, s2);
    WriteFile(sys3, s3);
    WriteFile(shorter, "Only one line.\n");
  }
  std::string Systems() const { return " -i " + base + " " + sys2 + " " + sys3; }
};

}  // namespace

TEST_CASE("paired bootstrap prints sacreBLEU's table", "[cli][significance]") {
  SigFiles f;
  auto r = RunMteval("score " + f.ref + f.Systems() + " -m bleu chrf --paired-bs -f text");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("Baseline: " + f.base) != std::string::npos);
  CHECK(r.out.find("BLEU (\u03bc \u00b1 95% CI)") != std::string::npos);
  CHECK(r.out.find("(p = ") != std::string::npos);
  CHECK(r.out.find("Paired bootstrap resampling test with 1000 resampling trials") != std::string::npos);
  CHECK(r.out.find("nrefs:1|bs:1000|seed:12345|case:mixed") != std::string::npos);
  CHECK(r.out.find("\u2552") == 0);  // fancy_grid's top-left corner first
}

TEST_CASE("paired tests print JSON and LaTeX", "[cli][significance]") {
  SigFiles f;
  auto r = RunMteval("score " + f.ref + f.Systems() + " -m chrf bleu --paired-ar --paired-ar-n 500 -f json");
  REQUIRE(r.exit_code == 0);
  auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 3);
  CHECK(j[0]["system"] == "Baseline: " + f.base);
  CHECK(j[0]["chrF2"]["p_value"].is_null());
  CHECK(j[1]["chrF2"]["p_value"].get<double>() > 0.0);
  CHECK(j[1]["chrF2"]["p_value"].get<double>() <= 1.0);
  CHECK(j[2]["BLEU"]["mean"].is_null());
  // -m order is kept, as sacreBLEU's paired mode keeps it.
  auto ordered = nlohmann::ordered_json::parse(r.out);
  std::vector<std::string> keys;
  for (auto it = ordered[1].begin(); it != ordered[1].end(); ++it) keys.push_back(it.key());
  CHECK(keys == std::vector<std::string>{"system", "chrF2", "BLEU"});

  auto t = RunMteval("score " + f.ref + f.Systems() + " -m bleu --paired-bs --paired-bs-n 200 -f latex");
  REQUIRE(t.exit_code == 0);
  CHECK(t.out.rfind("\\begin{tabular}{rc}\n\\toprule\n", 0) == 0);
  CHECK(t.out.find("95\\% CI") != std::string::npos);
  CHECK(t.out.find("\\bottomrule\n\\end{tabular}") != std::string::npos);
  CHECK(t.out.find("bs:200|seed:12345") != std::string::npos);
}

TEST_CASE("paired test output is the same for every --paired-jobs", "[cli][significance]") {
  SigFiles f;
  auto one = RunMteval("score " + f.ref + f.Systems() + " -m bleu chrf --paired-bs --paired-jobs 1 -f json");
  auto two = RunMteval("score " + f.ref + f.Systems() + " -m bleu chrf --paired-bs --paired-jobs 2 -f json");
  REQUIRE(one.exit_code == 0);
  CHECK(one.out == two.out);
}

TEST_CASE("score --confidence prints the interval and the seed comes from --seed or SACREBLEU_SEED", "[cli][significance]") {
  SigFiles f;
  auto r = RunMteval("score " + f.ref + " -i " + f.base + " -m bleu chrf -ci -f text");
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("nrefs:1|bs:1000|seed:12345|") != std::string::npos);
  CHECK(r.out.find("(\u03bc = ") != std::string::npos);

  auto flag = RunMteval("score " + f.ref + " -i " + f.base + " -m chrf -ci -cin 300 --seed 7 -f json");
  ::setenv("SACREBLEU_SEED", "7", 1);
  auto env = RunMteval("score " + f.ref + " -i " + f.base + " -m chrf -ci -cin 300 -f json");
  ::setenv("SACREBLEU_SEED", "None", 1);
  auto none = RunMteval("score " + f.ref + " -i " + f.base + " -m chrf -ci -cin 300 -f json");
  ::setenv("SACREBLEU_SEED", "x1", 1);
  auto bad = RunMteval("score " + f.ref + " -i " + f.base + " -m chrf -ci -f json");
  ::unsetenv("SACREBLEU_SEED");
  REQUIRE(flag.exit_code == 0);
  CHECK(flag.out == env.out);
  CHECK(nlohmann::json::parse(flag.out)["seed"] == "7");
  CHECK(nlohmann::json::parse(flag.out)["bs"] == "300");
  REQUIRE(none.exit_code == 0);
  CHECK(nlohmann::json::parse(none.out)["seed"] == "none");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("SACREBLEU_SEED") != std::string::npos);
}

TEST_CASE("bad significance requests exit with clear messages", "[cli][significance]") {
  SigFiles f;
  auto one = RunMteval("score " + f.ref + " -i " + f.base + " --paired-bs");
  CHECK(one.exit_code == 2);
  CHECK(one.err.find("at least 2 systems") != std::string::npos);

  auto both = RunMteval("score " + f.ref + f.Systems() + " --paired-bs --paired-ar");
  CHECK(both.exit_code == 2);

  auto zero = RunMteval("score " + f.ref + f.Systems() + " --paired-bs --paired-bs-n 0");
  CHECK(zero.exit_code == 2);
  CHECK(zero.err.find("--paired-bs-n") != std::string::npos);

  auto cin = RunMteval("score " + f.ref + " -i " + f.base + " -ci --confidence-n -5");
  CHECK(cin.exit_code == 2);

  auto many = RunMteval("score " + f.ref + f.Systems() + " -ci");
  CHECK(many.exit_code == 2);
  CHECK(many.err.find("paired") != std::string::npos);
  // sacreBLEU refuses -ci next to a paired test too.
  CHECK(RunMteval("score " + f.ref + f.Systems() + " -ci --paired-bs --paired-bs-n 10").exit_code == 2);

  auto lengths = RunMteval("score " + f.ref + " -i " + f.base + " " + f.shorter + " --paired-ar");
  CHECK(lengths.exit_code == 4);
  CHECK(lengths.err.find(f.shorter) != std::string::npos);

  auto sl = RunMteval("score " + f.ref + " -i " + f.base + " -sl -ci");
  CHECK(sl.exit_code == 2);
}

}  // namespace mteval

namespace mteval {

TEST_CASE("resamples are held a chunk at a time, and a request that cannot fit is refused before it starts",
          "[cli][significance]") {
  // 20,000 segments x 10,000 resamples: 800 MB of draws held at once, as
  // before, do not fit in 600 MB of address space; a chunk at a time does.
  if (testing::SkipUnderAddressSanitizer("significance memory")) return;
  const std::string dir = testing::MakeTempDir(), ref = dir + "/ref.txt", hyp = dir + "/hyp.txt";
  std::string r, h;
  for (int i = 0; i < 20000; ++i) {
    r += "report " + std::to_string(i % 97) + " was approved\n";
    h += "report " + std::to_string(i % 89) + " is approved\n";
  }
  WriteFile(ref, r);
  WriteFile(hyp, h);
  WriteFile(dir + "/hyp2.txt", r);
  const auto fits = testing::RunMtevalLimited(600000, "score " + ref + " -i " + hyp + " -ci -cin 10000 -f text");
  CHECK(fits.exit_code == 0);
  CHECK_THAT(fits.out, Catch::Contains("μ ="));
  INFO(fits.err);
  // 100 million resamples: the scores alone are 800 MB. Refused at once with
  // exit code 71, saying what it needs and what limits it.
  const auto refused = testing::RunMtevalLimited(600000, "score " + ref + " -i " + hyp + " -ci -cin 100000000");
  CHECK(refused.exit_code == 71);
  CHECK(refused.out.empty());
  CHECK_THAT(refused.err, Catch::Contains("100000000 resamples") && Catch::Contains("needs about") &&
                              Catch::Contains("ulimit -v") && Catch::Contains("--confidence-n"));
  const auto paired = testing::RunMtevalLimited(600000, "score " + ref + " -i " + hyp + " " + dir + "/hyp2.txt --paired-bs -pbsn 100000000");
  CHECK(paired.exit_code == 71);
  CHECK_THAT(paired.err, Catch::Contains("--paired-bs-n"));
}

}  // namespace mteval
