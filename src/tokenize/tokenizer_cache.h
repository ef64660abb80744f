#pragma once
// A memory-bounded cache of tokenizer output per distinct input line.
//
// sacreBLEU caches with functools.lru_cache(maxsize=2**16) on each tokenizer's
// __call__: bounded in entries but not in bytes, and kept alive with the
// tokenizer (its issues #217 and #264 report the memory this leaked). Here the
// bound is in bytes: the sum over cached entries of input bytes + output bytes
// + a fixed per-entry overhead (kEntryOverhead, which covers the list node,
// the hash-table slot and both strings' headers) never exceeds the budget.
// Least recently used entries are evicted first. Lines larger than 1/16 of a
// shard's budget are tokenized but not cached.
//
// The cache is sharded (16 shards, each with its own mutex and an equal share
// of the budget), so it is safe and cheap to use from several threads.

#include <cstddef>
#include <memory>

#include "tokenize/tokenizer.h"

namespace mteval {

// Default budget: 64 MiB. $MTEVAL_TOKENIZER_CACHE_MB overrides it (0 turns
// caching off).
constexpr size_t kDefaultTokenizerCacheBytes = size_t{64} << 20;
size_t TokenizerCacheBytesFromEnv();

struct TokenizerCacheStats {
  size_t hits = 0, misses = 0, entries = 0, bytes = 0, evictions = 0, uncacheable = 0;
};

class CachingTokenizer final : public Tokenizer {
 public:
  static constexpr size_t kEntryOverhead = 128;
  static constexpr size_t kShards = 16;

  CachingTokenizer(std::unique_ptr<Tokenizer> inner, size_t max_bytes);
  ~CachingTokenizer() override;

  std::string Signature() const override;
  void Tokenize(std::string_view line, std::string* out) const override;
  using Tokenizer::Tokenize;

  size_t max_bytes() const { return max_bytes_; }
  TokenizerCacheStats Stats() const;
  const Tokenizer& inner() const { return *inner_; }

 private:
  struct Shard;
  std::unique_ptr<Tokenizer> inner_;
  size_t max_bytes_;
  std::unique_ptr<Shard[]> shards_;
};

// Wraps `inner` in a CachingTokenizer with `max_bytes`, or returns it as it
// is when max_bytes is 0.
std::unique_ptr<Tokenizer> WithTokenizerCache(std::unique_ptr<Tokenizer> inner, size_t max_bytes);

}  // namespace mteval
