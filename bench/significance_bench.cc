// Significance tests on WMT22 zh-en, all 12 systems against reference A,
// BLEU and chrF, baseline = the first system in file-name order (as
// sacreBLEU's `-i` order in ../shared/parity): the paired bootstrap (1000
// resamples) and paired approximate randomization (10,000 trials), on
// precomputed per-segment statistics and end to end (statistics + test).
// sacreBLEU 2.6.0 takes 12.7 s and 332 MB for the end-to-end paired
// bootstrap. Arg: threads. Needs ../shared/wmt22 (or $MTEVAL_SHARED_DIR).

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"

#include <algorithm>

#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include <mteval/significance.h>

namespace mteval {
namespace {

// The 12 zh-en systems (file-name order) with BLEU and chrF statistics, or
// nullptr when ../shared is absent ($MTEVAL_SHARED_DIR overrides).
struct ZhEn {
  TextCorpus corpus;
  std::vector<std::unique_ptr<Metric>> owned;
  std::vector<const Metric*> metrics;
  std::vector<std::vector<StatsMatrix>> stats;
};

const ZhEn* LoadZhEn() {
  static std::unique_ptr<ZhEn> d;
  static bool tried = false;
  if (tried) return d.get();
  tried = true;
  const std::vector<std::string> systems = bench::Wmt22Systems("zh-en");
  if (systems.size() < 2) return nullptr;
  auto z = std::make_unique<ZhEn>();
  TextCorpusOptions o;
  o.ref_paths = {bench::Wmt22RefPath("zh-en")};
  for (const std::string& s : systems) o.hyp_paths.push_back(bench::Wmt22HypPath("zh-en", s));
  z->corpus = LoadTextCorpus(o);
  for (const char* id : {"bleu", "chrf"}) {
    z->owned.push_back(MakeMetric(id, MetricOptions{}));
    z->metrics.push_back(z->owned.back().get());
    z->stats.push_back(ComputeSegmentStats(*z->owned.back(), z->corpus));
  }
  d = std::move(z);
  return d.get();
}

// Runs `kind` on the zh-en systems with state.range(0) threads; with
// `rescore`, the per-segment statistics are recomputed in every iteration
// (what sacreBLEU's 12.7 s covers, minus reading the files).
void RunZhEn(benchmark::State& state, PairedTestKind kind, bool rescore) {
  const ZhEn* d = LoadZhEn();
  if (d == nullptr) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  SignificanceOptions o;
  o.threads = static_cast<int>(state.range(0));
  CorpusScorerOptions so;
  so.threads = o.threads;
  for (auto _ : state) {
    std::vector<std::vector<StatsMatrix>> fresh;
    if (rescore) {
      for (const Metric* m : d->metrics) fresh.push_back(ComputeSegmentStats(*m, d->corpus, so));
    }
    auto r = PairedTest(kind, d->metrics, rescore ? fresh : d->stats, d->corpus.system_names, o);
    benchmark::DoNotOptimize(r);
  }
  state.counters["systems"] = static_cast<double>(d->corpus.systems.size());
}

void BM_PairedTest(benchmark::State& state, PairedTestKind kind) { RunZhEn(state, kind, false); }
void BM_PairedBootstrapEndToEnd(benchmark::State& state) { RunZhEn(state, PairedTestKind::kBootstrap, true); }

}  // namespace

BENCHMARK_CAPTURE(BM_PairedTest, bootstrap_zh_en_12sys_bleu_chrf, PairedTestKind::kBootstrap)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_PairedTest, ar10000_zh_en_12sys_bleu_chrf, PairedTestKind::kApproximateRandomization)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PairedBootstrapEndToEnd)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace mteval
