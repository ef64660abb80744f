#pragma once
// Loads sacreBLEU 2.6.0's reference figures from ../shared/parity and the
// WMT22 text files they refer to (cached, since many lines share files).

#include <map>
#include <string>
#include <vector>

#include "corpus/text_corpus.h"

namespace mteval::testing {

// Lines of <shared>/wmt22/<relative path>, read as the CLI reads files.
const std::vector<std::string>& Wmt22Lines(const std::string& relative_path);

// Builds a corpus of the given references and system outputs (paths
// relative to wmt22/).
TextCorpus Wmt22Corpus(const std::vector<std::string>& refs, const std::vector<std::string>& hyps);

// The language pairs present in the parity folder.
std::vector<std::string> ParityPairs();

// The lines of a parity file (e.g. "zh-en.corpus.jsonl").
std::vector<std::string> ParityFileLines(const std::string& name);

}  // namespace mteval::testing
