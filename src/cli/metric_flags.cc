#include "cli/metric_flags.h"

#include <algorithm>
#include <thread>

#include <mteval/error.h>
#include "tokenize/tokenizer.h"

namespace mteval {

std::vector<ArgSpec> MetricArgSpecs() {
  std::vector<std::string> toks = AvailableTokenizers();
  for (const char* extra : {"ja-mecab", "ko-mecab", "spm", "flores101", "flores200", "spBLEU-1K"}) {
    if (std::find(toks.begin(), toks.end(), extra) == toks.end()) toks.emplace_back(extra);
  }
  return {
      {"tokenize", {"--tokenize", "-tok"}, ArgKind::kValue, toks, "BLEU tokenizer"},
      {"spm_model", {"--spm-model"}, ArgKind::kValue, {}, "SentencePiece model file for -tok spm"},
      {"model_dir", {"--model-dir"}, ArgKind::kValue, {}, "directory of named SentencePiece models (flores101, ...)"},
      {"mecab_dic", {"--mecab-dic"}, ArgKind::kValue, {}, "MeCab dictionary directory (ko-mecab)"},
      {"lowercase", {"--lowercase", "-lc"}, ArgKind::kFlag, {}, "case-insensitive BLEU"},
      {"smooth_method", {"--smooth-method", "-s"}, ArgKind::kValue, {"none", "floor", "add-k", "exp"}, "BLEU smoothing"},
      {"smooth_value", {"--smooth-value", "-sv"}, ArgKind::kValue, {}, "BLEU smoothing value (floor: 0.1, add-k: 1)"},
      {"max_ngram_order", {"--max-ngram-order"}, ArgKind::kValue, {}, "BLEU maximum n-gram order (default 4)"},
      {"chrf_char_order", {"--chrf-char-order", "-cc"}, ArgKind::kValue, {}, "chrF character n-gram order (6)"},
      {"chrf_word_order", {"--chrf-word-order", "-cw"}, ArgKind::kValue, {}, "chrF word n-gram order (0; 2 = chrF++)"},
      {"chrf_beta", {"--chrf-beta"}, ArgKind::kValue, {}, "chrF recall weight (2)"},
      {"chrf_whitespace", {"--chrf-whitespace"}, ArgKind::kFlag, {}, "keep whitespace in character n-grams"},
      {"chrf_lowercase", {"--chrf-lowercase"}, ArgKind::kFlag, {}, "case-insensitive chrF"},
      {"chrf_eps_smoothing", {"--chrf-eps-smoothing"}, ArgKind::kFlag, {}, "chrF++.py eps smoothing"},
      {"ter_case_sensitive", {"--ter-case-sensitive"}, ArgKind::kFlag, {}, "case-sensitive TER"},
      {"ter_asian_support", {"--ter-asian-support"}, ArgKind::kFlag, {}, "TER: special treatment of Asian characters"},
      {"ter_no_punct", {"--ter-no-punct"}, ArgKind::kFlag, {}, "TER: remove punctuation"},
      {"ter_normalized", {"--ter-normalized"}, ArgKind::kFlag, {}, "TER: tercom normalisation and tokenization"},
  };
}

void ReadMetricArgs(const ParsedArgs& a, MetricOptions* out) {
  BleuOptions& bleu = out->bleu;
  bleu.tokenize = a.Value("tokenize").value_or("");
  bleu.lowercase = a.Flag("lowercase");
  bleu.spm_model = a.Value("spm_model").value_or("");
  bleu.model_dir = a.Value("model_dir").value_or("");
  bleu.mecab_dic = a.Value("mecab_dic").value_or("");
  bleu.smooth_method = a.Value("smooth_method").value_or("exp");
  bleu.smooth_value = a.Double("smooth_value");
  bleu.max_ngram_order = a.Int("max_ngram_order", 4);

  ChrfOptions& chrf = out->chrf;
  chrf.char_order = a.Int("chrf_char_order", 6);
  chrf.word_order = a.Int("chrf_word_order", 0);
  chrf.beta = a.Int("chrf_beta", 2);
  chrf.whitespace = a.Flag("chrf_whitespace");
  chrf.lowercase = a.Flag("chrf_lowercase");
  chrf.eps_smoothing = a.Flag("chrf_eps_smoothing");

  TerOptions& ter = out->ter;
  ter.case_sensitive = a.Flag("ter_case_sensitive");
  ter.asian_support = a.Flag("ter_asian_support");
  ter.no_punct = a.Flag("ter_no_punct");
  ter.normalized = a.Flag("ter_normalized");
}

ArgSpec ThreadsArgSpec() {
  return {"threads", {"--threads"}, ArgKind::kValue, {}, "worker threads; 0 = one per CPU core (default 0)"};
}

int ReadThreadsArg(const ParsedArgs& a) { return a.Int("threads", 0); }

}  // namespace mteval
