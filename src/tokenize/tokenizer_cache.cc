#include "tokenize/tokenizer_cache.h"

#include <cstdlib>
#include <functional>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include <mteval/error.h>

namespace mteval {

size_t TokenizerCacheBytesFromEnv() {
  const char* env = std::getenv("MTEVAL_TOKENIZER_CACHE_MB");
  if (!env || !*env) return kDefaultTokenizerCacheBytes;
  char* end = nullptr;
  unsigned long long mb = std::strtoull(env, &end, 10);
  if (*end != '\0' || mb > (1ull << 20)) {
    throw Error(ErrorKind::kUsage, std::string("$MTEVAL_TOKENIZER_CACHE_MB must be a whole number of MiB "
                                               "(0 turns the cache off), got '") + env + "'");
  }
  return static_cast<size_t>(mb) << 20;
}

struct CachingTokenizer::Shard {
  struct Entry {
    std::string key, value;
    size_t Cost() const { return key.size() + value.size() + kEntryOverhead; }
  };
  std::mutex mu;
  std::list<Entry> lru;  // most recently used first
  // Keys point into the list nodes, which never move.
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index;
  size_t bytes = 0, budget = 0;
  size_t hits = 0, misses = 0, evictions = 0, uncacheable = 0;
};

CachingTokenizer::CachingTokenizer(std::unique_ptr<Tokenizer> inner, size_t max_bytes)
    : inner_(std::move(inner)), max_bytes_(max_bytes), shards_(new Shard[kShards]) {
  for (size_t i = 0; i < kShards; ++i) shards_[i].budget = max_bytes_ / kShards;
}

CachingTokenizer::~CachingTokenizer() = default;

std::string CachingTokenizer::Signature() const { return inner_->Signature(); }

void CachingTokenizer::Tokenize(std::string_view line, std::string* out) const {
  const size_t h = std::hash<std::string_view>()(line);
  Shard& shard = shards_[(h >> 7) % kShards];
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    auto it = shard.index.find(line);
    if (it != shard.index.end()) {
      ++shard.hits;
      shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
      out->assign(it->second->value);
      return;
    }
    ++shard.misses;
  }
  inner_->Tokenize(line, out);
  const size_t cost = line.size() + out->size() + kEntryOverhead;
  std::lock_guard<std::mutex> lock(shard.mu);
  if (cost > shard.budget / 16) {
    ++shard.uncacheable;
    return;
  }
  if (shard.index.count(line)) return;  // another thread added it meanwhile
  shard.lru.push_front(Shard::Entry{std::string(line), *out});
  shard.index.emplace(shard.lru.front().key, shard.lru.begin());
  shard.bytes += cost;
  while (shard.bytes > shard.budget) {
    Shard::Entry& victim = shard.lru.back();
    shard.bytes -= victim.Cost();
    shard.index.erase(victim.key);
    shard.lru.pop_back();
    ++shard.evictions;
  }
}

TokenizerCacheStats CachingTokenizer::Stats() const {
  TokenizerCacheStats s;
  for (size_t i = 0; i < kShards; ++i) {
    Shard& shard = shards_[i];
    std::lock_guard<std::mutex> lock(shard.mu);
    s.hits += shard.hits;
    s.misses += shard.misses;
    s.entries += shard.lru.size();
    s.bytes += shard.bytes;
    s.evictions += shard.evictions;
    s.uncacheable += shard.uncacheable;
  }
  return s;
}

std::unique_ptr<Tokenizer> WithTokenizerCache(std::unique_ptr<Tokenizer> inner, size_t max_bytes) {
  if (max_bytes == 0) return inner;
  return std::make_unique<CachingTokenizer>(std::move(inner), max_bytes);
}

}  // namespace mteval
