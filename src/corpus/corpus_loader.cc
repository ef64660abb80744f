#include <mteval/corpus.h>

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <set>
#include <unordered_map>

#include <mteval/error.h>
#include "corpus/format_detect.h"
#include "corpus/jsonl_reader.h"
#include "corpus/line_reader.h"
#include "corpus/sgml_reader.h"
#include "corpus/tsv_reader.h"
#include "corpus/xml_readers.h"
#include "text/python_str.h"

namespace mteval {
namespace {

// One named stream taken from a file.
struct Stream {
  std::string name;  // shown in output and messages
  SegmentedText text;
};

SegmentedText ReadPlainText(const std::string& path) {
  SegmentedText t;
  t.path = path == "-" ? "<stdin>" : path;
  t.format = "text";
  std::vector<std::string> lines = ReadLines(path);
  t.segments.resize(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    t.segments[i].text = std::move(lines[i]);
    t.segments[i].seg_id = std::to_string(i + 1);
  }
  return t;
}

// System outputs on standard input (text_corpus.h reads them as sacreBLEU
// does), as streams of segments.
std::vector<Stream> StdinStreams() {
  StdinSystems in = ReadStdinSystems();
  std::vector<Stream> out;
  for (size_t s = 0; s < in.systems.size(); ++s) {
    Stream stream{in.names[s], SegmentedText()};
    stream.text.path = "<stdin>";
    stream.text.format = "text";
    stream.text.segments.resize(in.systems[s].size());
    for (size_t i = 0; i < in.systems[s].size(); ++i) {
      stream.text.segments[i].text = std::string(in.systems[s][i]);
      stream.text.segments[i].seg_id = std::to_string(i + 1);
    }
    out.push_back(std::move(stream));
  }
  return out;
}

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// The translated side of a TMX file.
SegmentedText PickTmxLanguage(std::vector<SegmentedText> langs, const std::string& path, const std::string& wanted) {
  std::vector<std::string> names;
  for (const auto& t : langs) names.push_back(t.lang);
  if (!wanted.empty()) {
    for (auto& t : langs) {
      if (t.lang == wanted) return std::move(t);
    }
    throw Error(ErrorKind::kInput, "'" + path + "' has no <tuv xml:lang=\"" + wanted + "\"> (languages: " + Join(names) + ")");
  }
  if (langs.size() != 2) {
    throw Error(ErrorKind::kUsage, "'" + path + "' has " + std::to_string(langs.size()) + " languages (" + Join(names) +
                                       "); choose the one to score with --target-lang");
  }
  return std::move(langs[1]);  // the first is the header's srclang
}

class Loader {
 public:
  Loader(const CorpusLoadOptions& options, std::vector<std::string>* warnings)
      : options_(options), warnings_(warnings) {}

  // Streams of one file for `role` ("reference" or "system output").
  std::vector<Stream> Read(const std::string& path, const std::string& format_flag,
                           const std::vector<std::string>& columns, bool is_ref) {
    const CorpusFormat format = DetectFormat(path, format_flag, warnings_);
    const char* role = is_ref ? "reference" : "system output";
    std::vector<Stream> out;
    switch (format) {
      case CorpusFormat::kText:
        out.push_back({path, ReadPlainText(path)});
        break;
      case CorpusFormat::kTsv:
      case CorpusFormat::kJsonl: {
        if (columns.empty()) {
          throw Error(ErrorKind::kUsage, std::string("'") + path + "' is " + FormatDescription(format) + ": say which " +
                                             (format == CorpusFormat::kTsv ? "columns" : "fields") + " hold the " + role +
                                             (is_ref ? "s with --ref-col" : "s with --hyp-col"));
        }
        std::vector<SegmentedText> cols = ReadColumns(path, format, columns);
        for (size_t i = 0; i < columns.size(); ++i) {
          out.push_back({columns.size() == 1 && !is_ref ? path : path + ":" + columns[i], std::move(cols[i])});
        }
        break;
      }
      case CorpusFormat::kWmtXml: {
        WmtXmlFile f = ReadWmtXml(path);
        if (is_ref) {
          for (auto& r : f.refs) {
            if (options_.translator.empty() || r.name == options_.translator) {
              out.push_back({r.name.empty() ? path : path + ":" + r.name, std::move(r)});
            }
          }
          if (out.empty()) {
            std::vector<std::string> names;
            for (const auto& r : f.refs) names.push_back(r.name);
            throw Error(ErrorKind::kInput, "'" + path + "' has no <ref" +
                                               (options_.translator.empty() ? "" : " translator=\"" + options_.translator + "\"") +
                                               "> (translators: " + (names.empty() ? "none" : Join(names)) + ")");
          }
          embedded_hyps_ = std::move(f.hyps);
        } else {
          for (auto& h : f.hyps) out.push_back({h.name, std::move(h)});
          if (out.empty()) throw Error(ErrorKind::kInput, "'" + path + "' has no <hyp system=\"...\"> (expected system output)");
        }
        break;
      }
      case CorpusFormat::kXliff:
        out.push_back({path, ReadXliff(path).target});
        break;
      case CorpusFormat::kTmx:
        out.push_back({path, PickTmxLanguage(ReadTmx(path), path, options_.target_lang)});
        break;
      case CorpusFormat::kSgml: {
        SegmentedText t = ReadSgml(path);
        std::string name = is_ref || t.name.empty() ? path : t.name;
        out.push_back({name, std::move(t)});
        break;
      }
    }
    return out;
  }

  std::vector<SegmentedText> ReadColumns(const std::string& path, CorpusFormat format,
                                         const std::vector<std::string>& columns) const {
    if (format == CorpusFormat::kTsv) {
      TsvOptions t;
      t.columns = columns;
      t.doc_column = options_.doc_column;
      t.seg_column = options_.seg_column;
      t.header = options_.tsv_header;
      return ReadTsv(path, t);
    }
    JsonlOptions j;
    j.fields = columns;
    j.doc_field = options_.doc_column;
    j.seg_field = options_.seg_column;
    return ReadJsonl(path, j);
  }

  std::vector<SegmentedText> embedded_hyps_;  // <hyp>s found in a WMT XML reference file

 private:
  const CorpusLoadOptions& options_;
  std::vector<std::string>* warnings_;
};

// --subset's pattern: RE2 matches in time linear in the text and without
// recursion, so a document id of any length is safe (std::regex overflowed
// the stack on ids of some 20,000 characters). Errors are reported by
// Validate, not logged.
std::unique_ptr<RE2> CompileSubset(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  return std::make_unique<RE2>(pattern, options);
}

bool KeepDocument(const DocumentInfo* doc, const CorpusLoadOptions& o, const RE2* subset) {
  if (!o.origlang.empty()) {
    if (!doc) return false;
    const bool negate = o.origlang.rfind("non-", 0) == 0;
    const std::string lang = negate ? o.origlang.substr(4) : o.origlang;
    if ((doc->origlang == lang) == negate) return false;
  }
  if (subset) {
    if (!doc) return false;
    if (!RE2::PartialMatch(doc->id, *subset) && !RE2::PartialMatch(doc->domain, *subset)) return false;
  }
  return true;
}

}  // namespace

bool CorpusLoadOptions::IsDefault() const {
  return ref_format == "auto" && hyp_format == "auto" && ref_columns.empty() && hyp_columns.empty() &&
         src_column.empty() && doc_column.empty() && seg_column.empty() && !tsv_header && pairing == PairingMode::kAuto &&
         !allow_missing && translator.empty() && target_lang.empty() && origlang.empty() && subset.empty();
}

void CorpusLoadOptions::Validate() const {
  CorpusFormat f;
  ParseFormatName(ref_format, &f);
  ParseFormatName(hyp_format, &f);
  if (allow_missing && pairing == PairingMode::kLine) {
    throw Error(ErrorKind::kUsage, "--allow-missing matches segments by id, but --align line pairs them by position");
  }
  if (origlang == "non-" || origlang == "non") throw Error(ErrorKind::kUsage, "--origlang: expected xx or non-xx, got '" + origlang + "'");
  if (!subset.empty()) {
    std::unique_ptr<RE2> re = CompileSubset(subset);
    if (!re->ok()) {
      throw Error(ErrorKind::kUsage, "--subset: '" + subset + "' is not a valid regular expression (" + re->error() +
                                         "; RE2 syntax, as Python's re without backreferences or lookaround)");
    }
  }
}

LoadedCorpus LoadCorpus(const TextCorpusOptions& files, const CorpusLoadOptions& options) {
  files.Validate();
  options.Validate();
  LoadedCorpus out;
  // Plain text everywhere and nothing else asked: the original loader, so
  // that behaviour stays exactly as before.
  // -nr N asks for sacreBLEU's reading, tab-separated fields of plain lines,
  // so a file named .tsv is read that way too.
  bool all_text = options.IsDefault();
  for (const auto* paths : {&files.ref_paths, &files.hyp_paths}) {
    for (const std::string& p : *paths) {
      if (!all_text) break;
      const CorpusFormat f = DetectFormat(p, "auto", &out.warnings);
      all_text = f == CorpusFormat::kText || (f == CorpusFormat::kTsv && files.num_refs > 1);
    }
  }
  if (all_text) {
    out.corpus = LoadTextCorpus(files);
    return out;
  }
  if (files.num_refs > 1) {
    throw Error(ErrorKind::kUsage, "-nr/--num-refs is for plain-text files; for several references in one file use a "
                                   "TSV with one --ref-col per reference");
  }

  Loader loader(options, &out.warnings);
  std::vector<Stream> refs, hyps;
  for (const std::string& p : files.ref_paths) {
    for (Stream& s : loader.Read(p, options.ref_format, options.ref_columns, true)) refs.push_back(std::move(s));
  }
  if (!files.hyp_paths.empty()) {
    for (const std::string& p : files.hyp_paths) {
      for (Stream& s : loader.Read(p, options.hyp_format, options.hyp_columns, false)) hyps.push_back(std::move(s));
    }
  } else if (!options.hyp_columns.empty()) {
    const std::string& p = files.ref_paths[0];
    const CorpusFormat f = DetectFormat(p, options.ref_format, &out.warnings);
    if (f != CorpusFormat::kTsv && f != CorpusFormat::kJsonl) {
      throw Error(ErrorKind::kUsage, "--hyp-col without -i reads system outputs from the reference file, but '" + p +
                                         "' is " + FormatDescription(f) + ", not TSV or JSON Lines");
    }
    std::vector<SegmentedText> cols = loader.ReadColumns(p, f, options.hyp_columns);
    for (size_t i = 0; i < cols.size(); ++i) hyps.push_back({options.hyp_columns[i], std::move(cols[i])});
  } else if (!loader.embedded_hyps_.empty()) {
    for (auto& h : loader.embedded_hyps_) hyps.push_back({h.name, std::move(h)});
  } else {
    hyps = StdinStreams();
  }
  std::vector<SegmentedText> src;
  if (!options.src_column.empty()) {
    const std::string& p = files.ref_paths[0];
    const CorpusFormat f = DetectFormat(p, options.ref_format, &out.warnings);
    if (f != CorpusFormat::kTsv && f != CorpusFormat::kJsonl) {
      throw Error(ErrorKind::kUsage, "--src-col reads the source from the reference file, but '" + p + "' is " +
                                         FormatDescription(f) + ", not TSV or JSON Lines");
    }
    src = loader.ReadColumns(p, f, {options.src_column});
  }

  std::vector<const SegmentedText*> streams;
  for (const Stream& s : refs) streams.push_back(&s.text);
  for (const Stream& s : hyps) streams.push_back(&s.text);
  if (!src.empty()) streams.push_back(&src[0]);
  PairingOptions pairing;
  pairing.mode = options.pairing;
  pairing.allow_missing = options.allow_missing;
  PairedRows aligned = PairSegments(streams, pairing);
  out.warnings.insert(out.warnings.end(), aligned.warnings.begin(), aligned.warnings.end());

  // Document metadata: the first stream that describes a document wins.
  std::unordered_map<std::string, DocumentInfo> docs;
  for (const SegmentedText* t : streams) {
    for (const DocumentInfo& d : t->docs) docs.emplace(d.id, d);
  }
  if (!options.origlang.empty() &&
      std::none_of(docs.begin(), docs.end(), [](const auto& d) { return !d.second.origlang.empty(); })) {
    throw Error(ErrorKind::kUsage, "--origlang needs documents with an original language (WMT XML <doc origlang>, or a "
                                   "JSONL \"origlang\" field with --doc-col); '" + files.ref_paths[0] + "' has none");
  }
  if (!options.subset.empty() && docs.empty()) {
    throw Error(ErrorKind::kUsage, "--subset matches document ids or domains, but '" + files.ref_paths[0] +
                                       "' has no documents (give --doc-col for TSV/JSONL)");
  }
  std::unique_ptr<RE2> subset_re = options.subset.empty() ? nullptr : CompileSubset(options.subset);

  TextCorpus& c = out.corpus;
  for (const Stream& s : refs) c.ref_names.push_back(s.name);
  for (const Stream& s : hyps) c.system_names.push_back(s.name);
  c.refs.assign(refs.size(), {});
  c.systems.assign(hyps.size(), {});
  std::set<std::string> seen_docs;
  for (const std::vector<size_t>& row : aligned.rows) {
    const Segment& pivot = refs[0].text.segments[row[0]];
    auto doc = docs.find(pivot.doc_id);
    const DocumentInfo* info = doc == docs.end() ? nullptr : &doc->second;
    if (!KeepDocument(info, options, subset_re.get())) continue;
    // Right-stripped as sacreBLEU strips every line it reads, so that a
    // segment scores the same whichever format carried it.
    auto text = [&](size_t s) { return std::string(PyRstrip(streams[s]->segments[row[s]].text)); };
    for (size_t r = 0; r < refs.size(); ++r) c.refs[r].push_back(text(r));
    for (size_t h = 0; h < hyps.size(); ++h) c.systems[h].push_back(text(refs.size() + h));
    if (!src.empty()) out.sources.push_back(text(streams.size() - 1));
    out.doc_ids.push_back(pivot.doc_id);
    out.seg_ids.push_back(pivot.seg_id);
    if (info && seen_docs.insert(info->id).second) out.docs.push_back(*info);
  }
  if (c.num_segments() == 0 && (!options.origlang.empty() || !options.subset.empty())) {
    throw Error(ErrorKind::kInput, "no document matches --origlang/--subset; nothing to score");
  }
  CheckAligned(c);
  return out;
}

}  // namespace mteval
