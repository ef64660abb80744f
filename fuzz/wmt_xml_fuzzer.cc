// libFuzzer target for the WMT XML reader.
#include <mteval/error.h>
#include "corpus/xml_readers.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    mteval::WmtXmlFile f = mteval::ParseWmtXml(mteval::fuzz::AsView(data, size), "fuzz.xml");
    mteval::fuzz::CheckText(f.source);
    for (const auto& t : f.refs) mteval::fuzz::CheckText(t);
    for (const auto& t : f.hyps) mteval::fuzz::CheckText(t);
  } catch (const mteval::Error&) {
  }
  return 0;
}
