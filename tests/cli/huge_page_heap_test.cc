// The CLI's heap set-up: the main heap gets a range marked for transparent
// huge pages, and allocating afterwards still works.

#include <catch2/catch.hpp>

#include <cstring>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/huge_page_heap.h"

namespace mteval {
namespace {

// Whether a [heap] mapping of this process carries madvise(MADV_HUGEPAGE)
// ("hg" in its VmFlags).
bool HeapHasHugePageRange() {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool in_heap = false;
  while (std::getline(smaps, line)) {
    // A mapping's first line starts with its address range ("5581...-5581..."),
    // the lines about it with a field name ("Rss:", "VmFlags:").
    const size_t dash = line.find('-'), colon = line.find(':');
    if (dash != std::string::npos && (colon == std::string::npos || dash < colon)) {
      in_heap = line.find("[heap]") != std::string::npos;
    } else if (in_heap && line.rfind("VmFlags:", 0) == 0 && line.find(" hg") != std::string::npos) {
      return true;
    }
  }
  return false;
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
  UseHugePagesForHeap();
  CHECK(HeapHasHugePageRange());
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
