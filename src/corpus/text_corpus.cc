#include <mteval/corpus.h>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "text/python_str.h"

namespace mteval {

std::vector<std::string_view> TextCorpus::SegmentRefs(size_t i) const {
  std::vector<std::string_view> out;
  out.reserve(refs.size());
  for (const auto& stream : refs) out.emplace_back(stream[i]);
  return out;
}

void TextCorpusOptions::Validate() const {
  if (ref_paths.empty()) {
    throw Error(ErrorKind::kUsage, "no reference files given: put them before -i/--input");
  }
  if (num_refs < 1) {
    throw Error(ErrorKind::kUsage, "invalid -nr/--num-refs " + std::to_string(num_refs) + " (must be >= 1)");
  }
  if (num_refs > 1 && ref_paths.size() > 1) {
    throw Error(ErrorKind::kUsage,
                "-nr/--num-refs reads tab-separated references from a single file, but " +
                    std::to_string(ref_paths.size()) + " reference files were given");
  }
}

namespace {

// At most `max_fields` fields: the last keeps any further tabs.
std::vector<std::string_view> SplitTabs(std::string_view line, size_t max_fields) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (fields.size() + 1 < max_fields) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) break;
    fields.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  fields.push_back(line.substr(start));
  return fields;
}

}  // namespace

void CheckAligned(const TextCorpus& corpus) {
  if (corpus.systems.empty()) return;
  const size_t n = corpus.systems[0].size();
  for (size_t s = 0; s < corpus.systems.size(); ++s) {
    for (size_t r = 0; r < corpus.refs.size(); ++r) {
      if (corpus.refs[r].size() != corpus.systems[s].size()) {
        throw Error(ErrorKind::kMismatch,
                    "line counts differ: '" + corpus.system_names[s] + "' has " +
                        std::to_string(corpus.systems[s].size()) + " lines but reference '" + corpus.ref_names[r] +
                        "' has " + std::to_string(corpus.refs[r].size()) +
                        "; every system output needs exactly one line per reference segment");
      }
    }
    if (corpus.systems[s].size() != n) {
      throw Error(ErrorKind::kMismatch, "line counts differ: '" + corpus.system_names[s] + "' has " +
                                            std::to_string(corpus.systems[s].size()) + " lines but '" +
                                            corpus.system_names[0] + "' has " + std::to_string(n));
    }
  }
}

StdinSystems ReadStdinSystems() {
  const LineList lines = ReadLineList("-");
  StdinSystems out;
  size_t num_sys = 0;
  std::vector<std::vector<std::string_view>> streams;
  for (size_t ln = 0; ln < lines.size(); ++ln) {
    std::vector<std::string_view> fields = SplitTabs(lines[ln], SIZE_MAX);
    if (ln == 0) {
      num_sys = fields.size();
      streams.assign(num_sys, {});
      for (size_t s = 0; s < num_sys; ++s) out.names.push_back("System " + std::to_string(s + 1));
    } else if (fields.size() != num_sys) {
      throw Error(ErrorKind::kInput, "<stdin>: line " + std::to_string(ln + 1) + " has " +
                                         std::to_string(fields.size()) + " tab-separated fields but line 1 has " +
                                         std::to_string(num_sys) + " (one field per system)");
    }
    // sacreBLEU right-strips the whole line, and from line 2 on each
    // field too (so a space before a tab stays only on line 1).
    for (size_t s = 0; s < num_sys; ++s) streams[s].push_back(ln == 0 ? fields[s] : PyRstrip(fields[s]));
  }
  for (auto& stream : streams) out.systems.push_back(lines.WithViews(std::move(stream)));
  if (lines.empty()) {
    out.systems.assign(1, {});
    out.names.assign(1, "System 1");
  }
  return out;
}

TextCorpus LoadTextCorpus(const TextCorpusOptions& options) {
  options.Validate();
  TextCorpus corpus;
  if (options.num_refs == 1) {
    for (const std::string& path : options.ref_paths) {
      corpus.ref_names.push_back(path);
      corpus.refs.push_back(ReadLineList(path));
    }
  } else {
    const std::string& path = options.ref_paths[0];
    const LineList lines = ReadLineList(path);
    const auto k = static_cast<size_t>(options.num_refs);
    std::vector<std::vector<std::string_view>> streams(k);
    for (size_t i = 0; i < k; ++i) corpus.ref_names.push_back(path + ":" + std::to_string(i + 1));
    for (size_t ln = 0; ln < lines.size(); ++ln) {
      std::vector<std::string_view> fields = SplitTabs(lines[ln], k);
      if (fields.size() != k) {
        throw Error(ErrorKind::kInput, path + ": line " + std::to_string(ln + 1) + ": expected " + std::to_string(k) +
                                           " tab-separated references (-nr " + std::to_string(k) + "), found " +
                                           std::to_string(fields.size()));
      }
      for (size_t i = 0; i < k; ++i) streams[i].push_back(fields[i]);
    }
    for (auto& stream : streams) corpus.refs.push_back(lines.WithViews(std::move(stream)));
  }
  if (options.hyp_paths.empty()) {
    StdinSystems in = ReadStdinSystems();
    corpus.system_names = std::move(in.names);
    corpus.systems = std::move(in.systems);
  } else {
    for (const std::string& path : options.hyp_paths) {
      for (const std::string& seen : corpus.system_names) {
        if (seen == path) {
          throw Error(ErrorKind::kUsage, "system output '" + path + "' is given twice; give each system once");
        }
      }
      corpus.system_names.push_back(path);
      corpus.systems.push_back(ReadLineList(path));
    }
  }
  CheckAligned(corpus);
  return corpus;
}

}  // namespace mteval
