// Terminology metrics. WMT21 en-fr terminology dev set (971 segments, 901
// annotated terms; ../shared/terminology/wmt21-en-fr or $MTEVAL_SHARED_DIR):
// reading the three SGML files, the WMT21 metrics (exact match, window
// overlap w=2,3, 1-TERm) and the whole `mteval terms` report. The reference
// script evaluate_term_wmt.py takes about 50.8 s for the same figures. Also
// glossary compliance + consistency + QA checks on the bundled release
// (corpora/release, 12 segments) with the sample glossary. And reading a
// generated glossary of 20,000 and 100,000 concepts as TBX and as TSV.

#include <benchmark/benchmark.h>

#include "bench/support/wmt22_data.h"


#include "corpus/sgml_reader.h"
#include <mteval/terminology.h>

namespace mteval {
namespace {

std::string WmtDir() {
  return bench::SharedDir() + "/terminology/wmt21-en-fr/";
}

bool HaveWmt() {
  return bench::FileExists(WmtDir() + "dev.en-fr.en.sgm");
}

TermsInputs WmtInputs() {
  TermsInputs in;
  in.src_path = WmtDir() + "dev.en-fr.en.sgm";
  in.ref_path = WmtDir() + "dev.en-fr.fr.sgm";
  in.hyp_path = WmtDir() + "en-fr.dev.txt.truecased.sgm";
  return in;
}

void BM_ReadSgmlTriple(benchmark::State& state) {
  if (!HaveWmt()) {
    state.SkipWithError("../shared/terminology/wmt21-en-fr is absent");
    return;
  }
  TermsInputs in = WmtInputs();
  for (auto _ : state) {
    size_t n = ReadSgml(in.src_path).segments.size() + ReadSgml(in.ref_path).segments.size() +
               ReadSgml(in.hyp_path).segments.size();
    benchmark::DoNotOptimize(n);
  }
}

void BM_Wmt21Metrics(benchmark::State& state) {
  if (!HaveWmt()) {
    state.SkipWithError("../shared/terminology/wmt21-en-fr is absent");
    return;
  }
  TermsInputs in = WmtInputs();
  SegmentedText src = ReadSgml(in.src_path), ref = ReadSgml(in.ref_path), hyp = ReadSgml(in.hyp_path);
  Wmt21TermResult r;
  for (auto _ : state) {
    r = ScoreWmt21Terms(src, ref, hyp, Wmt21TermOptions());
    benchmark::DoNotOptimize(r.one_minus_term);
  }
  state.counters["exact_match"] = r.exact_accuracy;
  state.counters["one_minus_TERm"] = r.one_minus_term;
}

void BM_TermsReportWmt21(benchmark::State& state) {
  if (!HaveWmt()) {
    state.SkipWithError("../shared/terminology/wmt21-en-fr is absent");
    return;
  }
  TermsInputs in = WmtInputs();
  for (auto _ : state) {
    TermsReport r = ComputeTermsReport(in, TermsOptions());
    benchmark::DoNotOptimize(r.json.data());
  }
}

void BM_TermsReportGlossary(benchmark::State& state) {
  const std::string dir = std::string(MTEVAL_SOURCE_DIR) + "/corpora/release/";
  TermsInputs in;
  in.src_path = dir + "workshop.zh";
  in.ref_path = dir + "workshop.ref.en";
  in.hyp_path = dir + "mt-generic.en";
  in.glossary_path = dir + (state.range(0) ? "glossary.tbx" : "glossary.tsv");
  for (auto _ : state) {
    TermsReport r = ComputeTermsReport(in, TermsOptions());
    benchmark::DoNotOptimize(r.json.data());
  }
}

// A TBX v3 glossary of `n` concepts (an English and a preferred German term
// each, laid out one element a line as terminology tools export them), or
// the same entries as TSV.
std::string GeneratedGlossary(size_t n, bool tbx) {
  std::string out = tbx ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Core\" xml:lang=\"en\" "
                          "xmlns=\"urn:iso:std:iso:30042:ed-2\">\n<text><body>\n"
                        : "";
  for (size_t i = 0; i < n; ++i) {
    const std::string k = std::to_string(i);
    out += tbx ? "<conceptEntry id=\"c" + k + "\">\n <langSec xml:lang=\"en\">\n  <termSec><term>term" + k +
                     "</term></termSec>\n </langSec>\n <langSec xml:lang=\"de\">\n  <termSec><term>Begriff" + k +
                     "</term>\n   <termNote type=\"administrativeStatus\">preferred</termNote></termSec>\n "
                     "</langSec>\n</conceptEntry>\n"
               : "term" + k + "\tBegriff" + k + "\n";
  }
  return out + (tbx ? "</body></text></tbx>\n" : "");
}

void BM_ParseGeneratedGlossary(benchmark::State& state) {
  const bool tbx = state.range(1) != 0;
  const std::string content = GeneratedGlossary(static_cast<size_t>(state.range(0)), tbx);
  for (auto _ : state) {
    Glossary g = tbx ? ParseTbxGlossary(content, "g.tbx", "en", "de") : ParseDelimitedGlossary(content, "g.tsv", '\t');
    benchmark::DoNotOptimize(g.entries.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * content.size()));
}

BENCHMARK(BM_ReadSgmlTriple)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Wmt21Metrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TermsReportWmt21)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TermsReportGlossary)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);
// {concepts, 1 = TBX / 0 = TSV}
BENCHMARK(BM_ParseGeneratedGlossary)->Args({20000, 1})->Args({100000, 1})->Args({100000, 0})->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
