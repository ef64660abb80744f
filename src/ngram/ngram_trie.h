#pragma once
// Exact n-gram identities without hashing strings: an n-gram is a node in a
// trie whose edges are (parent node, unit) pairs, stored in one open-addressing
// table. Units are code points (chrF) or per-segment token ids (BLEU, chrF++),
// so equal n-grams get equal node ids and different ones never collide.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mteval {

// The most units (tokens or characters) the growable tables of a segment
// are sized for in advance. Ordinary segments are far shorter, so their
// tables are sized as before; a longer segment (a whole document on one
// line) starts from this size and the tables grow with what they really
// hold (its distinct n-grams), not with a worst case of one per unit and
// order, which made a 10 MB line cost gigabytes.
constexpr size_t kMaxPresizedUnits = size_t{1} << 14;

inline size_t PresizedUnits(size_t expected_units) { return expected_units < kMaxPresizedUnits ? expected_units : kMaxPresizedUnits; }

class NgramTrie {
 public:
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNotFound = UINT32_MAX;

  NgramTrie() { Clear(16); }

  // Empties the trie, sizing the table for about `expected_nodes` nodes.
  void Clear(size_t expected_nodes);

  // Child of `parent` along `unit`, created if missing.
  uint32_t Insert(uint32_t parent, uint32_t unit) {
    uint64_t key = MakeKey(parent, unit);
    size_t i = Slot(key);
    while (keys_[i] != kEmpty) {
      if (keys_[i] == key) return values_[i];
      i = (i + 1) & mask_;
    }
    keys_[i] = key;
    values_[i] = num_nodes_++;
    if (num_nodes_ * 2 > keys_.size()) Grow();
    return num_nodes_ - 1;
  }

  // Child of `parent` along `unit`, or kNotFound.
  uint32_t Find(uint32_t parent, uint32_t unit) const {
    uint64_t key = MakeKey(parent, unit);
    size_t i = Slot(key);
    while (keys_[i] != kEmpty) {
      if (keys_[i] == key) return values_[i];
      i = (i + 1) & mask_;
    }
    return kNotFound;
  }

  // Number of nodes, the root included; node ids are < num_nodes().
  uint32_t num_nodes() const { return num_nodes_; }

 private:
  static constexpr uint64_t kEmpty = UINT64_MAX;
  static uint64_t MakeKey(uint32_t parent, uint32_t unit) { return (uint64_t(parent) << 32) | unit; }
  size_t Slot(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL) >> shift_; }
  void Grow();

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  int shift_ = 64;
  uint32_t num_nodes_ = 1;
};

}  // namespace mteval
