// PaddedTokenInterner against a std::map, with tokens of every length around
// the 8- and 16-byte boundaries of its masked loads, garbage after the
// padding boundary that must not matter, and many segments (generations);
// the batch calls (InternAll, FindAll) give the same ids as the single ones;
// with the direct table for three-byte characters on and off.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "ngram/padded_token_interner.h"

namespace mteval {

namespace {

// Each token lives in its own buffer followed by random bytes: only the
// token's own bytes may influence the result.
class PaddedTokens {
 public:
  PaddedTokens(std::mt19937* rng, const std::vector<std::string>& tokens) {
    buffers_.reserve(tokens.size());
    for (const std::string& t : tokens) {
      std::string b = t;
      for (size_t i = 0; i < PaddedTokenInterner::kPadding; ++i) b.push_back(static_cast<char>((*rng)()));
      buffers_.push_back(std::move(b));
      views_.emplace_back(buffers_.back().data(), t.size());
    }
  }
  const std::vector<std::string_view>& views() const { return views_; }

 private:
  std::vector<std::string> buffers_;
  std::vector<std::string_view> views_;
};

// One segment: interns `ref_tokens` (singly or in a batch) and looks up
// `hyp_tokens` (singly and in a batch), all checked against a std::map.
void CheckSegment(PaddedTokenInterner* interner, std::mt19937* rng, const std::vector<std::string>& ref_tokens,
                  const std::vector<std::string>& hyp_tokens, size_t expected, bool char_table, bool batch) {
  const PaddedTokens refs(rng, ref_tokens), hyps(rng, hyp_tokens);
  interner->Clear(expected, char_table);
  std::map<std::string, uint32_t> ids;
  std::vector<uint32_t> want;
  for (const std::string& t : ref_tokens) {
    want.push_back(ids.emplace(t, static_cast<uint32_t>(ids.size())).first->second);
  }
  std::vector<uint32_t> got(ref_tokens.size());
  if (batch) {
    interner->InternAll(refs.views().data(), got.size(), got.data());
  } else {
    for (size_t i = 0; i < got.size(); ++i) got[i] = interner->Intern(refs.views()[i]);
  }
  REQUIRE(got == want);
  want.clear();
  for (const std::string& t : hyp_tokens) {
    auto it = ids.find(t);
    want.push_back(it == ids.end() ? PaddedTokenInterner::kUnknown : it->second);
  }
  got.assign(hyp_tokens.size(), 0);
  for (size_t i = 0; i < got.size(); ++i) got[i] = interner->Find(hyps.views()[i]);
  REQUIRE(got == want);
  got.assign(hyp_tokens.size(), 0);
  interner->FindAll(hyps.views().data(), got.size(), got.data());
  REQUIRE(got == want);
}

std::vector<std::string> Sample(std::mt19937* rng, const std::vector<std::string>& vocab, size_t n) {
  std::vector<std::string> out;
  for (size_t i = 0; i < n; ++i) out.push_back(vocab[(*rng)() % vocab.size()]);
  return out;
}

// Three-byte tokens: one UTF-8 character (lead 0xE0-0xEF, two continuation
// bytes, valid or not as Unicode) and near misses of it, which break that
// pattern in the top bits of one byte and so share its 16 payload bits.
std::vector<std::string> CharAndNearMisses(std::mt19937* rng) {
  auto byte = [&](unsigned lo, unsigned hi) { return static_cast<char>(lo + (*rng)() % (hi - lo + 1)); };
  const std::string c{byte(0xE0, 0xEF), byte(0x80, 0xBF), byte(0x80, 0xBF)};
  std::vector<std::string> out{c};
  for (const auto& [pos, flip] : {std::pair<int, int>{0, 0x10}, {0, 0x20}, {1, 0x40}, {1, 0x80}, {2, 0x40}, {2, 0x80}}) {
    std::string t = c;
    t[pos] = static_cast<char>(t[pos] ^ flip);
    out.push_back(t);
  }
  return out;
}

}  // namespace

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
    const std::vector<std::string> refs = Sample(&rng, vocab, rng() % 60), hyps = Sample(&rng, vocab, rng() % 60);
    // Batch interning on odd segments; the forced growth (segment % 3 == 0)
    // falls on both parities.
    CheckSegment(&interner, &rng, refs, hyps, segment % 3 == 0 ? 1 : refs.size(), false, segment % 2 == 1);
  }
}

TEST_CASE("PaddedTokenInterner's direct table for three-byte characters agrees with std::map", "[ngram]") {
  std::mt19937 rng(11);
  PaddedTokenInterner interner;
  // A small alphabet of characters, so that segments repeat them and later
  // segments meet the entries of earlier ones (which must read as absent).
  std::vector<std::string> chars;
  for (int c = 0; c < 60; ++c) {
    for (std::string& t : CharAndNearMisses(&rng)) chars.push_back(std::move(t));
  }
  for (int segment = 0; segment < 600; ++segment) {
    std::vector<std::string> vocab;
    for (int v = 0; v < 50; ++v) {
      switch (rng() % 4) {
        case 0: vocab.push_back(std::string(1 + rng() % 20, static_cast<char>('a' + rng() % 3))); break;
        case 1: vocab.push_back(chars[rng() % chars.size()] + chars[rng() % chars.size()]); break;
        default: vocab.push_back(chars[rng() % chars.size()]); break;
      }
    }
    const std::vector<std::string> refs = Sample(&rng, vocab, rng() % 80), hyps = Sample(&rng, vocab, rng() % 80);
    // The table on in three segments of four (the switch between on and off
    // must not leak ids either way), batch calls in two of three: every
    // combination, with and without forced growth.
    CheckSegment(&interner, &rng, refs, hyps, segment % 5 == 0 ? 1 : refs.size(), segment % 4 != 0,
                 segment % 3 != 0);
  }
}

TEST_CASE("PaddedTokenInterner's direct table survives the wrap-around of its id base", "[ngram]") {
  std::mt19937 rng(3);
  PaddedTokenInterner interner;
  const std::string x = "\xE4\xB8\xAD", y = "\xE6\x96\x87";  // two Chinese characters
  // x is interned just below the limit, so its entry holds a high value...
  interner.Clear(4, true);
  interner.set_char_base_for_test((uint32_t{1} << 31) - 1);
  CheckSegment(&interner, &rng, {x, y, x}, {x, y}, 4, true, true);
  // ...this Clear passes the limit and must zero the table...
  CheckSegment(&interner, &rng, {y}, {y, x}, 4, true, false);
  // ...so that when the base comes back up to that value, x's old entry
  // does not read as y's id.
  interner.set_char_base_for_test((uint32_t{1} << 31) - 2);
  CheckSegment(&interner, &rng, {y, y}, {x, y}, 4, true, true);
  CheckSegment(&interner, &rng, {y}, {x, y}, 4, true, false);
}

}  // namespace mteval
