// Re-segmentation speed (issue 5: a 2,000-segment set in under a second).
// BM_ResegWmt22: each WMT22 system output of zh-en (1,875 segments, English)
//, en-de (2,037 segments, German) and en-zh (2,037 segments, Chinese: character units) joined in blocks of 10
// lines and re-segmented against reference A; needs ../shared/wmt22 (or
// $MTEVAL_SHARED_DIR) and is skipped without it. BM_ResegSynthetic: a
// generated 2,000-segment set (no data needed).

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"

#include <random>

#include "corpus/line_reader.h"
#include <mteval/align.h>

namespace mteval {
namespace {

std::string JoinBlocks(const std::vector<std::string>& lines, size_t block) {
  std::string text;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) text += i % block ? " " : "\n";
    text += lines[i];
  }
  return text;
}

void RunOne(benchmark::State& state, const std::vector<std::string>& ref, const std::string& text) {
  for (auto _ : state) {
    ResegResult r = Resegment(ref, text);
    benchmark::DoNotOptimize(r.segments.data());
  }
  state.counters["segments"] = static_cast<double>(ref.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}

void BM_ResegWmt22(benchmark::State& state, const char* pair, const char* system) {
  const std::string ref_path = bench::Wmt22RefPath(pair);
  const std::string hyp_path = bench::Wmt22HypPath(pair, system);
  if (!bench::FileExists(ref_path) || !bench::FileExists(hyp_path)) {
    state.SkipWithError("../shared/wmt22 is absent");
    for (auto _ : state) {
    }
    return;
  }
  RunOne(state, ReadLines(ref_path), JoinBlocks(ReadLines(hyp_path), 10));
}

void BM_ResegSynthetic(benchmark::State& state) {
  std::mt19937 rng(5);
  std::vector<std::string> ref, hyp;
  for (int i = 0; i < 2000; ++i) {
    std::string s, h;
    int len = 5 + static_cast<int>(rng() % 35);
    for (int w = 0; w < len; ++w) {
      std::string word = "w" + std::to_string(rng() % 5000);
      s += (w ? " " : "") + word;
      h += (w ? " " : "") + (rng() % 5 == 0 ? std::string("x") : word);
    }
    ref.push_back(s + ".");
    hyp.push_back(h + ".");
  }
  RunOne(state, ref, JoinBlocks(hyp, 10));
}

BENCHMARK_CAPTURE(BM_ResegWmt22, zh_en_AISP_SJTU, "zh-en", "AISP-SJTU")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ResegWmt22, en_de_Online_B, "en-de", "Online-B")->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ResegWmt22, en_zh_Online_B, "en-zh", "Online-B")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ResegSynthetic)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
