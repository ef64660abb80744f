#pragma once
// What `mteval score` and `mteval compare` both decide about metrics and
// threads: the target language of -l, and the number of worker threads.

#include <string>
#include <vector>

#include <mteval/metrics.h>

namespace mteval {

// The target language of -l SRC-TGT as sacreBLEU takes it,
// langpair.split('-')[1]: "zh" for "en-zh" and also for "en-zh-TW".
std::string LangPairTarget(const std::string& langpair);

// Throws Error(kUsage) for a --threads value outside 0..256.
void ValidateThreads(int threads);
// The thread count for a --threads value: 0 means one per core, at most 8
// (beyond that, reading the input dominates).
int EffectiveThreads(int requested);

}  // namespace mteval
