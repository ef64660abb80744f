#pragma once
// Escaping of input text for HTML and SVG. Everything a report shows from
// its inputs goes through EscapeHtml, so that markup in a hypothesis
// (<script>, </textarea>, quotes) is shown as text.
//
// Invisible characters that could disguise text are made visible: bidi
// controls (U+061C, U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), C0/C1
// controls other than tab, and U+2028/U+2029 become "[U+XXXX]" (wrapped in
// <span class="ctl"> in element content). Invalid UTF-8 bytes become U+FFFD.

#include <string>
#include <string_view>

namespace mteval {

// Escapes for element content: & < > " ' and visible control characters.
std::string EscapeHtml(std::string_view text);
// Escapes for a quoted attribute value (controls shown as plain "[U+XXXX]").
std::string EscapeAttribute(std::string_view text);
// No HTML escaping, only the "[U+XXXX]" markers and U+FFFD (tabs kept):
// for the terminal, Markdown and LaTeX formats.
std::string ShowHiddenControls(std::string_view text);
// The same for a text of several lines: line ends ('\n') are kept.
std::string ShowHiddenControlsInLines(std::string_view text);
// True for the code points made visible above.
bool IsHiddenControl(char32_t cp);

}  // namespace mteval
