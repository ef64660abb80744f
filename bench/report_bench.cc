// The comparison report (`mteval compare`) for the 12 WMT22 zh-en systems
// against reference A, BLEU + chrF + TER, without significance: loading,
// the whole BuildReport (statistics of every metric, sentence scores,
// charts data, n-gram analysis, examples), its analysis parts alone, and the
// HTML rendering. Needs ../shared/wmt22 (or $MTEVAL_SHARED_DIR); skips
// otherwise.

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"


#include "analysis/ngram_analysis.h"
#include "cli/compare_command.h"
#include "corpus/line_reader.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/compare.h>
#include <mteval/report.h>

namespace mteval {
namespace {

const char* kSystems[] = {"AISP-SJTU", "DLUT",      "HuaweiTSC", "JDExploreAcademy", "Lan-Bridge", "LanguageX",
                          "NiuTrans",  "Online-A",  "Online-B",  "Online-G",         "Online-W",   "Online-Y"};

TextCorpusOptions Options(bool* ok) {
  TextCorpusOptions o;
  o.ref_paths = {bench::Wmt22RefPath("zh-en")};
  for (const char* s : kSystems) o.hyp_paths.push_back(bench::Wmt22HypPath("zh-en", s));
  *ok = bench::FileExists(o.ref_paths[0]);
  return o;
}

struct Setup {
  TextCorpus corpus;
  std::vector<std::string> source;
  MetricOptions mo;
  std::vector<std::unique_ptr<Metric>> metrics;
  ReportInputs in;
  bool ok = false;
};

const Setup& Get() {
  static Setup s;
  static bool tried = false;
  if (tried) return s;
  tried = true;
  TextCorpusOptions o = Options(&s.ok);
  if (!s.ok) return s;
  s.corpus = LoadTextCorpus(o);
  s.corpus.system_names = ShortSystemNames(o.hyp_paths);
  s.source = ReadLines(bench::SharedDir() + "/wmt22/sources/generaltest2022.zh-en.src.zh");
  MetricOptions eff = s.mo;
  eff.bleu.effective_order = true;
  for (const char* id : {"bleu", "chrf", "ter"}) s.metrics.push_back(MakeMetric(id, s.mo));
  s.metrics.push_back(MakeMetric("bleu", eff));
  s.in.corpus = &s.corpus;
  s.in.metrics = {s.metrics[0].get(), s.metrics[1].get(), s.metrics[2].get()};
  s.in.sentence_metrics = {s.metrics[3].get(), nullptr, nullptr};
  s.in.source = s.source;
  s.in.src_path = "generaltest2022.zh-en.src.zh";
  return s;
}

void BM_LoadCorpus(benchmark::State& state) {
  bool ok = false;
  TextCorpusOptions o = Options(&ok);
  if (!ok) return state.SkipWithError("../shared/wmt22 is absent");
  for (auto _ : state) benchmark::DoNotOptimize(LoadTextCorpus(o));
}
BENCHMARK(BM_LoadCorpus)->Unit(benchmark::kMillisecond);

void BM_BuildReport(benchmark::State& state) {
  const Setup& s = Get();
  if (!s.ok) return state.SkipWithError("../shared/wmt22 is absent");
  ReportBuildOptions o;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(BuildReport(s.in, o));
}
BENCHMARK(BM_BuildReport)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_TokenizeAndCompareNgrams(benchmark::State& state) {
  const Setup& s = Get();
  if (!s.ok) return state.SkipWithError("../shared/wmt22 is absent");
  TokenizerOptions to;
  to.name = "13a";
  auto tok = MakeTokenizer(to);
  for (auto _ : state) {
    TokenizedCorpus t = TokenizeCorpus(s.corpus, *tok);
    benchmark::DoNotOptimize(CompareNgrams(t, 0, 4, 20, 2));
    benchmark::DoNotOptimize(WordFMeasureByFrequency(t, {2, 3, 5, 10, 100, 1000}));
  }
}
BENCHMARK(BM_TokenizeAndCompareNgrams)->Unit(benchmark::kMillisecond);

void BM_TokenizeCorpus(benchmark::State& state) {
  const Setup& s = Get();
  if (!s.ok) return state.SkipWithError("../shared/wmt22 is absent");
  TokenizerOptions to;
  to.name = "13a";
  auto tok = MakeTokenizer(to);
  for (auto _ : state) benchmark::DoNotOptimize(TokenizeCorpus(s.corpus, *tok));
}
BENCHMARK(BM_TokenizeCorpus)->Unit(benchmark::kMillisecond);

void BM_RenderHtml(benchmark::State& state) {
  const Setup& s = Get();
  if (!s.ok) return state.SkipWithError("../shared/wmt22 is absent");
  ReportData d = BuildReport(s.in, ReportBuildOptions{});
  size_t bytes = 0;
  for (auto _ : state) {
    std::string html = RenderHtml(d, {});
    bytes = html.size();
    benchmark::DoNotOptimize(html);
  }
  state.counters["html_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_RenderHtml)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
