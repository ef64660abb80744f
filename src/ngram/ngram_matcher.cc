#include "ngram/ngram_matcher.h"

#include <algorithm>

namespace mteval {

void NgramMatcher::Reset(size_t expected_units) {
  num_refs_ = 0;
  saved_units_.clear();
  saved_ends_.clear();
  // The suffix form needs no table; the others are set up only if the
  // segment outgrows it (SwitchFromSuffix).
  if (!force_trie_ && allow_suffix_ && max_order_ <= SuffixMatcher::kMaxOrder && SuffixMatcher::Available()) {
    mode_ = Mode::kSuffix;
    suffix_.Reset();
    return;
  }
  ResetTables(expected_units);
}

void NgramMatcher::ResetTables(size_t expected_units) {
  if (!force_trie_ && max_order_ <= 8) {
    mode_ = Mode::kPacked;
    ResetPacked(expected_units);
  } else {
    mode_ = Mode::kTrie;
    ResetTrie(expected_units);
  }
}

void NgramMatcher::ResetPacked(size_t expected_units) {
  const size_t expected = PresizedUnits(expected_units) * static_cast<size_t>(max_order_) + 1;
  size_t want = 16;
  while (want < expected * 2) want <<= 1;
  NewGeneration();
  packed_size_ = 0;
  std::fill(uni_ref_, uni_ref_ + uni_used_, 0);
  uni_used_ = 0;
  // The table is the first slots of the never-shrunk arrays. A table kept
  // from a longer segment has fewer collisions, which measured faster than
  // one sized for each segment, unless it is far too big for the caches.
  SetPackedTableSize(mask_ + 1 > want && mask_ + 1 <= want * 64 ? mask_ + 1 : want);
}

void NgramMatcher::ResetTrie(size_t expected_units) {
  trie_.Clear(PresizedUnits(expected_units) * static_cast<size_t>(max_order_) + 1);
  EnsureCounters(trie_.num_nodes());
  std::fill(ref_count_.begin(), ref_count_.end(), 0);
}

void NgramMatcher::NewGeneration() {
  if (++generation_ == 0) {
    std::fill(slots_.begin(), slots_.end(), PackedSlot{});
    generation_ = 1;
  }
}

void NgramMatcher::EnsureCounters(size_t n) {
  if (ref_count_.size() < n) {
    size_t size = std::max(n, ref_count_.size() * 2);
    ref_count_.resize(size, 0);
    scratch_.resize(size, 0);
  }
}

void NgramMatcher::AddReference(const uint32_t* units, size_t n) {
  if (mode_ == Mode::kSuffix) {
    if (suffix_.AddReference(units, n)) {
      ++num_refs_;
      return;
    }
    SwitchFromSuffix(n);
  }
  if (mode_ == Mode::kPacked) {
    bool fits = true;
    for (size_t i = 0; i < n && fits; ++i) fits = units[i] < kPackedLimit;
    if (fits) {
      saved_units_.insert(saved_units_.end(), units, units + n);
      saved_ends_.push_back(saved_units_.size());
      PackedAdd(units, n);
      ++num_refs_;
      return;
    }
    SwitchToTrie();
  }
  TrieAdd(units, n);
  ++num_refs_;
}

void NgramMatcher::CountMatches(const uint32_t* units, size_t n, int64_t* matches) {
  if (mode_ == Mode::kSuffix) {
    if (suffix_.CountMatches(units, n, matches)) return;
    SwitchFromSuffix(0);
  }
  if (mode_ == Mode::kPacked) {
    PackedCount(n, [units](size_t i) { return units[i]; }, units, matches);
  } else {
    TrieCount(units, n, matches);
  }
}

void NgramMatcher::SwitchFromSuffix(size_t more_units) {
  // The suffix form keeps its references (it saves none here).
  const size_t refs = suffix_.num_references();
  size_t total = more_units;
  std::vector<uint32_t> units;
  for (size_t r = 0; r < refs; ++r) {
    suffix_.GetReference(r, &units);
    total += units.size();
  }
  num_refs_ = 0;
  ResetTables(total);
  // AddReference saves them for a later switch to the trie.
  for (size_t r = 0; r < refs; ++r) {
    suffix_.GetReference(r, &units);
    AddReference(units.data(), units.size());
  }
}

void NgramMatcher::SwitchToTrie() {
  std::vector<uint32_t> units;
  std::vector<size_t> ends;
  units.swap(saved_units_);
  ends.swap(saved_ends_);
  const size_t total = units.size();
  NewGeneration();
  packed_size_ = 0;
  mode_ = Mode::kTrie;
  trie_.Clear(total * static_cast<size_t>(max_order_) + 1);
  std::fill(ref_count_.begin(), ref_count_.end(), 0);
  num_refs_ = 0;
  for (size_t r = 0, begin = 0; r < ends.size(); begin = ends[r++]) {
    TrieAdd(units.data() + begin, ends[r] - begin);
    ++num_refs_;
  }
  // Keep the buffers' capacity for later segments.
  units.clear();
  ends.clear();
  saved_units_.swap(units);
  saved_ends_.swap(ends);
}

// --- packed representation -------------------------------------------------

void NgramMatcher::SetPackedTableSize(size_t size) {
  if (slots_.size() < size) slots_.resize(size);
  mask_ = size - 1;
  shift_ = 64 - __builtin_ctzll(size);
}

void NgramMatcher::PackedGrow() {
  // Take the live slots out, then re-insert them, in a new generation, into
  // a table twice the size (rare: the table keeps its largest size).
  std::vector<PackedSlot> live;
  live.reserve(packed_size_);
  for (size_t i = 0; i <= mask_; ++i) {
    if (slots_[i].generation == generation_) live.push_back(slots_[i]);
  }
  SetPackedTableSize((mask_ + 1) * 2);
  NewGeneration();
  for (PackedSlot slot : live) {
    // Keys are distinct, so the probe ends at an empty slot.
    const size_t i = PackedProbe(slots_.data(), mask_, shift_, slot.key, generation_);
    slot.generation = generation_;
    slots_[i] = slot;
  }
}

void NgramMatcher::PackedAdd(const uint32_t* units, size_t n) {
  const bool first = num_refs_ == 0;
  const size_t order = static_cast<size_t>(max_order_);
  // Unigrams: the first reference counts into uni_ref_, later ones into
  // uni_scratch_ and keep the maximum.
  uint32_t used = uni_used_;
  for (size_t i = 0; i < n; ++i) used = std::max(used, units[i] + 1);
  uni_used_ = used;
  if (first) {
    for (size_t i = 0; i < n; ++i) ++uni_ref_[units[i]];
  } else {
    for (size_t i = 0; i < n; ++i) ++uni_scratch_[units[i]];
    for (size_t i = 0; i < n; ++i) uni_ref_[units[i]] = std::max(uni_ref_[units[i]], uni_scratch_[units[i]]);
    for (size_t i = 0; i < n; ++i) uni_scratch_[units[i]] = 0;
  }
  // Longer n-grams, by slices of start positions: before each slice the
  // table grows until it has room for every n-gram of the slice being new,
  // so slots stay put within a slice. A reference of up to kSlice units is
  // one slice, as it always was; a longer one grows the table with its
  // distinct n-grams rather than with n * order.
  constexpr size_t kSlice = size_t{1} << 14;
  size_t num_touched = 0;
  for (size_t i0 = 0; i0 < n; i0 += kSlice) {
    const size_t i1 = std::min(n, i0 + kSlice), most = (i1 - i0) * order;
    if ((packed_size_ + most) * 2 > mask_ + 1) {
      while ((packed_size_ + most) * 2 > mask_ + 1) PackedGrow();
      // Growing moved the slots: find the ones this reference has touched.
      num_touched = 0;
      if (!first) {
        for (size_t h = 0; h <= mask_; ++h) {
          if (slots_[h].generation == generation_ && slots_[h].scratch > 0) {
            count_touched_[num_touched++] = static_cast<uint32_t>(h);
          }
        }
      }
    }
    // Touched slots are distinct live ones: at most packed_size_ + most.
    if (count_touched_.size() < std::min(n * order, packed_size_ + most)) {
      count_touched_.resize(std::min(n * order, packed_size_ + most));
    }
    uint32_t* touched = count_touched_.data();
    PackedSlot* slots = slots_.data();
    const size_t mask = mask_;
    const int shift = shift_;
    const uint32_t generation = generation_;
    size_t added = 0;
    for (size_t i = i0; i < i1; ++i) {
      uint64_t key = units[i] + 1;
      const size_t limit = std::min(n - i, order);
      for (size_t k = 1; k < limit; ++k) {
        key = (key << 8) | (units[i + k] + 1);
        const size_t h = PackedProbe(slots, mask, shift, key, generation);
        if (slots[h].generation != generation) {
          slots[h] = PackedSlot{key, 0, 0, generation};
          ++added;
        }
        // The first reference counts straight into `ref`; later ones count
        // into `scratch` and keep the maximum below.
        if (first) {
          ++slots[h].ref;
        } else if (slots[h].scratch++ == 0) {
          touched[num_touched++] = static_cast<uint32_t>(h);
        }
      }
    }
    packed_size_ += added;
  }
  for (size_t t = 0; t < num_touched; ++t) {
    PackedSlot& slot = slots_[count_touched_[t]];
    slot.ref = std::max(slot.ref, slot.scratch);
    slot.scratch = 0;
  }
}

void NgramMatcher::PrepareCount(size_t n) {
  // Sized (not just reserved) so the raw writes stay inside the vector. A
  // count touches each live slot at most once.
  const size_t most = std::min(n * static_cast<size_t>(max_order_), packed_size_);
  if (count_touched_.size() < most) count_touched_.resize(most);
}

void NgramMatcher::FinishCount(const uint32_t* units, size_t n, size_t num_touched) {
  for (size_t t = 0; t < num_touched; ++t) slots_[count_touched_[t]].scratch = 0;
  // Entry 255 is never counted (units >= 255 are skipped), so it can absorb
  // the unknown units: no branch on data here.
  static_assert(kPackedLimit == 255, "uni_scratch_ has one entry past the packed units");
  for (size_t i = 0; i < n; ++i) uni_scratch_[std::min(units[i], kPackedLimit)] = 0;
}

// --- trie representation ---------------------------------------------------

void NgramMatcher::TrieAdd(const uint32_t* units, size_t n) {
  const bool first = num_refs_ == 0;
  touched_.clear();
  for (size_t i = 0; i < n; ++i) {
    uint32_t node = NgramTrie::kRoot;
    size_t limit = std::min<size_t>(n - i, static_cast<size_t>(max_order_));
    for (size_t k = 0; k < limit; ++k) {
      node = trie_.Insert(node, units[i + k]);
      EnsureCounters(trie_.num_nodes());
      if (first) {
        ++ref_count_[node];
      } else if (scratch_[node]++ == 0) {
        touched_.push_back(node);
      }
    }
  }
  if (!first) {
    for (uint32_t node : touched_) {
      ref_count_[node] = std::max(ref_count_[node], scratch_[node]);
      scratch_[node] = 0;
    }
  }
}

void NgramMatcher::TrieCount(const uint32_t* units, size_t n, int64_t* matches) {
  EnsureCounters(trie_.num_nodes());
  touched_.clear();
  for (size_t i = 0; i < n; ++i) {
    uint32_t node = NgramTrie::kRoot;
    size_t limit = std::min<size_t>(n - i, static_cast<size_t>(max_order_));
    for (size_t k = 0; k < limit; ++k) {
      node = trie_.Find(node, units[i + k]);
      if (node == NgramTrie::kNotFound) break;
      uint32_t c = ++scratch_[node];
      if (c == 1) touched_.push_back(node);
      if (c <= ref_count_[node]) ++matches[k];
    }
  }
  for (uint32_t node : touched_) scratch_[node] = 0;
}

}  // namespace mteval
