// libFuzzer target for the TSV reader. The first byte picks the options
// (named or numbered columns, header, id columns); the rest is the file.
#include <mteval/error.h>
#include "corpus/tsv_reader.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  mteval::TsvOptions o;
  if (mode & 1) {
    o.columns = {"ref", "hyp"};
  } else {
    o.columns = {std::to_string(1 + (mode >> 1) % 3), "1"};
  }
  o.header = (mode & 2) != 0;
  if (mode & 4) o.doc_column = (mode & 1) ? "doc" : "2";
  if (mode & 8) o.seg_column = (mode & 1) ? "id" : "3";
  try {
    for (const auto& t : mteval::ParseTsv(mteval::fuzz::AsView(data + 1, size - 1), "fuzz.tsv", o)) {
      if (t.segments.empty()) continue;
      mteval::fuzz::CheckText(t);
    }
  } catch (const mteval::Error&) {
  }
  return 0;
}
