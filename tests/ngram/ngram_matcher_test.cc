// NgramMatcher against a plain std::map reference on random sequences.

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <random>

#include "support/ngram_oracle.h"
#include "ngram/ngram_matcher.h"
#include "ngram/token_interner.h"

namespace mteval {
namespace {

// One trial: random references, then two hypotheses (as for two systems),
// each counted with CountMatches and with CountMatchesFrom, against the
// map's counts for every order.
void CheckRandomSegment(NgramMatcher& matcher, std::mt19937& rng, int trial) {
  const size_t order = static_cast<size_t>(matcher.max_order());
  // Small vocabularies (many repeated n-grams); sometimes units near the
  // packed form's limit of 254; sometimes units >= 255 so the packed form
  // has to fall back to the trie in the middle of a segment. Sometimes
  // sequences around the suffix form's limit of 128 units, so that it moves
  // to the packed form at a reference or at a hypothesis.
  const uint32_t base = trial % 5 == 1 ? 250 : 0;
  const uint32_t vocab = 1 + rng() % 6 + (trial % 7 == 0 ? 300 : 0);
  auto unit = [&]() { return vocab > 300 && rng() % 2 ? rng() % 6 : base + rng() % vocab; };
  const size_t nrefs = 1 + rng() % 3;
  std::vector<std::vector<uint32_t>> refs(nrefs);
  for (auto& r : refs) {
    r.resize(trial % 11 == 0 ? 120 + rng() % 20 : rng() % 20);
    for (auto& u : r) u = unit();
  }
  matcher.Reset(trial % 3 ? 1 : 50);  // both undersized and oversized tables
  for (const auto& r : refs) matcher.AddReference(r.data(), r.size());
  for (int h = 0; h < 2; ++h) {
    std::vector<uint32_t> hyp(trial % 13 == 0 ? 120 + rng() % 20 : rng() % 20);
    for (auto& u : hyp) u = rng() % 10 == 0 ? UINT32_MAX : rng() % 10 == 0 ? 250 + rng() % 10 : unit();
    std::vector<int64_t> got(order, 0), got_from(order, 0);
    matcher.CountMatches(hyp.data(), hyp.size(), got.data());
    std::vector<uint32_t> stored(hyp.size(), 0);
    matcher.CountMatchesFrom(
        hyp.size(), [&](size_t i) { return hyp[i]; }, [&](uint32_t* units) { std::copy(hyp.begin(), hyp.end(), units); },
        stored.data(), got_from.data());
    REQUIRE(stored == hyp);
    for (size_t n = 1; n <= order; ++n) {
      const int64_t want = testing::ClippedMatches(refs, hyp, n);
      REQUIRE(got[n - 1] == want);
      REQUIRE(got_from[n - 1] == want);
    }
  }
}

}  // namespace

TEST_CASE("NgramMatcher equals clipped counting with a map", "[ngram]") {
  // The suffix form takes orders up to 64 (with AVX2), the packed form
  // orders up to 8 (one byte per unit of a 64-bit key), the trie any order.
  for (int order : {1, 2, 4, 5, 6, 8, 12, 70}) {
    INFO("order " << order);
    std::mt19937 rng(7 + order);
    NgramMatcher suffix(order), packed(order), trie(order);
    packed.set_allow_suffix(false);
    trie.set_force_trie(true);
    NgramMatcher* matchers[] = {&suffix, &packed, &trie};
    for (int trial = 0; trial < 4500; ++trial) CheckRandomSegment(*matchers[trial % 3], rng, trial);
  }
}

TEST_CASE("NgramMatcher on references longer than its presized tables", "[ngram]") {
  // References of 40,000 to 70,000 units (several slices of the packed
  // form's additions, the table growing between them while later references
  // hold counts in it), from vocabularies small enough for the packed form
  // and large enough for the trie; then a short segment on the same matcher.
  std::mt19937 rng(11);
  for (uint32_t vocab : {3u, 40u, 254u, 5000u}) {
    INFO("vocabulary " << vocab);
    NgramMatcher matcher(4);
    std::vector<std::vector<uint32_t>> refs(3);
    for (auto& r : refs) {
      r.resize(40000 + rng() % 30000);
      for (auto& u : r) u = rng() % vocab;
    }
    std::vector<uint32_t> hyp(50000);
    for (auto& u : hyp) u = rng() % vocab;
    matcher.Reset(refs[0].size() + refs[1].size() + refs[2].size());
    for (const auto& r : refs) matcher.AddReference(r.data(), r.size());
    std::vector<int64_t> got(4, 0);
    matcher.CountMatches(hyp.data(), hyp.size(), got.data());
    for (size_t n = 1; n <= 4; ++n) REQUIRE(got[n - 1] == testing::ClippedMatches(refs, hyp, n));
    std::vector<std::vector<uint32_t>> short_refs{{1, 2, 1, 2, 0}};
    std::vector<uint32_t> short_hyp{1, 2, 1, 0};
    matcher.Reset(5);
    matcher.AddReference(short_refs[0].data(), short_refs[0].size());
    std::fill(got.begin(), got.end(), 0);
    matcher.CountMatches(short_hyp.data(), short_hyp.size(), got.data());
    for (size_t n = 1; n <= 4; ++n) REQUIRE(got[n - 1] == testing::ClippedMatches(short_refs, short_hyp, n));
  }
}

TEST_CASE("NgramMatcher across the wrap of its generation counter", "[ngram]") {
  // A segment in generation 2, then the counter's wrap: it must clear every
  // slot, or the next segments (generations 1 and 2 again) would see the
  // first segment's n-grams as their own.
  std::mt19937 rng(11);
  for (int trial = 0; trial < 300; ++trial) {
    NgramMatcher packed(4);  // generation 1; its first Reset starts 2
    packed.set_allow_suffix(false);
    CheckRandomSegment(packed, rng, 3 * trial + 1);
    packed.set_generation_for_test(UINT32_MAX);
    CheckRandomSegment(packed, rng, 3 * trial + 2);
    CheckRandomSegment(packed, rng, 3 * trial + 1);
  }
}

TEST_CASE("TokenInterner gives equal ids to equal strings only", "[ngram]") {
  TokenInterner in;
  in.Clear(2);
  std::vector<std::string> words;
  for (int i = 0; i < 1000; ++i) words.push_back("w" + std::to_string(i % 300));
  std::map<std::string, uint32_t> ids;
  for (const auto& w : words) {
    uint32_t id = in.Intern(w);
    auto [it, inserted] = ids.emplace(w, id);
    CHECK(it->second == id);
  }
  CHECK(ids.size() == 300);
  CHECK(in.Find("w5") == ids["w5"]);
  CHECK(in.Find("absent") == TokenInterner::kUnknown);
  CHECK(in.Find("") == TokenInterner::kUnknown);
}

TEST_CASE("TokenInterner on strings of every length up to 40", "[ngram]") {
  // Strings that share long prefixes and suffixes, so that the fixed-size
  // loads in hashing and comparison must look at every byte.
  std::mt19937 rng(3);
  std::vector<std::string> words;
  for (int i = 0; i < 4000; ++i) {
    size_t len = rng() % 41;
    std::string w(len, 'a');
    if (len > 0 && rng() % 2) w[rng() % len] = 'b';
    words.push_back(w);
  }
  TokenInterner in;
  in.Clear(8);
  std::map<std::string, uint32_t> ids;
  for (const auto& w : words) {
    uint32_t id = in.Intern(w);
    auto [it, inserted] = ids.emplace(w, id);
    REQUIRE(it->second == id);
  }
  std::set<uint32_t> distinct;
  for (const auto& [w, id] : ids) distinct.insert(id);
  CHECK(distinct.size() == ids.size());
  for (const auto& [w, id] : ids) CHECK(in.Find(w) == id);
  CHECK(in.Find(std::string(41, 'a')) == TokenInterner::kUnknown);
}

}  // namespace mteval
