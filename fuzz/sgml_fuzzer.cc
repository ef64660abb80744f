// libFuzzer target for the NIST SGML reader.
#include <mteval/error.h>
#include "corpus/sgml_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    mteval::fuzz::CheckText(mteval::ParseSgml(mteval::fuzz::AsView(data, size), "fuzz.sgm"));
  } catch (const mteval::Error&) {
  }
  return 0;
}
