#pragma once
// BLEU with sacreBLEU 2.x semantics.
//
//   mteval::BleuOptions options;     // sacreBLEU's BLEU() defaults
//   options.tokenize = "intl";       // or leave "" and set trg_lang
//   const mteval::Bleu bleu(options);
//   mteval::MetricScore corpus = bleu.CorpusScore(hyps, refs);   // refs[stream][segment]
//   mteval::BleuOptions sentence_options;
//   sentence_options.effective_order = true;                     // as sacreBLEU's sentence_bleu
//   mteval::MetricScore one = mteval::Bleu(sentence_options).SentenceScore(hyp, {ref1, ref2});
//   // corpus.score; corpus.fields: counts, totals, precisions, sys_len, ref_len, bp

#include <memory>
#include <optional>
#include <string>

#include <mteval/metric.h>

namespace mteval {

// ---- bleu.h
// BLEU (Papineni et al., 2002) with sacreBLEU 2.x semantics: tokenizers,
// closest reference length, max-over-references clipping, and the smoothing
// methods of Chen & Cherry (2014).
//
// Statistics per segment (2 + 2 * max_ngram_order integers):
//   [hyp_len, closest_ref_len, correct_1..correct_N, total_1..total_N]

struct BleuOptions {
  // Tokenizer name (see AvailableTokenizers()); "" picks the default for
  // trg_lang as sacreBLEU does (zh, ja-mecab, ko-mecab, otherwise 13a).
  std::string tokenize;
  // Target language code, used only to choose the default tokenizer.
  std::string trg_lang;
  // Passed to the tokenizer: SentencePiece model file, model directory for
  // named models, MeCab dictionary (see TokenizerOptions).
  std::string spm_model, model_dir, mecab_dic;
  // Lowercase hypothesis and references before tokenizing (Python str.lower()).
  bool lowercase = false;
  // One of "exp", "floor", "add-k", "none".
  std::string smooth_method = "exp";
  // Smoothing value for floor (default 0.1) and add-k (default 1).
  std::optional<double> smooth_value;
  // Highest n-gram order (sacreBLEU: 4). Must be >= 1.
  int max_ngram_order = 4;
  // Average only over n-gram orders that have matches (sentence-level BLEU).
  bool effective_order = false;

  // Throws Error(kUsage) naming the bad field and the allowed values.
  void Validate() const;
};

// The metric. Validates `options` (Error(kUsage) naming a bad field) and
// prepares what it needs (e.g. BLEU's tokenizer; Error(kUnavailable) for a
// tokenizer or model that is not installed). Immutable: const methods may be
// called from several threads at once, and copies share the prepared state.
class Bleu final : public internal::MetricHandle {
 public:
  explicit Bleu(const BleuOptions& options = {});
  const BleuOptions& options() const { return options_; }

 private:
  BleuOptions options_;
};

}  // namespace mteval
