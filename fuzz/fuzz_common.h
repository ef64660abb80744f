#pragma once
// Shared by the libFuzzer targets: every reader must either return a
// well-formed SegmentedText or throw mteval::Error; anything else (a crash, a
// sanitizer report, another exception, a span outside its text) is a bug.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "corpus/segmented_text.h"

namespace mteval::fuzz {

inline void CheckText(const SegmentedText& t) {
  for (const Segment& s : t.segments) {
    for (const TextSpan& span : s.spans) {
      if (span.begin > span.end || span.end > s.text.size()) std::abort();
    }
  }
}

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace mteval::fuzz
