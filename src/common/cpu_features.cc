#include "common/cpu_features.h"

// clang (the fuzz build) cannot compile glibc's header in C++ (it uses C's
// _Bool), so it takes the libgcc builtin below.
#if defined(__x86_64__) && defined(__has_include) && !defined(__clang__)
#if __has_include(<sys/platform/x86.h>)
#include <sys/platform/x86.h>
#define MTEVAL_GLIBC_CPU_FEATURES 1
#endif
#endif

namespace mteval {

bool CpuHasAvx2() {
#if defined(MTEVAL_GLIBC_CPU_FEATURES)
  static const bool has = CPU_FEATURE_ACTIVE(AVX2) && CPU_FEATURE_ACTIVE(POPCNT);
  return has;
#elif defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt");
  return has;
#else
  return false;
#endif
}

}  // namespace mteval
