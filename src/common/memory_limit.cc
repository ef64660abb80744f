#include "common/memory_limit.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <mteval/error.h>

namespace mteval {
namespace {

// Limits at or above this are "no limit" (cgroups write 2**63 rounded to
// pages).
constexpr uint64_t kUnlimited = uint64_t{1} << 60;

// The first number of a file, or 0 when it cannot be read (or says "max").
uint64_t ReadNumber(const char* path) {
  std::ifstream in(path);
  uint64_t v = 0;
  if (!(in >> v)) return 0;
  return v;
}

// A "Name:   123 kB" field of /proc/self/status or /proc/meminfo, in bytes.
uint64_t ReadKbField(const char* path, const std::string& name) {
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.compare(0, name.size(), name) != 0 || line.size() <= name.size() || line[name.size()] != ':') continue;
    std::istringstream fields(line.substr(name.size() + 1));
    uint64_t kb = 0;
    fields >> kb;
    return kb * 1024;
  }
  return 0;
}

void Consider(uint64_t limit, uint64_t used, const std::string& what, MemoryHeadroom* best) {
  if (limit == 0 || limit >= kUnlimited) return;
  const uint64_t left = limit > used ? limit - used : 0;
  if (left < best->bytes) *best = {left, what};
}

}  // namespace

MemoryHeadroom AvailableMemory() {
  MemoryHeadroom best{UINT64_MAX, "no limit found"};
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  if (pages > 0 && page > 0) {
    Consider(static_cast<uint64_t>(pages) * static_cast<uint64_t>(page), ReadKbField("/proc/self/status", "VmRSS"),
             "physical memory", &best);
  }
  rlimit as{};
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) {
    Consider(static_cast<uint64_t>(as.rlim_cur), ReadKbField("/proc/self/status", "VmSize"),
             "the address-space limit, ulimit -v", &best);
  }
  Consider(ReadNumber("/sys/fs/cgroup/memory.max"), ReadNumber("/sys/fs/cgroup/memory.current"),
           "the cgroup's memory.max", &best);
  Consider(ReadNumber("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
           ReadNumber("/sys/fs/cgroup/memory/memory.usage_in_bytes"), "the cgroup's memory limit", &best);
  return best;
}

std::string FormatBytes(uint64_t bytes) {
  char buf[32];
  const double b = static_cast<double>(bytes);
  if (b >= 1e9) std::snprintf(buf, sizeof buf, "%.1f GB", b / 1e9);
  else if (b >= 1e6) std::snprintf(buf, sizeof buf, "%.0f MB", b / 1e6);
  else std::snprintf(buf, sizeof buf, "%.0f KB", b / 1e3);
  return buf;
}

void CheckMemoryRequest(uint64_t bytes, const std::string& what, const std::string& hint) {
  const MemoryHeadroom room = AvailableMemory();
  if (bytes <= room.bytes) return;
  throw Error(ErrorKind::kOutOfMemory, what + " needs about " + FormatBytes(bytes) + " of memory, more than the " +
                                           FormatBytes(room.bytes) + " this process may still use (" + room.limit +
                                           "); " + hint);
}

}  // namespace mteval
