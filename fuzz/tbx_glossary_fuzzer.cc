// libFuzzer target for the TBX glossary reader. The first byte picks the
// language pair asked for (none: the file's own two languages, or en-fr,
// or zh-en); the rest is the file.
#include <mteval/error.h>
#include "fuzz_common.h"
#include <mteval/terminology.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kPairs[3][2] = {{"", ""}, {"en", "fr"}, {"zh", "en"}};
  const auto& pair = kPairs[data[0] % 3];
  try {
    mteval::fuzz::CheckGlossary(
        mteval::ParseTbxGlossary(mteval::fuzz::AsView(data + 1, size - 1), "fuzz.tbx", pair[0], pair[1]));
  } catch (const mteval::Error&) {
  }
  return 0;
}
