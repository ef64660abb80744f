#pragma once
// Loads the references and system outputs of `mteval score` from any corpus
// format (plain text, TSV, JSONL, WMT XML, XLIFF, TMX), aligns them by line
// or by (doc id, seg id), keeps the document metadata, and optionally keeps
// only a subset of documents. With all-default options and plain-text files
// it is exactly LoadTextCorpus.

#include <string>
#include <vector>

#include "corpus/segment_align.h"
#include "corpus/segmented_text.h"
#include "corpus/text_corpus.h"

namespace mteval {

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
  AlignMode align = AlignMode::kAuto;
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
