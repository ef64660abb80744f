#include "cli/cpu_probe.h"

// clang (the fuzz build) cannot compile glibc's header in C++ (it uses C's
// _Bool), so it takes the libgcc builtin below.
#if defined(__x86_64__) && defined(__has_include) && !defined(__clang__)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define MTEVAL_GLIBC_CPU_FEATURES 1
#endif
#endif

namespace mteval {

bool ProbeCpuHasAvx2() {
#if defined(MTEVAL_GLIBC_CPU_FEATURES)
  return CPU_FEATURE_ACTIVE(AVX2) && CPU_FEATURE_ACTIVE(POPCNT);
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
#else
  return false;
#endif
}

}  // namespace mteval
