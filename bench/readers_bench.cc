// Corpus readers on WMT22 (../shared/wmt22/xml or $MTEVAL_SHARED_DIR): the
// en-zh WMT XML file (4.0 MB: source, two references and 13 systems of
// 2,037 segments) read as `mteval score` reads it, and its pugixml parse
// alone, to separate mteval's own checks and bookkeeping from the parser.

#include <benchmark/benchmark.h>

#include <pugixml.hpp>

#include "bench/support/wmt22_data.h"
#include "corpus/line_reader.h"
#include "corpus/xml_readers.h"

namespace mteval {
namespace {

// The en-zh WMT XML file's bytes; false (the benchmark skipped) when absent.
bool ReadWmtXmlBytes(benchmark::State& state, std::string* content) {
  const std::string path = bench::SharedDir() + "/wmt22/xml/wmttest2022.en-zh.all.xml";
  if (!bench::FileExists(path)) {
    state.SkipWithError("../shared/wmt22/xml is absent");
    return false;
  }
  *content = ReadFileBytes(path);
  return true;
}

void BM_ReadWmtXml(benchmark::State& state) {
  std::string content;
  if (!ReadWmtXmlBytes(state, &content)) return;
  for (auto _ : state) {
    WmtXmlFile f = ParseWmtXml(content, "en-zh.xml");
    benchmark::DoNotOptimize(f.refs.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * content.size()));
}

void BM_PugixmlParseOnly(benchmark::State& state) {
  std::string content;
  if (!ReadWmtXmlBytes(state, &content)) return;
  for (auto _ : state) {
    pugi::xml_document doc;
    benchmark::DoNotOptimize(doc.load_buffer(content.data(), content.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                             pugi::encoding_utf8));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * content.size()));
}

BENCHMARK(BM_ReadWmtXml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PugixmlParseOnly)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mteval
