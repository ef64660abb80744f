#include "corpus/tsv_reader.h"

#include <algorithm>
#include <cstdio>

#include <mteval/error.h>
#include "corpus/input_reader.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

bool IsNumber(const std::string& s) {
  return !s.empty() && s.size() < 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return out;
    start = tab + 1;
  }
}

}  // namespace

bool TsvOptions::UsesNames() const {
  auto named = [](const std::string& c) { return !c.empty() && !IsNumber(c); };
  return std::any_of(columns.begin(), columns.end(), named) || named(doc_column) || named(seg_column);
}

void TsvOptions::Validate() const {
  if (columns.empty()) throw Error(ErrorKind::kUsage, "no TSV column selected (give --ref-col/--hyp-col)");
  for (const std::string& c : columns) {
    if (c.empty()) throw Error(ErrorKind::kUsage, "empty TSV column name; give a header name or a 1-based number");
    if (IsNumber(c) && std::stoi(c) < 1) {
      throw Error(ErrorKind::kUsage, "TSV column number " + c + " is invalid: columns are numbered from 1");
    }
  }
}

struct TsvStream::Impl {
  std::string name;
  std::unique_ptr<InputReader> file;  // when reading a file
  std::string_view memory;    // when reading from memory
  size_t memory_pos = 0;
  std::string buffer;         // bytes read but not yet returned
  size_t buffer_pos = 0;
  bool eof = false;
  size_t line_number = 0;
  std::string line;

  std::vector<size_t> column_index;  // per selected column
  std::vector<std::string> column_label;
  long doc_index = -1, seg_index = -1;
  size_t expected_fields = 0;  // 0 = not known yet
  size_t needed_fields = 0;    // one past the highest selected column
  bool header = false;

  // Refills `buffer` from the file; false at end of input.
  bool Fill() {
    if (eof) return false;
    buffer.erase(0, buffer_pos);
    buffer_pos = 0;
    if (!file) {
      eof = true;
      return false;
    }
    char chunk[1 << 16];
    const size_t n = file->Read(chunk, sizeof chunk);
    if (n == 0) {
      eof = true;
      return false;
    }
    buffer.append(chunk, n);
    return true;
  }

  // Next line without its '\n'; false at end of input.
  bool ReadLine() {
    if (!file) {
      if (memory_pos >= memory.size()) return false;
      size_t nl = memory.find('\n', memory_pos);
      size_t end = nl == std::string_view::npos ? memory.size() : nl;
      line.assign(memory.data() + memory_pos, end - memory_pos);
      memory_pos = end + 1;
    } else {
      size_t scanned = buffer_pos;
      while (true) {
        size_t nl = buffer.find('\n', scanned);
        if (nl != std::string::npos) {
          line.assign(buffer, buffer_pos, nl - buffer_pos);
          buffer_pos = nl + 1;
          break;
        }
        scanned = buffer.size();
        const size_t before = buffer_pos;
        if (!Fill()) {
          if (buffer_pos >= buffer.size()) return false;
          line.assign(buffer, buffer_pos, std::string::npos);
          buffer_pos = buffer.size();
          break;
        }
        scanned -= before;
      }
    }
    ++line_number;
    size_t bad = FindInvalidUtf8(line);
    if (bad < line.size()) {
      throw Error(ErrorKind::kInput, name + ": line " + std::to_string(line_number) + ", column " +
                                         std::to_string(CountCodePoints(std::string_view(line).substr(0, bad)) + 1) +
                                         ": invalid UTF-8; " + Utf8ConversionAdvice(line_number == 1 ? std::string_view(line) : std::string_view()));
    }
    return true;
  }

  long Resolve(const std::string& spec, const std::vector<std::string_view>& header_fields) {
    if (IsNumber(spec)) return std::stol(spec) - 1;
    for (size_t i = 0; i < header_fields.size(); ++i) {
      if (PyRstrip(header_fields[i]) == spec) return static_cast<long>(i);
    }
    std::string names;
    for (auto f : header_fields) names += (names.empty() ? "" : ", ") + std::string(PyRstrip(f));
    throw Error(ErrorKind::kInput, name + ": line 1: the header has no column named '" + spec + "' (columns: " + names +
                                       "); give a header name or a 1-based column number");
  }
};

TsvStream::TsvStream(const std::string& path, const TsvOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->name = path == "-" ? "<stdin>" : path;
  impl_->file = std::make_unique<InputReader>(path);
  Init(options);
}

TsvStream::TsvStream(std::string_view content, const std::string& name, const TsvOptions& options)
    : impl_(std::make_unique<Impl>()) {
  impl_->name = name;
  impl_->memory = content;
  Init(options);
}

TsvStream::~TsvStream() = default;

void TsvStream::Init(const TsvOptions& options) {
  options.Validate();
  Impl& d = *impl_;
  d.header = options.header || options.UsesNames();
  std::vector<std::string_view> header_fields;
  std::string header_line;
  if (d.header) {
    if (!d.ReadLine()) throw Error(ErrorKind::kInput, d.name + ": the file is empty, but a header line was expected");
    header_line = d.line;
    header_fields = SplitTabs(header_line);
    d.expected_fields = header_fields.size();
  }
  for (const std::string& c : options.columns) {
    d.column_index.push_back(static_cast<size_t>(d.Resolve(c, header_fields)));
    d.column_label.push_back(IsNumber(c) ? "column " + c : "column '" + c + "'");
  }
  if (!options.doc_column.empty()) d.doc_index = d.Resolve(options.doc_column, header_fields);
  if (!options.seg_column.empty()) d.seg_index = d.Resolve(options.seg_column, header_fields);
  d.needed_fields = static_cast<size_t>(std::max(d.doc_index, d.seg_index) + 1);
  for (size_t i : d.column_index) d.needed_fields = std::max(d.needed_fields, i + 1);
  if (d.header && d.needed_fields > header_fields.size()) {
    throw Error(ErrorKind::kInput, d.name + ": line 1: column " + std::to_string(d.needed_fields) +
                                       " was asked for, but the header has only " +
                                       std::to_string(header_fields.size()) + " tab-separated columns");
  }
}

bool TsvStream::Next(TsvRow* row) {
  Impl& d = *impl_;
  if (!d.ReadLine()) return false;
  std::vector<std::string_view> fields = SplitTabs(d.line);
  if (d.expected_fields == 0) {
    if (fields.size() < d.needed_fields) {
      throw Error(ErrorKind::kInput, d.name + ": line " + std::to_string(d.line_number) + ": expected at least " +
                                         std::to_string(d.needed_fields) + " tab-separated columns, found " +
                                         std::to_string(fields.size()));
    }
    d.expected_fields = fields.size();
  } else if (fields.size() != d.expected_fields) {
    throw Error(ErrorKind::kInput, d.name + ": line " + std::to_string(d.line_number) + ": expected " +
                                       std::to_string(d.expected_fields) + " tab-separated columns (as " +
                                       (d.header ? "the header has" : "line 1 has") + "), found " +
                                       std::to_string(fields.size()));
  }
  row->line = d.line_number;
  row->fields.resize(d.column_index.size());
  for (size_t i = 0; i < d.column_index.size(); ++i) row->fields[i] = PyRstrip(fields[d.column_index[i]]);
  row->doc_id = d.doc_index >= 0 ? std::string(PyRstrip(fields[static_cast<size_t>(d.doc_index)])) : std::string();
  row->seg_id = d.seg_index >= 0 ? std::string(PyRstrip(fields[static_cast<size_t>(d.seg_index)]))
                                 : std::to_string(d.line_number - (d.header ? 1 : 0));
  return true;
}

namespace {

std::vector<SegmentedText> Collect(TsvStream& stream, const std::string& name, const TsvOptions& options) {
  std::vector<SegmentedText> out(options.columns.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].path = name;
    out[i].format = "tsv";
    out[i].name = options.columns[i];
    out[i].has_file_ids = !options.seg_column.empty();
  }
  TsvRow row;
  while (stream.Next(&row)) {
    for (size_t i = 0; i < out.size(); ++i) {
      Segment s;
      s.text = std::move(row.fields[i]);
      s.doc_id = row.doc_id;
      s.seg_id = row.seg_id;
      if (!s.doc_id.empty() && (out[i].docs.empty() || out[i].docs.back().id != s.doc_id)) {
        DocumentInfo doc;
        doc.id = s.doc_id;
        out[i].docs.push_back(doc);
      }
      out[i].segments.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace

std::vector<SegmentedText> ReadTsv(const std::string& path, const TsvOptions& options) {
  TsvStream stream(path, options);
  return Collect(stream, path, options);
}

std::vector<SegmentedText> ParseTsv(std::string_view content, const std::string& name, const TsvOptions& options) {
  TsvStream stream(content, name, options);
  return Collect(stream, name, options);
}

}  // namespace mteval
