#include <mteval/ter.h>

#include <algorithm>
#include <string>
#include <vector>

#include <mteval/error.h>
#include "metrics/ter/ter_edit_distance.h"
#include "metrics/ter/ter_normalizer.h"
#include "ngram/token_interner.h"

namespace mteval {
namespace {

static_assert(TokenInterner::kUnknown == TerEditDistance::kNoMatch,
              "hypothesis words missing from the references must get the id that matches nothing");

class TerScorer final : public SegmentScorer {
 public:
  explicit TerScorer(const TerOptions& options) : normalizer_(options) {}

  void SetReferences(const std::vector<std::string_view>& refs) override {
    const size_t n = refs.size();
    if (refs_.size() < n) refs_.resize(n);
    num_refs_ = n;
    size_t total_words = 0;
    for (size_t r = 0; r < n; ++r) {
      normalizer_.ReferenceWords(refs[r], &refs_[r].storage, &refs_[r].words);
      total_words += refs_[r].words.size();
    }
    interner_.Clear(total_words);
    for (size_t r = 0; r < n; ++r) {
      Ref& ref = refs_[r];
      ref.ids.clear();
      for (std::string_view w : ref.words) ref.ids.push_back(interner_.Intern(w));
      ref.distance.SetReference(ref.ids.data(), ref.ids.size());
    }
  }

  void ScoreHypothesis(std::string_view hyp, int64_t* stats) override {
    if (num_refs_ == 0) throw Error(ErrorKind::kInternal, "TER: a segment has no reference");
    normalizer_.Words(hyp, &hyp_storage_, &hyp_words_);
    hyp_ids_.clear();
    for (std::string_view w : hyp_words_) hyp_ids_.push_back(interner_.Find(w));
    int64_t best = INT64_MAX, ref_lengths = 0;
    for (size_t r = 0; r < num_refs_; ++r) {
      Ref& ref = refs_[r];
      best = std::min(best, ref.distance.NumEdits(hyp_ids_.data(), hyp_ids_.size()));
      ref_lengths += static_cast<int64_t>(ref.ids.size());
    }
    stats[0] = best;
    stats[1] = ref_lengths;
    stats[2] = static_cast<int64_t>(num_refs_);
    stats[3] = 1;
  }

 private:
  struct Ref {
    std::string storage;
    std::vector<std::string_view> words;
    std::vector<uint32_t> ids;
    TerEditDistance distance;
  };

  TercomNormalizer normalizer_;
  std::vector<Ref> refs_;
  size_t num_refs_ = 0;
  TokenInterner interner_;
  std::string hyp_storage_;
  std::vector<std::string_view> hyp_words_;
  std::vector<uint32_t> hyp_ids_;
};

// The corpus reference length: the sum over segments of (sum of reference
// lengths / references), see ter.h.
double RefLength(const int64_t* stats) {
  const int64_t sum = stats[1], refs = stats[2], segments = stats[3];
  if (refs <= 0 || segments <= 0) return 0.0;
  if (refs % segments == 0) return static_cast<double>(sum) / static_cast<double>(refs / segments);
  return static_cast<double>(static_cast<long double>(sum) * segments / refs);
}

// sacreBLEU's TER._compute_score_from_stats on float32 sums (numpy 1.x): a
// float32 quotient, then 100 * it in double.
double Float32RatioScore(float edits, float ref_length) {
  float score;
  if (ref_length > 0) {
    score = edits / ref_length;
  } else if (edits > 0) {
    score = 1.0f;
  } else {
    score = 0.0f;
  }
  return 100.0 * static_cast<double>(score);
}

class TerMetric final : public Metric {
 public:
  explicit TerMetric(const TerOptions& options) : options_(options) { options_.Validate(); }

  std::string Id() const override { return "ter"; }
  std::string Name() const override { return "TER"; }
  size_t NumStats() const override { return 4; }
  bool HigherIsBetter() const override { return false; }
  std::unique_ptr<SegmentScorer> NewScorer() const override { return std::make_unique<TerScorer>(options_); }

  MetricScore Score(const int64_t* stats) const override {
    const int64_t edits = stats[0];
    const double ref_length = RefLength(stats);
    // sacreBLEU's TER._compute_score_from_stats.
    double score;
    if (ref_length > 0) {
      score = static_cast<double>(edits) / ref_length;
    } else if (edits > 0) {
      score = 1.0;  // empty reference(s), non-empty hypothesis
    } else {
      score = 0.0;  // both empty
    }
    MetricScore result;
    result.name = Name();
    result.score = 100 * score;
    result.fields.push_back({"num_edits", {static_cast<double>(edits)}, false, true});
    result.fields.push_back({"ref_length", {ref_length}, false, false});
    return result;
  }

  // sacreBLEU's _compute_score_from_stats on float32 statistics (numpy 1.x):
  // the ratio is a float32 quotient, then 100 * it in double.
  double ResampledScore(const double* stats) const override {
    int64_t rounded[4];
    for (int i = 0; i < 4; ++i) rounded[i] = static_cast<int64_t>(stats[i] + 0.5);
    return Float32RatioScore(static_cast<float>(stats[0]), static_cast<float>(RefLength(rounded)));
  }

  // sacreBLEU's per-segment [num_edits, average reference length] in
  // float32, when some average is not a whole number of halves or quarters
  // (then float32 running sums of them round; with 1, 2 or 4 references they
  // are exact and equal the exact sums).
  size_t SacreFloat32Stats(const int64_t* stats, size_t num_segments, std::vector<float>* out) const override {
    bool exact = true;
    for (size_t i = 0; i < num_segments && exact; ++i) {
      const int64_t* row = stats + 4 * i;
      const int64_t refs = row[2];
      exact = refs <= 0 || row[1] % refs == 0 || refs == 2 || refs == 4;
    }
    if (exact) return 0;
    out->resize(2 * num_segments);
    for (size_t i = 0; i < num_segments; ++i) {
      const int64_t* row = stats + 4 * i;
      (*out)[2 * i] = static_cast<float>(row[0]);
      (*out)[2 * i + 1] =
          row[2] > 0 ? static_cast<float>(static_cast<double>(row[1]) / static_cast<double>(row[2])) : 0.0f;
    }
    return 2;
  }

  double ScoreFloat32Sums(const float* sums) const override { return Float32RatioScore(sums[0], sums[1]); }

  Signature GetSignature(int num_refs) const override {
    Signature sig = BaseSignature(num_refs);
    sig.Add("case", "c", options_.case_sensitive ? "mixed" : "lc");
    sig.Add("tok", "t", "tercom");
    sig.Add("norm", "nr", options_.normalized ? "yes" : "no");
    sig.Add("punct", "pn", options_.no_punct ? "no" : "yes");
    sig.Add("asian", "as", options_.asian_support ? "yes" : "no");
    return sig;
  }

 private:
  TerOptions options_;
};

}  // namespace

void TerOptions::Validate() const {}

Ter::Ter(const TerOptions& options)
    : MetricHandle(std::make_shared<TerMetric>(options)), options_(options) {}

}  // namespace mteval
