#include <mteval/compare.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "analysis/ngram_analysis.h"
#include "analysis/word_diff.h"
#include <mteval/error.h>
#include <mteval/version.h>
#include <mteval/scoring.h>
#include <mteval/terminology.h>
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {


void Progress(const ReportBuildOptions& o, const std::string& stage, size_t done, size_t total) {
  if (o.progress) o.progress(stage, done, total);
}

double Quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  double pos = q * static_cast<double>(sorted.size() - 1);
  size_t lo = static_cast<size_t>(std::floor(pos));
  size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - static_cast<double>(lo));
}

std::string LengthLabel(const std::vector<size_t>& bounds, size_t b) {
  size_t lo = b == 0 ? 0 : bounds[b - 1];
  if (b == bounds.size()) return std::to_string(lo) + "+";
  return std::to_string(lo) + "-" + std::to_string(bounds[b] - 1);
}

}  // namespace

void ReportBuildOptions::Validate() const {
  auto bad = [](const std::string& what) { throw Error(ErrorKind::kUsage, "report option " + what); };
  if (histogram_bins < 1 || histogram_bins > 1000) bad("histogram_bins must be 1 to 1000");
  if (max_ngram_order < 1 || max_ngram_order > 8) bad("max_ngram_order must be 1 to 8");
  if (top_ngrams < 0) bad("top_ngrams must be >= 0");
  if (num_examples < 0) bad("num_examples must be >= 0");
  if (threads < 1 || threads > 256) bad("threads must be 1 to 256");
  if (!(release_min_confidence >= 0.0 && release_min_confidence <= 1.0)) bad("release_min_confidence must be 0 to 1");
  for (const auto* b : {&length_bucket_bounds, &frequency_bucket_bounds}) {
    if (!std::is_sorted(b->begin(), b->end()) || std::adjacent_find(b->begin(), b->end()) != b->end() ||
        (!b->empty() && b->front() == 0)) {
      bad("bucket bounds must be increasing and positive");
    }
  }
}


Summary Summarize(std::vector<double> values) {
  Summary s;
  s.count = values.size();
  if (values.empty()) return s;
  std::sort(values.begin(), values.end());
  s.min = values.front();
  s.max = values.back();
  s.q1 = Quantile(values, 0.25);
  s.median = Quantile(values, 0.5);
  s.q3 = Quantile(values, 0.75);
  s.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(values.size());
  return s;
}

ReportData BuildReport(const ReportInputs& in, const ReportBuildOptions& options) {
  options.Validate();
  if (in.corpus == nullptr || in.metrics.empty()) throw Error(ErrorKind::kInternal, "BuildReport: no corpus or metric");
  const TextCorpus& corpus = *in.corpus;
  const size_t num_sys = corpus.systems.size();
  const size_t num_seg = corpus.num_segments();
  const size_t num_metrics = in.metrics.size();
  if (num_sys == 0) throw Error(ErrorKind::kUsage, "compare needs at least one system (-i)");
  if (!in.source.empty() && in.source.size() != num_seg) {
    throw Error(ErrorKind::kMismatch, "source '" + in.src_path + "' has " + std::to_string(in.source.size()) +
                                          " lines but the systems have " + std::to_string(num_seg));
  }
  if (!in.doc_ids.empty() && in.doc_ids.size() != num_seg) {
    throw Error(ErrorKind::kMismatch, "document ids: " + std::to_string(in.doc_ids.size()) +
                                          " lines but the systems have " + std::to_string(num_seg));
  }

  ReportData d;
  d.tool_version = std::string("mteval-") + kVersion;
  d.systems = corpus.system_names;
  d.system_paths = in.system_paths;
  d.ref_paths = in.ref_paths;
  d.src_path = in.src_path;
  d.num_segments = num_seg;
  d.num_refs = in.num_refs;

  // Statistics and sentence-level scores.
  CorpusScorerOptions so;
  so.threads = options.threads;
  std::vector<std::vector<StatsMatrix>> stats;                 // [metric][system]
  std::vector<std::vector<std::vector<double>>> sentence;      // [metric][system][segment]
  for (size_t k = 0; k < num_metrics; ++k) {
    const Metric& m = *in.metrics[k];
    Progress(options, "scoring " + m.Name(), k, num_metrics + 2);
    ReportMetric rm;
    rm.id = m.Id();
    rm.name = m.Name();
    rm.signature = m.GetSignature(static_cast<int>(in.num_refs)).Format(false);
    rm.higher_is_better = m.HigherIsBetter();
    d.metrics.push_back(rm);
    stats.push_back(ComputeSegmentStats(m, corpus, so));
    const Metric& sm = k < in.sentence_metrics.size() && in.sentence_metrics[k] ? *in.sentence_metrics[k] : m;
    std::vector<std::vector<double>> per_sys(num_sys, std::vector<double>(num_seg));
    std::vector<double> scores;
    std::vector<std::string> verbose;
    for (size_t s = 0; s < num_sys; ++s) {
      for (size_t i = 0; i < num_seg; ++i) per_sys[s][i] = sm.Score(stats[k][s].Row(i)).score;
      MetricScore cs = m.Score(stats[k][s].Sum().data());
      scores.push_back(cs.score);
      verbose.push_back(cs.verbose);
    }
    sentence.push_back(std::move(per_sys));
    d.ranking.scores.push_back(scores);
    d.ranking.verbose.push_back(verbose);
  }


  // Ranking order by the first metric.
  d.ranking.order.resize(num_sys);
  std::iota(d.ranking.order.begin(), d.ranking.order.end(), 0);
  {
    const auto& first = d.ranking.scores[0];
    const bool hib = d.metrics[0].higher_is_better;
    std::stable_sort(d.ranking.order.begin(), d.ranking.order.end(),
                     [&](size_t a, size_t b) { return hib ? first[a] > first[b] : first[a] < first[b]; });
  }

  // Significance through the provider.
  d.ranking.significance.assign(num_metrics, std::nullopt);
  if (options.significance) {
    Progress(options, "significance", num_metrics, num_metrics + 2);
    SignificanceRequest req;
    req.metrics = &in.metrics;
    req.stats = &stats;
    req.baseline = 0;
    req.num_refs = in.num_refs;
    std::vector<MetricSignificance> sig = options.significance(req);
    if (sig.size() != num_metrics) throw Error(ErrorKind::kInternal, "significance provider returned a wrong count");
    for (size_t k = 0; k < num_metrics; ++k) d.ranking.significance[k] = std::move(sig[k]);
  } else {
    d.notes.push_back("Confidence intervals and significance tests were not computed.");
  }

  Progress(options, "analysing", num_metrics, num_metrics + 2);
  // Reference lengths (13a words of the first reference) for the buckets.
  TokenizerOptions to;
  to.name = "13a";
  std::unique_ptr<Tokenizer> tok13a = MakeTokenizer(to);
  TokenizedCorpus tc = TokenizeCorpus(corpus, *tok13a);
  std::vector<size_t> ref_len(num_seg, 0);
  for (size_t i = 0; i < num_seg; ++i) ref_len[i] = tc.refs.empty() ? 0 : tc.refs[0][i].size();
  const auto& lb = options.length_bucket_bounds;
  std::vector<size_t> len_bucket(num_seg);
  for (size_t i = 0; i < num_seg; ++i) {
    len_bucket[i] = static_cast<size_t>(std::upper_bound(lb.begin(), lb.end(), ref_len[i]) - lb.begin());
  }

  for (size_t k = 0; k < num_metrics; ++k) {
    const Metric& m = *in.metrics[k];
    MetricCharts c;
    c.metric = k;
    const bool hib = d.metrics[k].higher_is_better;
    double lo = HUGE_VAL, hi = -HUGE_VAL;
    for (size_t s = 0; s < num_sys; ++s) {
      c.sentence_scores.push_back(Summarize(sentence[k][s]));
      for (double v : sentence[k][s]) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
    if (num_seg == 0) lo = hi = 0;
    // Histogram over [0, max(100, hi)] for BLEU/chrF; TER starts at 0 too.
    double top = std::max(hi, 100.0);
    double bottom = std::min(lo, 0.0);
    const int bins = options.histogram_bins;
    for (int b = 0; b <= bins; ++b) c.histogram_edges.push_back(bottom + (top - bottom) * b / bins);
    for (size_t s = 0; s < num_sys; ++s) {
      std::vector<size_t> h(bins, 0);
      for (double v : sentence[k][s]) {
        int b = static_cast<int>((v - bottom) / (top - bottom) * bins);
        h[std::min(std::max(b, 0), bins - 1)]++;
      }
      c.histogram.push_back(h);
    }
    // Differences against the baseline.
    for (size_t s = 0; s < num_sys; ++s) {
      size_t w = 0, t = 0, l = 0;
      std::vector<double> diff;
      if (s != 0) {
        diff.reserve(num_seg);
        for (size_t i = 0; i < num_seg; ++i) {
          double dlt = sentence[k][s][i] - sentence[k][0][i];
          diff.push_back(dlt);
          if (std::fabs(dlt) < 1e-9) ++t;
          else if ((dlt > 0) == hib) ++w;
          else ++l;
        }
      }
      c.diff_vs_baseline.push_back(Summarize(diff));
      c.wins.push_back(w);
      c.ties.push_back(t);
      c.losses.push_back(l);
    }
    // Corpus score per reference-length bucket.
    const size_t nb = lb.size() + 1;
    std::vector<size_t> bucket_count(nb, 0);
    for (size_t i = 0; i < num_seg; ++i) bucket_count[len_bucket[i]]++;
    for (size_t b = 0; b < nb; ++b) {
      Bucket bucket;
      bucket.label = LengthLabel(lb, b);
      bucket.count = bucket_count[b];
      for (size_t s = 0; s < num_sys; ++s) {
        if (bucket.count == 0) {
          bucket.values.push_back(std::nullopt);
          continue;
        }
        std::vector<int64_t> sum(m.NumStats(), 0);
        for (size_t i = 0; i < num_seg; ++i) {
          if (len_bucket[i] != b) continue;
          const int64_t* row = stats[k][s].Row(i);
          for (size_t j = 0; j < sum.size(); ++j) sum[j] += row[j];
        }
        bucket.values.push_back(m.Score(sum.data()).score);
      }
      c.by_length.push_back(std::move(bucket));
    }
    d.charts.push_back(std::move(c));
  }

  d.word_frequency = WordFMeasureByFrequency(tc, options.frequency_bucket_bounds);
  if (num_sys > 1) {
    d.ngrams = CompareNgrams(tc, 0, options.max_ngram_order, options.top_ngrams, options.min_ngram_matches);
  }

  Progress(options, "examples", num_metrics + 1, num_metrics + 2);
  // Examples where the systems differ most (by the first metric).
  if (options.num_examples > 0 && num_seg > 0) {
    ExamplesSection ex;
    ex.metric = 0;
    std::vector<std::pair<double, size_t>> spread(num_seg);
    for (size_t i = 0; i < num_seg; ++i) {
      double lo = HUGE_VAL, hi = -HUGE_VAL;
      for (size_t s = 0; s < num_sys; ++s) {
        lo = std::min(lo, sentence[0][s][i]);
        hi = std::max(hi, sentence[0][s][i]);
      }
      spread[i] = {hi - lo, i};
    }
    std::stable_sort(spread.begin(), spread.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const size_t n = std::min(spread.size(), static_cast<size_t>(options.num_examples));
    for (size_t e = 0; e < n; ++e) {
      const size_t i = spread[e].second;
      Example x;
      x.segment = i;
      x.spread = spread[e].first;
      if (!in.doc_ids.empty()) x.doc_id = in.doc_ids[i];
      if (!in.source.empty()) x.source = in.source[i];
      for (const auto& r : corpus.refs) x.refs.emplace_back(r[i]);
      for (size_t s = 0; s < num_sys; ++s) {
        x.hyps.push_back(DiffAgainstReference(corpus.systems[s][i], corpus.refs.empty() ? "" : corpus.refs[0][i]));
        x.scores.push_back(sentence[0][s][i]);
      }
      ex.examples.push_back(std::move(x));
    }
    d.examples = std::move(ex);
  }

  // Per-document scores.
  if (!in.doc_ids.empty()) {
    std::map<std::string, size_t> index;
    std::vector<std::vector<size_t>> members;
    for (size_t i = 0; i < num_seg; ++i) {
      auto it = index.find(in.doc_ids[i]);
      if (it == index.end()) {
        it = index.emplace(in.doc_ids[i], members.size()).first;
        members.emplace_back();
        d.documents.emplace_back();
        d.documents.back().doc_id = in.doc_ids[i];
      }
      members[it->second].push_back(i);
    }
    for (size_t doc = 0; doc < members.size(); ++doc) {
      DocumentScores& ds = d.documents[doc];
      ds.num_segments = members[doc].size();
      for (size_t k = 0; k < num_metrics; ++k) {
        std::vector<double> per_sys;
        for (size_t s = 0; s < num_sys; ++s) {
          std::vector<int64_t> sum(in.metrics[k]->NumStats(), 0);
          for (size_t i : members[doc]) {
            const int64_t* row = stats[k][s].Row(i);
            for (size_t j = 0; j < sum.size(); ++j) sum[j] += row[j];
          }
          per_sys.push_back(in.metrics[k]->Score(sum.data()).score);
        }
        ds.scores.push_back(per_sys);
      }
    }
  }

  if (options.terminology) d.terminology = options.terminology(corpus);
  if (options.release_checks) {
    ReleaseChecksSection section;
    section.min_confidence = options.release_min_confidence;
    ReleaseCheckOptions ro;
    ro.min_confidence = options.release_min_confidence;
    for (const LineList& lines : corpus.systems) {
      SegmentedText text;
      for (size_t i = 0; i < lines.size(); ++i) {
        Segment seg;
        seg.text = std::string(lines[i]);
        seg.seg_id = std::to_string(i + 1);
        if (!in.doc_ids.empty()) seg.doc_id = in.doc_ids[i];
        text.segments.push_back(std::move(seg));
      }
      std::vector<ReportReleaseFinding> findings;
      for (const ReleaseFinding& f : CheckRelease(text, ro)) {
        ReportReleaseFinding r{f.check, f.term, f.message, f.confidence, {}};
        for (const ReleaseVariant& v : f.variants) {
          ReportReleaseVariant rv{v.text, {}};
          for (const TermLocation& l : v.locations) rv.segments.push_back(l.segment);
          r.variants.push_back(std::move(rv));
        }
        findings.push_back(std::move(r));
      }
      section.systems.push_back(std::move(findings));
    }
    d.release_checks = std::move(section);
  }
  Progress(options, "done", num_metrics + 2, num_metrics + 2);
  return d;
}

}  // namespace mteval
