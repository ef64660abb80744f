#pragma once
// The loader's common data model: one file of segments (source, reference or
// system output) in any format, with the document metadata and inline
// annotations the format carries. Every reader (plain text, TSV, JSONL, WMT
// XML, NIST SGML, XLIFF, TMX) produces this; alignment, scoring and the
// terminology metrics consume it. Readers keep `text` exactly as the format
// gives it (after entity decoding) so that scores match tools that read the
// same files.

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace mteval {

// An annotation over a byte range of Segment::text, e.g. a WMT21 <term> or an
// XLIFF inline-tag placeholder. Offsets are bytes into the UTF-8 text.
struct TextSpan {
  size_t begin = 0;  // first byte
  size_t end = 0;    // one past the last byte
  std::string kind;  // "term", "placeholder", ...
  // The element's attributes as written (for <term>: id, type, src, tgt).
  std::map<std::string, std::string> attrs;
};

struct Segment {
  std::string text;
  std::string doc_id;  // empty when the format has no documents
  std::string seg_id;  // as written in the file; for line formats "1", "2", ...
  std::vector<TextSpan> spans;
};

// Metadata of one document, as far as the format records it.
struct DocumentInfo {
  std::string id;
  std::string origlang;
  std::string domain;  // WMT XML domain, SGML genre
  std::map<std::string, std::string> attrs;  // every attribute as written
};

struct SegmentedText {
  std::string path;    // file it came from, for error messages
  std::string format;  // "text", "tsv", "jsonl", "wmt-xml", "sgml", "xliff", "tmx"
  std::string lang;    // language code when the format records it
  std::string name;    // system (hyp) or translator (ref) name when known
  std::vector<DocumentInfo> docs;  // in file order; empty without documents
  std::vector<Segment> segments;   // in file order
  // True when the segment ids (with the document ids) are written in the
  // file (WMT XML, NIST SGML with <seg id>, XLIFF, TMX with tuid, TSV/JSONL
  // with --seg-col) rather than numbered by position; alignment pairs such
  // files by id.
  bool has_file_ids = false;
  // Segments the reader left out, with their ids and no text: in WMT XML,
  // those of testsuite documents and those that no reference translates, as
  // sacreBLEU leaves them out. Another file's segments with these ids are not
  // reported as extra when aligning by id.
  std::vector<Segment> left_out;
};

}  // namespace mteval
