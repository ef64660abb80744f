// Throughput of the slow tokenizers (ja-mecab, SentencePiece) next to 13a,
// and whether the tokenizer output cache pays off on WMT22.
//
//  - BM_Tokenize/<pair>/<tok>: one system and reference A, tokenizer alone
//    (no cache): MB/s of input and tokens/s of output.
//  - BM_AllSystems/<pair>/<tok>/<cache|nocache>: the tokenization BLEU does
//    when it scores every system of a pair: each reference line once per
//    segment, each system's line once; the cache can only help with lines
//    that several systems (or segments) share.
//
// Needs ../shared/wmt22 and ../shared/spm (or $MTEVAL_SHARED_DIR); skips
// otherwise.

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "corpus/line_reader.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/tokenizer.h"
#include "tokenize/tokenizer_cache.h"

namespace mteval {
namespace {

std::string SpmModel() { return bench::SharedDir() + "/spm/mteval-test-spm-8k.model"; }

// Reference A and every system output of a pair.
struct PairData {
  std::vector<std::string> ref;
  std::vector<std::vector<std::string>> systems;
  bool ok = false;
};

const PairData& Load(const std::string& pair) {
  static std::map<std::string, PairData> cache;
  PairData& d = cache[pair];
  if (d.ok) return d;
  const std::string ref = bench::Wmt22RefPath(pair);
  if (!bench::FileExists(ref)) return d;
  d.ref = ReadLines(ref);
  for (const std::string& system : bench::Wmt22Systems(pair)) d.systems.push_back(ReadLines(bench::Wmt22HypPath(pair, system)));
  d.ok = !d.systems.empty();
  return d;
}

std::unique_ptr<Tokenizer> MakeRaw(const std::string& tok, std::string* why_not) {
  TokenizerOptions o;
  if (tok == "13a") return MakeTokenizer13a();
  if (tok == "ja-mecab") {
    if (!MecabAvailable()) {
      *why_not = "built without MeCab";
      return nullptr;
    }
    return MakeTokenizerJaMecab(o);
  }
  if (!bench::FileExists(SpmModel())) {
    *why_not = SpmModel() + " is absent";
    return nullptr;
  }
  o.spm_model = SpmModel();
  return MakeTokenizerSpm("spm", o);
}

size_t CountTokens(const std::string& s) { return s.empty() ? 0 : 1 + std::count(s.begin(), s.end(), ' '); }

void BM_Tokenize(benchmark::State& state, std::string pair, std::string tok) {
  const PairData& d = Load(pair);
  std::string why;
  auto t = d.ok ? MakeRaw(tok, &why) : nullptr;
  if (!d.ok || !t) {
    state.SkipWithError(d.ok ? why.c_str() : "../shared/wmt22 is absent");
    return;
  }
  int64_t bytes = 0;
  size_t tokens = 0;
  std::string out;
  for (const auto* lines : {&d.ref, &d.systems[0]}) {
    for (const auto& l : *lines) {
      bytes += static_cast<int64_t>(l.size()) + 1;
      t->Tokenize(l, &out);
      tokens += CountTokens(out);
    }
  }
  for (auto _ : state) {
    for (const auto& l : d.ref) t->Tokenize(l, &out);
    for (const auto& l : d.systems[0]) t->Tokenize(l, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_AllSystems(benchmark::State& state, std::string pair, std::string tok, bool cached) {
  const PairData& d = Load(pair);
  std::string why;
  auto raw = d.ok ? MakeRaw(tok, &why) : nullptr;
  if (!d.ok || !raw) {
    state.SkipWithError(d.ok ? why.c_str() : "../shared/wmt22 is absent");
    return;
  }
  int64_t bytes = 0;
  std::unordered_set<std::string> distinct;
  size_t lines = 0;
  for (size_t i = 0; i < d.ref.size(); ++i) {
    bytes += static_cast<int64_t>(d.ref[i].size()) + 1;
    distinct.insert(d.ref[i]);
    ++lines;
    for (const auto& sys : d.systems) {
      bytes += static_cast<int64_t>(sys[i].size()) + 1;
      distinct.insert(sys[i]);
      ++lines;
    }
  }
  std::string out;
  TokenizerCacheStats last;
  for (auto _ : state) {
    // A fresh cache per iteration, as one mteval run has.
    state.PauseTiming();
    std::unique_ptr<Tokenizer> t;
    CachingTokenizer* cache = nullptr;
    if (cached) {
      auto c = std::make_unique<CachingTokenizer>(MakeRaw(tok, &why), kDefaultTokenizerCacheBytes);
      cache = c.get();
      t = std::move(c);
    } else {
      t = MakeRaw(tok, &why);
    }
    state.ResumeTiming();
    for (size_t i = 0; i < d.ref.size(); ++i) {
      t->Tokenize(d.ref[i], &out);
      for (const auto& sys : d.systems) t->Tokenize(sys[i], &out);
    }
    benchmark::DoNotOptimize(out.data());
    if (cache) last = cache->Stats();
  }
  state.SetBytesProcessed(state.iterations() * bytes);
  state.counters["systems"] = static_cast<double>(d.systems.size());
  state.counters["distinct%"] = 100.0 * static_cast<double>(distinct.size()) / static_cast<double>(lines);
  if (cached) {
    state.counters["hit%"] = 100.0 * static_cast<double>(last.hits) / static_cast<double>(last.hits + last.misses);
    state.counters["cacheMiB"] = static_cast<double>(last.bytes) / (1 << 20);
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_Tokenize, en_ja / 13a, "en-ja", "13a")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, en_ja / ja_mecab, "en-ja", "ja-mecab")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, zh_en / 13a, "zh-en", "13a")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, zh_en / spm, "zh-en", "spm")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, en_zh / spm, "en-zh", "spm")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, en_ja / spm, "en-ja", "spm")->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_AllSystems, zh_en / 13a / nocache, "zh-en", "13a", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AllSystems, zh_en / 13a / cache, "zh-en", "13a", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AllSystems, en_ja / ja_mecab / nocache, "en-ja", "ja-mecab", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AllSystems, en_ja / ja_mecab / cache, "en-ja", "ja-mecab", true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AllSystems, zh_en / spm / nocache, "zh-en", "spm", false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_AllSystems, zh_en / spm / cache, "zh-en", "spm", true)->Unit(benchmark::kMillisecond);

}  // namespace mteval
