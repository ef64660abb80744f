#pragma once
// Process set-up for the mteval executable (not the library): back the main
// heap with transparent huge pages where the kernel allows it.
//
// Why: scoring one test set touches one to two megabytes of fresh heap
// (hash tables, per-segment statistics, token buffers). On the virtual
// machines mteval is benchmarked on, each first touch of a 4 KiB page costs
// 5-12 µs, which adds up to more than the scoring itself; one 2 MiB huge
// page costs about 0.2 ms. glibc can do this only through an environment
// variable read at start-up (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), so the
// CLI arranges it itself. Nothing changes where THP is off, and nothing
// here can fail the run: every step that does not work is skipped.

namespace mteval {

// Call once, first thing in main, before threads start.
void UseHugePagesForHeap();

}  // namespace mteval
