// The HTML report: one self-contained file (inline CSS, inline SVG, a small
// inline script for sorting tables and filtering examples; no external
// resources). All input text goes through EscapeHtml/EscapeAttribute.

#include <cstdio>

#include "text/escape.h"
#include <mteval/report.h>
#include "report/svg_chart.h"

namespace mteval {
namespace {

const char* kCss = R"CSS(
:root{--fg:#1d2430;--muted:#5b6574;--line:#d5dae1;--bg:#fff;--soft:#f4f6f9;--acc:#4e79a7}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:24px 32px;max-width:1240px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
.meta{color:var(--muted);margin:0 0 8px}.meta code{font-size:12px}
nav{margin:8px 0 0;font-size:13px}nav a{margin-right:12px;color:var(--acc)}
table{border-collapse:collapse;margin:6px 0 10px;font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--soft);font-weight:600}
td.num,th.num{text-align:right}
table.sortable th{cursor:pointer;user-select:none}table.sortable th:after{content:" \2195";color:#aab}
tr.baseline td{background:#fbf7e9}
.sig{color:#b3261e;font-weight:700}.ci{color:var(--muted);font-size:12px}
.sigs{font:12px/1.5 ui-monospace,SFMono-Regular,Menlo,monospace;color:var(--muted);word-break:break-all}
.charts{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
svg.chart{background:#fff;border:1px solid var(--line);border-radius:4px;max-width:100%;height:auto}
svg .ct{font-size:13px;font-weight:600;fill:var(--fg)}svg .al{font-size:11px;fill:var(--muted)}svg .small{font-size:9px}
svg .vl{font-size:10px;fill:var(--fg)}svg .grid{stroke:#e6e9ee}svg .axis{stroke:#888}
svg .whisker{stroke:#333;stroke-width:1.2}svg .median{stroke:#111;stroke-width:2}svg .zero{stroke:#b3261e;stroke-dasharray:4 3}
svg .mean{fill:#111}
.pair{display:flex;gap:24px;flex-wrap:wrap}.pair>div{flex:1 1 420px}
details{margin:6px 0}summary{cursor:pointer;font-weight:600}
.example{border:1px solid var(--line);border-radius:4px;margin:10px 0;padding:6px 10px;break-inside:avoid}
.example table{width:100%;margin:0}.example td.lab{width:170px;color:var(--muted);white-space:nowrap}
.example td.txt{word-break:break-word}
.nm{background:#fde2e1;border-radius:2px}.ctl{background:#ffe08a;color:#5a3b00;font:11px ui-monospace,monospace;padding:0 2px;border-radius:2px}
.filter{margin:6px 0 4px}.filter input{font:inherit;padding:4px 8px;width:320px;border:1px solid var(--line);border-radius:4px}
.hidden{display:none}
.note{color:var(--muted);font-style:italic}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media print{body{padding:0;max-width:none;font-size:11px}nav,.filter{display:none}details{display:block}
details>summary{list-style:none}h2{break-after:avoid}svg.chart,table,.example{break-inside:avoid}
table.sortable th:after{content:""}a{color:inherit;text-decoration:none}}
)CSS";

const char* kScript = R"JS(
(function(){
function key(td){var v=td.getAttribute('data-v');if(v!==null&&v!=='')return parseFloat(v);return td.textContent.trim().toLowerCase();}
document.querySelectorAll('table.sortable').forEach(function(t){
 t.querySelectorAll('thead th').forEach(function(th,i){th.addEventListener('click',function(){
  var tb=t.tBodies[0],rows=Array.prototype.slice.call(tb.rows),asc=th.getAttribute('data-dir')!=='asc';
  t.querySelectorAll('thead th').forEach(function(o){o.removeAttribute('data-dir');});th.setAttribute('data-dir',asc?'asc':'desc');
  rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);if(x<y)return asc?-1:1;if(x>y)return asc?1:-1;return 0;});
  rows.forEach(function(r){tb.appendChild(r);});});});});
var f=document.getElementById('example-filter');
if(f){f.addEventListener('input',function(){var q=f.value.toLowerCase(),n=0;
 document.querySelectorAll('.example').forEach(function(e){var show=!q||e.textContent.toLowerCase().indexOf(q)>=0;e.classList.toggle('hidden',!show);if(show)n++;});
 document.getElementById('example-count').textContent=n;});}
window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
document.documentElement.setAttribute('data-report-ready','1');
})();
)JS";

std::string Fixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string H(const std::string& s) { return EscapeHtml(s); }

// Buckets that hold something (empty ones are left out of charts; the data
// keeps them).
std::vector<Bucket> NonEmpty(const std::vector<Bucket>& buckets) {
  std::vector<Bucket> out;
  for (const auto& b : buckets) {
    if (b.count > 0) out.push_back(b);
  }
  return out;
}

std::string SystemLabel(const ReportData& d, size_t s) {
  return s < d.systems.size() ? d.systems[s] : "system " + std::to_string(s);
}

std::string Ranking(const ReportData& d, const ReportRenderOptions& o) {
  std::string out = "<section id=\"ranking-section\"><h2>Ranking</h2>";
  bool any_cluster = false, any_sig = false;
  for (const auto& s : d.ranking.significance) {
    if (s) {
      any_sig = true;
      any_cluster = any_cluster || !s->cluster.empty();
    }
  }
  out += "<table id=\"ranking\" class=\"sortable\"><thead><tr><th class=\"num\">#</th><th>System</th>";
  for (const auto& m : d.metrics) {
    out += "<th class=\"num\" title=\"" + EscapeAttribute(m.signature) + "\">" + H(m.name) +
           (m.higher_is_better ? " \xE2\x86\x91" : " \xE2\x86\x93") + "</th>";
    if (any_cluster) out += "<th class=\"num\">" + H(m.name) + " cluster</th>";
  }
  out += "</tr></thead><tbody>";
  for (size_t r = 0; r < d.ranking.order.size(); ++r) {
    size_t s = d.ranking.order[r];
    out += std::string("<tr") + (s == 0 ? " class=\"baseline\"" : "") + "><td class=\"num\" data-v=\"" +
           std::to_string(r + 1) + "\">" + std::to_string(r + 1) + "</td><td>" + H(SystemLabel(d, s)) +
           (s == 0 ? " <span class=\"ci\">(baseline)</span>" : "") + "</td>";
    for (size_t k = 0; k < d.metrics.size(); ++k) {
      double v = d.ranking.scores[k][s];
      out += "<td class=\"num\" data-v=\"" + Fixed(v, 6) + "\" title=\"" +
             EscapeAttribute(d.ranking.verbose[k][s]) + "\">" + Fixed(v, o.width);
      const auto& sig = d.ranking.significance[k];
      if (sig && s < sig->ci.size() && sig->ci[s]) {
        out += " <span class=\"ci\">(" + Fixed(sig->ci[s]->lower, o.width) + "\xE2\x80\x93" +
               Fixed(sig->ci[s]->upper, o.width) + ")</span>";
      }
      std::string mark = SignificanceMark(d, k, s);
      if (!mark.empty()) {
        out += " <span class=\"sig\" title=\"p = " + Fixed(*sig->p_vs_baseline[s], 4) + " against the baseline\">" +
               mark + "</span>";
      }
      out += "</td>";
      if (any_cluster) {
        out += "<td class=\"num\">";
        if (sig && s < sig->cluster.size()) out += std::to_string(sig->cluster[s]);
        // The neighbour test that decides where the next cluster starts.
        if (sig && s < sig->p_vs_next.size() && sig->p_vs_next[s]) {
          out += " <span class=\"ci\" title=\"p-value of the paired test against the next system in this "
                 "metric's ranking\">(p\xE2\x86\x93 " + Fixed(*sig->p_vs_next[s], 4) + ")</span>";
        }
        out += "</td>";
      }
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  if (any_sig) {
    double alpha = 0.05;
    for (const auto& s : d.ranking.significance) {
      if (s) alpha = s->alpha;
    }
    out += "<p class=\"note\">* significantly different from the baseline (p &lt; " + Fixed(alpha, 3) +
           "). Intervals are 95% confidence intervals." +
           (any_cluster ? " Clusters: systems a paired test cannot tell apart from their neighbour in a metric's "
                          "ranking share a cluster; p\xE2\x86\x93 is the p-value against the next system down."
                        : "") +
           "</p>";
  }
  out += "<p><b>Signatures</b></p><div class=\"sigs\">";
  for (size_t k = 0; k < d.metrics.size(); ++k) {
    out += H(d.metrics[k].name) + ": " + H(d.metrics[k].signature) + "<br>";
    const auto& sig = d.ranking.significance[k];
    if (sig && !sig->signature.empty()) out += H(d.metrics[k].name) + " (" + H(sig->method) + "): " + H(sig->signature) + "<br>";
  }
  out += "</div>";
  for (const auto& n : d.notes) out += "<p class=\"note\">" + H(n) + "</p>";
  return out + "</section>";
}

std::string Charts(const ReportData& d) {
  if (d.charts.empty()) return "";
  std::string out = "<section id=\"charts-section\"><h2>Charts</h2>";
  for (const MetricCharts& c : d.charts) {
    const ReportMetric& m = d.metrics[c.metric];
    const std::string id = m.id + "-" + std::to_string(c.metric);
    const auto& sig = d.ranking.significance[c.metric];
    std::vector<SvgBar> bars;
    for (size_t s : d.ranking.order) {
      SvgBar b;
      b.label = SystemLabel(d, s);
      b.value = d.ranking.scores[c.metric][s];
      if (sig && s < sig->ci.size()) b.ci = sig->ci[s];
      b.highlight = s == 0;
      bars.push_back(b);
    }
    out += "<h3>" + H(m.name) + "</h3><div class=\"charts\">";
    out += SvgBarChart("bar-" + id, m.name + " by system" + (sig ? " (95% CI)" : ""), m.name, bars);
    out += SvgBoxPlot("dist-" + id, "Sentence-level " + m.name + " per system", "sentence " + m.name, d.systems,
                      c.sentence_scores, false);
    out += SvgGroupedBarChart("length-" + id, m.name + " by reference length (words)", m.name, d.systems,
                              NonEmpty(c.by_length));
    if (d.systems.size() > 1) {
      std::vector<std::string> names(d.systems.begin() + 1, d.systems.end());
      std::vector<Summary> diffs(c.diff_vs_baseline.begin() + 1, c.diff_vs_baseline.end());
      out += SvgBoxPlot("diff-" + id, "Sentence " + m.name + " minus baseline (" + d.systems[0] + ")",
                        m.name + " difference" + (m.higher_is_better ? " (> 0: better)" : " (< 0: better)"), names,
                        diffs, true);
    }
    out += "</div>";
    if (d.systems.size() > 1) {
      out += "<table class=\"sortable wtl\"><thead><tr><th>System</th><th class=\"num\">better</th><th "
             "class=\"num\">same</th><th class=\"num\">worse</th><th class=\"num\">mean diff</th></tr></thead><tbody>";
      for (size_t s = 1; s < d.systems.size(); ++s) {
        out += "<tr><td>" + H(d.systems[s]) + "</td><td class=\"num\">" + std::to_string(c.wins[s]) +
               "</td><td class=\"num\">" + std::to_string(c.ties[s]) + "</td><td class=\"num\">" +
               std::to_string(c.losses[s]) + "</td><td class=\"num\" data-v=\"" +
               Fixed(c.diff_vs_baseline[s].mean, 6) + "\">" + Fixed(c.diff_vs_baseline[s].mean, 2) + "</td></tr>";
      }
      out += "</tbody></table><p class=\"note\">Segments on which each system's sentence-level " + H(m.name) +
             " is better, the same or worse than the baseline's.</p>";
    }
  }
  if (d.word_frequency) {
    out += "<h3>Word F-measure by reference frequency</h3><div class=\"charts\">";
    out += SvgGroupedBarChart("wordfreq", "Word F-measure by frequency in the " + d.word_frequency->frequency_source,
                              "F-measure", d.systems, NonEmpty(d.word_frequency->f_measure));
    out += "</div>";
  }
  return out + "</section>";
}

std::string NgramTable(const ReportData& d, const NgramComparison& c, const std::vector<NgramEntry>& rows,
                       const std::string& caption) {
  std::string out = "<div><p><b>" + H(caption) + "</b></p><table class=\"sortable ngrams\"><thead><tr><th>n-gram</th>"
                    "<th class=\"num\">" + H(SystemLabel(d, c.system_a)) + "</th><th class=\"num\">" +
                    H(SystemLabel(d, c.system_b)) + "</th><th class=\"num\">score</th></tr></thead><tbody>";
  for (const auto& e : rows) {
    out += "<tr><td>" + H(e.ngram) + "</td><td class=\"num\">" + std::to_string(e.count_a) + "</td><td class=\"num\">" +
           std::to_string(e.count_b) + "</td><td class=\"num\" data-v=\"" + Fixed(e.score, 6) + "\">" +
           Fixed(e.score, 3) + "</td></tr>";
  }
  if (rows.empty()) out += "<tr><td colspan=\"4\" class=\"note\">none</td></tr>";
  return out + "</tbody></table></div>";
}

std::string Ngrams(const ReportData& d) {
  if (d.ngrams.empty()) return "";
  std::string out = "<section id=\"ngrams-section\"><h2>n-grams one system matches more often</h2>"
                    "<p class=\"note\">Reference n-grams (1 to 4 words) matched per segment (clipped) by the baseline "
                    "and by another system; score = (baseline + 1) / (baseline + other + 2).</p>";
  bool first = true;
  for (const auto& c : d.ngrams) {
    out += std::string("<details") + (first ? " open" : "") + "><summary>" + H(SystemLabel(d, c.system_a)) + " vs " +
           H(SystemLabel(d, c.system_b)) + "</summary><div class=\"pair\">";
    out += NgramTable(d, c, c.a_better, "Matched more often by " + SystemLabel(d, c.system_a));
    out += NgramTable(d, c, c.b_better, "Matched more often by " + SystemLabel(d, c.system_b));
    out += "</div></details>";
    first = false;
  }
  return out + "</section>";
}

std::string Examples(const ReportData& d, const ReportRenderOptions& o) {
  if (!d.examples || d.examples->examples.empty()) return "";
  const ExamplesSection& ex = *d.examples;
  const std::string& metric = d.metrics[ex.metric].name;
  std::string out = "<section id=\"examples-section\"><h2>Examples where the systems differ most</h2>"
                    "<p class=\"note\">Segments with the largest spread of sentence-level " + H(metric) +
                    "; words of a hypothesis that are not in its longest common subsequence with the (first) "
                    "reference are <span class=\"nm\">highlighted</span>.</p>"
                    "<div class=\"filter\"><input id=\"example-filter\" type=\"search\" placeholder=\"Filter examples "
                    "by any text\" aria-label=\"Filter examples\"> <span id=\"example-count\">" +
                    std::to_string(ex.examples.size()) + "</span> shown</div>";
  for (const Example& e : ex.examples) {
    out += "<div class=\"example\" id=\"seg-" + std::to_string(e.segment + 1) + "\" data-seg=\"" +
           std::to_string(e.segment + 1) + "\"><table><tbody>";
    out += "<tr><td class=\"lab\">Segment " + std::to_string(e.segment + 1) +
           (e.doc_id.empty() ? "" : " (" + H(e.doc_id) + ")") + "</td><td class=\"txt note\">" + H(metric) +
           " spread " + Fixed(e.spread, o.width) + "</td></tr>";
    if (!d.src_path.empty()) out += "<tr><td class=\"lab\">Source</td><td class=\"txt\">" + H(e.source) + "</td></tr>";
    for (size_t r = 0; r < e.refs.size(); ++r) {
      out += "<tr><td class=\"lab\">Reference" + (e.refs.size() > 1 ? " " + std::to_string(r + 1) : "") +
             "</td><td class=\"txt\">" + H(e.refs[r]) + "</td></tr>";
    }
    for (size_t s = 0; s < e.hyps.size(); ++s) {
      out += "<tr class=\"hyp\"><td class=\"lab\">" + H(SystemLabel(d, s)) + " <span class=\"ci\">" +
             Fixed(e.scores[s], o.width) + "</span></td><td class=\"txt\">";
      for (size_t t = 0; t < e.hyps[s].size(); ++t) {
        if (t) out += ' ';
        const DiffToken& tok = e.hyps[s][t];
        out += tok.matched ? H(tok.text) : "<span class=\"nm\">" + H(tok.text) + "</span>";
      }
      out += "</td></tr>";
    }
    out += "</tbody></table></div>";
  }
  return out + "</section>";
}

std::string Documents(const ReportData& d, const ReportRenderOptions& o) {
  if (d.documents.empty()) return "";
  std::string out = "<section id=\"documents-section\"><h2>Per-document scores</h2><table id=\"documents\" "
                    "class=\"sortable\"><thead><tr><th>Document</th><th class=\"num\">segments</th>";
  for (const auto& m : d.metrics) {
    for (const auto& s : d.systems) out += "<th class=\"num\">" + H(m.name) + " " + H(s) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const auto& doc : d.documents) {
    out += "<tr><td>" + H(doc.doc_id) + "</td><td class=\"num\">" + std::to_string(doc.num_segments) + "</td>";
    for (const auto& per_sys : doc.scores) {
      for (double v : per_sys) out += "<td class=\"num\" data-v=\"" + Fixed(v, 6) + "\">" + Fixed(v, o.width) + "</td>";
    }
    out += "</tr>";
  }
  return out + "</tbody></table></section>";
}

// Segment number, linked to its example when the report shows it.
std::string SegmentLink(const ReportData& d, size_t segment) {
  const std::string n = std::to_string(segment + 1);
  if (d.examples) {
    for (const Example& e : d.examples->examples) {
      if (e.segment == segment) return "<a href=\"#seg-" + n + "\">" + n + "</a>";
    }
  }
  return n;
}

std::string Terminology(const ReportData& d) {
  if (!d.terminology) return "";
  const TerminologySection& t = *d.terminology;
  std::string out = "<section id=\"terminology-section\"><h2>Terminology</h2><p class=\"meta\">Glossary: " +
                    H(t.glossary) + "</p>";
  if (!t.signature.empty()) out += "<div class=\"sigs\">" + H(t.signature) + "</div>";
  out += "<table id=\"terminology\" class=\"sortable\"><thead><tr><th>System</th><th class=\"num\">term accuracy</th>"
         "<th class=\"num\">correct</th><th class=\"num\">terms</th><th class=\"num\">inconsistent</th>"
         "<th class=\"num\">forbidden</th></tr></thead><tbody>";
  for (size_t s = 0; s < t.systems.size(); ++s) {
    const SystemTerminology& st = t.systems[s];
    out += "<tr><td>" + H(SystemLabel(d, s)) + "</td><td class=\"num\" data-v=\"" + Fixed(st.accuracy, 6) + "\">" +
           Fixed(st.accuracy, 1) + "</td><td class=\"num\">" + std::to_string(st.terms_correct) +
           "</td><td class=\"num\">" + std::to_string(st.terms_total) + "</td><td class=\"num\">" +
           std::to_string(st.inconsistent.size()) + "</td><td class=\"num\">" + std::to_string(st.forbidden.size()) +
           "</td></tr>";
  }
  out += "</tbody></table>";
  for (size_t s = 0; s < t.systems.size(); ++s) {
    const SystemTerminology& st = t.systems[s];
    if (st.inconsistent.empty() && st.forbidden.empty()) continue;
    out += "<details><summary>" + H(SystemLabel(d, s)) + "</summary><ul>";
    for (const auto& it : st.inconsistent) {
      out += "<li>" + H(it.source_term) + ": ";
      for (size_t v = 0; v < it.variants.size(); ++v) {
        out += (v ? ", " : "") + H(it.variants[v].text) + " \xC3\x97" + std::to_string(it.variants[v].count);
      }
      out += " (segments";
      for (size_t seg : it.segments) out += " " + SegmentLink(d, seg);
      out += ")</li>";
    }
    for (const auto& f : st.forbidden) {
      out += "<li>forbidden term " + H(f.term) + " in segment " + SegmentLink(d, f.segment) + "</li>";
    }
    out += "</ul></details>";
  }
  return out + "</section>";
}

std::string ReleaseChecks(const ReportData& d) {
  if (!d.release_checks) return "";
  const ReleaseChecksSection& r = *d.release_checks;
  std::string out = "<section id=\"release-section\"><h2>Release checks</h2><p class=\"meta\">Monolingual checks "
                    "of each output (acronyms, term variants, repeats, quotes, number formats), findings at confidence "
                    "&ge; " + Fixed(r.min_confidence, 2) + "; fewer is more consistent.</p>";
  out += "<table id=\"release\" class=\"sortable\"><thead><tr><th>System</th><th class=\"num\">findings</th>"
         "</tr></thead><tbody>";
  for (size_t s = 0; s < r.systems.size(); ++s) {
    out += "<tr><td>" + H(SystemLabel(d, s)) + "</td><td class=\"num\">" + std::to_string(r.systems[s].size()) +
           "</td></tr>";
  }
  out += "</tbody></table>";
  for (size_t s = 0; s < r.systems.size(); ++s) {
    if (r.systems[s].empty()) continue;
    out += "<details><summary>" + H(SystemLabel(d, s)) + "</summary><ul>";
    for (const ReportReleaseFinding& f : r.systems[s]) {
      out += "<li>" + H(f.message) + ": ";
      for (size_t v = 0; v < f.variants.size(); ++v) {
        const ReportReleaseVariant& rv = f.variants[v];
        out += (v ? "; " : "") + H(rv.text) + " \xC3\x97" + std::to_string(rv.segments.size()) + " (segment";
        for (size_t seg : rv.segments) out += " " + SegmentLink(d, seg);
        out += ")";
      }
      out += "</li>";
    }
    out += "</ul></details>";
  }
  return out + "</section>";
}

}  // namespace

std::string RenderHtml(const ReportData& d, const ReportRenderOptions& o) {
  std::string out;
  out.reserve(1 << 20);
  out += "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src 'unsafe-inline'; img-src data:\">"
         "<title>" + H(d.title) + "</title><style>" + kCss + "</style></head><body>\n";
  out += "<header><h1>" + H(d.title) + "</h1><p class=\"meta\">" + std::to_string(d.systems.size()) + " systems, " +
         std::to_string(d.num_segments) + " segments, " + std::to_string(d.num_refs) + " reference" +
         (d.num_refs == 1 ? "" : "s") + ". Baseline: <b>" + H(d.systems.empty() ? "" : d.systems[0]) + "</b>. " +
         H(d.tool_version) + "</p>";
  if (!d.ref_paths.empty()) {
    out += "<p class=\"meta\">References: ";
    for (size_t i = 0; i < d.ref_paths.size(); ++i) {
      out += (i ? ", " : "") + std::string("<code>") + H(d.ref_paths[i]) + "</code>";
    }
    if (!d.src_path.empty()) out += "; source: <code>" + H(d.src_path) + "</code>";
    out += "</p>";
  }
  out += "<nav><a href=\"#ranking-section\">Ranking</a>";
  if (!d.charts.empty()) out += "<a href=\"#charts-section\">Charts</a>";
  if (!d.ngrams.empty()) out += "<a href=\"#ngrams-section\">n-grams</a>";
  if (d.examples && !d.examples->examples.empty()) out += "<a href=\"#examples-section\">Examples</a>";
  if (!d.documents.empty()) out += "<a href=\"#documents-section\">Documents</a>";
  if (d.terminology) out += "<a href=\"#terminology-section\">Terminology</a>";
  if (d.release_checks) out += "<a href=\"#release-section\">Release checks</a>";
  out += "</nav></header>\n<main>\n";
  out += Ranking(d, o) + "\n" + Charts(d) + "\n" + Ngrams(d) + "\n" + Examples(d, o) + "\n" + Documents(d, o) + "\n" +
         Terminology(d) + "\n" + ReleaseChecks(d) + "\n</main><footer>Generated by " + H(d.tool_version) +
         ". Self-contained: no external resources.</footer>\n<script>" + kScript + "</script>\n</body></html>\n";
  return out;
}

}  // namespace mteval
