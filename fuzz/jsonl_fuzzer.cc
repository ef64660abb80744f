// libFuzzer target for the JSON Lines reader.
#include <mteval/error.h>
#include "corpus/jsonl_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mteval::JsonlOptions o;
  o.fields = {"ref", "hyp"};
  o.doc_field = "doc";
  o.seg_field = size % 2 ? "id" : "";
  try {
    for (const auto& t : mteval::ParseJsonl(mteval::fuzz::AsView(data, size), "fuzz.jsonl", o)) {
      mteval::fuzz::CheckText(t);
    }
  } catch (const mteval::Error&) {
  }
  return 0;
}
