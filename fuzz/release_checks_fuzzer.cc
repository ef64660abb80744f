// libFuzzer target for the monolingual release checks (CheckRelease): the
// input is the translation, one segment per line. Every finding must point
// inside its segment; text that is not UTF-8 must be refused with
// mteval::Error.
#include <string>
#include <vector>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  mteval::SegmentedText text;
  text.path = "fuzz.txt";
  std::string_view in = mteval::fuzz::AsView(data, size);
  while (!in.empty()) {
    const size_t nl = in.find('\n');
    mteval::Segment s;
    s.text = std::string(in.substr(0, nl));
    s.seg_id = std::to_string(text.segments.size() + 1);
    text.segments.push_back(std::move(s));
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
  }
  mteval::ReleaseCheckOptions o;
  o.min_confidence = 0.0;
  try {
    for (const mteval::ReleaseFinding& f : mteval::CheckRelease(text, o)) {
      if (f.variants.empty()) std::abort();
      for (const mteval::ReleaseVariant& v : f.variants) {
        for (const mteval::TermLocation& l : v.locations) {
          if (l.segment >= text.segments.size() || l.begin >= l.end || l.end > text.segments[l.segment].text.size()) {
            std::abort();
          }
        }
      }
    }
  } catch (const mteval::Error&) {
  }
  return 0;
}
