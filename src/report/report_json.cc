// The JSON format: the full data behind the report. Schema: docs/report-json.md.

#include <nlohmann/json.hpp>

#include <mteval/report.h>

namespace mteval {
namespace {

// Keys in the order of the schema (docs/report-json.md).
using json = nlohmann::ordered_json;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

json SummaryJson(const Summary& s) {
  return {{"count", s.count}, {"min", s.min}, {"q1", s.q1}, {"median", s.median},
          {"q3", s.q3},       {"max", s.max}, {"mean", s.mean}};
}

json BucketsJson(const std::vector<Bucket>& buckets) {
  json out = json::array();
  for (const auto& b : buckets) {
    json values = json::array();
    for (const auto& v : b.values) values.push_back(Opt(v));
    out.push_back({{"label", b.label}, {"count", b.count}, {"values", values}});
  }
  return out;
}

json CiJson(const std::optional<ConfidenceInterval>& ci) {
  if (!ci) return nullptr;
  return {{"mean", ci->mean}, {"lower", ci->lower}, {"upper", ci->upper}};
}

json NgramsJson(const std::vector<NgramEntry>& v) {
  json out = json::array();
  for (const auto& e : v) out.push_back({{"ngram", e.ngram}, {"count_a", e.count_a}, {"count_b", e.count_b}, {"score", e.score}});
  return out;
}

}  // namespace

std::string RenderJson(const ReportData& d, const ReportRenderOptions&) {
  json j;
  j["schema"] = "mteval-compare-report/1";
  j["title"] = d.title;
  j["version"] = d.tool_version;
  j["systems"] = d.systems;
  j["system_paths"] = d.system_paths;
  j["baseline"] = 0;
  j["references"] = d.ref_paths;
  j["source"] = d.src_path.empty() ? json(nullptr) : json(d.src_path);
  j["num_segments"] = d.num_segments;
  j["num_refs"] = d.num_refs;
  j["notes"] = d.notes;
  json metrics = json::array();
  for (const auto& m : d.metrics) {
    metrics.push_back({{"id", m.id}, {"name", m.name}, {"signature", m.signature}, {"higher_is_better", m.higher_is_better}});
  }
  j["metrics"] = metrics;

  json ranking;
  ranking["order"] = d.ranking.order;
  ranking["scores"] = d.ranking.scores;
  ranking["verbose"] = d.ranking.verbose;
  json sig = json::array();
  for (const auto& s : d.ranking.significance) {
    if (!s) {
      sig.push_back(nullptr);
      continue;
    }
    json ci = json::array(), pb = json::array(), pn = json::array();
    for (const auto& c : s->ci) ci.push_back(CiJson(c));
    for (const auto& p : s->p_vs_baseline) pb.push_back(Opt(p));
    for (const auto& p : s->p_vs_next) pn.push_back(Opt(p));
    sig.push_back({{"method", s->method}, {"signature", s->signature}, {"alpha", s->alpha}, {"ci", ci},
                   {"p_vs_baseline", pb}, {"p_vs_next", pn}, {"cluster", s->cluster}});
  }
  ranking["significance"] = sig;
  j["ranking"] = ranking;

  json charts = json::array();
  for (const auto& c : d.charts) {
    json dist = json::array(), diff = json::array();
    for (const auto& s : c.sentence_scores) dist.push_back(SummaryJson(s));
    for (size_t s = 0; s < c.diff_vs_baseline.size(); ++s) {
      diff.push_back(s == 0 ? json(nullptr) : SummaryJson(c.diff_vs_baseline[s]));
    }
    charts.push_back({{"metric", c.metric},
                      {"sentence_scores", dist},
                      {"histogram", {{"edges", c.histogram_edges}, {"counts", c.histogram}}},
                      {"diff_vs_baseline", diff},
                      {"wins", c.wins},
                      {"ties", c.ties},
                      {"losses", c.losses},
                      {"by_reference_length", BucketsJson(c.by_length)}});
  }
  j["charts"] = charts;
  j["word_frequency"] = d.word_frequency ? json{{"frequency_source", d.word_frequency->frequency_source},
                                                 {"f_measure", BucketsJson(d.word_frequency->f_measure)}}
                                         : json(nullptr);
  json ngrams = json::array();
  for (const auto& c : d.ngrams) {
    ngrams.push_back({{"system_a", c.system_a}, {"system_b", c.system_b}, {"a_better", NgramsJson(c.a_better)},
                      {"b_better", NgramsJson(c.b_better)}});
  }
  j["ngrams"] = ngrams;
  if (d.examples) {
    json ex = json::array();
    for (const auto& e : d.examples->examples) {
      json hyps = json::array();
      for (const auto& h : e.hyps) {
        json toks = json::array();
        for (const auto& t : h) toks.push_back({{"text", t.text}, {"matched", t.matched}});
        hyps.push_back(toks);
      }
      ex.push_back({{"segment", e.segment}, {"doc_id", e.doc_id}, {"source", e.source}, {"refs", e.refs},
                    {"hyps", hyps}, {"scores", e.scores}, {"spread", e.spread}});
    }
    j["examples"] = {{"metric", d.examples->metric}, {"examples", ex}};
  } else {
    j["examples"] = nullptr;
  }
  json docs = json::array();
  for (const auto& doc : d.documents) {
    docs.push_back({{"doc_id", doc.doc_id}, {"num_segments", doc.num_segments}, {"scores", doc.scores}});
  }
  j["documents"] = docs;
  if (d.terminology) {
    json systems = json::array();
    for (const auto& st : d.terminology->systems) {
      json inc = json::array(), forb = json::array();
      for (const auto& it : st.inconsistent) {
        json vars = json::array();
        for (const auto& v : it.variants) vars.push_back({{"text", v.text}, {"count", v.count}});
        inc.push_back({{"source_term", it.source_term}, {"variants", vars}, {"segments", it.segments}});
      }
      for (const auto& f : st.forbidden) forb.push_back({{"term", f.term}, {"segment", f.segment}});
      systems.push_back({{"accuracy", st.accuracy}, {"terms_total", st.terms_total},
                         {"terms_correct", st.terms_correct}, {"inconsistent", inc}, {"forbidden", forb}});
    }
    j["terminology"] = {{"glossary", d.terminology->glossary}, {"signature", d.terminology->signature},
                        {"systems", systems}};
  } else {
    j["terminology"] = nullptr;
  }
  if (d.release_checks) {
    json systems = json::array();
    for (const auto& findings : d.release_checks->systems) {
      json list = json::array();
      for (const auto& f : findings) {
        json vars = json::array();
        for (const auto& v : f.variants) {
          vars.push_back({{"text", v.text}, {"count", v.segments.size()}, {"segments", v.segments}});
        }
        list.push_back({{"check", f.check}, {"term", f.term}, {"message", f.message}, {"confidence", f.confidence},
                        {"variants", vars}});
      }
      systems.push_back({{"findings", list}});
    }
    j["release_checks"] = {{"min_confidence", d.release_checks->min_confidence}, {"systems", systems}};
  } else {
    j["release_checks"] = nullptr;
  }
  // Invalid UTF-8 cannot reach here (inputs are validated), but never throw on it.
  return j.dump(1, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace mteval
