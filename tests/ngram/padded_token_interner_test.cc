// PaddedTokenInterner against a std::map, with tokens of every length around
// the 8- and 16-byte boundaries of its masked loads, garbage after the
// padding boundary that must not matter, and many segments (generations);
// the batch calls (InternAll, FindAll) give the same ids as the single ones.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "ngram/padded_token_interner.h"

namespace mteval {

TEST_CASE("PaddedTokenInterner agrees with std::map", "[ngram]") {
  std::mt19937 rng(7);
  PaddedTokenInterner interner;
  for (int segment = 0; segment < 300; ++segment) {
    // Tokens share prefixes and differ only late, so both halves and the
    // tail comparison matter.
    std::vector<std::string> vocab;
    for (int v = 0; v < 40; ++v) {
      const size_t len = 1 + rng() % 40;
      std::string t(len, 'a');
      t[rng() % len] = static_cast<char>('a' + rng() % 3);
      vocab.push_back(t);
    }
    // Each token lives in its own buffer followed by random bytes: only the
    // token's own bytes may influence the result.
    std::vector<std::string> buffers;
    std::vector<std::string_view> refs, hyps;
    auto place = [&](const std::string& t) {
      std::string b = t;
      for (size_t i = 0; i < PaddedTokenInterner::kPadding; ++i) b.push_back(static_cast<char>(rng()));
      buffers.push_back(std::move(b));
    };
    const size_t nref = rng() % 60, nhyp = rng() % 60;
    buffers.reserve(nref + nhyp);
    for (size_t i = 0; i < nref; ++i) place(vocab[rng() % vocab.size()]);
    for (size_t i = 0; i < nhyp; ++i) place(vocab[rng() % vocab.size()]);
    for (size_t i = 0; i < nref; ++i) refs.emplace_back(buffers[i].data(), buffers[i].size() - PaddedTokenInterner::kPadding);
    for (size_t i = nref; i < nref + nhyp; ++i) {
      hyps.emplace_back(buffers[i].data(), buffers[i].size() - PaddedTokenInterner::kPadding);
    }
    interner.Clear(segment % 3 == 0 ? 1 : refs.size());  // also force growth
    std::map<std::string, uint32_t> expected;
    std::vector<uint32_t> want;
    for (std::string_view t : refs) {
      want.push_back(expected.emplace(std::string(t), static_cast<uint32_t>(expected.size())).first->second);
    }
    // Batch interning on odd segments; the forced growth (segment % 3 == 0)
    // falls on both parities.
    std::vector<uint32_t> got(refs.size());
    if (segment % 2 == 0) {
      for (size_t i = 0; i < refs.size(); ++i) got[i] = interner.Intern(refs[i]);
    } else {
      interner.InternAll(refs.data(), refs.size(), got.data());
    }
    REQUIRE(got == want);
    want.clear();
    for (std::string_view t : hyps) {
      auto it = expected.find(std::string(t));
      want.push_back(it == expected.end() ? PaddedTokenInterner::kUnknown : it->second);
    }
    got.assign(hyps.size(), 0);
    for (size_t i = 0; i < hyps.size(); ++i) got[i] = interner.Find(hyps[i]);
    REQUIRE(got == want);
    got.assign(hyps.size(), 0);
    interner.FindAll(hyps.data(), hyps.size(), got.data());
    REQUIRE(got == want);
  }
}

}  // namespace mteval
