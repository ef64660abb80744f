#pragma once
// Trains a tiny SentencePiece model at test time (the trainer API), so the
// spm tests need no model file from ../shared.

#include <string>
#include <vector>

namespace mteval::testing {

// Deterministic training/test sentences (English-like and a few non-ASCII
// words), `n` of them.
std::vector<std::string> TinySpmSentences(size_t n);

// Trains (once per process) a unigram model of ~200 pieces into a temporary
// directory and returns the .model path. Throws std::runtime_error on failure.
const std::string& TinySpmModelPath();

}  // namespace mteval::testing
