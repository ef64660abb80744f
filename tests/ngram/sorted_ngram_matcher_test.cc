// SortedNgramMatcher against clipped counting with a std::map, and against
// NgramMatcher, on random sequences: tiny and large alphabets, unknown
// hypothesis units, every order 1..7, sides on both sides of the byte-count
// limit, long sequences that take the scalar scan, and references it must
// refuse.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <vector>

#include "ngram/ngram_matcher.h"
#include "ngram/single_ref_matcher.h"
#include "support/ngram_oracle.h"
#include "ngram/sorted_ngram_matcher.h"

namespace mteval {
namespace {

}  // namespace

TEST_CASE("SortedNgramMatcher equals clipped counting with a map", "[ngram]") {
  std::mt19937 rng(11);
  for (int order = 1; order <= SortedNgramMatcher::kMaxOrder; ++order) {
    SortedNgramMatcher matcher(order);
    for (int trial = 0; trial < 1500; ++trial) {
      const uint32_t vocab = trial % 5 == 0 ? 254 : 1 + rng() % 5;
      std::vector<uint32_t> ref(rng() % 40), hyp(rng() % 40);
      for (auto& u : ref) u = rng() % vocab;
      for (auto& u : hyp) u = rng() % 8 == 0 ? UINT32_MAX : rng() % (vocab + 1);
      REQUIRE(matcher.SetReference(ref.data(), ref.size()));
      // Each reference is scored against several hypotheses, as for systems.
      for (int rep = 0; rep < 2; ++rep) {
        std::vector<int64_t> got(order, 0);
        matcher.CountMatches(hyp.data(), hyp.size(), got.data());
        for (int k = 1; k <= order; ++k) REQUIRE(got[k - 1] == testing::ClippedMatches(std::vector<std::vector<uint32_t>>{ref}, hyp, static_cast<size_t>(k)));
        std::shuffle(hyp.begin(), hyp.end(), rng);
      }
    }
  }
}

TEST_CASE("SortedNgramMatcher around the byte-count limit and in 16-bit lanes", "[ngram]") {
  // Sides of up to 255 windows count in bytes, longer ones in 16-bit lanes:
  // a one- or two-unit alphabet drives a group's count to the side's length.
  std::mt19937 rng(23);
  for (int order : {1, 4, 7}) {
    SortedNgramMatcher matcher(order);
    for (size_t ref_len : {254, 255, 256, 700}) {
      for (size_t hyp_len : {1, 255, 256, 900}) {
        for (uint32_t vocab : {1, 2, 30}) {
          std::vector<uint32_t> ref(ref_len), hyp(hyp_len);
          for (auto& u : ref) u = rng() % vocab;
          for (auto& u : hyp) u = rng() % vocab;
          REQUIRE(matcher.SetReference(ref.data(), ref.size()));
          for (int rep = 0; rep < 2; ++rep) {  // joint sort, then merge
            std::vector<int64_t> got(order, 0);
            matcher.CountMatches(hyp.data(), hyp.size(), got.data());
            for (int k = 1; k <= order; ++k) REQUIRE(got[k - 1] == testing::ClippedMatches(std::vector<std::vector<uint32_t>>{ref}, hyp, static_cast<size_t>(k)));
          }
        }
      }
    }
  }
}

TEST_CASE("SortedNgramMatcher on long sequences (scalar scan) agrees with NgramMatcher", "[ngram]") {
  std::mt19937 rng(5);
  SortedNgramMatcher sorted(6);
  NgramMatcher hashed(6);
  std::vector<uint32_t> ref(30000), hyp(40000);  // the hypothesis exceeds the 16-bit lanes
  for (auto& u : ref) u = rng() % 3;
  for (auto& u : hyp) u = rng() % 3;
  REQUIRE(sorted.SetReference(ref.data(), ref.size()));
  hashed.Reset(ref.size());
  hashed.AddReference(ref.data(), ref.size());
  std::vector<int64_t> a(6, 0), b(6, 0);
  sorted.CountMatches(hyp.data(), hyp.size(), a.data());
  hashed.CountMatches(hyp.data(), hyp.size(), b.data());
  CHECK(a == b);
  CHECK(a[0] == 30000);  // every reference unigram is matched
}

TEST_CASE("SortedNgramMatcher refuses what it cannot represent and SingleRefMatcher falls back", "[ngram]") {
  SortedNgramMatcher sorted(4);
  std::vector<uint32_t> big = {1, 2, 300, 2};
  CHECK_FALSE(sorted.SetReference(big.data(), big.size()));
  std::vector<uint32_t> too_long(SortedNgramMatcher::kMaxLength + 1, 1);
  CHECK_FALSE(sorted.SetReference(too_long.data(), too_long.size()));
  CHECK_THROWS(SortedNgramMatcher(8));

  std::mt19937 rng(9);
  for (int order : {2, 6, 7, 8}) {
    SingleRefMatcher fast(order), slow(order);
    slow.set_force_hashed(true);
    for (int trial = 0; trial < 300; ++trial) {
      std::vector<uint32_t> ref(rng() % 30), hyp(rng() % 30);
      const uint32_t vocab = trial % 4 == 0 ? 400 : 4;  // >= 255 makes the sorted form refuse
      for (auto& u : ref) u = rng() % vocab;
      for (auto& u : hyp) u = rng() % vocab;
      fast.SetReference(ref.data(), ref.size());
      slow.SetReference(ref.data(), ref.size());
      std::vector<int64_t> a(order, 0), b(order, 0);
      fast.CountMatches(hyp.data(), hyp.size(), a.data());
      slow.CountMatches(hyp.data(), hyp.size(), b.data());
      REQUIRE(a == b);
    }
  }
}

}  // namespace mteval
