// libFuzzer target for the XLIFF 1.2 / 2.x reader.
#include <mteval/error.h>
#include "corpus/xml_readers.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    mteval::BilingualText b = mteval::ParseXliff(mteval::fuzz::AsView(data, size), "fuzz.xlf");
    mteval::fuzz::CheckText(b.source);
    mteval::fuzz::CheckText(b.target);
  } catch (const mteval::Error&) {
  }
  return 0;
}
