// Significance tests on WMT22 zh-en, all 12 systems against reference A,
// BLEU and chrF, baseline = the first system in file-name order (as
// sacreBLEU's `-i` order in ../shared/parity): the paired bootstrap (1000
// resamples) and paired approximate randomization (10,000 trials), on
// precomputed per-segment statistics and end to end (statistics + test).
// sacreBLEU 2.6.0 takes 12.7 s and 332 MB for the end-to-end paired
// bootstrap. Arg: threads. Needs ../shared/wmt22 (or $MTEVAL_SHARED_DIR).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <dirent.h>

#include "corpus/text_corpus.h"
#include "metrics/registry.h"
#include "score/corpus_scorer.h"
#include "stats/significance.h"

namespace mteval {
namespace {

std::string SharedDir() {
  const char* env = std::getenv("MTEVAL_SHARED_DIR");
  return env ? env : std::string(MTEVAL_SOURCE_DIR) + "/../shared";
}

struct Data {
  TextCorpus corpus;
  std::vector<std::unique_ptr<Metric>> owned;
  std::vector<const Metric*> metrics;
  std::vector<std::vector<StatsMatrix>> stats;
  bool ok = false;
};

const Data& Load() {
  static Data d;
  static bool tried = false;
  if (tried) return d;
  tried = true;
  const std::string base = SharedDir() + "/wmt22/";
  DIR* dir = opendir((base + "system-outputs").c_str());
  if (dir == nullptr) return d;
  std::vector<std::string> hyps;
  while (dirent* e = readdir(dir)) {
    const std::string name = e->d_name;
    if (name.rfind("generaltest2022.zh-en.hyp.", 0) == 0) hyps.push_back(base + "system-outputs/" + name);
  }
  closedir(dir);
  std::sort(hyps.begin(), hyps.end());
  if (hyps.size() < 2) return d;
  TextCorpusOptions o;
  o.ref_paths = {base + "references/generaltest2022.zh-en.ref.A.en"};
  o.hyp_paths = hyps;
  d.corpus = LoadTextCorpus(o);
  for (const char* id : {"bleu", "chrf"}) {
    d.owned.push_back(MakeMetric(id, MetricOptions{}));
    d.metrics.push_back(d.owned.back().get());
    d.stats.push_back(ComputeSegmentStats(*d.owned.back(), d.corpus));
  }
  d.ok = true;
  return d;
}

void BM_PairedTest(benchmark::State& state, PairedTestKind kind) {
  const Data& d = Load();
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  SignificanceOptions o;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    auto r = PairedTest(kind, d.metrics, d.stats, d.corpus.system_names, o);
    benchmark::DoNotOptimize(r);
  }
  state.counters["systems"] = static_cast<double>(d.corpus.systems.size());
}

// Statistics of all systems for both metrics, then the paired bootstrap:
// what sacreBLEU's 12.7 s covers (minus reading the files).
void BM_PairedBootstrapEndToEnd(benchmark::State& state) {
  const Data& d = Load();
  if (!d.ok) {
    state.SkipWithError("../shared/wmt22 is absent");
    return;
  }
  SignificanceOptions o;
  o.threads = static_cast<int>(state.range(0));
  CorpusScorerOptions so;
  so.threads = o.threads;
  for (auto _ : state) {
    std::vector<std::vector<StatsMatrix>> stats;
    for (const Metric* m : d.metrics) stats.push_back(ComputeSegmentStats(*m, d.corpus, so));
    auto r = PairedTest(PairedTestKind::kBootstrap, d.metrics, stats, d.corpus.system_names, o);
    benchmark::DoNotOptimize(r);
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_PairedTest, bootstrap_zh_en_12sys_bleu_chrf, PairedTestKind::kBootstrap)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(BM_PairedTest, ar10000_zh_en_12sys_bleu_chrf, PairedTestKind::kApproximateRandomization)
    ->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_PairedBootstrapEndToEnd)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace mteval

BENCHMARK_MAIN();
