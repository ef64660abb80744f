// libFuzzer target for the TMX reader.
#include <mteval/error.h>
#include "corpus/xml_readers.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    for (const auto& t : mteval::ParseTmx(mteval::fuzz::AsView(data, size), "fuzz.tmx")) mteval::fuzz::CheckText(t);
  } catch (const mteval::Error&) {
  }
  return 0;
}
