#pragma once
// The metric interface, scores, signatures. Concrete metrics are in
// mteval/bleu.h, chrf.h and ter.h; MakeMetric (mteval/metrics.h) makes any by
// name.
//
//   const mteval::Chrf chrf;  // chrF2, as sacreBLEU's CHRF()
//   std::vector<std::string> hyps = {"The cat sat on the mat."};
//   std::vector<std::vector<std::string>> refs = {{"The cat is on the mat."}};  // [stream][segment]
//   mteval::MetricScore s = chrf.CorpusScore(hyps, refs);            // s.score, s.fields
//   std::string sig = chrf.GetSignature(1).Format(/*short_form=*/false);
//
//   // Shards: statistics add exactly, and the score of the sum is the corpus score.
//   std::vector<int64_t> a = chrf.CorpusStats(first_half_hyps, first_half_refs);
//   mteval::MergeStats(&a, chrf.CorpusStats(second_half_hyps, second_half_refs));
//   mteval::MetricScore whole = chrf.Score(a);
//
// Thread safety: a Metric is immutable once built and its const methods may be
// called from several threads at once; a SegmentScorer is for one thread.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <mteval/stats.h>

namespace mteval {

// ---- signature.h
// sacreBLEU-style reproducibility signatures: "nrefs:1|case:mixed|...|version:X".

struct SignatureField {
  std::string name;   // long name, e.g. "case"
  std::string abbr;   // short name used by --short, e.g. "c"
  std::string value;  // e.g. "mixed"
};

class Signature {
 public:
  // Fields print in insertion order; `version` is always printed last.
  void Add(std::string name, std::string abbr, std::string value);
  // Returns "name:value|..." (or "abbr:value|..." when short_form).
  std::string Format(bool short_form) const;
  const std::vector<SignatureField>& fields() const { return fields_; }

 private:
  std::vector<SignatureField> fields_;
};

// A signature that starts with sacreBLEU's common fields: nrefs (-1 prints as
// "var"), and optionally bootstrap/AR trials and the seed.
Signature BaseSignature(int num_refs);

// `signature` with sacreBLEU's test fields placed after nrefs: bs (when
// bootstrap_samples > 0), ar (when ar_trials > 0) and seed ("none" for OS
// entropy).
Signature WithTestFields(const Signature& signature, int bootstrap_samples, int ar_trials,
                         const std::optional<uint64_t>& seed);

// ---- metric.h
// The interface every metric module in metrics/ implements.
//
// Data flow: for each segment, a SegmentScorer is given the segment's
// references once and then scores one hypothesis per system against them,
// writing an integer statistics vector. Corpus scores come only from the sum
// of those vectors (Metric::Score), never from averaging sentence scores.

// One named number or list of numbers reported with a score, e.g. "counts".
struct ScoreField {
  std::string key;
  std::vector<double> values;
  bool is_list = false;   // print as a JSON array even with one value
  bool integral = false;  // print without a fractional part
};

struct MetricScore {
  std::string name;      // as sacreBLEU names it: "BLEU", "chrF2", "chrF2++", "TER"
  double score = 0.0;
  std::string verbose;   // sacreBLEU's verbose_score, "" when the metric has none
  std::vector<ScoreField> fields;  // statistics added to JSON output, in order
};

// Scores hypotheses of one segment at a time. Not thread-safe: make one per
// thread with Metric::NewScorer().
class SegmentScorer {
 public:
  virtual ~SegmentScorer() = default;
  // Sets the references of the current segment (already read and
  // right-stripped as sacreBLEU reads lines); they must stay alive until the
  // next call.
  virtual void SetReferences(const std::vector<std::string_view>& refs) = 0;
  // Writes Metric::NumStats() statistics of `hyp` against the current
  // references into `stats`.
  virtual void ScoreHypothesis(std::string_view hyp, int64_t* stats) = 0;
};

// A metric: BLEU, chrF, TER (mteval/bleu.h, chrf.h, ter.h), or any made by
// MakeMetric (mteval/metrics.h). Immutable once built: every const method
// may be called from several threads at once.
class Metric {
 public:
  virtual ~Metric() = default;
  // Registry id: "bleu", "chrf", ...
  virtual std::string Id() const = 0;
  // Display name, e.g. "chrF2++".
  virtual std::string Name() const = 0;
  virtual size_t NumStats() const = 0;
  // Whether a higher score is better (false for error rates such as TER).
  // Ranking, clusters and wins/losses use it.
  virtual bool HigherIsBetter() const { return true; }
  virtual std::unique_ptr<SegmentScorer> NewScorer() const = 0;
  // The score of merged (summed) statistics: a corpus, a shard union, or one
  // segment for sentence-level scores.
  virtual MetricScore Score(const int64_t* stats) const = 0;
  // sacreBLEU's bootstrap keeps each segment's statistics in float32 and
  // adds the drawn rows one after another in float32. Where its per-segment
  // statistics are not integers (TER's average reference length with 3
  // references), those sums differ from the exact ones ResampledScore gets.
  // A metric for which that can happen writes its per-segment statistics as
  // sacreBLEU has them (float32, `width` per segment) and returns the width;
  // the bootstrap then sums them in sacreBLEU's order and scores the sums
  // with ScoreFloat32Sums. 0 (the default): the exact sums are the same.
  virtual size_t SacreFloat32Stats(const int64_t* /*stats*/, size_t /*num_segments*/,
                                   std::vector<float>* /*out*/) const {
    return 0;
  }
  virtual double ScoreFloat32Sums(const float* /*sums*/) const { return 0.0; }
  // The score sacreBLEU's bootstrap resampling (significance.py) gives to a
  // resampled corpus: it sums the segment statistics in a float32 numpy
  // array, so metrics whose arithmetic then changes (chrF's precision and
  // recall, TER's ratio become float32) override this. `stats` are the
  // exact sums as doubles. Default: Score() of the sums rounded to integers.
  virtual double ResampledScore(const double* stats) const {
    std::vector<int64_t> rounded(NumStats());
    for (size_t i = 0; i < rounded.size(); ++i) rounded[i] = static_cast<int64_t>(stats[i] < 0 ? stats[i] - 0.5 : stats[i] + 0.5);
    return ScoreValue(rounded.data());
  }
  // Score(stats).score without the report fields and strings; metrics
  // override it when those are costly (significance tests call it up to
  // ~10^6 times). Must return exactly Score(stats).score.
  virtual double ScoreValue(const int64_t* stats) const { return Score(stats).score; }
  // The signature for `num_refs` references per segment (-1: a variable
  // number), exactly as the CLI prints it: GetSignature(1).Format(false).
  virtual Signature GetSignature(int num_refs) const = 0;

  // ---- Text in, scores out (built on NewScorer and Score). `refs` has
  // sacreBLEU's layout, refs[stream][segment]: one list per reference
  // translation, each as long as `hyps` (Error(kMismatch) otherwise). The
  // text is scored as given (sacreBLEU's Python API does not strip lines
  // either). Each call makes its own scorer, so these may run concurrently.

  // Per-segment statistics, one row per hypothesis.
  StatsMatrix SegmentStats(const std::vector<std::string>& hyps,
                           const std::vector<std::vector<std::string>>& refs) const;
  // The statistics of one segment: `refs` are its references.
  std::vector<int64_t> SentenceStats(std::string_view hyp, const std::vector<std::string>& refs) const;
  // Sum of the per-segment statistics (what Score and shard files take).
  std::vector<int64_t> CorpusStats(const std::vector<std::string>& hyps,
                                   const std::vector<std::vector<std::string>>& refs) const;
  // Score(CorpusStats(hyps, refs)): sacreBLEU's corpus_score.
  MetricScore CorpusScore(const std::vector<std::string>& hyps,
                          const std::vector<std::vector<std::string>>& refs) const;
  // The score of one segment: sacreBLEU's sentence_score.
  MetricScore SentenceScore(std::string_view hyp, const std::vector<std::string>& refs) const;
  // The score of summed statistics; Error(kMismatch) unless
  // stats.size() == NumStats().
  MetricScore Score(const std::vector<int64_t>& stats) const;
};

namespace internal {

// What the public metric classes (Bleu, Chrf, Ter) derive from: every call
// goes to the implementation their module keeps private. Copies share it.
class MetricHandle : public Metric {
 public:
  using Metric::Score;
  std::string Id() const override { return impl_->Id(); }
  std::string Name() const override { return impl_->Name(); }
  size_t NumStats() const override { return impl_->NumStats(); }
  bool HigherIsBetter() const override { return impl_->HigherIsBetter(); }
  std::unique_ptr<SegmentScorer> NewScorer() const override { return impl_->NewScorer(); }
  MetricScore Score(const int64_t* stats) const override { return impl_->Score(stats); }
  size_t SacreFloat32Stats(const int64_t* stats, size_t num_segments, std::vector<float>* out) const override {
    return impl_->SacreFloat32Stats(stats, num_segments, out);
  }
  double ScoreFloat32Sums(const float* sums) const override { return impl_->ScoreFloat32Sums(sums); }
  double ResampledScore(const double* stats) const override { return impl_->ResampledScore(stats); }
  double ScoreValue(const int64_t* stats) const override { return impl_->ScoreValue(stats); }
  Signature GetSignature(int num_refs) const override { return impl_->GetSignature(num_refs); }

 protected:
  explicit MetricHandle(std::shared_ptr<const Metric> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<const Metric> impl_;
};

}  // namespace internal

}  // namespace mteval
