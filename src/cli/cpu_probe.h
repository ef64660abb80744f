#pragma once
// Which optional instruction sets this CPU (and OS) lets the vectorised
// code paths use, asked of glibc, which probes the CPU once at start-up
// anyway: libgcc's __builtin_cpu_supports would add a start-up constructor
// of its own that runs the cpuid instruction a dozen times, and on a
// virtual machine each one traps to the hypervisor (measured: 3% of a
// failing `mteval score` run). Part of the executable (and of the test and
// benchmark programs), not of the library: the program tells the library
// what it found with internal::SetCpuHasAvx2.

namespace mteval {

// AVX2 and POPCNT, both usable.
bool ProbeCpuHasAvx2();

}  // namespace mteval
