#pragma once
// Shared by the libFuzzer targets: every reader must either return a
// well-formed result or throw mteval::Error; anything else (a crash, a
// sanitizer report, another exception, a span outside its text) is a bug.

#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <mteval/corpus.h>
#include <mteval/terminology.h>

namespace mteval::fuzz {

inline void CheckText(const SegmentedText& t) {
  for (const Segment& s : t.segments) {
    for (const TextSpan& span : s.spans) {
      if (span.begin > span.end || span.end > s.text.size()) std::abort();
    }
  }
}

// A glossary entry always has a non-empty source term and at least one
// allowed variant, none of them empty.
inline void CheckGlossary(const Glossary& g) {
  for (const GlossaryEntry& e : g.entries) {
    if (e.source.empty() || e.allowed.empty()) std::abort();
    for (const std::string& v : e.allowed)
      if (v.empty()) std::abort();
    for (const std::string& v : e.forbidden)
      if (v.empty()) std::abort();
  }
}

inline std::string_view AsView(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

}  // namespace mteval::fuzz
