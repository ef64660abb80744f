#include <mteval/bleu.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <mteval/error.h>
#include "ngram/ngram_matcher.h"
#include "ngram/padded_token_interner.h"
#include "text/case.h"
#include "text/python_str.h"
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

double DefaultSmoothValue(const std::string& method) { return method == "floor" ? 0.1 : 1.0; }

static_assert(PaddedTokenInterner::kPadding <= TokenSpans::kPadding, "BLEU interns TokenSpans views directly");

class BleuScorer final : public SegmentScorer {
 public:
  BleuScorer(const BleuOptions& options, const Tokenizer* tokenizer)
      : options_(options), tokenizer_(tokenizer), matcher_(options.max_ngram_order) {}

  void SetReferences(const std::vector<std::string_view>& refs) override {
    // Size the storage first: interned tokens point into these buffers.
    if (ref_tokens_.size() < refs.size()) {
      ref_tokens_.resize(refs.size());
      ref_lowered_.resize(refs.size());
      ref_units_.resize(refs.size());
    }
    size_t total_units = 0, total_bytes = 0;
    for (size_t r = 0; r < refs.size(); ++r) {
      Preprocess(refs[r], &ref_lowered_[r], &ref_tokens_[r]);
      total_units += ref_tokens_[r].size();
      total_bytes += refs[r].size();
    }
    // Under 3.5 bytes a token: mostly single characters (Chinese or
    // Japanese split per character, three bytes each), which the interner's
    // direct table takes faster than its hash table. Only speed depends on
    // the choice.
    interner_.Clear(total_units, 2 * total_bytes < 7 * total_units);
    ref_lens_.clear();
    for (size_t r = 0; r < refs.size(); ++r) {
      const TokenSpans& tokens = ref_tokens_[r];
      std::vector<uint32_t>& units = ref_units_[r];
      units.resize(tokens.size());
      interner_.InternAll(tokens.begin(), tokens.size(), units.data());
      ref_lens_.push_back(static_cast<int64_t>(units.size()));
    }
    matcher_.Reset(total_units);
    for (size_t r = 0; r < refs.size(); ++r) matcher_.AddReference(ref_units_[r].data(), ref_units_[r].size());
  }

  void ScoreHypothesis(std::string_view hyp, int64_t* stats) override {
    const int order = options_.max_ngram_order;
    Preprocess(hyp, &hyp_lowered_, &hyp_tokens_);
    const TokenSpans& tokens = hyp_tokens_;
    units_.resize(tokens.size());
    const auto hyp_len = static_cast<int64_t>(units_.size());
    stats[0] = hyp_len;
    stats[1] = ClosestRefLen(hyp_len);
    int64_t* correct = stats + 2;
    int64_t* total = stats + 2 + order;
    for (int k = 0; k < order; ++k) {
      correct[k] = 0;
      total[k] = std::max<int64_t>(0, hyp_len - k);
    }
    matcher_.CountMatchesFrom(
        tokens.size(), [&](size_t i) { return interner_.Find(tokens[i]); },
        [&](uint32_t* units) { interner_.FindAll(tokens.begin(), tokens.size(), units); }, units_.data(), correct);
  }

 private:
  // The tokens of a line; `lowered` holds the lowercased line when -lc is on
  // (the tokens may point into it).
  void Preprocess(std::string_view line, std::string* lowered, TokenSpans* out) {
    if (options_.lowercase) {
      PyLowerInto(line, lowered);
      tokenizer_->TokenizeSpans(PyRstrip(*lowered), out);
    } else {
      tokenizer_->TokenizeSpans(PyRstrip(line), out);
    }
  }

  // sacreBLEU: the reference length closest to the hypothesis length, the
  // shorter one on ties (-1 when there are no references).
  int64_t ClosestRefLen(int64_t hyp_len) const {
    int64_t best_diff = -1, best_len = -1;
    for (int64_t len : ref_lens_) {
      int64_t diff = std::llabs(hyp_len - len);
      if (best_diff == -1 || diff < best_diff) {
        best_diff = diff;
        best_len = len;
      } else if (diff == best_diff && len < best_len) {
        best_len = len;
      }
    }
    return best_len;
  }

  const BleuOptions& options_;
  const Tokenizer* tokenizer_;
  NgramMatcher matcher_;
  PaddedTokenInterner interner_;  // TokenSpans pads every token
  std::vector<TokenSpans> ref_tokens_;
  std::vector<std::string> ref_lowered_;
  std::vector<std::vector<uint32_t>> ref_units_;
  TokenSpans hyp_tokens_;
  std::string hyp_lowered_;
  std::vector<uint32_t> units_;
  std::vector<int64_t> ref_lens_;
};

std::string FormatFixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

class BleuMetric final : public Metric {
 public:
  explicit BleuMetric(const BleuOptions& options) : options_(options) {
    options_.Validate();
    TokenizerOptions tok;
    tok.name = options_.tokenize;
    tok.target_lang = options_.trg_lang;
    tok.spm_model = options_.spm_model;
    tok.model_dir = options_.model_dir;
    tok.mecab_dic = options_.mecab_dic;
    tokenizer_ = MakeTokenizer(tok);
  }

  std::string Id() const override { return "bleu"; }
  std::string Name() const override { return "BLEU"; }
  size_t NumStats() const override { return 2 + 2 * static_cast<size_t>(options_.max_ngram_order); }

  std::unique_ptr<SegmentScorer> NewScorer() const override {
    return std::make_unique<BleuScorer>(options_, tokenizer_.get());
  }

  // sacreBLEU's BLEU.compute_bleu, operation for operation so that the
  // floating-point result is identical. Writes the (smoothed) counts,
  // totals and precisions (max_ngram_order each) and the brevity penalty.
  double Compute(const int64_t* stats, double* correct, double* total, double* precisions, double* bp_out) const {
    const int order = options_.max_ngram_order;
    const int64_t sys_len = stats[0], ref_len = stats[1];
    const std::string& method = options_.smooth_method;
    const double smooth_value = options_.smooth_value.value_or(DefaultSmoothValue(method));

    double bp = 1.0;
    if (sys_len < ref_len) {
      bp = sys_len > 0 ? std::exp(1.0 - static_cast<double>(ref_len) / static_cast<double>(sys_len)) : 0.0;
    }
    *bp_out = bp;
    double score = 0.0;
    bool any_correct = false;
    for (int n = 0; n < order; ++n) {
      correct[n] = static_cast<double>(stats[2 + n]);
      total[n] = static_cast<double>(stats[2 + order + n]);
      precisions[n] = 0.0;
      any_correct = any_correct || correct[n] != 0.0;
    }
    if (any_correct) {
      double smooth_mteval = 1.0;
      int eff_order = order;
      for (int n = 1; n <= order; ++n) {
        if (method == "add-k" && n > 1) {
          correct[n - 1] += smooth_value;
          total[n - 1] += smooth_value;
        }
        if (total[n - 1] == 0) break;
        if (options_.effective_order) eff_order = n;
        if (correct[n - 1] == 0) {
          if (method == "exp") {
            smooth_mteval *= 2;
            precisions[n - 1] = 100.0 / (smooth_mteval * total[n - 1]);
          } else if (method == "floor") {
            precisions[n - 1] = 100.0 * smooth_value / total[n - 1];
          }
        } else {
          precisions[n - 1] = 100.0 * correct[n - 1] / total[n - 1];
        }
      }
      double log_sum = 0.0;
      for (int n = 0; n < eff_order; ++n) {
        log_sum += precisions[n] == 0.0 ? -9999999999.0 : std::log(precisions[n]);
      }
      score = bp * std::exp(log_sum / eff_order);
    }
    return score;
  }

  double ScoreValue(const int64_t* stats) const override {
    const int order = options_.max_ngram_order;
    if (order > 16) return Score(stats).score;
    double correct[16], total[16], precisions[16], bp;
    return Compute(stats, correct, total, precisions, &bp);
  }

  MetricScore Score(const int64_t* stats) const override {
    const int order = options_.max_ngram_order;
    const int64_t sys_len = stats[0], ref_len = stats[1];
    std::vector<double> correct(order), total(order), precisions(order);
    double bp = 1.0;
    const double score = Compute(stats, correct.data(), total.data(), precisions.data(), &bp);

    MetricScore result;
    result.name = "BLEU";
    result.score = score;
    std::string prec_str;
    for (double p : precisions) prec_str += (prec_str.empty() ? "" : "/") + FormatFixed(p, 1);
    double ratio = ref_len ? static_cast<double>(sys_len) / static_cast<double>(ref_len) : 0.0;
    result.verbose = prec_str + " (BP = " + FormatFixed(bp, 3) + " ratio = " + FormatFixed(ratio, 3) +
                     " hyp_len = " + std::to_string(sys_len) + " ref_len = " + std::to_string(ref_len) + ")";
    auto integral = [](const std::vector<double>& v) {
      for (double x : v) {
        if (x != std::floor(x)) return false;
      }
      return true;
    };
    result.fields.push_back({"counts", correct, true, integral(correct)});
    result.fields.push_back({"totals", total, true, integral(total)});
    result.fields.push_back({"precisions", precisions, true, false});
    result.fields.push_back({"sys_len", {static_cast<double>(sys_len)}, false, true});
    result.fields.push_back({"ref_len", {static_cast<double>(ref_len)}, false, true});
    result.fields.push_back({"bp", {bp}, false, false});
    return result;
  }

  Signature GetSignature(int num_refs) const override {
    Signature sig = BaseSignature(num_refs);
    sig.Add("case", "c", options_.lowercase ? "lc" : "mixed");
    sig.Add("eff", "e", options_.effective_order ? "yes" : "no");
    sig.Add("tok", "tok", tokenizer_->Signature());
    std::string smooth = options_.smooth_method;
    if (smooth == "floor" || smooth == "add-k") {
      smooth += "[" + FormatFixed(options_.smooth_value.value_or(DefaultSmoothValue(smooth)), 2) + "]";
    }
    sig.Add("smooth", "s", smooth);
    return sig;
  }

 private:
  BleuOptions options_;
  std::unique_ptr<Tokenizer> tokenizer_;
};

}  // namespace

void BleuOptions::Validate() const {
  if (smooth_method != "exp" && smooth_method != "floor" && smooth_method != "add-k" && smooth_method != "none") {
    throw Error(ErrorKind::kUsage,
                "invalid BLEU smoothing method '" + smooth_method + "' (allowed: exp, floor, add-k, none)");
  }
  if (max_ngram_order < 1 || max_ngram_order > 64) {
    throw Error(ErrorKind::kUsage,
                "invalid --max-ngram-order " + std::to_string(max_ngram_order) + " (allowed: 1 to 64)");
  }
  if (smooth_value && !std::isfinite(*smooth_value)) {
    throw Error(ErrorKind::kUsage, "invalid --smooth-value: must be a finite number");
  }
}

Bleu::Bleu(const BleuOptions& options)
    : MetricHandle(std::make_shared<BleuMetric>(options)), options_(options) {}

}  // namespace mteval
