#pragma once
// Whether the library may run its AVX2 code paths. The library does not
// probe the CPU: the program does (the mteval executable asks glibc at
// start-up, src/cli/cpu_probe.h) and says what it found here, before
// scoring. Until then only the baseline (SSE2) paths run; results are the
// same either way (the differential tests check both).

namespace mteval::internal {

// AVX2 and POPCNT may be used. False until SetCpuHasAvx2(true).
bool CpuHasAvx2();
// Called once by the program, before scoring starts.
void SetCpuHasAvx2(bool has);

}  // namespace mteval::internal
