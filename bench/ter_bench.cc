// TER on WMT22 zh-en, one system (AISP-SJTU) against reference A: the
// whole metric (normalisation, shifts, edit distance) per system, reported as
// ms per system (the benchmark's time) and MB/s of hypothesis plus reference
// text. sacreBLEU 2.6.0 takes about 36.5 s for the same work. Also the
// normaliser alone with all options on. Needs ../shared/wmt22 (or
// $MTEVAL_SHARED_DIR).

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include "metrics/ter/ter_normalizer.h"
#include <mteval/scoring.h>

namespace mteval {
namespace {

using Data = bench::Wmt22Corpus;

const Data& Load() {
  static const Data d = bench::LoadWmt22("zh-en", {"AISP-SJTU"});
  return d;
}

void BM_TerZhEnSystem(benchmark::State& state, TerOptions ter) {
  const Data& d = Load();
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  MetricOptions options;
  options.ter = ter;
  auto metric = MakeMetric("ter", options);
  double score = 0;
  for (auto _ : state) {
    std::vector<StatsMatrix> stats = ComputeSegmentStats(*metric, d.corpus);
    std::vector<int64_t> total = stats[0].Sum();
    score = metric->Score(total.data()).score;
    benchmark::DoNotOptimize(score);
  }
  state.SetBytesProcessed(state.iterations() * d.bytes);
  state.counters["segments"] = static_cast<double>(d.corpus.num_segments());
  state.counters["TER"] = score;
}

void BM_TercomNormalizer(benchmark::State& state) {
  const Data& d = Load();
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  TerOptions o;
  o.normalized = o.no_punct = o.asian_support = true;
  TercomNormalizer normalizer(o);
  std::string storage;
  std::vector<std::string_view> words;
  for (auto _ : state) {
    for (const auto& l : d.corpus.refs[0]) normalizer.Words(l, &storage, &words);
    for (const auto& l : d.corpus.systems[0]) normalizer.Words(l, &storage, &words);
    benchmark::DoNotOptimize(words.data());
  }
  state.SetBytesProcessed(state.iterations() * d.bytes);
}

TerOptions Defaults() { return {}; }
TerOptions AllOptions() {
  TerOptions o;
  o.normalized = o.no_punct = o.asian_support = true;
  return o;
}

BENCHMARK_CAPTURE(BM_TerZhEnSystem, defaults, Defaults())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_TerZhEnSystem, normalized_nopunct_asian, AllOptions())->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TercomNormalizer)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
