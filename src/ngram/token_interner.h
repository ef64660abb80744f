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
  // Forgets every token. Costs O(1) unless the table must grow: slots carry
  // the generation they were filled in, and only the current one is live.
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
    uint32_t generation;  // live iff equal to generation_
  };
  static uint64_t Hash(std::string_view s);
  void Grow();

  std::vector<Slot> slots_;
  size_t mask_ = 0;
  uint32_t count_ = 0;
  uint32_t generation_ = 0;
};

// Per-segment dense ids for 32-bit units such as code points, so that
// NgramMatcher can pack them into bytes.
class UnitInterner {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;

  UnitInterner() { Clear(16); }
  void Clear(size_t expected_units);
  uint32_t Intern(uint32_t unit) {
    if (unit < kDirect) {
      // Without a branch: each segment's first sight of a character would
      // mispredict it (dozens per segment).
      uint32_t id = direct_[unit];
      const bool fresh = id == kUnknown;
      id = fresh ? count_ : id;
      direct_[unit] = id;
      count_ += fresh;
      return id;
    }
    return InternHashed(unit);
  }
  uint32_t Find(uint32_t unit) const {
    if (unit < kDirect) return direct_[unit];
    size_t i = Slot(unit);
    while (ids_[i] != kUnknown) {
      if (units_[i] == unit) return ids_[i];
      i = (i + 1) & mask_;
    }
    return kUnknown;
  }

 private:
  // ASCII units (most of the text in many languages) are looked up in a
  // plain array; the others in an open-addressing table.
  static constexpr uint32_t kDirect = 128;

  size_t Slot(uint32_t unit) const { return (uint64_t(unit) * 0x9E3779B97F4A7C15ULL) >> shift_; }
  uint32_t InternHashed(uint32_t unit);
  void Grow();

  uint32_t direct_[kDirect];
  std::vector<uint32_t> units_, ids_;
  size_t mask_ = 0;
  int shift_ = 64;
  uint32_t count_ = 0;
  bool hashed_used_ = false;  // the table has entries to clear
};

}  // namespace mteval
