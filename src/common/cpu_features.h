#pragma once
// Which optional instruction sets this CPU (and OS) lets the vectorised
// code paths use. Asked of glibc, which probes the CPU once at start-up
// anyway: libgcc's __builtin_cpu_supports would add a start-up constructor
// of its own that runs the cpuid instruction a dozen times, and on a
// virtual machine each one traps to the hypervisor (measured: 3% of a
// failing `mteval score` run).

namespace mteval {

// AVX2 and POPCNT, both usable.
bool CpuHasAvx2();

}  // namespace mteval
