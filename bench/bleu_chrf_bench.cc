// Throughput of tokenization and of whole BLEU / chrF scoring on WMT22
// zh-en and en-zh (one system against reference A), in MB/s of hypothesis
// plus reference text. Needs ../shared/wmt22 (or $MTEVAL_SHARED_DIR).

#include <benchmark/benchmark.h>

#include <map>

#include "bench/support/wmt22_data.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

using Data = bench::Wmt22Corpus;

// The one system measured, in both directions.
constexpr char kSystem[] = "AISP-SJTU";

const Data& Load(const std::string& pair) {
  static std::map<std::string, Data> cache;
  auto it = cache.find(pair);
  if (it == cache.end()) it = cache.emplace(pair, bench::LoadWmt22(pair, {kSystem})).first;
  return it->second;
}

void BM_Tokenize(benchmark::State& state, std::string pair, std::string tok) {
  const Data& d = Load(pair);
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  TokenizerOptions o;
  o.name = tok;
  auto tokenizer = MakeTokenizer(o);
  std::string out;
  for (auto _ : state) {
    for (const auto& l : d.corpus.refs[0]) tokenizer->Tokenize(l, &out);
    for (const auto& l : d.corpus.systems[0]) tokenizer->Tokenize(l, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * d.bytes);
}

void BM_Score(benchmark::State& state, std::string pair, std::string metric, MetricOptions options) {
  const Data& d = Load(pair);
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  auto m = MakeMetric(metric, options);
  for (auto _ : state) {
    auto stats = ComputeSegmentStats(*m, d.corpus);
    auto total = stats[0].Sum();
    benchmark::DoNotOptimize(m->Score(total.data()).score);
  }
  state.SetBytesProcessed(state.iterations() * d.bytes);
}

MetricOptions Bleu(const char* tok) {
  MetricOptions o;
  o.bleu.tokenize = tok;
  return o;
}
MetricOptions ChrfPP() {
  MetricOptions o;
  o.chrf.word_order = 2;
  return o;
}

BENCHMARK_CAPTURE(BM_Tokenize, zh_en_13a, "zh-en", "13a")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Tokenize, en_zh_zh, "en-zh", "zh")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, zh_en_bleu_13a, "zh-en", "bleu", Bleu("13a"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, en_zh_bleu_zh, "en-zh", "bleu", Bleu("zh"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, zh_en_chrf, "zh-en", "chrf", MetricOptions{})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, en_zh_chrf, "en-zh", "chrf", MetricOptions{})->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, zh_en_chrfpp, "zh-en", "chrf", ChrfPP())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Score, en_zh_chrfpp, "en-zh", "chrf", ChrfPP())->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
