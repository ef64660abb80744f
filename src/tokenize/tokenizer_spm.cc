// sacreBLEU's SentencePiece tokenizers (tokenizer_spm.py):
//     " ".join(sp.EncodeAsPieces(line))
// with the named models flores101 (alias spm), flores200 and spBLEU-1K, plus
// mteval's own `-tok spm --spm-model PATH` for any model file.
//
// SentencePieceProcessor::Encode is const and thread-safe, so one processor
// is shared by every thread. SentencePiece types stay in this file.

#include <sentencepiece_processor.h>
#include <sys/stat.h>

#include "common/error.h"
#include "text/python_str.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/model_files.h"

namespace mteval {
namespace {

class TokenizerSpm final : public Tokenizer {
 public:
  TokenizerSpm(const std::string& path, std::string signature) : signature_(std::move(signature)) {
    sentencepiece::util::Status status = sp_.Load(path);
    if (!status.ok()) {
      throw Error(ErrorKind::kInput,
                  "cannot load SentencePiece model '" + path + "': " + status.ToString());
    }
  }

  std::string Signature() const override { return signature_; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    thread_local std::vector<std::string> pieces;
    pieces.clear();
    sentencepiece::util::Status status = sp_.Encode(line, &pieces);
    if (!status.ok()) throw Error(ErrorKind::kInternal, "SentencePiece failed to encode a line: " + status.ToString());
    // BLEU then calls str.split(); pieces hold no Python whitespace with the
    // usual normalisation rules, but a model with identity normalisation can
    // keep some, so split the joined text the way Python would.
    bool plain = true;
    for (const std::string& p : pieces) {
      if (p.empty()) continue;
      if (!out->empty()) out->push_back(' ');
      out->append(p);
      for (size_t i = 0; i < p.size() && plain;) {
        if (PySpaceLengthAt(p.data() + i, p.data() + p.size())) plain = false;
        i += Utf8SequenceLength(static_cast<unsigned char>(p[i]));
      }
    }
    if (!plain) *out = PyNormalizeSpaces(*out);
  }

 private:
  sentencepiece::SentencePieceProcessor sp_;
  std::string signature_;
};

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerSpm(const std::string& name, const TokenizerOptions& options) {
  if (name == "spm" && !options.spm_model.empty()) {
    if (!IsRegularFile(options.spm_model)) {
      throw Error(ErrorKind::kInput, "SentencePiece model '" + options.spm_model + "' (--spm-model) does not exist");
    }
    // A model of the user's own: the signature carries a short hash of the
    // file, so a score can be traced to the exact model.
    return std::make_unique<TokenizerSpm>(options.spm_model, "spm-" + ShortFileHash(options.spm_model));
  }
  if (!options.spm_model.empty()) {
    throw Error(ErrorKind::kUsage, "--spm-model is used only with -tok spm; -tok " + name +
                                       " uses its own model (looked up in --model-dir, $MTEVAL_MODEL_DIR, "
                                       "~/.sacrebleu/models)");
  }
  const NamedSpmModel* model = FindNamedSpmModel(name);
  if (!model) throw Error(ErrorKind::kUsage, "unknown SentencePiece tokenizer '" + name + "'");
  return std::make_unique<TokenizerSpm>(ResolveNamedSpmModel(*model, options.model_dir), model->signature);
}

}  // namespace mteval
