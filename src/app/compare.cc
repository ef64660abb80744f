#include "app/compare.h"

#include <algorithm>

#include "app/metric_setup.h"
#include <mteval/error.h>
#include "common/output_file.h"
#include <mteval/corpus.h>
#include "corpus/format_detect.h"
#include "corpus/line_reader.h"
#include <mteval/terminology.h>
#include <mteval/report.h>
#include <mteval/compare.h>
#include "tokenize/tokenizer.h"

namespace mteval {

namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string Extension(const std::string& path) {
  std::string base = BaseName(path);
  size_t dot = base.find_last_of('.');
  if (dot == std::string::npos) return "";
  std::string ext = base.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

std::vector<std::string> ShortSystemNames(const std::vector<std::string>& paths) {
  std::vector<std::string> base;
  for (const auto& p : paths) base.push_back(BaseName(p));
  if (base.size() < 2) return base;
  // Split at '.' and drop the components all names share at both ends.
  std::vector<std::vector<std::string>> parts;
  for (const auto& b : base) {
    std::vector<std::string> comp;
    size_t start = 0;
    while (true) {
      size_t dot = b.find('.', start);
      comp.push_back(b.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
      if (dot == std::string::npos) break;
      start = dot + 1;
    }
    parts.push_back(comp);
  }
  size_t min_len = parts[0].size();
  for (const auto& p : parts) min_len = std::min(min_len, p.size());
  size_t pre = 0, suf = 0;
  auto same_at = [&](auto get) {
    for (const auto& p : parts) {
      if (get(p) != get(parts[0])) return false;
    }
    return true;
  };
  while (pre + 1 < min_len && same_at([&](const std::vector<std::string>& p) { return p[pre]; })) ++pre;
  while (pre + suf + 1 < min_len && same_at([&](const std::vector<std::string>& p) { return p[p.size() - 1 - suf]; })) ++suf;
  std::vector<std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string name;
    for (size_t j = pre; j + suf < parts[i].size(); ++j) name += (name.empty() ? "" : ".") + parts[i][j];
    out.push_back(name.empty() ? base[i] : name);
  }
  // Names must stay distinct.
  std::vector<std::string> sorted = out;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return paths;
  return out;
}

std::string CompareRequest::ResolvedFormat() const {
  if (!format.empty()) return format;
  if (output.empty() || output == "-") return "text";
  const std::string ext = Extension(output);
  if (ext == "md" || ext == "markdown") return "md";
  if (ext == "tex") return "latex";
  if (ext == "csv" || ext == "tsv" || ext == "json") return ext;
  if (ext == "txt") return "text";
  return "html";
}

void CompareRequest::Validate() const {
  if (corpus.ref_paths.empty()) throw Error(ErrorKind::kUsage, "compare needs at least one reference file");
  corpus.Validate();
  if (metrics.empty()) throw Error(ErrorKind::kUsage, "argument -m/--metrics: expected at least one metric");
  if (!(release_min_confidence >= 0.0 && release_min_confidence <= 1.0)) {
    throw Error(ErrorKind::kUsage, "argument --min-confidence: expected a number from 0 to 1");
  }
  for (size_t i = 0; i < metrics.size(); ++i) {
    if (std::find(metrics.begin(), metrics.begin() + i, metrics[i]) != metrics.begin() + i) {
      throw Error(ErrorKind::kUsage, "argument -m/--metrics: '" + metrics[i] + "' is given twice");
    }
  }
  const std::vector<std::string> formats = ReportFormats();
  if (!format.empty() && std::find(formats.begin(), formats.end(), format) == formats.end()) {
    throw Error(ErrorKind::kUsage, "argument --format: invalid choice '" + format +
                                       "' (choose from html, text, md, latex, csv, tsv, json)");
  }
  if (width < 0 || width > 20) throw Error(ErrorKind::kUsage, "argument -w/--width: out of range (0 to 20)");
  if (num_examples < 0 || num_examples > 100000) {
    throw Error(ErrorKind::kUsage, "argument --examples: out of range (0 to 100000)");
  }
  ValidateThreads(threads);
  if (!langpair.empty() && (langpair.find('-') == std::string::npos || langpair.front() == '-' || langpair.back() == '-')) {
    throw Error(ErrorKind::kUsage, "argument -l/--language-pair: expected SRC-TGT such as zh-en, got '" + langpair + "'");
  }
  const bool terms_metric = std::find(metrics.begin(), metrics.end(), "terms") != metrics.end();
  if (!glossary_path.empty() && src_path.empty() && !terms_metric) {
    throw Error(ErrorKind::kUsage, "argument --glossary: the terminology section needs the source (--src SRC), where "
                                   "glossary terms are found; without a source, -m terms scores reference-anchored "
                                   "term accuracy");
  }
  if (terms_metric && glossary_path.empty()) {
    throw Error(ErrorKind::kUsage, "-m terms needs a glossary: --glossary G");
  }
  // Systems are known here, but a single system simply gets no significance
  // section, so the count is not passed.
  tests.Validate(0, false);
  if (tests.confidence) throw Error(ErrorKind::kUsage, "compare reports intervals with the paired tests; -ci is for score");
  MetricOptions mo = metric_options;
  for (const std::string& id : metrics) MakeMetric(id, mo);
}

CompareOutput RunCompare(const CompareRequest& options_in, const ProgressCallback& progress, bool color) {
  CompareRequest options = options_in;
  options.Validate();
  if (!options.langpair.empty()) {
    options.metric_options.bleu.trg_lang = LangPairTarget(options.langpair);
  }
  // Refuse the output before any work when it would be refused anyway.
  if (!options.output.empty()) CheckOutputTarget(options.output, options.force);

  CompareOutput out;
  // Systems come from -i, or from the <hyp> elements of a WMT XML reference.
  if (options.corpus.hyp_paths.empty() &&
      DetectFormat(options.corpus.ref_paths[0], "auto", &out.warnings) != CorpusFormat::kWmtXml) {
    throw Error(ErrorKind::kUsage, "compare needs system output files: -i SYS1 [SYS2 ...] (the first is the baseline), "
                                   "unless the reference is a WMT XML file with <hyp> elements");
  }
  // Any corpus format (plain text, TSV, JSONL, WMT XML, SGML, ...), as
  // `mteval score` loads it; plain text gives exactly LoadTextCorpus.
  LoadedCorpus loaded = LoadCorpus(options.corpus, CorpusLoadOptions{});
  out.warnings = loaded.warnings;
  TextCorpus& corpus = loaded.corpus;
  // One file may hold several systems (WMT XML <hyp>s): then the names and
  // paths come from the format.
  const size_t loaded_systems = corpus.systems.size();
  const std::vector<std::string>& hyp_paths = options.corpus.hyp_paths;
  if (!options.names.empty() && options.names.size() != loaded_systems) {
    throw Error(ErrorKind::kUsage, "argument --names: " + std::to_string(options.names.size()) + " names for " +
                                       std::to_string(loaded_systems) + " systems");
  }
  std::vector<std::string> system_paths;
  if (hyp_paths.size() == loaded_systems) {
    system_paths = hyp_paths;
    if (options.names.empty()) corpus.system_names = ShortSystemNames(hyp_paths);
  } else {
    system_paths.assign(loaded_systems, hyp_paths.size() == 1 ? hyp_paths[0] : options.corpus.ref_paths[0]);
    if (hyp_paths.size() > 1) system_paths = corpus.system_names;
  }
  if (!options.names.empty()) corpus.system_names = options.names;

  ReportInputs in;
  in.corpus = &corpus;
  in.system_paths = system_paths;
  in.ref_paths = options.corpus.ref_paths;
  in.src_path = options.src_path;
  in.num_refs = corpus.refs.size();
  // The source: SGML or text, as `mteval terms` reads it.
  SegmentedText source;
  if (!options.src_path.empty()) {
    source = LoadTermsInput(options.src_path);
    if (source.format == "text") {
      in.source = ReadLines(options.src_path);  // as before: the lines as sacreBLEU reads them
    } else {
      for (const Segment& seg : source.segments) in.source.push_back(seg.text);
    }
  }
  // Documents: --doc-ids, else the ids the input format carries.
  if (!options.doc_ids_path.empty()) {
    in.doc_ids = ReadLines(options.doc_ids_path);
  } else if (std::any_of(loaded.doc_ids.begin(), loaded.doc_ids.end(), [](const std::string& id) { return !id.empty(); })) {
    in.doc_ids = loaded.doc_ids;
  }

  std::vector<std::unique_ptr<Metric>> metrics, sentence_metrics;
  for (const std::string& id : options.metrics) {
    metrics.push_back(MakeMetric(id, options.metric_options));
    in.metrics.push_back(metrics.back().get());
    if (id == "bleu") {
      // Sentence-level BLEU as sacreBLEU's sentence_score: effective order.
      MetricOptions so = options.metric_options;
      so.bleu.effective_order = true;
      sentence_metrics.push_back(MakeMetric(id, so));
      in.sentence_metrics.push_back(sentence_metrics.back().get());
    } else {
      in.sentence_metrics.push_back(nullptr);
    }
  }

  ReportBuildOptions bo;
  bo.num_examples = options.num_examples;
  bo.release_checks = options.release_checks;
  bo.release_min_confidence = options.release_min_confidence;
  bo.threads = EffectiveThreads(options.threads);
  bo.progress = progress;
  const size_t num_sys = loaded_systems;
  if (options.significance && num_sys >= 2) {
    ReportSignificanceOptions sig;
    sig.kind = options.tests.paired_ar ? PairedTestKind::kApproximateRandomization : PairedTestKind::kBootstrap;
    sig.bootstrap_samples = options.tests.paired_bs_n;
    sig.ar_trials = options.tests.paired_ar_n;
    sig.seed = options.tests.seed;
    sig.threads = SignificanceJobs(options.tests.paired_jobs, num_sys);
    bo.significance = MakeSignificanceProvider(sig);
  }
  if (!options.glossary_path.empty() && !options.src_path.empty()) {
    if (!in.doc_ids.empty() && in.doc_ids.size() == source.segments.size()) {
      for (size_t i = 0; i < in.doc_ids.size(); ++i) source.segments[i].doc_id = in.doc_ids[i];
    }
    ReportTerminologyOptions to;
    to.glossary_path = options.glossary_path;
    to.stem = options.terms_stem;
    if (!options.langpair.empty()) {
      to.src_lang = options.langpair.substr(0, options.langpair.find('-'));
      to.tgt_lang = options.langpair.substr(options.langpair.find('-') + 1);
    }
    bo.terminology = MakeTerminologyProvider(to, std::move(source));
  }
  // The corpus, source and document ids are read: an output that is one of
  // them is refused before the scoring work (WriteOutputFile checks again,
  // against every file read by then).
  if (!options.output.empty()) CheckOutputTarget(options.output, options.force);
  ReportData data = BuildReport(in, bo);
  data.title = options.title;

  ReportRenderOptions ro;
  ro.width = options.width;
  const std::string format = options.ResolvedFormat();
  ro.color = color && options.output.empty() && format == "text";
  std::string text = RenderReport(data, format, ro);
  if (options.output.empty()) {
    out.stdout_text = std::move(text);
  } else {
    WriteOutputFile(options.output, text, options.force);
    // The path of a report file; a stream has the report itself.
    if (!IsStreamOutput(options.output)) out.stdout_text = options.output + "\n";
  }
  return out;
}
}  // namespace mteval
