#include "support/sacrebleu_options.h"

#include <stdexcept>

namespace mteval::testing {

MetricOptions SacrebleuMetricOptions(const std::string& metric, const nlohmann::json& args) {
  MetricOptions m;
  for (const auto& [key, value] : args.items()) {
    if (metric == "bleu") {
      if (key == "tokenize") {
        m.bleu.tokenize = value.get<std::string>();
      } else if (key == "lowercase") {
        m.bleu.lowercase = value.get<bool>();
      } else if (key == "smooth_method") {
        m.bleu.smooth_method = value.get<std::string>();
      } else if (key == "smooth_value") {
        m.bleu.smooth_value = value.get<double>();
      } else if (key == "max_ngram_order") {
        m.bleu.max_ngram_order = value.get<int>();
      } else if (key == "effective_order") {
        m.bleu.effective_order = value.get<bool>();
      } else if (key != "force") {
        throw std::invalid_argument("no mteval option for sacreBLEU's BLEU argument " + key);
      }
    } else if (metric == "chrf") {
      if (key == "char_order") {
        m.chrf.char_order = value.get<int>();
      } else if (key == "word_order") {
        m.chrf.word_order = value.get<int>();
      } else if (key == "beta") {
        m.chrf.beta = value.get<int>();
      } else if (key == "lowercase") {
        m.chrf.lowercase = value.get<bool>();
      } else if (key == "whitespace") {
        m.chrf.whitespace = value.get<bool>();
      } else if (key == "eps_smoothing") {
        m.chrf.eps_smoothing = value.get<bool>();
      } else {
        throw std::invalid_argument("no mteval option for sacreBLEU's CHRF argument " + key);
      }
    } else if (metric == "ter") {
      if (key == "normalized") {
        m.ter.normalized = value.get<bool>();
      } else if (key == "no_punct") {
        m.ter.no_punct = value.get<bool>();
      } else if (key == "asian_support") {
        m.ter.asian_support = value.get<bool>();
      } else if (key == "case_sensitive") {
        m.ter.case_sensitive = value.get<bool>();
      } else {
        throw std::invalid_argument("no mteval option for sacreBLEU's TER argument " + key);
      }
    } else {
      throw std::invalid_argument("not a sacreBLEU metric: " + metric);
    }
  }
  return m;
}

std::string SignatureWithoutVersion(const std::string& signature) {
  return signature.substr(0, signature.rfind("|version:"));
}

}  // namespace mteval::testing
