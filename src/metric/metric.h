#pragma once
// The interface every metric module in metrics/ implements.
//
// Data flow: for each segment, a SegmentScorer is given the segment's
// references once and then scores one hypothesis per system against them,
// writing an integer statistics vector. Corpus scores come only from the sum
// of those vectors (Metric::Score), never from averaging sentence scores.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metric/signature.h"

namespace mteval {

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
  virtual Signature GetSignature(int num_refs) const = 0;
};

}  // namespace mteval
