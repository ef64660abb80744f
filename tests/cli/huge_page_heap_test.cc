// The CLI's heap set-up: the main heap gets a range marked for transparent
// huge pages, and allocating afterwards still works.

#include <catch2/catch.hpp>

#include <malloc.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/huge_page_heap.h"

namespace mteval {
namespace {

// Start of the [heap] mapping of this process that carries
// madvise(MADV_HUGEPAGE) ("hg" in its VmFlags), or 0 when there is none.
uintptr_t HugePageRangeStart() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  uintptr_t start = 0;
  bool in_heap = false;
  while (std::getline(smaps, line)) {
    // A mapping's first line starts with its address range ("5581...-5581..."),
    // the lines about it with a field name ("Rss:", "VmFlags:").
    const size_t dash = line.find('-'), colon = line.find(':');
    if (dash != std::string::npos && (colon == std::string::npos || dash < colon)) {
      in_heap = line.find("[heap]") != std::string::npos;
      start = std::stoull(line.substr(0, dash), nullptr, 16);
    } else if (in_heap && line.rfind("VmFlags:", 0) == 0 && line.find(" hg") != std::string::npos) {
      return start;
    }
  }
  return 0;
}

bool ThpAvailable() {
  std::ifstream f("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string modes;
  return std::getline(f, modes) && modes.find("[never]") == std::string::npos;
}

}  // namespace

TEST_CASE("the CLI's heap set-up marks a huge-page range and malloc keeps working", "[cli][heap]") {
#if defined(__SANITIZE_ADDRESS__)
  WARN("skipped: AddressSanitizer's allocator does not use the heap this set-up arranges");
  return;
#endif
  if (!ThpAvailable()) {
    WARN("skipped: transparent huge pages are off on this machine");
    return;
  }
  // The old top of the heap is grown first (with the set-up's own malloc
  // settings, so that the block comes from the heap and is not trimmed
  // when freed). A probe block larger than all the free space outside the
  // top can then only come from a top: the old one unless the set-up takes
  // it out of use, which is what is checked.
  REQUIRE(mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1);
  REQUIRE(mallopt(M_TRIM_THRESHOLD, 64 << 20) == 1);
  {
    void* volatile grow = std::malloc(size_t{512} << 10);
    std::free(grow);
  }
  constexpr size_t kProbe = size_t{320} << 10;
  const struct mallinfo2 before = mallinfo2();
  const bool probe_tells = before.fordblks - before.keepcost < kProbe && before.keepcost > kProbe + (16 << 10);
  UseHugePagesForHeap();
  const uintptr_t range = HugePageRangeStart();
  CHECK(range != 0);
  if (probe_tells) {
    std::unique_ptr<char[]> probe(new char[kProbe]);
    // At most the page of chunk headers below the range.
    CHECK(reinterpret_cast<uintptr_t>(probe.get()) + 4096 >= range);
  } else {
    WARN("the old heap top is too small or free chunks too large to tell where small allocations go");
  }
  // Allocations of every size still work and keep their contents.
  std::vector<std::unique_ptr<char[]>> blocks;
  for (size_t size = 1; size <= (size_t{4} << 20); size *= 3) {
    blocks.emplace_back(new char[size]);
    std::memset(blocks.back().get(), static_cast<int>(size & 0x7F), size);
  }
  size_t size = 1;
  for (const auto& b : blocks) {
    CHECK(b[size - 1] == static_cast<char>(size & 0x7F));
    size *= 3;
  }
}

}  // namespace mteval
