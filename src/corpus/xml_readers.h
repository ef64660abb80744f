#pragma once
// Readers for the XML corpus formats: WMT XML (the test-set format since
// WMT21), XLIFF 1.2 and 2.x, and TMX 1.4. All produce SegmentedText.
//
// Safety: files are checked and parsed by ParseXmlDocument (xml_document.h):
// documents with a DOCTYPE (and so any ENTITY declaration) are refused with
// Error(kInput) before parsing, so no external entity is resolved and no
// entity-expansion bomb is expanded; nothing is fetched. Character and entity
// references and characters that XML 1.0 does not allow, and malformed XML,
// throw Error(kInput) with the file, line, column and what was expected.
// Text is UTF-8 (other encodings are refused).
//
// Inline markup (XLIFF <x/>, <g>, <ph>, <bpt>, <pc>, <sc/>, ...; TMX <ph>,
// <bpt>, <hi>, ...) is not part of Segment::text: standalone codes leave an
// empty TextSpan of kind "placeholder" at their position, and paired tags
// leave a span of kind "inline" over the text they enclose. The span's attrs
// hold the element's attributes plus "tag" = its name.

#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

// One WMT XML file: <dataset><collection><doc id origlang domain>
// <src lang><p><seg id>..., <ref lang translator>, <hyp lang system>.
// Segment ids are per document, so doc_id + seg_id identify a segment. The
// segments are those sacreBLEU 2.6.0 reads (dataset/wmt_xml.py): documents
// with a testsuite attribute are left out, and so are the segments that no
// <ref> of the file translates (absent or empty in every one) when the file
// has references; every reference stream has every other segment, empty
// where that translator lacks it. Within a document, segments follow their
// ids as numbers when every id is one (sacreBLEU sorts them), else the file.
// Left-out segments are listed in each stream's left_out; an id twice in one
// block is an error.
struct WmtXmlFile {
  SegmentedText source;              // the <src> of every document
  std::vector<SegmentedText> refs;   // one per translator, in first-seen order
  std::vector<SegmentedText> hyps;   // one per system, in first-seen order
};
WmtXmlFile ReadWmtXml(const std::string& path);
WmtXmlFile ParseWmtXml(std::string_view content, const std::string& name);

// Source and target of an XLIFF file. doc_id is the <file>'s `original`
// (1.2) or `id` (2.x); seg_id is the unit id, plus "/" and the <mrk mid> or
// <segment id> when the unit is segmented. Units without a target are absent
// from `target` (alignment by id reports them).
struct BilingualText {
  SegmentedText source;
  SegmentedText target;
};
BilingualText ReadXliff(const std::string& path);
BilingualText ParseXliff(std::string_view content, const std::string& name);

// One SegmentedText per language of a TMX file (the header's srclang first,
// then in first-seen order); seg_id is the <tu>'s tuid or its 1-based number
// (has_file_ids when every <tu> has a tuid).
std::vector<SegmentedText> ReadTmx(const std::string& path);
std::vector<SegmentedText> ParseTmx(std::string_view content, const std::string& name);

}  // namespace mteval
