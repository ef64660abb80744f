#pragma once
// Where the benchmarks find WMT22 in ../shared (or $MTEVAL_SHARED_DIR), and
// the loading every benchmark used to repeat: paths of a pair's reference A
// and system outputs, a loaded one-reference corpus with its byte count.

#include <cstdint>
#include <string>
#include <vector>

#include <mteval/corpus.h>

namespace mteval::bench {

// The shared data folder (not checked for existence).
std::string SharedDir();

bool FileExists(const std::string& path);

// generaltest2022.PAIR.ref.A.TGT and generaltest2022.PAIR.hyp.SYSTEM.TGT.
std::string Wmt22RefPath(const std::string& pair);
std::string Wmt22HypPath(const std::string& pair, const std::string& system);

// Every system of a pair found in system-outputs/, sorted by name.
std::vector<std::string> Wmt22Systems(const std::string& pair);

struct Wmt22Corpus {
  TextCorpus corpus;
  int64_t bytes = 0;  // reference plus system text, newlines counted
  bool ok = false;    // false when the files are absent
};

// Reference A and the given systems of `pair`, loaded as mteval score does.
Wmt22Corpus LoadWmt22(const std::string& pair, const std::vector<std::string>& systems);

}  // namespace mteval::bench
