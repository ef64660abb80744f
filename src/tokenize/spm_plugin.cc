// libmteval_spm.so: SentencePiece behind the C interface of spm_plugin.h.
// Built as a separate shared library (not part of mteval_core) because
// SentencePiece exists only as a shared library linked against the shared
// libstdc++, and the mteval executable links libstdc++ statically. Every
// entry point catches everything: no exception may leave the plugin.

#include "tokenize/spm_plugin.h"

#include <sentencepiece_processor.h>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

struct mteval_spm_model {
  sentencepiece::SentencePieceProcessor processor;
};

namespace {

void CopyError(const std::string& message, char* error, size_t error_size) {
  if (!error || error_size == 0) return;
  size_t n = message.size() < error_size - 1 ? message.size() : error_size - 1;
  std::memcpy(error, message.data(), n);
  error[n] = '\0';
}

}  // namespace

extern "C" int mteval_spm_abi_version(void) { return MTEVAL_SPM_ABI_VERSION; }

extern "C" mteval_spm_model* mteval_spm_open(const char* path, char* error, size_t error_size) {
  mteval_spm_model* model = nullptr;
  try {
    model = new mteval_spm_model;
    sentencepiece::util::Status status = model->processor.Load(path);
    if (status.ok()) return model;
    CopyError(status.ToString(), error, error_size);
  } catch (const std::exception& e) {
    CopyError(e.what(), error, error_size);
  } catch (...) {
    CopyError("unknown exception in SentencePiece", error, error_size);
  }
  delete model;
  return nullptr;
}

extern "C" int mteval_spm_encode(const mteval_spm_model* model, const char* text, size_t size,
                                 mteval_spm_piece_fn piece_fn, void* context, char* error,
                                 size_t error_size) {
  try {
    // SentencePieceProcessor::Encode is const and thread-safe; the pieces
    // vector is per thread to reuse its strings from line to line.
    thread_local std::vector<std::string> pieces;
    pieces.clear();
    sentencepiece::util::Status status = model->processor.Encode(std::string_view(text, size), &pieces);
    if (!status.ok()) {
      CopyError(status.ToString(), error, error_size);
      return 1;
    }
    for (const std::string& p : pieces) {
      if (piece_fn(context, p.data(), p.size()) != 0) return 2;
    }
    return 0;
  } catch (const std::exception& e) {
    CopyError(e.what(), error, error_size);
  } catch (...) {
    CopyError("unknown exception in SentencePiece", error, error_size);
  }
  return 1;
}

extern "C" void mteval_spm_close(mteval_spm_model* model) { delete model; }
