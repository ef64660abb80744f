#include "common/cpu_features.h"

#include <atomic>

namespace mteval::internal {
namespace {

std::atomic<bool> avx2{false};

}  // namespace

bool CpuHasAvx2() { return avx2.load(std::memory_order_relaxed); }

void SetCpuHasAvx2(bool has) { avx2.store(has, std::memory_order_relaxed); }

}  // namespace mteval::internal
