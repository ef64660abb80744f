#include "app/metric_setup.h"

#include <algorithm>
#include <thread>

#include <mteval/error.h>

namespace mteval {

std::string LangPairTarget(const std::string& langpair) {
  const size_t begin = langpair.find('-');
  if (begin == std::string::npos) return "";
  const size_t end = langpair.find('-', begin + 1);
  return langpair.substr(begin + 1, end == std::string::npos ? std::string::npos : end - begin - 1);
}

void ValidateThreads(int threads) {
  if (threads < 0 || threads > 256) {
    throw Error(ErrorKind::kUsage, "argument --threads: " + std::to_string(threads) + " is out of range (0 to 256)");
  }
}

int EffectiveThreads(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}
}  // namespace mteval
