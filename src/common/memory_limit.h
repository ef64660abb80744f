#pragma once
// How much more memory this process may use, so that a request too big to
// fit is refused before any work starts, with a message that says why,
// rather than ending in an allocation failure (or the kernel's OOM killer)
// part-way.

#include <cstdint>
#include <string>

namespace mteval {

struct MemoryHeadroom {
  uint64_t bytes = 0;  // what the process may still allocate
  std::string limit;   // the limit that decides it, for messages
};

// The smallest of: physical memory less this process's resident memory; the
// address-space limit (RLIMIT_AS, `ulimit -v`) less the address space in
// use; the cgroup's memory limit (v2 memory.max, v1 memory.limit_in_bytes)
// less the cgroup's usage.
MemoryHeadroom AvailableMemory();

// "1.5 GB", "300 MB", "12 KB": a byte count for messages.
std::string FormatBytes(uint64_t bytes);

// Throws Error(kOutOfMemory) when `bytes` exceed AvailableMemory(): "WHAT
// needs about X of memory, more than the Y this process may still use
// (LIMIT); HINT".
void CheckMemoryRequest(uint64_t bytes, const std::string& what, const std::string& hint);

}  // namespace mteval
