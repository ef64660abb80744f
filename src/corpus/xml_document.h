#pragma once
// One XML file parsed for a reader (WMT XML, XLIFF, TMX, TBX), with the
// checks every XML input gets before pugixml sees it. pugixml is lenient
// where an XML 1.0 parser (lxml, which sacreBLEU uses) is not, so these
// checks refuse, with the file, line and column:
//  - invalid UTF-8 (other encodings are refused);
//  - a DOCTYPE or ENTITY declaration (outside comments and CDATA sections,
//    where it declares nothing): DTDs can declare external entities (XXE) or
//    expansion bombs, and corpus files never need them, so no entity is ever
//    declared and nothing is ever fetched;
//  - a character reference to a code point XML 1.0 does not allow (&#0;,
//    &#7;, a surrogate such as &#xD800;, or beyond U+10FFFF) or a malformed
//    one (pugixml would cut the text at &#0; and turn the others into
//    U+FFFD or control characters);
//  - an entity reference other than the five XML predefines (&lt; &gt; &amp;
//    &apos; &quot;), and an '&' that starts no reference (pugixml keeps both
//    as literal text);
//  - a literal character that XML 1.0 does not allow anywhere (C0 controls
//    other than tab, line feed and carriage return; U+FFFE, U+FFFF).
// Comments, CDATA sections and processing instructions are not searched for
// references, as in XML; forbidden characters are refused everywhere.
// Malformed XML names the line, column and what was expected.

#include <cstddef>
#include <pugixml.hpp>
#include <string>
#include <string_view>

namespace mteval {

struct XmlDocument {
  std::string name;          // file name for messages
  std::string_view content;  // the bytes after a UTF-8 byte-order mark
  pugi::xml_document doc;

  // "NAME: line L, column C" of `node` (just NAME when pugixml has no offset).
  std::string Where(const pugi::xml_node& node) const;
  [[noreturn]] void Fail(const pugi::xml_node& node, const std::string& what) const;
};

// Checks `raw` as the header says and parses it into `out` with pugixml
// `options`; `out->content` views `raw`, which must outlive `out`. Throws
// Error(kInput).
void ParseXmlDocument(std::string_view raw, const std::string& name, unsigned options, XmlDocument* out);

}  // namespace mteval
