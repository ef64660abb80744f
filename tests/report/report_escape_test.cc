// HTML escaping of input text and the word-level diff used in examples.

#include <catch2/catch.hpp>

#include "analysis/word_diff.h"
#include "text/escape.h"

namespace mteval {

TEST_CASE("EscapeHtml turns markup into text", "[report]") {
  CHECK(EscapeHtml("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(EscapeHtml("</textarea>") == "&lt;/textarea&gt;");
  CHECK(EscapeHtml("a \"b\" 'c' & d") == "a &quot;b&quot; &#39;c&#39; &amp; d");
  CHECK(EscapeAttribute("x\" onload=\"y") == "x&quot; onload=&quot;y");
  CHECK(EscapeHtml("caf\xC3\xA9 \xE4\xB8\xAD") == "caf\xC3\xA9 \xE4\xB8\xAD");
  CHECK(EscapeHtml("a\tb") == "a\tb");
}

TEST_CASE("EscapeHtml makes bidi and control characters visible", "[report]") {
  // U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE, U+200F RLM.
  CHECK(EscapeHtml("a\xE2\x80\xAE" "b") == "a<span class=\"ctl\">[U+202E]</span>b");
  CHECK(EscapeAttribute("a\xE2\x81\xA6" "b") == "a[U+2066]b");
  CHECK(EscapeAttribute("\xE2\x80\x8F") == "[U+200F]");
  CHECK(EscapeAttribute(std::string("x\x01y", 3)) == "x[U+0001]y");
  CHECK(EscapeAttribute("x\x7Fy") == "x[U+007F]y");
  CHECK(ShowHiddenControls("<a>\t\xE2\x80\xAE") == "<a>\t[U+202E]");
  CHECK(IsHiddenControl(0x061C));
  CHECK_FALSE(IsHiddenControl(0x200B + 0x100));
  CHECK_FALSE(IsHiddenControl('a'));
}

TEST_CASE("EscapeHtml replaces invalid UTF-8 with U+FFFD", "[report]") {
  CHECK(EscapeHtml("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(EscapeHtml("\xE4\xB8") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(EscapeHtml("\xEF\xBF\xBD") == "\xEF\xBF\xBD");
}

TEST_CASE("DiffAgainstReference flags the longest common subsequence", "[report]") {
  auto d = DiffAgainstReference("the black cat sat on mat", "the cat sat on the mat");
  REQUIRE(d.size() == 6);
  std::vector<bool> flags;
  for (const auto& t : d) flags.push_back(t.matched);
  CHECK(flags == std::vector<bool>{true, false, true, true, true, true});
  CHECK(d[1].text == "black");
  CHECK(DiffAgainstReference("", "x").empty());
  auto none = DiffAgainstReference("a b", "");
  REQUIRE(none.size() == 2);
  CHECK_FALSE(none[0].matched);
  // Long inputs fall back to bag-of-words membership.
  auto bag = DiffAgainstReference("b a", "a b", 1);
  CHECK(bag[0].matched);
  CHECK(bag[1].matched);
  CHECK(SplitWords("  a\tb \n c ") == std::vector<std::string_view>{"a", "b", "c"});
}

}  // namespace mteval
