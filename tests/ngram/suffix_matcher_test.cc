// SuffixMatcher against a plain std::map reference: random sequences of
// every length across its 32-unit register boundaries, its limits, and the
// whole range of units.

#include <catch2/catch.hpp>
#include <map>
#include <random>

#include "support/ngram_oracle.h"
#include "ngram/suffix_matcher.h"

namespace mteval {
namespace {

using Seq = std::vector<uint32_t>;

// Counts hyp against refs with the matcher and the map, for every order.
void Check(SuffixMatcher& matcher, int order, const std::vector<Seq>& refs, const Seq& hyp) {
  matcher.Reset();
  for (const Seq& r : refs) REQUIRE(matcher.AddReference(r.data(), r.size()));
  std::vector<int64_t> got(static_cast<size_t>(order), 0);
  REQUIRE(matcher.CountMatches(hyp.data(), hyp.size(), got.data()));
  for (int n = 1; n <= order; ++n) {
    INFO("order " << n << ", " << refs.size() << " references, hypothesis of " << hyp.size());
    REQUIRE(got[static_cast<size_t>(n - 1)] == testing::ClippedMatches(refs, hyp, static_cast<size_t>(n)));
  }
}

}  // namespace

TEST_CASE("SuffixMatcher equals clipped counting with a map", "[ngram]") {
  if (!SuffixMatcher::Available()) {
    WARN("SKIPPED: this CPU has no AVX2, so SuffixMatcher is never used");
    return;
  }
  std::mt19937 rng(5);
  for (int order : {1, 2, 4, 6, 9, 64}) {
    SuffixMatcher matcher(order);
    for (int trial = 0; trial < 1500; ++trial) {
      // Tiny vocabularies give long repeated n-grams (and lengths that
      // saturate); lengths cover every register boundary up to 128.
      const uint32_t vocab = 1 + rng() % (trial % 3 == 0 ? 2 : 8);
      const uint32_t base = trial % 4 == 1 ? SuffixMatcher::kMaxUnit + 1 - vocab : 0;
      auto length = [&]() -> size_t {
        return trial % 5 == 0 ? SuffixMatcher::kMaxLength - rng() % 3 : rng() % (trial % 2 ? 40 : 129);
      };
      std::vector<Seq> refs(rng() % 4);
      for (Seq& r : refs) {
        r.resize(length());
        for (uint32_t& u : r) u = base + rng() % vocab;
      }
      Seq hyp(length());
      // Some units no reference can have: 254, 255 and beyond.
      for (uint32_t& u : hyp) u = rng() % 10 == 0 ? 254 + rng() % 3 : rng() % 20 == 0 ? UINT32_MAX : base + rng() % vocab;
      Check(matcher, order, refs, hyp);
    }
  }
}

TEST_CASE("SuffixMatcher on a hypothesis equal to its reference", "[ngram]") {
  if (!SuffixMatcher::Available()) {
    WARN("SKIPPED: this CPU has no AVX2, so SuffixMatcher is never used");
    return;
  }
  // Every n-gram matches: matches[n-1] = length - n + 1, here with a single
  // repeated unit (lengths run to 128) and with all-distinct units.
  for (size_t len : {size_t{1}, size_t{31}, size_t{32}, size_t{33}, size_t{64}, size_t{65}, size_t{127}, size_t{128}}) {
    for (bool repeated : {true, false}) {
      Seq s(len);
      for (size_t i = 0; i < len; ++i) s[i] = repeated ? 7 : static_cast<uint32_t>(i);
      SuffixMatcher matcher(64);
      REQUIRE(matcher.AddReference(s.data(), s.size()));
      std::vector<int64_t> got(64, 0);
      REQUIRE(matcher.CountMatches(s.data(), s.size(), got.data()));
      for (size_t n = 1; n <= 64; ++n) {
        INFO("length " << len << ", order " << n);
        CHECK(got[n - 1] == static_cast<int64_t>(len >= n ? len - n + 1 : 0));
      }
    }
  }
}

TEST_CASE("SuffixMatcher refuses what it cannot represent", "[ngram]") {
  SuffixMatcher matcher(4);
  Seq long_seq(SuffixMatcher::kMaxLength + 1, 1);
  Seq big_unit = {1, SuffixMatcher::kMaxUnit + 1};
  CHECK_FALSE(matcher.AddReference(long_seq.data(), long_seq.size()));
  CHECK_FALSE(matcher.AddReference(big_unit.data(), big_unit.size()));
  std::vector<int64_t> got(4, 0);
  CHECK_FALSE(matcher.CountMatches(long_seq.data(), long_seq.size(), got.data()));
  CHECK(got == std::vector<int64_t>(4, 0));
}

}  // namespace mteval
