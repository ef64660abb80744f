#pragma once
// Tab-separated corpora: one segment a line, the columns picked by name (from
// a header line) or by 1-based number. Lines split at '\n' only; a trailing
// '\r' and Python whitespace at the end of each field are stripped (as plain
// text lines are); UTF-8 is checked. Files ending in ".gz" are decompressed.
//
// TsvStream reads one row at a time with bounded memory, for corpora too big
// to hold (e.g. sentence-level scoring of a 1 GB file); ReadTsv and ParseTsv
// load everything into SegmentedText, one per selected column.
// Errors (a missing column, a short row, a bad column name) throw
// Error(kInput) or Error(kUsage) naming the file, the line and what was
// expected.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

struct TsvOptions {
  // Columns to read, each a header name or a 1-based number.
  std::vector<std::string> columns;
  // Optional document-id and segment-id columns (name or number; "" = none).
  // Without seg_column, seg ids are data line numbers "1", "2", ... (with
  // it, each stream has_file_ids).
  std::string doc_column;
  std::string seg_column;
  // The first line is a header. Forced on when any column is given by name.
  bool header = false;

  bool UsesNames() const;
  // Throws Error(kUsage) for an empty column list or a bad number.
  void Validate() const;
};

// One data row: the selected fields in `columns` order.
struct TsvRow {
  std::vector<std::string> fields;
  std::string doc_id;
  std::string seg_id;
  size_t line = 0;  // 1-based line number in the file
};

class TsvStream {
 public:
  // Opens `path` ("-" = standard input) and reads the header if any.
  TsvStream(const std::string& path, const TsvOptions& options);
  // Reads from memory instead (for tests and fuzzing); `name` is used in
  // error messages. `content` must outlive the stream.
  TsvStream(std::string_view content, const std::string& name, const TsvOptions& options);
  ~TsvStream();
  TsvStream(const TsvStream&) = delete;
  TsvStream& operator=(const TsvStream&) = delete;

  // Reads the next data row; false at the end of the input.
  bool Next(TsvRow* row);

 private:
  struct Impl;
  void Init(const TsvOptions& options);
  std::unique_ptr<Impl> impl_;
};

// Everything at once: one SegmentedText (format "tsv") per selected column,
// with doc and seg ids filled in.
std::vector<SegmentedText> ReadTsv(const std::string& path, const TsvOptions& options);
std::vector<SegmentedText> ParseTsv(std::string_view content, const std::string& name, const TsvOptions& options);

}  // namespace mteval
