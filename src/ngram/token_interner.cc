#include "ngram/token_interner.h"

#include <algorithm>
#include <cstring>

namespace mteval {

uint64_t TokenInterner::Hash(std::string_view s) {
  // FNV-1a over 8-byte words: tokens are short, and equality is always
  // confirmed by comparing the strings, so quality only affects speed.
  uint64_t h = 0xcbf29ce484222325ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * 0x100000001b3ULL;
    h ^= h >> 29;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, s.data() + i, s.size() - i);
  h = (h ^ tail) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 32);
}

void TokenInterner::Clear(size_t expected_tokens) {
  size_t want = 16;
  while (want < expected_tokens * 2) want <<= 1;
  if (slots_.size() < want || slots_.size() > want * 8) {
    slots_.assign(want, Slot{0, {}, kUnknown});
  } else {
    for (Slot& s : slots_) s.id = kUnknown;
  }
  mask_ = slots_.size() - 1;
  count_ = 0;
}

uint32_t TokenInterner::Intern(std::string_view token) {
  uint64_t h = Hash(token);
  size_t i = h & mask_;
  while (slots_[i].id != kUnknown) {
    if (slots_[i].hash == h && slots_[i].token == token) return slots_[i].id;
    i = (i + 1) & mask_;
  }
  slots_[i] = Slot{h, token, count_++};
  if (count_ * 2 > slots_.size()) Grow();
  return count_ - 1;
}

uint32_t TokenInterner::Find(std::string_view token) const {
  uint64_t h = Hash(token);
  size_t i = h & mask_;
  while (slots_[i].id != kUnknown) {
    if (slots_[i].hash == h && slots_[i].token == token) return slots_[i].id;
    i = (i + 1) & mask_;
  }
  return kUnknown;
}

void TokenInterner::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{0, {}, kUnknown});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.id == kUnknown) continue;
    size_t i = s.hash & mask_;
    while (slots_[i].id != kUnknown) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

void UnitInterner::Clear(size_t expected_units) {
  size_t want = 16;
  while (want < expected_units * 2) want <<= 1;
  if (ids_.size() < want || ids_.size() > want * 8) {
    units_.assign(want, 0);
    ids_.assign(want, kUnknown);
  } else {
    std::fill(ids_.begin(), ids_.end(), kUnknown);
  }
  mask_ = ids_.size() - 1;
  shift_ = 64 - __builtin_ctzll(ids_.size());
  count_ = 0;
}

uint32_t UnitInterner::Intern(uint32_t unit) {
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
