// libFuzzer target for the TSV and CSV glossary reader. The first byte picks
// the delimiter (tab or comma); the rest is the file.
#include <mteval/error.h>
#include "fuzz_common.h"
#include <mteval/terminology.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char delimiter = (data[0] & 1) ? ',' : '\t';
  try {
    mteval::fuzz::CheckGlossary(
        mteval::ParseDelimitedGlossary(mteval::fuzz::AsView(data + 1, size - 1), "fuzz.tsv", delimiter));
  } catch (const mteval::Error&) {
  }
  return 0;
}
