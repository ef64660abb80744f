#pragma once
// Reading test sets: references and system outputs in every format the CLI
// reads (plain text, .gz, TSV, JSONL, WMT XML, NIST SGML, XLIFF, TMX), lined
// up by position or by (document id, segment id).
//
//   mteval::TextCorpusOptions files;
//   files.ref_paths = {"newstest.ref.de"};
//   files.hyp_paths = {"system-a.de", "system-b.de"};
//   mteval::CorpusLoadOptions how;            // defaults: detect formats, pair by id when possible
//   mteval::LoadedCorpus loaded = mteval::LoadCorpus(files, how);
//   const mteval::TextCorpus& corpus = loaded.corpus;
//   // corpus.refs[stream][segment], corpus.systems[system][segment]
//
// Thread safety: the data types are plain values; a LineList's copies share
// immutable buffers, so const access from several threads is safe. The load
// functions may run concurrently on different files.

#include <algorithm>
#include <cstddef>
#include <deque>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// ---- segmented_text.h
// The loader's common data model: one file of segments (source, reference or
// system output) in any format, with the document metadata and inline
// annotations the format carries. Every reader (plain text, TSV, JSONL, WMT
// XML, NIST SGML, XLIFF, TMX) produces this; pairing, scoring and the
// terminology metrics consume it. Readers keep `text` exactly as the format
// gives it (after entity decoding) so that scores match tools that read the
// same files.

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
  // with --seg-col) rather than numbered by position; pairing matches such
  // files by id.
  bool has_file_ids = false;
  // Segments the reader left out, with their ids and no text: in WMT XML,
  // those of testsuite documents and those that no reference translates, as
  // sacreBLEU leaves them out. Another file's segments with these ids are not
  // reported as extra when pairing by id.
  std::vector<Segment> left_out;
};

// ---- line_list.h
// The lines of one stream (a reference or a system output) as views into
// buffers the list shares ownership of: a mapped input file, a decompressed
// or stdin buffer, or strings handed over by a reader. Loading a test set
// then allocates one view per line instead of one string per line, which
// for a plain-text file is nearly all of the memory first touched (and page
// faults paid) while loading.
//
// Copies share the buffers, so views taken from a list stay valid for as
// long as any copy of it lives. The views themselves never change once
// added; push_back adds owned lines.

class LineList {
 public:
  using const_iterator = std::vector<std::string_view>::const_iterator;

  LineList() = default;
  // Takes ownership of `lines` (implicit, so a reader's vector of strings
  // is a LineList).
  LineList(std::vector<std::string> lines);  // NOLINT(google-explicit-constructor)
  LineList(std::initializer_list<std::string_view> lines);
  // Views into memory that `owner` keeps alive.
  LineList(std::shared_ptr<const void> owner, std::vector<std::string_view> lines);

  size_t size() const { return lines_.size(); }
  bool empty() const { return lines_.empty(); }
  std::string_view operator[](size_t i) const { return lines_[i]; }
  const_iterator begin() const { return lines_.begin(); }
  const_iterator end() const { return lines_.end(); }

  // Appends a copy of `line`, owned by this list.
  void push_back(std::string_view line);

  // A list of `views`, which must point into this list's lines (e.g. the
  // tab-separated fields of its lines); it shares this list's buffers.
  LineList WithViews(std::vector<std::string_view> views) const;

  std::vector<std::string> ToStrings() const { return {lines_.begin(), lines_.end()}; }

  // Line by line equality, whatever holds the bytes.
  friend bool operator==(const LineList& a, const LineList& b) { return a.lines_ == b.lines_; }
  friend bool operator==(const LineList& a, const std::vector<std::string>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
  }
  friend bool operator!=(const LineList& a, const LineList& b) { return !(a == b); }

 private:
  std::vector<std::string_view> lines_;
  std::vector<std::shared_ptr<const void>> owners_;
  // Lines added by push_back, in a deque so that appending never moves them.
  // Copies share it; one that appends while shared moves it to owners_ and
  // starts a deque of its own, so no list appends to another's.
  std::shared_ptr<std::deque<std::string>> own_;
};

// ---- text_corpus.h
// Line-aligned references and system outputs, loaded and checked together.

struct TextCorpus {
  std::vector<std::string> ref_names;     // one per reference stream
  std::vector<LineList> refs;             // [stream][segment]
  std::vector<std::string> system_names;  // one per system
  std::vector<LineList> systems;          // [system][segment]

  size_t num_segments() const { return systems.empty() ? 0 : systems[0].size(); }
  // References of segment `i`, one per stream.
  std::vector<std::string_view> SegmentRefs(size_t i) const;
};

struct TextCorpusOptions {
  // Reference files; with num_refs > 1 exactly one file whose lines hold
  // num_refs tab-separated references (sacreBLEU's -nr).
  std::vector<std::string> ref_paths;
  // System output files; empty means standard input, where each line holds
  // one tab-separated field per system (as sacreBLEU reads stdin).
  std::vector<std::string> hyp_paths;
  int num_refs = 1;

  // Throws Error(kUsage) for an impossible combination.
  void Validate() const;
};

// Reads everything and checks that all streams have the same number of
// lines; a mismatch throws Error(kMismatch) naming both files and counts.
TextCorpus LoadTextCorpus(const TextCorpusOptions& options);

// System outputs on standard input as sacreBLEU reads them: each line holds
// one tab-separated field per system (the first line sets how many; a later
// line with another count throws Error(kInput)), and from line 2 on each
// field is right-stripped too. Empty input gives one system without lines.
struct StdinSystems {
  std::vector<std::string> names;  // "System 1", "System 2", ...
  std::vector<LineList> systems;
};
StdinSystems ReadStdinSystems();

// Checks line counts of an assembled corpus (same error as above).
void CheckAligned(const TextCorpus& corpus);

// ---- Pairing segments
// Lines up segment streams (references and system outputs, each a
// SegmentedText) into parallel rows, by position or by (doc id, seg id).
// (Not to be confused with mteval/align.h: re-segmentation and sentence
// alignment, which change the segments themselves.)

enum class PairingMode {
  kAuto,  // kId when every stream has_file_ids, else kLine
  kLine,  // row i of every stream belongs together; counts must agree
  kId,    // rows are matched on (doc_id, seg_id), in the first stream's order
};

struct PairingOptions {
  PairingMode mode = PairingMode::kAuto;
  // By id only: drop segments that some stream lacks (reported as a warning)
  // instead of failing.
  bool allow_missing = false;
  // How many ids an error or warning lists.
  size_t max_listed = 5;
};

struct PairedRows {
  // rows[i][s] = index into streams[s].segments of row i's segment.
  std::vector<std::vector<size_t>> rows;
  std::vector<std::string> warnings;  // segments excluded under allow_missing
};

// Pairs the segments of `streams` (the first one is the pivot, normally the first
// reference). A count mismatch (by line), a duplicate or absent id, or ids
// that differ between streams (by id, without allow_missing) throw
// Error(kMismatch) naming the files, the counts and the first ids; nothing is
// dropped silently (the pivot's left_out ids are not counted as extra).
// allow_missing when the streams are paired by line throws Error(kUsage).
PairedRows PairSegments(const std::vector<const SegmentedText*>& streams, const PairingOptions& options);

// "doc#seg" (or "seg" without documents), for messages.
std::string SegmentLabel(const Segment& segment);

// ---- corpus_loader.h
// Loads the references and system outputs of `mteval score` from any corpus
// format (plain text, TSV, JSONL, WMT XML, XLIFF, TMX), pairs them by line
// or by (doc id, seg id), keeps the document metadata, and optionally keeps
// only a subset of documents. With all-default options and plain-text files
// it is exactly LoadTextCorpus.

struct CorpusLoadOptions {
  std::string ref_format = "auto";  // --ref-format / --input-format: a FormatNames() entry
  std::string hyp_format = "auto";  // --hyp-format / --input-format
  // TSV columns / JSONL fields (name or 1-based number for TSV): one
  // reference stream per --ref-col, one system per --hyp-col. With --hyp-col
  // and no -i, the systems are read from the reference file.
  std::vector<std::string> ref_columns;
  std::vector<std::string> hyp_columns;
  std::string src_column;   // --src-col: the source, read and aligned, not scored
  std::string doc_column;   // --doc-col: document ids (TSV/JSONL)
  std::string seg_column;   // --seg-col: segment ids (TSV/JSONL)
  bool tsv_header = false;  // --tsv-header: the first TSV line is a header even with numbered columns
  // --align line|id; by default (kAuto) segments are paired by id when every
  // file carries segment ids, else by position.
  PairingMode pairing = PairingMode::kAuto;
  bool allow_missing = false;  // --allow-missing (when aligned by id)
  std::string translator;   // --translator: WMT XML reference to use ("" = every <ref>)
  std::string target_lang;  // --target-lang: TMX language of references/outputs ("" = the only non-source one)
  std::string origlang;     // --origlang xx | non-xx: documents by original language
  std::string subset;       // --subset REGEX: documents whose id or domain matches (RE2 search, as re.search)

  // True when nothing beyond plain-text loading is asked for.
  bool IsDefault() const;
  // Throws Error(kUsage) for a bad combination or value.
  void Validate() const;
};

struct LoadedCorpus {
  TextCorpus corpus;
  std::vector<std::string> sources;  // aligned sources when --src-col was given
  // Per scored segment: its document and segment id ("" when unknown).
  std::vector<std::string> doc_ids;
  std::vector<std::string> seg_ids;
  std::vector<DocumentInfo> docs;     // documents of the scored segments, in order
  std::vector<std::string> warnings;  // excluded segments, format doubts
};

// Reads `files` (paths, -nr) as `options` say. Errors: Error(kInput) for
// unreadable or malformed files, kMismatch for streams that do not align,
// kUsage for options that do not fit the files.
LoadedCorpus LoadCorpus(const TextCorpusOptions& files, const CorpusLoadOptions& options);

}  // namespace mteval
