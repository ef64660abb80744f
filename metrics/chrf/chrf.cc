#include <mteval/chrf.h>

#include <string>

#include <mteval/error.h>
#include "ngram/padded_token_interner.h"
#include "ngram/single_ref_matcher.h"
#include "ngram/token_interner.h"
#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"
#include "tokenize/byte_classes.h"

namespace mteval {
namespace {

// Python's string.punctuation, the set chrF++ splits off words.
bool IsAsciiPunct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}

// sacreBLEU's CHRF._remove_punctuation over str.split(): split one leading
// or trailing ASCII punctuation character off each word of more than one
// character (the trailing one wins, so "(hi)" gives "(hi" and ")").
// The words are views into `padded`, a copy of `s` followed by zero bytes,
// so that they can go to a PaddedTokenInterner; whitespace comes from the
// same byte-class bitmaps as the 13a tokenizer's.
void SplitWords(std::string_view s, std::string* padded, std::vector<std::string_view>* out) {
  out->clear();
  padded->assign(s.data(), s.size());
  padded->append(PaddedTokenInterner::kPadding, '\0');
  thread_local std::vector<uint64_t> space, special;
  const size_t n = s.size();
  ClassifyBytes(padded->data(), n, &space, &special);
  const char* base = padded->data();
  ForEachWord(space.data(), n, [&](size_t b, size_t e) {
    const std::string_view w(base + b, e - b);
    if (w.size() == Utf8SequenceLength(static_cast<unsigned char>(w[0]))) {  // one character
      out->push_back(w);
    } else if (IsAsciiPunct(static_cast<unsigned char>(w.back()))) {
      out->push_back(w.substr(0, w.size() - 1));
      out->push_back(w.substr(w.size() - 1));
    } else if (IsAsciiPunct(static_cast<unsigned char>(w.front()))) {
      out->push_back(w.substr(0, 1));
      out->push_back(w.substr(1));
    } else {
      out->push_back(w);
    }
  });
}

// For ASCII byte c, 1 when chrF counts it: everything but Python
// whitespace, unless whitespace is kept.
struct AsciiCounted {
  uint8_t keep_whitespace[128];
  uint8_t drop_whitespace[128];
};
constexpr AsciiCounted MakeAsciiCounted() {
  AsciiCounted t{};
  for (unsigned c = 0; c < 128; ++c) {
    t.keep_whitespace[c] = 1;
    t.drop_whitespace[c] = IsPySpace(c) ? 0 : 1;
  }
  return t;
}
constexpr AsciiCounted kAsciiCounted = MakeAsciiCounted();

// Writes id(c) for each code point c of `s` (without whitespace unless
// `keep_whitespace`) into `out`, returning the count. `out` only grows, so
// it is never zero-filled again; the ids are taken in the same pass.
template <typename IdOf>
size_t CharUnits(std::string_view s, bool keep_whitespace, std::vector<uint32_t>* out, IdOf&& id_of) {
  if (out->size() < s.size()) out->resize(s.size());  // at most one unit per byte
  uint32_t* o = out->data();
  size_t n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  const uint8_t* counted = keep_whitespace ? kAsciiCounted.keep_whitespace : kAsciiCounted.drop_whitespace;
  while (p < end) {
    if (*p < 0x80) {
      // A run of ASCII in a loop of its own: no decoding, and whitespace
      // from a table. Branch-free: spaces are written and then overwritten,
      // since where they fall in the text is unpredictable. (A skipped
      // space may get an id; ids are only labels.)
      do {
        const unsigned c = *p++;
        o[n] = id_of(c);
        n += counted[c];
      } while (p < end && *p < 0x80);
      continue;
    }
    const char* q = reinterpret_cast<const char*>(p);
    if (!keep_whitespace) {
      size_t ws = PySpaceLengthAt(q, reinterpret_cast<const char*>(end));
      if (ws) {
        p += ws;
        continue;
      }
    }
    o[n++] = id_of(DecodeUtf8(q));
    p = reinterpret_cast<const unsigned char*>(q);
  }
  return n;
}

// sacreBLEU's CHRF._compute_f_score, operation for operation. Q is the type
// precision and recall are computed in: double for integer statistics, float
// for the float32 statistics of sacreBLEU's bootstrap (numpy 1.x divides two
// float32 scalars in float32; the rest of the arithmetic is double).
template <typename Q, typename T>
double ChrfFScoreT(const T* stats, int order, int beta, bool eps_smoothing) {
  const double eps = 1e-16;
  const double factor = static_cast<double>(beta) * beta;
  double score = 0.0, avg_prec = 0.0, avg_rec = 0.0;
  int effective_order = 0;
  for (int i = 0; i < order; ++i) {
    const Q n_hyp = static_cast<Q>(stats[3 * i]), n_ref = static_cast<Q>(stats[3 * i + 1]),
            n_match = static_cast<Q>(stats[3 * i + 2]);
    double prec = n_hyp > 0 ? static_cast<double>(n_match / n_hyp) : eps;
    double rec = n_ref > 0 ? static_cast<double>(n_match / n_ref) : eps;
    double denom = factor * prec + rec;
    score += denom > 0 ? (1 + factor) * prec * rec / denom : eps;
    if (n_hyp > 0 && n_ref > 0) {
      avg_prec += prec;
      avg_rec += rec;
      ++effective_order;
    }
  }
  if (eps_smoothing) return 100 * score / order;
  if (effective_order == 0) {
    avg_prec = avg_rec = 0.0;
  } else {
    avg_prec /= effective_order;
    avg_rec /= effective_order;
  }
  if (avg_prec + avg_rec != 0.0) {
    score = (1 + factor) * avg_prec * avg_rec;
    score /= (factor * avg_prec) + avg_rec;
    return 100 * score;
  }
  return 0.0;
}

double ChrfFScore(const int64_t* stats, int order, int beta, bool eps_smoothing) {
  return ChrfFScoreT<double>(stats, order, beta, eps_smoothing);
}

class ChrfScorer final : public SegmentScorer {
 public:
  explicit ChrfScorer(const ChrfOptions& options) : options_(options) {}

  void SetReferences(const std::vector<std::string_view>& refs) override {
    const size_t n = refs.size();
    if (refs_.size() < n) refs_.resize(n, Ref(options_));
    num_refs_ = n;
    size_t total_words = 0, total_chars = 0;
    for (size_t r = 0; r < n; ++r) total_chars += refs[r].size();
    char_ids_.Clear(total_chars / 2 + 1);
    for (size_t r = 0; r < n; ++r) {
      Ref& ref = refs_[r];
      std::string_view text = refs[r];
      if (options_.lowercase) {
        PyLowerInto(text, &ref.lowered);
        text = ref.lowered;
      }
      ref.num_chars = CharUnits(text, options_.whitespace, &ref.chars, [&](uint32_t c) { return char_ids_.Intern(c); });
      ref.char_matcher.SetReference(ref.chars.data(), ref.num_chars);
      if (options_.word_order > 0) {
        SplitWords(text, &ref.padded, &ref.word_views);
        total_words += ref.word_views.size();
      }
    }
    if (options_.word_order > 0) {
      interner_.Clear(total_words);
      for (size_t r = 0; r < n; ++r) {
        Ref& ref = refs_[r];
        ref.words.clear();
        for (std::string_view w : ref.word_views) ref.words.push_back(interner_.Intern(w));
        ref.word_matcher.SetReference(ref.words.data(), ref.words.size());
      }
    }
  }

  void ScoreHypothesis(std::string_view hyp, int64_t* stats) override {
    const int nc = options_.char_order, nw = options_.word_order, order = nc + nw;
    if (options_.lowercase) {
      PyLowerInto(hyp, &hyp_lowered_);
      hyp = hyp_lowered_;
    }
    const size_t num_hyp_chars =
        CharUnits(hyp, options_.whitespace, &hyp_chars_, [&](uint32_t c) { return char_ids_.Find(c); });
    if (nw > 0) {
      SplitWords(hyp, &hyp_padded_, &hyp_word_views_);
      hyp_words_.clear();
      for (std::string_view w : hyp_word_views_) hyp_words_.push_back(interner_.Find(w));
    }
    candidate_.assign(3 * static_cast<size_t>(order), 0);
    double best_f = -1.0;
    bool have_best = false;
    for (size_t r = 0; r < num_refs_; ++r) {
      Ref& ref = refs_[r];
      matches_.assign(static_cast<size_t>(order), 0);
      Fill(num_hyp_chars, ref.num_chars, nc, candidate_.data());
      ref.char_matcher.CountMatches(hyp_chars_.data(), num_hyp_chars, matches_.data());
      if (nw > 0) {
        Fill(hyp_words_.size(), ref.words.size(), nw, candidate_.data() + 3 * nc);
        ref.word_matcher.CountMatches(hyp_words_.data(), hyp_words_.size(), matches_.data() + nc);
      }
      for (int i = 0; i < order; ++i) candidate_[3 * i + 2] = matches_[i];
      if (num_refs_ == 1) {  // the only candidate: its F-score (never negative) would win
        std::copy(candidate_.begin(), candidate_.end(), stats);
        return;
      }
      double f = ChrfFScore(candidate_.data(), order, options_.beta, options_.eps_smoothing);
      if (f > best_f) {
        best_f = f;
        have_best = true;
        std::copy(candidate_.begin(), candidate_.end(), stats);
      }
    }
    if (!have_best) std::fill(stats, stats + 3 * order, 0);
  }

 private:
  struct Ref {
    explicit Ref(const ChrfOptions& o) : char_matcher(o.char_order), word_matcher(o.word_order > 0 ? o.word_order : 1) {}
    std::string lowered;
    std::vector<uint32_t> chars, words;  // chars: the first num_chars are valid
    size_t num_chars = 0;
    std::string padded;  // the words point into it (see SplitWords)
    std::vector<std::string_view> word_views;
    SingleRefMatcher char_matcher, word_matcher;
  };

  // Hypothesis and reference n-gram totals for orders 1..max; sacreBLEU counts
  // no hypothesis n-grams of an order for which the reference has none.
  void Fill(size_t hyp_len, size_t ref_len, int max_order, int64_t* out) {
    for (int k = 0; k < max_order; ++k) {
      int64_t h = std::max<int64_t>(0, static_cast<int64_t>(hyp_len) - k);
      int64_t r = std::max<int64_t>(0, static_cast<int64_t>(ref_len) - k);
      out[3 * k] = r > 0 ? h : 0;
      out[3 * k + 1] = r;
    }
  }

  const ChrfOptions& options_;
  std::vector<Ref> refs_;
  size_t num_refs_ = 0;
  PaddedTokenInterner interner_;  // SplitWords pads every word
  UnitInterner char_ids_;  // code points -> dense ids, so n-grams pack into bytes
  std::string hyp_lowered_;
  std::vector<uint32_t> hyp_chars_, hyp_words_;
  std::vector<std::string_view> hyp_word_views_;
  std::string hyp_padded_;
  std::vector<int64_t> candidate_, matches_;
};

class ChrfMetric final : public Metric {
 public:
  explicit ChrfMetric(const ChrfOptions& options) : options_(options) { options_.Validate(); }

  std::string Id() const override { return "chrf"; }
  std::string Name() const override {
    return "chrF" + std::to_string(options_.beta) + std::string(static_cast<size_t>(options_.word_order), '+');
  }
  size_t NumStats() const override { return 3 * static_cast<size_t>(options_.char_order + options_.word_order); }
  std::unique_ptr<SegmentScorer> NewScorer() const override { return std::make_unique<ChrfScorer>(options_); }

  MetricScore Score(const int64_t* stats) const override {
    MetricScore result;
    result.name = Name();
    result.score = ChrfFScore(stats, options_.char_order + options_.word_order, options_.beta, options_.eps_smoothing);
    result.fields.push_back({"char_order", {double(options_.char_order)}, false, true});
    result.fields.push_back({"word_order", {double(options_.word_order)}, false, true});
    result.fields.push_back({"beta", {double(options_.beta)}, false, true});
    return result;
  }

  double ScoreValue(const int64_t* stats) const override {
    return ChrfFScore(stats, options_.char_order + options_.word_order, options_.beta, options_.eps_smoothing);
  }

  double ResampledScore(const double* stats) const override {
    return ChrfFScoreT<float>(stats, options_.char_order + options_.word_order, options_.beta, options_.eps_smoothing);
  }

  Signature GetSignature(int num_refs) const override {
    Signature sig = BaseSignature(num_refs);
    sig.Add("case", "c", options_.lowercase ? "lc" : "mixed");
    sig.Add("eff", "e", options_.eps_smoothing ? "no" : "yes");
    sig.Add("nc", "nc", std::to_string(options_.char_order));
    sig.Add("nw", "nw", std::to_string(options_.word_order));
    sig.Add("space", "s", options_.whitespace ? "yes" : "no");
    return sig;
  }

 private:
  ChrfOptions options_;
};

}  // namespace

void ChrfOptions::Validate() const {
  if (char_order < 1 || char_order > 64) {
    throw Error(ErrorKind::kUsage, "invalid --chrf-char-order " + std::to_string(char_order) + " (allowed: 1 to 64)");
  }
  if (word_order < 0 || word_order > 64) {
    throw Error(ErrorKind::kUsage, "invalid --chrf-word-order " + std::to_string(word_order) + " (allowed: 0 to 64)");
  }
  // 0 weighs precision only (sacreBLEU accepts it: chrF0). sacreBLEU also
  // takes negative values, which square to a positive weight under a
  // misleading name; those are refused.
  if (beta < 0) {
    throw Error(ErrorKind::kUsage, "invalid --chrf-beta " + std::to_string(beta) + " (allowed: an integer >= 0)");
  }
}

Chrf::Chrf(const ChrfOptions& options)
    : MetricHandle(std::make_shared<ChrfMetric>(options)), options_(options) {}

}  // namespace mteval
