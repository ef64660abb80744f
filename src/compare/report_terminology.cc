#include <mteval/compare.h>

#include <map>
#include <memory>

#include <mteval/error.h>
#include <mteval/terminology.h>

namespace mteval {

void ReportTerminologyOptions::Validate() const {
  if (glossary_path.empty()) throw Error(ErrorKind::kUsage, "terminology: a glossary file is required (--glossary G)");
  for (const std::string* code : {&src_lang, &tgt_lang}) {
    if (!code->empty() && !IsKnownLanguageCode(*code)) {
      throw Error(ErrorKind::kUsage, "unknown language code '" + *code + "'; expected an ISO 639 code such as en, zh or fr");
    }
  }
}

namespace {

std::string BaseName(const std::string& path) { return path.substr(path.find_last_of('/') + 1); }

SystemTerminology ForSystem(const Glossary& g, const SegmentedText& src, const LineList& lines,
                            const GlossaryCheckOptions& go) {
  SegmentedText hyp;
  hyp.path = "system output";
  hyp.segments.resize(lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    hyp.segments[i].text = lines[i];
    hyp.segments[i].doc_id = src.segments[i].doc_id;
    hyp.segments[i].seg_id = src.segments[i].seg_id;
  }
  const GlossaryCheckResult c = CheckGlossary(g, src, hyp, go);
  SystemTerminology st;
  st.terms_total = c.occurrences;
  st.terms_correct = c.correct;
  st.accuracy = 100.0 * c.accuracy;

  // Consistency: seg_id carries the 0-based segment index to map groups back.
  std::vector<TermRendering> renderings;
  for (const GlossaryOccurrence& it : c.items) {
    renderings.push_back(TermRendering{g.entries[it.entry].source, src.segments[it.source.segment].doc_id,
                                       std::to_string(it.source.segment), it.variant});
  }
  const ConsistencyResult cr = ComputeConsistency(renderings);
  for (const ConsistencyGroup& grp : cr.inconsistent) {
    InconsistentTerm t;
    t.source_term = grp.doc_id.empty() ? grp.term : grp.term + " [" + grp.doc_id + "]";
    std::map<size_t, bool> segs;
    for (const VariantUse& v : grp.variants) {
      t.variants.push_back(TermVariant{v.form.empty() ? "(not found)" : v.form, v.count});
      for (const std::string& id : v.seg_ids) segs[std::stoul(id)] = true;
    }
    for (const auto& kv : segs) t.segments.push_back(kv.first);
    st.inconsistent.push_back(std::move(t));
  }
  for (const ForbiddenHit& h : c.forbidden_hits) st.forbidden.push_back(ReportForbiddenHit{h.form, h.target.segment});
  return st;
}

}  // namespace

TerminologyProvider MakeTerminologyProvider(const ReportTerminologyOptions& options, SegmentedText source) {
  options.Validate();
  auto glossary = std::make_shared<Glossary>(ReadGlossary(options.glossary_path, options.src_lang, options.tgt_lang));
  RequireGlossaryEntries(*glossary, "");
  auto src = std::make_shared<SegmentedText>(std::move(source));
  for (size_t i = 0; i < src->segments.size(); ++i) {
    if (src->segments[i].seg_id.empty()) src->segments[i].seg_id = std::to_string(i + 1);
  }
  return [options, glossary, src](const TextCorpus& corpus) {
    if (src->segments.size() != corpus.num_segments()) {
      throw Error(ErrorKind::kMismatch, "terminology: source '" + src->path + "' has " +
                                            std::to_string(src->segments.size()) + " segments but the systems have " +
                                            std::to_string(corpus.num_segments()));
    }
    GlossaryCheckOptions go;
    go.stem = options.stem;
    go.src_lang = options.src_lang;
    go.tgt_lang = options.tgt_lang;
    TerminologySection t;
    t.glossary = BaseName(options.glossary_path);
    t.signature = "glossary:" + t.glossary + "|entries:" + std::to_string(glossary->entries.size()) +
                  "|stem:" + (options.stem ? "yes" : "no") + "|match:source";
    for (const auto& lines : corpus.systems) t.systems.push_back(ForSystem(*glossary, *src, lines, go));
    return t;
  };
}

}  // namespace mteval
