#include "support/tiny_spm_model.h"

#include <sentencepiece_trainer.h>

#include <mutex>
#include <stdexcept>

#include "support/test_paths.h"

namespace mteval::testing {

std::vector<std::string> TinySpmSentences(size_t n) {
  static const char* kWords[] = {"the",     "model",  "translates", "sentences", "into",    "German", "and",
                                 "French",  "quickly", "evaluation", "metrics",  "are",     "useful", "tokens",
                                 "Zürich",  "naïve",  "café",       "über",      "日本語",  "東京",   "score",
                                 "BLEU",    "chrF",   "segments",   "reference", "systems", "output", "line"};
  const size_t nw = sizeof kWords / sizeof kWords[0];
  std::vector<std::string> out;
  uint64_t x = 88172645463325252ull;
  for (size_t i = 0; i < n; ++i) {
    std::string s;
    size_t len = 3 + i % 9;
    for (size_t k = 0; k < len; ++k) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      if (!s.empty()) s += ' ';
      s += kWords[x % nw];
    }
    s += (i % 3 == 0) ? "." : (i % 3 == 1 ? "!" : ", 2024.");
    out.push_back(s);
  }
  return out;
}

const std::string& TinySpmModelPath() {
  static std::once_flag once;
  static std::string path;
  std::call_once(once, [] {
    std::string dir = MakeTempDir();
    std::string text;
    for (const std::string& s : TinySpmSentences(2000)) text += s + "\n";
    WriteFile(dir + "/train.txt", text);
    const std::string prefix = dir + "/tiny";
    auto status = sentencepiece::SentencePieceTrainer::Train(
        "--input=" + dir + "/train.txt --model_prefix=" + prefix +
        " --vocab_size=200 --model_type=unigram --character_coverage=1.0 --hard_vocab_limit=false"
        " --num_threads=1 --minloglevel=2");
    if (!status.ok()) throw std::runtime_error("training the tiny SentencePiece model failed: " + status.ToString());
    path = prefix + ".model";
  });
  return path;
}

}  // namespace mteval::testing
