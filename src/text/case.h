#pragma once
// Lowercasing with the semantics of Python's str.lower(): full Unicode case
// mapping without locale tailoring, including the special cases that change
// length (U+0130 'İ' becomes "i\u0307") and the context-dependent final
// sigma. ICU's root-locale u_strToLower implements the same rules.

#include <string>
#include <string_view>

namespace mteval {

// Returns Python's `s.lower()` for valid UTF-8 `s`.
std::string PyLower(std::string_view s);

// Same, writing into `out` (cleared first) to reuse its capacity.
void PyLowerInto(std::string_view s, std::string* out);

}  // namespace mteval
