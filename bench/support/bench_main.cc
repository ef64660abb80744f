// main() of every Google Benchmark program in bench/: the process runs on
// the heap the mteval executable sets up (cli/huge_page_heap.h), with the
// CPU features it enables (cli/cpu_probe.h), so that a benchmark measures
// scoring as `mteval score` runs it.
//
// Why: with glibc's default settings, the megabytes a scoring call frees
// (its statistics matrix, hash tables, token buffers) are handed back to the
// kernel at the end of each iteration and faulted in again by the next one:
// 43 faults per BLEU iteration, about 0.45 ms of 4.3 ms on the machine of
// 2026-11-25. A single `mteval score` run touches that memory once, on huge
// pages. Set MTEVAL_BENCH_PLAIN_HEAP=1 to measure with glibc's defaults.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string_view>

#include "cli/cpu_probe.h"
#include "cli/huge_page_heap.h"
#include "common/cpu_features.h"

int main(int argc, char** argv) {
  // The SentencePiece plugin is built next to the mteval executable, not in
  // bench/, where the tokenizers look for it (unless the environment says).
  setenv("MTEVAL_PLUGIN_DIR", MTEVAL_PLUGIN_BUILD_DIR, 0);
  const char* plain = std::getenv("MTEVAL_BENCH_PLAIN_HEAP");
  if (plain == nullptr || std::string_view(plain) != "1") mteval::UseHugePagesForHeap();
  mteval::internal::SetCpuHasAvx2(mteval::ProbeCpuHasAvx2());
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
