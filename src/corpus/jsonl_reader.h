#pragma once
// JSON Lines corpora: one JSON object a line, the segments in string fields
// whose names are configurable. Blank lines are skipped. Errors throw
// Error(kInput) naming the file, line, column and the field expected.

#include <string>
#include <string_view>
#include <vector>

#include <mteval/corpus.h>

namespace mteval {

struct JsonlOptions {
  // Fields to read (strings), one SegmentedText each.
  std::vector<std::string> fields;
  // Optional document-id and segment-id fields (strings or integers; "" =
  // none). Without seg_field, seg ids are record numbers "1", "2", ... (with
  // it, each stream has_file_ids).
  std::string doc_field;
  std::string seg_field;
  // Optional document metadata fields copied into DocumentInfo.
  std::string origlang_field = "origlang";
  std::string domain_field = "domain";

  // Throws Error(kUsage) when no field is selected.
  void Validate() const;
};

std::vector<SegmentedText> ReadJsonl(const std::string& path, const JsonlOptions& options);
std::vector<SegmentedText> ParseJsonl(std::string_view content, const std::string& name, const JsonlOptions& options);

}  // namespace mteval
