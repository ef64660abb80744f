// The tokenizer output cache: identical results, the memory bound respected
// under any input, LRU eviction, thread safety, and the environment override.

#include <stdlib.h>

#include <atomic>
#include <catch2/catch.hpp>

#include <mteval/error.h>
#include "support/tokenizer_threads.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/tokenizer_cache.h"

namespace mteval {
namespace {

// Counts calls, so tests can see hits and misses from the outside.
class CountingTokenizer final : public Tokenizer {
 public:
  explicit CountingTokenizer(std::atomic<size_t>* calls) : inner_(MakeTokenizer13a()), calls_(calls) {}
  std::string Signature() const override { return "counting"; }
  void Tokenize(std::string_view line, std::string* out) const override {
    ++*calls_;
    inner_->Tokenize(line, out);
  }

 private:
  std::unique_ptr<Tokenizer> inner_;
  std::atomic<size_t>* calls_;
};

std::string Line(size_t i, size_t len) {
  std::string s = "Line " + std::to_string(i) + ": (hello), world's \"test\" -- ok.";
  while (s.size() < len) s += " more words, here.";
  return s;
}

}  // namespace

TEST_CASE("cached tokenizer output equals the tokenizer's own", "[cache]") {
  std::atomic<size_t> calls{0};
  CachingTokenizer cached(std::make_unique<CountingTokenizer>(&calls), 1 << 20);
  auto plain = MakeTokenizer13a();
  CHECK(cached.Signature() == "counting");
  for (size_t rep = 0; rep < 3; ++rep) {
    for (size_t i = 0; i < 200; ++i) {
      std::string line = Line(i, 40 + i % 100);
      CHECK(cached.Tokenize(line) == plain->Tokenize(line));
    }
  }
  CHECK(calls == 200);  // every repeat was a hit
  TokenizerCacheStats s = cached.Stats();
  CHECK(s.hits == 400);
  CHECK(s.misses == 200);
  CHECK(s.entries == 200);
  CHECK(s.evictions == 0);
  CHECK(cached.Tokenize("") == "");
}

TEST_CASE("the cache never holds more than its byte budget", "[cache]") {
  std::atomic<size_t> calls{0};
  const size_t budget = 64 * 1024;
  CachingTokenizer cached(std::make_unique<CountingTokenizer>(&calls), budget);
  auto plain = MakeTokenizer13a();
  size_t max_seen = 0;
  for (size_t i = 0; i < 20000; ++i) {
    std::string line = Line(i, 20 + (i * 37) % 300);
    REQUIRE(cached.Tokenize(line) == plain->Tokenize(line));
    if (i % 97 == 0) max_seen = std::max(max_seen, cached.Stats().bytes);
  }
  TokenizerCacheStats s = cached.Stats();
  CHECK(s.bytes <= budget);
  CHECK(max_seen <= budget);
  CHECK(s.evictions > 0);
  CHECK(s.entries > 50);  // it does cache, within the budget
  // A line too big for a shard is tokenized but not kept.
  std::string huge = Line(1, budget);
  CHECK(cached.Tokenize(huge) == plain->Tokenize(huge));
  CHECK(cached.Stats().uncacheable >= 1);
  CHECK(cached.Stats().bytes <= budget);
}

TEST_CASE("the cache evicts the least recently used line first", "[cache]") {
  std::atomic<size_t> calls{0};
  // One shard's share: a budget where each shard keeps only a few lines.
  CachingTokenizer cached(std::make_unique<CountingTokenizer>(&calls), CachingTokenizer::kShards * 4096);
  std::string hot = "the hot line, asked for again and again.";
  cached.Tokenize(hot);
  for (size_t i = 0; i < 5000; ++i) {
    cached.Tokenize(Line(i, 100));
    cached.Tokenize(hot);  // stays most recently used
  }
  size_t before = calls;
  cached.Tokenize(hot);
  CHECK(calls == before);
}

TEST_CASE("the cache is safe to share across threads", "[cache]") {
  std::atomic<size_t> calls{0};
  CachingTokenizer cached(std::make_unique<CountingTokenizer>(&calls), 256 * 1024);
  auto plain = MakeTokenizer13a();
  std::vector<std::string> lines, want;
  for (size_t i = 0; i < 3000; ++i) {
    lines.push_back(Line(i % 1500, 30 + i % 200));
    want.push_back(plain->Tokenize(lines.back()));
  }
  CHECK(testing::ConcurrentMismatches(cached, lines, want) == 0);
  CHECK(cached.Stats().bytes <= 256 * 1024);
}

TEST_CASE("$MTEVAL_TOKENIZER_CACHE_MB sets or disables the cache", "[cache]") {
  unsetenv("MTEVAL_TOKENIZER_CACHE_MB");
  CHECK(TokenizerCacheBytesFromEnv() == kDefaultTokenizerCacheBytes);
  setenv("MTEVAL_TOKENIZER_CACHE_MB", "8", 1);
  CHECK(TokenizerCacheBytesFromEnv() == 8u << 20);
  setenv("MTEVAL_TOKENIZER_CACHE_MB", "0", 1);
  CHECK(TokenizerCacheBytesFromEnv() == 0);
  auto t = WithTokenizerCache(MakeTokenizer13a(), 0);
  CHECK(dynamic_cast<CachingTokenizer*>(t.get()) == nullptr);
  setenv("MTEVAL_TOKENIZER_CACHE_MB", "lots", 1);
  CHECK_THROWS_AS(TokenizerCacheBytesFromEnv(), Error);
  unsetenv("MTEVAL_TOKENIZER_CACHE_MB");
}

}  // namespace mteval
