// Catch2's main, compiled once. The tests run with the AVX2 code paths
// enabled where the CPU has them, as the mteval executable runs (the
// differential tests call the baseline paths directly as well).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "cli/cpu_probe.h"
#include "common/cpu_features.h"

int main(int argc, char* argv[]) {
  mteval::internal::SetCpuHasAvx2(mteval::ProbeCpuHasAvx2());
  return Catch::Session().run(argc, argv);
}
