#pragma once
// Reader for NIST/WMT SGML files (the *.sgm sources, references and system
// outputs of WMT and NIST evaluations), including the WMT21 terminology
// task's inline <term> annotations.
//
//   <srcset setid=".." srclang="en">          (or <refset>/<tstset> trglang=..)
//   <doc docid="d1" sysid="ref" genre="news" origlang="en">
//   <p>
//   <seg id="1"> a <term id="7" type=".." src="x" tgt="y|z"> x </term> b </seg>
//   </p>
//   </doc>
//   </srcset>
//
// Contract:
//  - Segment::text is the content of <seg> with the <term> tags removed and
//    entities decoded once (&amp; &lt; &gt; &quot; &apos; &nbsp; &#N; &#xH;);
//    everything else, whitespace included, is kept as written. A '&' that does
//    not start an entity reference ("AT&T") is kept literally.
//  - Each <term> becomes a TextSpan of kind "term" whose attrs are the
//    element's attributes as written (id, type, src, tgt, ...) after entity
//    decoding, and whose [begin, end) covers the term's text inside
//    Segment::text without its leading and trailing whitespace.
//  - Segment::doc_id is the enclosing <doc docid>, seg_id the <seg id> (the
//    1-based position within the document when the attribute is absent);
//    has_file_ids when every <seg> has its id attribute.
//  - SegmentedText::lang is the set's trglang (refset, tstset) or srclang
//    (srcset); name is the sysid of the set or of its first document.
//    DocumentInfo::domain is the genre attribute.
//  - <p> and <hl> wrappers are accepted and ignored; tag and attribute names
//    are case-insensitive.
//  - Malformed input (invalid UTF-8, text outside <seg>, unknown or unclosed
//    elements, nested <seg>, bad attributes, unknown named entities) throws
//    Error(kInput) naming the file, the line and what was expected.

#include <string>
#include <string_view>

#include <mteval/corpus.h>

namespace mteval {

// Reads `path` ("*.gz" is decompressed).
SegmentedText ReadSgml(const std::string& path);

// Parses already-read bytes; `name` is used as SegmentedText::path and in
// error messages.
SegmentedText ParseSgml(std::string_view content, const std::string& name);

}  // namespace mteval
