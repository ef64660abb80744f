#include "metrics/terms/terms_report.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "corpus/line_reader.h"
#include "corpus/sgml_reader.h"
#include "text/python_str.h"

namespace mteval {

void TermsOptions::Validate() const {
  Wmt21TermOptions w;
  w.windows = windows;
  w.term_edit_cost = term_edit_cost;
  w.Validate();
}

namespace {

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool HasTermAnnotations(const SegmentedText& t) {
  for (const Segment& s : t.segments)
    for (const TextSpan& sp : s.spans)
      if (sp.kind == "term") return true;
  return false;
}

std::string Fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

SegmentedText LoadTermsInput(const std::string& path) {
  std::string bytes = ReadFileBytes(path);
  std::string_view head = PyLstrip(std::string_view(bytes).substr(0, 4096));
  bool sgml = EndsWith(path, ".sgm") || EndsWith(path, ".sgml") || EndsWith(path, ".sgm.gz") ||
              head.rfind("<srcset", 0) == 0 || head.rfind("<refset", 0) == 0 || head.rfind("<tstset", 0) == 0;
  if (sgml) return ParseSgml(bytes, path);
  SegmentedText t;
  t.path = path;
  t.format = "text";
  std::vector<std::string> lines = SplitLines(bytes, path, false);
  t.segments.resize(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    t.segments[i].text = std::move(lines[i]);
    t.segments[i].seg_id = std::to_string(i + 1);
  }
  return t;
}

TermsReport ComputeTermsReport(const TermsInputs& inputs, const TermsOptions& options) {
  options.Validate();
  if (inputs.src_path.empty()) throw Error(ErrorKind::kUsage, "a source file is required (--src FILE)");
  if (inputs.hyp_path.empty()) throw Error(ErrorKind::kUsage, "a hypothesis file is required (--hyp FILE)");
  TermsReport report;
  report.inputs = inputs;
  SegmentedText src = LoadTermsInput(inputs.src_path);
  SegmentedText hyp = LoadTermsInput(inputs.hyp_path);
  std::optional<SegmentedText> ref;
  if (!inputs.ref_path.empty()) ref = LoadTermsInput(inputs.ref_path);
  report.src_lang = !inputs.src_lang.empty() ? inputs.src_lang : src.lang == "any" ? "" : src.lang;
  report.tgt_lang = !inputs.tgt_lang.empty() ? inputs.tgt_lang : !hyp.lang.empty() ? hyp.lang : ref ? ref->lang : "";
  report.segments = hyp.segments.size();

  nlohmann::ordered_json j;
  j["inputs"] = {{"src", inputs.src_path}, {"ref", inputs.ref_path}, {"hyp", inputs.hyp_path},
                 {"glossary", inputs.glossary_path}, {"src_lang", report.src_lang}, {"tgt_lang", report.tgt_lang},
                 {"segments", report.segments}};
  std::string text;

  if (ref && HasTermAnnotations(src) && HasTermAnnotations(*ref)) {
    Wmt21TermOptions w;
    w.windows = options.windows;
    w.term_edit_cost = options.term_edit_cost;
    if (options.stem) {
      if (report.tgt_lang.empty())
        throw Error(ErrorKind::kUsage, "--stem needs the target language (--tgt-lang CODE)");
      w.stem_language = report.tgt_lang;
    }
    report.wmt21 = ScoreWmt21Terms(src, *ref, hyp, w);
    const Wmt21TermResult& r = *report.wmt21;
    nlohmann::ordered_json o;
    o["term_occurrences"] = r.term_occurrences;
    o["exact_match_correct"] = r.exact_correct;
    o["exact_match_wrong"] = r.exact_wrong;
    o["exact_match_accuracy"] = r.exact_accuracy;
    for (size_t i = 0; i < r.windows.size(); ++i)
      o["window_overlap_w" + std::to_string(r.windows[i])] = r.window_overlap[i];
    o["one_minus_term"] = r.one_minus_term;
    if (options.stem) {
      o["stem_language"] = w.stem_language;
      o["exact_match_correct_stem"] = r.stem_correct;
      o["exact_match_accuracy_with_stem"] = r.accuracy_with_stem;
    }
    o["source_segments"] = r.source_segments;
    o["hypothesis_segments"] = r.hypothesis_segments;
    j["wmt21"] = o;
    text += "WMT21 terminology (" + std::to_string(r.term_occurrences) + " term occurrences)\n";
    text += "  exact match      " + Fixed(r.exact_accuracy, 4) + "  (" + std::to_string(r.exact_correct) + " correct, " +
            std::to_string(r.exact_wrong) + " wrong)\n";
    if (options.stem)
      text += "  with stemming    " + Fixed(r.accuracy_with_stem, 4) + "  (+" + std::to_string(r.stem_correct) + ")\n";
    for (size_t i = 0; i < r.windows.size(); ++i)
      text += "  window overlap w" + std::to_string(r.windows[i]) + " " + Fixed(r.window_overlap[i], 4) + "\n";
    text += "  1-TERm           " + Fixed(r.one_minus_term, 4) + "\n";
  }
  report.json = j.dump(2) + "\n";
  report.text = text;
  return report;
}

}  // namespace mteval
