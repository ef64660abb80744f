#pragma once
// BLEU (Papineni et al., 2002) with sacreBLEU 2.x semantics: tokenizers,
// closest reference length, max-over-references clipping, and the smoothing
// methods of Chen & Cherry (2014).
//
// Statistics per segment (2 + 2 * max_ngram_order integers):
//   [hyp_len, closest_ref_len, correct_1..correct_N, total_1..total_N]

#include <memory>
#include <optional>
#include <string>

#include "metric/metric.h"

namespace mteval {

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

// Creates the BLEU metric (validates the options).
std::unique_ptr<Metric> MakeBleu(const BleuOptions& options);

}  // namespace mteval
