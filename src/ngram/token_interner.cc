#include "ngram/token_interner.h"

#include "ngram/ngram_trie.h"  // PresizedUnits

#include <algorithm>
#include <cstring>

namespace mteval {

namespace {

uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
uint64_t Load4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The bytes of a short string (< 8 bytes) as one integer, reading only
// inside the string: overlapping 4-byte loads, or single bytes.
uint64_t ShortBits(const char* p, size_t n) {
  if (n >= 4) return (Load4(p) << 32) | Load4(p + n - 4);
  if (n > 0) {
    return (uint64_t(static_cast<unsigned char>(p[0])) << 16) |
           (uint64_t(static_cast<unsigned char>(p[n / 2])) << 8) | static_cast<unsigned char>(p[n - 1]);
  }
  return 0;
}

uint64_t Mix(uint64_t h) {
  h *= 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 29);
}

// String equality without a memcmp call for short tokens. For n < 8,
// ShortBits covers every byte, so equal bits mean equal strings.
bool SameToken(std::string_view a, std::string_view b) {
  const size_t n = a.size();
  if (n != b.size()) return false;
  if (n < 8) return ShortBits(a.data(), n) == ShortBits(b.data(), n);
  for (size_t i = 0; i + 8 < n; i += 8) {
    if (Load8(a.data() + i) != Load8(b.data() + i)) return false;
  }
  return Load8(a.data() + n - 8) == Load8(b.data() + n - 8);
}

}  // namespace

// Inlined into Intern and Find: a call per token costs as much as the hash.
__attribute__((always_inline)) inline uint64_t TokenInterner::Hash(std::string_view s) {
  // Tokens are short; equality is always confirmed by comparing the strings,
  // so hash quality only affects speed. Fixed-size loads (no memcpy calls).
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = 0xcbf29ce484222325ULL ^ (n * 0x100000001b3ULL);
  if (n < 8) return Mix(h ^ ShortBits(p, n));
  for (size_t i = 0; i + 8 < n; i += 8) h = Mix(h ^ Load8(p + i));
  return Mix(h ^ Load8(p + n - 8));  // last 8 bytes, overlapping if needed
}

void TokenInterner::Clear(size_t expected_tokens) {
  size_t want = 16;
  while (want < PresizedUnits(expected_tokens) * 2) want <<= 1;
  count_ = 0;
  // The table is the first `want` slots of a never-shrunk array, so it stays
  // small (and in L1) after a long segment; slots of older generations count
  // as empty. Generation 0 is never live, so a fresh array is empty.
  if (slots_.size() < want || ++generation_ == 0) {
    slots_.assign(std::max(want, slots_.size()), Slot{0, {}, kUnknown, 0});
    generation_ = 1;
  }
  mask_ = want - 1;
}

uint32_t TokenInterner::Intern(std::string_view token) {
  const uint64_t h = Hash(token);
  size_t i = h & mask_;
  while (slots_[i].generation == generation_) {
    if (slots_[i].hash == h && SameToken(slots_[i].token, token)) return slots_[i].id;
    i = (i + 1) & mask_;
  }
  slots_[i] = Slot{h, token, count_++, generation_};
  if (count_ * 2 > mask_ + 1) Grow();
  return count_ - 1;
}

uint32_t TokenInterner::Find(std::string_view token) const {
  const uint64_t h = Hash(token);
  size_t i = h & mask_;
  while (slots_[i].generation == generation_) {
    if (slots_[i].hash == h && SameToken(slots_[i].token, token)) return slots_[i].id;
    i = (i + 1) & mask_;
  }
  return kUnknown;
}

void TokenInterner::Grow() {
  std::vector<Slot> live;
  for (size_t i = 0; i <= mask_; ++i) {
    if (slots_[i].generation == generation_) live.push_back(slots_[i]);
  }
  const size_t size = (mask_ + 1) * 2;
  if (slots_.size() < size) slots_.resize(size, Slot{0, {}, kUnknown, 0});
  // Move to a fresh generation so that the old positions read as empty.
  if (++generation_ == 0) {
    std::fill(slots_.begin(), slots_.end(), Slot{0, {}, kUnknown, 0});
    generation_ = 1;
  }
  mask_ = size - 1;
  for (Slot s : live) {
    s.generation = generation_;
    size_t i = s.hash & mask_;
    while (slots_[i].generation == generation_) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void UnitInterner::Clear(size_t expected_units) {
  size_t want = 16;
  while (want < PresizedUnits(expected_units) * 2) want <<= 1;
  if (ids_.size() < want || ids_.size() > want * 8) {
    units_.assign(want, 0);
    ids_.assign(want, kUnknown);
  } else if (hashed_used_) {  // an all-ASCII segment left the table empty
    std::fill(ids_.begin(), ids_.end(), kUnknown);
  }
  hashed_used_ = false;
  mask_ = ids_.size() - 1;
  shift_ = 64 - __builtin_ctzll(ids_.size());
  count_ = 0;
  std::fill(std::begin(direct_), std::end(direct_), kUnknown);
}

uint32_t UnitInterner::InternHashed(uint32_t unit) {
  hashed_used_ = true;
  size_t i = Slot(unit);
  while (ids_[i] != kUnknown) {
    if (units_[i] == unit) return ids_[i];
    i = (i + 1) & mask_;
  }
  units_[i] = unit;
  ids_[i] = count_++;
  if (count_ * 2 > ids_.size()) Grow();
  return count_ - 1;
}

void UnitInterner::Grow() {
  std::vector<uint32_t> old_units, old_ids;
  old_units.swap(units_);
  old_ids.swap(ids_);
  units_.assign(old_units.size() * 2, 0);
  ids_.assign(old_units.size() * 2, kUnknown);
  mask_ = ids_.size() - 1;
  shift_ = 64 - __builtin_ctzll(ids_.size());
  for (size_t j = 0; j < old_ids.size(); ++j) {
    if (old_ids[j] == kUnknown) continue;
    size_t i = Slot(old_units[j]);
    while (ids_[i] != kUnknown) i = (i + 1) & mask_;
    units_[i] = old_units[j];
    ids_[i] = old_ids[j];
  }
}

}  // namespace mteval
