// A whole document on one line: BLEU and chrF memory follows what the line
// holds (its tokens and distinct n-grams), not a worst case of one n-gram per
// unit and order. Checked end to end under an address-space limit.

#include <catch2/catch.hpp>
#include <random>

#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {

TEST_CASE("BLEU and chrF score a 9.5 MB line in bounded memory", "[cli][long_line]") {
  // 1.4 million words from a vocabulary of 50,000 on each side. Tables sized
  // for one n-gram per unit and order took 1.4 GB (BLEU) and 3.8 GB (chrF)
  // here; grown with the distinct n-grams they take 445 MB and 190 MB.
  if (testing::SkipUnderAddressSanitizer("the memory of a long line")) return;
  const std::string dir = testing::MakeTempDir();
  std::mt19937 rng(3);
  for (const char* name : {"/ref.txt", "/hyp.txt"}) {
    std::string line;
    for (int i = 0; i < 1400000; ++i) line += (i ? " w" : "w") + std::to_string(rng() % 50000);
    testing::WriteFile(dir + name, line + "\n");
  }
  for (const char* metric : {"bleu", "chrf"}) {
    INFO(metric);
    const auto r = testing::RunMtevalLimited(
        800000, std::string("score ") + dir + "/ref.txt -i " + dir + "/hyp.txt -q -b -m " + metric);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(!r.out.empty());
  }
}

}  // namespace mteval
