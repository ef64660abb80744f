#pragma once
// Loads sacreBLEU 2.6.0's reference figures from ../shared/parity and the
// WMT22 text files they refer to (cached, since many lines share files).

#include <map>
#include <string>
#include <vector>

#include <mteval/corpus.h>

namespace mteval::testing {

// Lines of <shared>/wmt22/<relative path>, read as the CLI reads files.
const std::vector<std::string>& Wmt22Lines(const std::string& relative_path);

// Builds a corpus of the given references and system outputs (paths
// relative to wmt22/).
TextCorpus Wmt22Corpus(const std::vector<std::string>& refs, const std::vector<std::string>& hyps);

// The language pairs present in the parity folder.
std::vector<std::string> ParityPairs();

// The non-empty lines of a parity file (e.g. "zh-en.corpus.jsonl"); throws
// std::runtime_error naming the file when it cannot be read or has none.
std::vector<std::string> ParityFileLines(const std::string& name);

// The fields of a line of a parity .tsv file (a trailing empty field is
// dropped, as std::getline does).
std::vector<std::string> SplitTab(const std::string& line);

// A WMT22 system output relative to wmt22/, e.g. ("zh-en", "DLUT") ->
// "system-outputs/generaltest2022.zh-en.hyp.DLUT.en".
std::string Wmt22HypPath(const std::string& pair, const std::string& system);

}  // namespace mteval::testing
