#include "cli/huge_page_heap.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>

namespace mteval {
namespace {

constexpr uintptr_t kHugePage = uintptr_t{2} << 20;

char* AlignUp(char* p) {
  return reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(p) + kHugePage - 1) & ~(kHugePage - 1));
}
char* AlignDown(char* p) { return reinterpret_cast<char*>(reinterpret_cast<uintptr_t>(p) & ~(kHugePage - 1)); }

}  // namespace

void UseHugePagesForHeap() {
  // Large blocks from the heap too (not one mmap each, which would get
  // small pages), the heap grown 16 MiB at a time, and its top never given
  // back (trimming would split the huge pages). Only address space is
  // reserved: pages are allocated when first touched.
  if (mallopt(M_ARENA_MAX, 1) == 0 || mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0 || mallopt(M_TOP_PAD, 16 << 20) == 0 ||
      mallopt(M_TRIM_THRESHOLD, 64 << 20) == 0) {
    return;
  }
  const long small_page = sysconf(_SC_PAGESIZE);
  if (small_page <= 0) return;
  // The free top of the heap as it is (static constructors started it)
  // would serve the next small allocations, each new small page of it a
  // page fault of its own (about 20 in a score run); it is allocated and
  // never used, so that they come from the huge pages instead. Only its
  // first and last pages are touched.
  const size_t old_top = mallinfo2().keepcost;
  if (old_top > 4 * static_cast<size_t>(small_page)) {
    void* volatile unused = std::malloc(old_top - static_cast<size_t>(small_page));
    (void)unused;
  }
  // Lay the heap's next extension out so that huge pages can back it:
  //   [start, aligned)       one small page: malloc's chunk headers;
  //   [aligned, end)         2 MiB aligned, untouched until madvise below;
  //   [end, ...)             where the header of the rest of the heap lands.
  // A huge page can only back a 2 MiB range nothing has touched yet, and
  // malloc writes those headers while extending the heap, before madvise can
  // run. glibc's malloc accepts a break moved by someone else (the sbrk
  // below) and continues from the new one.
  char* current = static_cast<char*>(sbrk(0));
  if (current == reinterpret_cast<char*>(-1)) return;
  char* aligned = AlignUp(current + small_page);
  char* start = aligned - small_page;
  if (sbrk(start - current) == reinterpret_cast<void*>(-1)) return;
  // A block larger than any free space so far makes malloc extend the heap
  // from `start` (by the block plus M_TOP_PAD) and split the rest off after
  // the block; freed, the block becomes the top of the heap again.
  // (volatile: the compiler may otherwise drop a malloc freed unused.)
  constexpr size_t kBlock = size_t{8} << 20;
  void* volatile block = std::malloc(kBlock);
  if (block == nullptr) return;
  std::free(block);
  // Another allocator (a sanitizer's) leaves the break where it was.
  if (static_cast<char*>(sbrk(0)) < start + kBlock) return;
  char* end = AlignDown(start + kBlock);
  if (end > aligned) madvise(aligned, static_cast<size_t>(end - aligned), MADV_HUGEPAGE);
}

}  // namespace mteval
