#include <mteval/terminology.h>

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "corpus/sgml_reader.h"
#include "text/escape.h"
#include "text/python_str.h"

namespace mteval {

void TermsOptions::Validate() const {
  ReleaseCheckOptions release;
  release.min_confidence = min_confidence;
  release.Validate();
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

using Json = nlohmann::ordered_json;

Json Location(const TermLocation& l) {
  return Json{{"doc", l.doc_id}, {"seg", l.seg_id}, {"begin", l.begin}, {"end", l.end}};
}

Json ConsistencyJson(const ConsistencyResult& c, bool with_list) {
  Json o;
  o["groups"] = c.groups;
  o["occurrences"] = c.occurrences;
  o["micro"] = c.micro;
  o["macro"] = c.macro;
  o["inconsistent_terms"] = c.inconsistent.size();
  if (!with_list) return o;
  Json list = Json::array();
  for (const ConsistencyGroup& g : c.inconsistent) {
    Json variants = Json::array();
    for (const VariantUse& v : g.variants)
      variants.push_back(Json{{"form", v.form.empty() ? Json(nullptr) : Json(v.form)}, {"count", v.count}, {"segs", v.seg_ids}});
    list.push_back(Json{{"term", g.term}, {"doc", g.doc_id}, {"occurrences", g.occurrences}, {"share", g.share},
                        {"variants", variants}});
  }
  o["inconsistent"] = list;
  return o;
}

std::string ConsistencyText(const ConsistencyResult& c, const std::string& title) {
  std::string t = title + ": micro " + Fixed(c.micro, 4) + ", macro " + Fixed(c.macro, 4) + " (" +
                  std::to_string(c.groups) + " repeated terms, " + std::to_string(c.inconsistent.size()) +
                  " inconsistent)\n";
  for (const ConsistencyGroup& g : c.inconsistent) {
    t += "  " + g.term + (g.doc_id.empty() ? "" : " [doc " + g.doc_id + "]") + ": ";
    for (size_t i = 0; i < g.variants.size(); ++i) {
      const VariantUse& v = g.variants[i];
      std::string segs;
      for (const auto& s : v.seg_ids) segs += (segs.empty() ? "" : ",") + s;
      t += (i ? "; " : "") + (v.form.empty() ? std::string("(none)") : "\"" + v.form + "\"") + " x" +
           std::to_string(v.count) + " (seg " + segs + ")";
    }
    t += "\n";
  }
  return t;
}

SegmentedText InSourceOrder(const SegmentedText& src, const SegmentedText& hyp) {
  std::map<std::pair<std::string, std::string>, size_t> where;
  for (size_t i = 0; i < hyp.segments.size(); ++i) where.emplace(std::make_pair(hyp.segments[i].doc_id, hyp.segments[i].seg_id), i);
  SegmentedText out = hyp;
  out.segments.clear();
  for (const Segment& s : src.segments) {
    auto it = where.find({s.doc_id, s.seg_id});
    if (it == where.end())
      throw Error(ErrorKind::kMismatch, hyp.path + " has no document '" + s.doc_id + "' segment '" + s.seg_id +
                                            "' of " + src.path);
    out.segments.push_back(hyp.segments[it->second]);
  }
  return out;
}

std::string SegName(const std::string& doc, const std::string& seg) { return doc.empty() ? seg : doc + ":" + seg; }

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
  if (inputs.hyp_path.empty()) throw Error(ErrorKind::kUsage, "a hypothesis file is required (--hyp FILE)");
  for (const std::string* code : {&inputs.src_lang, &inputs.tgt_lang})
    if (!code->empty() && !IsKnownLanguageCode(*code))
      throw Error(ErrorKind::kUsage, "unknown language code '" + *code + "'; expected an ISO 639 code such as en, zh or fr");
  TermsReport report;
  report.inputs = inputs;
  // Without a source only the monolingual release checks run.
  const bool have_src = !inputs.src_path.empty();
  if (!have_src && !inputs.glossary_path.empty()) {
    throw Error(ErrorKind::kUsage, "a glossary is checked against the source: give --src FILE with --glossary");
  }
  SegmentedText src = have_src ? LoadTermsInput(inputs.src_path) : SegmentedText{};
  SegmentedText hyp = LoadTermsInput(inputs.hyp_path);
  std::optional<SegmentedText> ref;
  if (!inputs.ref_path.empty()) ref = LoadTermsInput(inputs.ref_path);
  report.src_lang = !inputs.src_lang.empty() ? inputs.src_lang : src.lang == "any" ? "" : src.lang;
  report.tgt_lang = !inputs.tgt_lang.empty() ? inputs.tgt_lang : !hyp.lang.empty() ? hyp.lang : ref ? ref->lang : "";
  report.segments = hyp.segments.size();

  Json j;
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
      w.stem_language = report.tgt_lang.substr(0, report.tgt_lang.find_first_of("-_"));
    }
    report.wmt21 = ScoreWmt21Terms(src, *ref, hyp, w);
    const Wmt21TermResult& r = *report.wmt21;
    Json o;
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
  // The glossary and QA checks pair source and hypothesis by position; SGML
  // hypotheses are put in source order by (document, segment id) first.
  if (have_src && src.format == "sgml" && hyp.format == "sgml") hyp = InSourceOrder(src, hyp);

  // Glossary compliance and glossary-based consistency.
  std::vector<TermRendering> renderings;
  if (!inputs.glossary_path.empty()) {
    report.glossary = ReadGlossary(inputs.glossary_path, report.src_lang, report.tgt_lang);
    const Glossary& g = *report.glossary;
    if (!options.allow_empty_glossary) {
      RequireGlossaryEntries(g, "pass --allow-empty-glossary to report that nothing was checked");
    }
    GlossaryCheckOptions go;
    go.stem = options.stem;
    go.src_lang = report.src_lang;
    go.tgt_lang = report.tgt_lang;
    report.compliance = CheckGlossary(g, src, hyp, go);
    const GlossaryCheckResult& c = *report.compliance;
    Json o;
    o["path"] = inputs.glossary_path;
    o["entries"] = g.entries.size();
    o["src_lang"] = g.src_lang;
    o["tgt_lang"] = g.tgt_lang;
    o["term_occurrences"] = c.occurrences;
    o["correct"] = c.correct;
    o["term_accuracy"] = c.occurrences ? Json(c.accuracy) : Json(nullptr);
    Json missing = Json::array();
    for (const GlossaryOccurrence& it : c.items) {
      const GlossaryEntry& e = g.entries[it.entry];
      renderings.push_back(TermRendering{e.source, src.segments[it.source.segment].doc_id, it.source.seg_id, it.variant});
      if (it.correct) continue;
      Json m{{"source", e.source}, {"allowed", e.allowed}, {"source_location", Location(it.source)}};
      m["forbidden_used"] = it.forbidden ? Json(it.variant) : Json(nullptr);
      m["target_location"] = it.forbidden ? Location(it.target) : Json(nullptr);
      missing.push_back(m);
    }
    o["missing_approved"] = missing;
    Json hits = Json::array();
    for (const ForbiddenHit& h : c.forbidden_hits)
      hits.push_back(Json{{"source", g.entries[h.entry].source}, {"form", h.form}, {"location", Location(h.target)},
                          {"source_present", h.source_present}});
    o["forbidden_hits"] = hits;
    Json unused = Json::array();
    for (size_t e : c.unused_entries) unused.push_back(g.entries[e].source);
    o["unused_entries"] = unused;
    j["glossary"] = o;
    text += "Glossary " + inputs.glossary_path + " (" + std::to_string(g.entries.size()) + " entries)\n";
    if (c.occurrences) {
      text += "  term accuracy    " + Fixed(c.accuracy, 4) + "  (" + std::to_string(c.correct) + " of " +
              std::to_string(c.occurrences) + " source term occurrences)\n";
    } else {
      text += std::string("  term accuracy    n/a  (") +
              (g.entries.empty() ? "the glossary has no entries" : "no source term of the glossary occurs in the source") +
              ": nothing was checked)\n";
    }
    text += "  missing approved terms: " + std::to_string(c.occurrences - c.correct) + "\n";
    for (const GlossaryOccurrence& it : c.items) {
      if (it.correct) continue;
      const GlossaryEntry& e = g.entries[it.entry];
      text += "    seg " + SegName(it.source.doc_id, it.source.seg_id) + ": " + e.source + " -> expected \"" +
              e.allowed[0] + "\"" + (it.forbidden ? ", found forbidden \"" + it.variant + "\"" : "") + "\n";
    }
    text += "  forbidden-term hits: " + std::to_string(c.forbidden_hits.size()) + "\n";
    for (const ForbiddenHit& h : c.forbidden_hits)
      text += "    seg " + SegName(h.target.doc_id, h.target.seg_id) + " bytes " + std::to_string(h.target.begin) + "-" +
              std::to_string(h.target.end) + ": \"" + h.form + "\" (for " + g.entries[h.entry].source + ")\n";
    report.consistency_basis = "glossary";
  } else if (report.wmt21) {
    std::vector<TermRendering> ref_renderings;
    for (const Wmt21TermOccurrence& o : report.wmt21->occurrences) {
      renderings.push_back(TermRendering{o.term, o.doc_id, o.seg_id, o.matched});
      ref_renderings.push_back(TermRendering{o.term, o.doc_id, o.seg_id, o.reference});
    }
    report.reference_consistency = ComputeConsistency(ref_renderings);
    report.consistency_basis = "annotations";
  }
  if (!report.consistency_basis.empty()) {
    report.consistency = ComputeConsistency(renderings);
    Json o = ConsistencyJson(*report.consistency, true);
    o["basis"] = report.consistency_basis;
    if (report.reference_consistency) o["reference"] = ConsistencyJson(*report.reference_consistency, false);
    j["consistency"] = o;
    text += ConsistencyText(*report.consistency, "Consistency (" + report.consistency_basis + ")");
    if (report.reference_consistency)
      text += "  reference: micro " + Fixed(report.reference_consistency->micro, 4) + ", macro " +
              Fixed(report.reference_consistency->macro, 4) + "\n";
  }

  if (options.release_checks) {
    ReleaseCheckOptions ro;
    ro.min_confidence = options.min_confidence;
    report.release = CheckRelease(hyp, ro);
    Json a = Json::array();
    text += "Release checks (monolingual, confidence >= " + Fixed(options.min_confidence, 2) + "): " +
            std::to_string(report.release->size()) + " findings\n";
    for (const ReleaseFinding& f : *report.release) {
      Json variants = Json::array();
      text += "  [" + f.check + ", " + Fixed(f.confidence, 2) + "] " + f.message + "\n";
      for (const ReleaseVariant& v : f.variants) {
        Json locations = Json::array();
        std::string where;
        for (const TermLocation& l : v.locations) {
          locations.push_back(Location(l));
          where += (where.empty() ? "" : ", ") + SegName(l.doc_id, l.seg_id);
        }
        variants.push_back(Json{{"text", v.text}, {"count", v.locations.size()}, {"locations", locations}});
        text += "    " + std::to_string(v.locations.size()) + "x \"" + v.text + "\" (seg " + where + ")\n";
      }
      a.push_back(Json{{"check", f.check}, {"term", f.term}, {"message", f.message}, {"confidence", f.confidence},
                       {"dominant", f.variants.empty() ? Json(nullptr) : Json(f.variants[0].text)},
                       {"variants", variants}});
    }
    j["release"] = Json{{"min_confidence", options.min_confidence}, {"findings", a}};
  }

  if (options.qa && have_src) {
    report.qa = RunQaChecks(src, hyp);
    const QaResult& q = *report.qa;
    auto groups = [](const std::vector<QaSegmentGroup>& gs, const char* key) {
      Json a = Json::array();
      for (const QaSegmentGroup& g : gs) a.push_back(Json{{key, g.text}, {"segs", g.seg_ids}, {"variants", g.variants}});
      return a;
    };
    Json o;
    o["same_source_different_translation"] = groups(q.same_source_different_translation, "source");
    o["same_translation_different_source"] = groups(q.same_translation_different_source, "translation");
    Json nums = Json::array();
    for (const QaNumberIssue& n : q.numbers)
      nums.push_back(Json{{"doc", n.doc_id}, {"seg", n.seg_id}, {"missing", n.missing}, {"unexpected", n.unexpected}});
    o["numbers"] = nums;
    j["qa"] = o;
    text += "QA: " + std::to_string(q.same_source_different_translation.size()) +
            " sources translated differently, " + std::to_string(q.same_translation_different_source.size()) +
            " translations shared by different sources, " + std::to_string(q.numbers.size()) +
            " segments with missing or changed numbers\n";
    for (const QaNumberIssue& n : q.numbers) {
      std::string miss, extra;
      for (const auto& m : n.missing) miss += (miss.empty() ? "" : ", ") + m;
      for (const auto& m : n.unexpected) extra += (extra.empty() ? "" : ", ") + m;
      text += "  seg " + SegName(n.doc_id, n.seg_id) + ": missing " + miss + (extra.empty() ? "" : "; found " + extra) + "\n";
    }
  }
  report.json = j.dump(2) + "\n";
  // Input text (terms, segments, ids) cannot drive the terminal.
  report.text = ShowHiddenControlsInLines(text);
  return report;
}

}  // namespace mteval
