#pragma once
// Per-segment token ids for BLEU, over tokens whose first 16 bytes can be
// read even when the token is shorter (TokenSpans guarantees this padding).
// A token of up to 16 bytes is then exactly (two masked 8-byte loads,
// length): hashing and comparing it takes no loop, no branch on the length
// and no second look at the token's bytes. Longer tokens also compare their
// remaining bytes. Same semantics as TokenInterner (tests check both against
// a std::map).

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace mteval {

class PaddedTokenInterner {
 public:
  static constexpr uint32_t kUnknown = UINT32_MAX;
  // Bytes that must be readable from the start of every token.
  static constexpr size_t kPadding = 16;

  PaddedTokenInterner();
  // Forgets every token in O(1) (slots carry a generation; see TokenInterner).
  // `char_table` chooses, until the next Clear, whether tokens that are one
  // three-byte UTF-8 character go to a direct table instead of the hash
  // table (see IsOneChar3): worth it when most tokens are such characters
  // (Chinese split per character), a small cost per token otherwise. The
  // ids are the same either way.
  void Clear(size_t expected_tokens, bool char_table = false);
  // Id of `token` (non-empty, padded), assigning the next free id when new.
  uint32_t Intern(std::string_view token) {
    const Key k = MakeKey(token);
    if (chars_ && IsOneChar3(k)) return InternChar(k);
    size_t i = Slot(k);
    while (slots_[i].generation == generation_) {
      if (Same(slots_[i], k)) return slots_[i].id;
      i = (i + 1) & mask_;
    }
    slots_[i] = Entry{k.lo, k.hi, k.data, k.len, count_++, generation_};
    if (count_ * 4 > mask_ + 1) Grow();
    return count_ - 1;
  }
  // Intern / Find over a whole segment: the same ids, with the table's
  // fields held in registers across tokens (the per-token calls reload them
  // after every store, since the stores might alias them).
  void InternAll(const std::string_view* tokens, size_t n, uint32_t* ids);
  void FindAll(const std::string_view* tokens, size_t n, uint32_t* ids) const;
  // Id of `token`, or kUnknown when it was never interned.
  uint32_t Find(std::string_view token) const {
    const Key k = MakeKey(token);
    if (chars_ && IsOneChar3(k)) return FindChar(by_char_, base_, count_, k);
    return FindIn(slots_.data(), mask_, shift_, generation_, k);
  }
  // For tests: moves the direct table's id base (see by_char_), to test its
  // wrap-around without two billion tokens. Forward only, or to any value
  // once a wrap-around has zeroed the table.
  void set_char_base_for_test(uint32_t base) { base_ = base; }

 private:
  struct Key {
    uint64_t lo, hi;
    const char* data;
    uint32_t len;
  };
  struct Entry {
    uint64_t lo, hi;
    const char* data;  // for the bytes after the first 16
    uint32_t len, id, generation;
  };

  static uint64_t Load8(const char* p) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static Key MakeKey(std::string_view t) {
    const size_t n = t.size();
    const size_t l = n < 16 ? n : 16;
    // Masks of the token's bytes in each half (l >= 1: tokens are non-empty).
    const uint64_t lo_mask = l >= 8 ? ~uint64_t{0} : ~uint64_t{0} >> (64 - 8 * l);
    const size_t k = l > 8 ? l - 8 : 0;
    const uint64_t hi_mask = k == 0 ? 0 : k >= 8 ? ~uint64_t{0} : ~uint64_t{0} >> (64 - 8 * k);
    return Key{Load8(t.data()) & lo_mask, Load8(t.data() + 8) & hi_mask, t.data(), static_cast<uint32_t>(n)};
  }
  // Multiplicative hashing: the top bits of the product are the best mixed,
  // so the slot is taken from them (one shift, no further mixing).
  static size_t Slot(const Key& k, int shift) {
    return static_cast<size_t>(((k.lo ^ (k.hi * 0xC2B2AE3D27D4EB4FULL) ^ k.len) * 0x9E3779B97F4A7C15ULL) >> shift);
  }
  size_t Slot(const Key& k) const { return Slot(k, shift_); }
  static bool Same(const Entry& e, const Key& k) {
    return e.lo == k.lo && e.hi == k.hi && e.len == k.len &&
           (k.len <= 16 || std::memcmp(e.data + 16, k.data + 16, k.len - 16) == 0);
  }
  // The probe of Find and FindAll, on the table's fields passed as values
  // (FindAll keeps them in registers across a segment).
  static uint32_t FindIn(const Entry* slots, size_t mask, int shift, uint32_t generation, const Key& k) {
    size_t i = Slot(k, shift);
    while (slots[i].generation == generation) {
      if (Same(slots[i], k)) return slots[i].id;
      i = (i + 1) & mask;
    }
    return kUnknown;
  }
  // A token that is one three-byte UTF-8 sequence (nearly every token of
  // Chinese or Japanese text split per character) skips the hash table: its
  // 16 payload bits index by_char_ directly, which holds base_ + id. No
  // probe loop, and a lookup is found-or-not without a branch. Any bytes of
  // the form 1110xxxx 10xxxxxx 10xxxxxx qualify (valid or not, the payload
  // is unique to them).
  static bool IsOneChar3(const Key& k) { return k.len == 3 && (k.lo & 0xC0C0F0) == 0x8080E0; }
  static size_t CharIndex(const Key& k) {
    return static_cast<size_t>(((k.lo & 0x0F) << 12) | ((k.lo >> 2) & 0xFC0) | ((k.lo >> 16) & 0x3F));
  }
  static uint32_t FindChar(const uint32_t* by_char, uint32_t base, uint32_t count, const Key& k) {
    const uint32_t id = by_char[CharIndex(k)] - base;  // entries of earlier segments wrap to >= count
    return id < count ? id : kUnknown;
  }
  // Intern for such a token, on the fields passed as values (InternAll
  // keeps them in registers across a segment).
  static uint32_t InternCharIn(uint32_t* by_char, uint32_t base, uint32_t* count, const Key& k) {
    uint32_t& entry = by_char[CharIndex(k)];
    const uint32_t id = entry - base;
    if (id < *count) return id;
    entry = base + *count;  // the hash table's load is unchanged
    return (*count)++;
  }
  uint32_t InternChar(const Key& k) { return InternCharIn(OwnCharTable(), base_, &count_, k); }
  void Grow();
  template <bool kChars>
  __attribute__((noinline)) void InternLoop(const std::string_view* tokens, size_t n, uint32_t* ids);
  template <bool kChars>
  __attribute__((noinline)) void FindLoop(const std::string_view* tokens, size_t n, uint32_t* ids) const;

  std::vector<Entry> slots_;
  // Indexed by the 16 payload bits of a three-byte token: base_ + its id in
  // the current segment. Entries of earlier segments are below base_ (each
  // Clear moves base_ past the ids given out), so none reads as live.
  // Until the first such token is interned, by_char_ is a shared table of
  // zeros (text without them never pays for the 256 KB).
  static constexpr size_t kCharTableSize = size_t{1} << 16;
  uint32_t* OwnCharTable() {
    if (!own_by_char_) {
      own_by_char_.reset(new uint32_t[kCharTableSize]());
      by_char_ = own_by_char_.get();
    }
    return own_by_char_.get();
  }
  const uint32_t* by_char_;
  std::unique_ptr<uint32_t[]> own_by_char_;
  uint32_t base_ = 1;
  bool chars_ = false;  // this segment uses by_char_
  size_t mask_ = 0;
  int shift_ = 64;  // 64 - log2(table size)
  uint32_t count_ = 0;
  uint32_t generation_ = 0;
};

}  // namespace mteval
