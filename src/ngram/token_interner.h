#pragma once
// Per-segment token ids: maps token strings to small integers so that word
// n-grams can go through NgramTrie. The interner does not own the strings;
// they must outlive the next Clear().

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mteval {

class TokenInterner {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;

  TokenInterner() { Clear(16); }
  void Clear(size_t expected_tokens);
  // Id of `token`, assigning the next free id when it is new.
  uint32_t Intern(std::string_view token);
  // Id of `token`, or kUnknown when it was never interned.
  uint32_t Find(std::string_view token) const;

 private:
  struct Slot {
    uint64_t hash;
    std::string_view token;
    uint32_t id;
  };
  static uint64_t Hash(std::string_view s);
  void Grow();

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t count_ = 0;
};

}  // namespace mteval
