#include "corpus/jsonl_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "corpus/reader_util.h"

namespace mteval {
namespace {

std::string Where(const std::string& name, size_t line) { return name + ": line " + std::to_string(line); }

// A string field, or an integer for ids; `required` fields must exist.
std::string Field(const nlohmann::json& obj, const std::string& field, bool allow_number, const std::string& name,
                  size_t line) {
  auto it = obj.find(field);
  if (it == obj.end()) {
    throw Error(ErrorKind::kInput, Where(name, line) + ": the record has no field \"" + field +
                                       "\" (expected a string field named \"" + field + "\")");
  }
  if (it->is_string()) return it->get<std::string>();
  if (allow_number && it->is_number_integer()) return std::to_string(it->get<long long>());
  throw Error(ErrorKind::kInput, Where(name, line) + ": field \"" + field + "\" is a " + it->type_name() +
                                     " (expected a string)");
}

std::string OptionalString(const nlohmann::json& obj, const std::string& field) {
  if (field.empty()) return "";
  auto it = obj.find(field);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

void JsonlOptions::Validate() const {
  if (fields.empty()) throw Error(ErrorKind::kUsage, "no JSONL field selected (give --ref-col/--hyp-col)");
}

std::vector<SegmentedText> ParseJsonl(std::string_view content, const std::string& name, const JsonlOptions& options) {
  options.Validate();
  CheckUtf8(content, name);
  std::vector<SegmentedText> out(options.fields.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].path = name;
    out[i].format = "jsonl";
    out[i].name = options.fields[i];
    out[i].has_file_ids = !options.seg_field.empty();
  }
  size_t line = 0, records = 0, pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view text = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    const size_t line_start = pos;
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line;
    if (text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    nlohmann::json obj;
    try {
      obj = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
      const size_t off = e.byte > 0 ? e.byte - 1 : 0;
      throw Error(ErrorKind::kInput, DescribePosition(name, content, line_start + std::min(off, text.size())) +
                                         ": invalid JSON (expected one JSON object per line)");
    } catch (const nlohmann::json::exception& e) {  // e.g. a number too large to represent
      throw Error(ErrorKind::kInput, Where(name, line) + ": unreadable JSON (" + e.what() + ")");
    }
    if (!obj.is_object()) {
      throw Error(ErrorKind::kInput, Where(name, line) + ": expected a JSON object, found a " + obj.type_name());
    }
    ++records;
    Segment proto;
    proto.doc_id = options.doc_field.empty() ? "" : Field(obj, options.doc_field, true, name, line);
    proto.seg_id = options.seg_field.empty() ? std::to_string(records) : Field(obj, options.seg_field, true, name, line);
    for (size_t i = 0; i < out.size(); ++i) {
      Segment s = proto;
      s.text = Field(obj, options.fields[i], false, name, line);
      if (!s.doc_id.empty() && (out[i].docs.empty() || out[i].docs.back().id != s.doc_id)) {
        DocumentInfo doc;
        doc.id = s.doc_id;
        doc.origlang = OptionalString(obj, options.origlang_field);
        doc.domain = OptionalString(obj, options.domain_field);
        out[i].docs.push_back(doc);
      }
      out[i].segments.push_back(std::move(s));
    }
  }
  return out;
}

std::vector<SegmentedText> ReadJsonl(const std::string& path, const JsonlOptions& options) {
  return ParseJsonl(ReadFileBytes(path), path, options);
}

}  // namespace mteval
