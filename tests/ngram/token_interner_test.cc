// UnitInterner against a std::map over many segments: ASCII units (the
// direct array) and others (the hashed table), segments of only one kind
// after segments of the other (the table is cleared only when it was used),
// Clear sizes that force growth, and units never interned.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <vector>

#include "ngram/token_interner.h"

namespace mteval {

TEST_CASE("UnitInterner agrees with std::map across segments", "[ngram]") {
  std::mt19937 rng(31);
  UnitInterner interner;
  for (int segment = 0; segment < 400; ++segment) {
    // Kinds rotate: ASCII only, non-ASCII only, mixed.
    const int kind = segment % 3;
    auto draw = [&]() -> uint32_t {
      const bool ascii = kind == 0 || (kind == 2 && rng() % 2 == 0);
      return ascii ? rng() % 128 : 128 + rng() % 3000;
    };
    const size_t nref = rng() % 80, nhyp = rng() % 80;
    interner.Clear(segment % 4 == 0 ? 1 : nref);  // also force growth
    std::map<uint32_t, uint32_t> expected;
    for (size_t i = 0; i < nref; ++i) {
      const uint32_t u = draw();
      auto it = expected.emplace(u, static_cast<uint32_t>(expected.size())).first;
      REQUIRE(interner.Intern(u) == it->second);
    }
    for (size_t i = 0; i < nhyp; ++i) {
      // Any kind of unit, so that units of the other kind are looked up too.
      const uint32_t u = rng() % 2 ? rng() % 128 : 128 + rng() % 3000;
      auto it = expected.find(u);
      REQUIRE(interner.Find(u) == (it == expected.end() ? UnitInterner::kUnknown : it->second));
    }
  }
}

}  // namespace mteval
