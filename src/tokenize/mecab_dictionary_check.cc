#include "tokenize/mecab_dictionary_check.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mteval {
namespace {

// MeCab 0.996's binary layout (little-endian, as written on x86 and read
// back natively).
constexpr uint32_t kDictionaryMagic = 0xef718f77u;  // DictionaryMagicID
constexpr uint32_t kDictionaryVersion = 102;        // DIC_VERSION
// magic, version, type, lexsize, lsize, rsize, dsize, tsize, fsize, dummy
constexpr size_t kHeaderBytes = 10 * 4;
constexpr size_t kCharsetBytes = 32;
constexpr size_t kUnitBytes = 8;    // Darts unit: int32 base, uint32 check
constexpr size_t kTokenBytes = 16;  // lcAttr, rcAttr, posid, wcost (16 bits), feature, compound (32 bits)
constexpr int64_t kMaxStep = 256;   // a transition on byte c goes to base + c + 1
constexpr size_t kCategoryNameBytes = 32;
constexpr size_t kCharCodes = 0xffff;  // char.bin describes U+0000..U+FFFE

// A field of a file at `p`, in the host's byte order (as libmecab reads it).
template <typename T>
T Field(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
uint32_t U32(const char* p) { return Field<uint32_t>(p); }
uint16_t U16(const char* p) { return Field<uint16_t>(p); }

// One file of the dictionary: its size, small reads, and a read-only
// mapping of the part to check (libmecab maps the files the same way).
class DictionaryFile {
 public:
  DictionaryFile(const std::string& dir, const char* name) : name_(name) {
    fd_ = ::open((dir + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd_ >= 0 && fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) size_ = static_cast<uint64_t>(st.st_size);
  }
  ~DictionaryFile() {
    if (mapped_) munmap(const_cast<char*>(mapped_), mapped_size_);
    if (fd_ >= 0) ::close(fd_);
  }
  DictionaryFile(const DictionaryFile&) = delete;
  DictionaryFile& operator=(const DictionaryFile&) = delete;

  // False when the file cannot be opened (MeCab then says so itself).
  bool ok() const { return fd_ >= 0; }
  uint64_t size() const { return size_; }
  const char* name() const { return name_; }

  // Reads bytes [offset, offset + n) into `out`; false when short.
  bool ReadAt(uint64_t offset, size_t n, char* out) const {
    return offset + n <= size_ && pread(fd_, out, n, static_cast<off_t>(offset)) == static_cast<ssize_t>(n);
  }

  // The first `length` bytes, mapped and populated at once (faulting the
  // pages in one by one costs more than checking them); nullptr on failure.
  const char* Map(uint64_t length) {
    if (length == 0 || length > size_) return nullptr;
    void* p = mmap(nullptr, static_cast<size_t>(length), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd_, 0);
    if (p == MAP_FAILED) return nullptr;
    mapped_ = static_cast<const char*>(p);
    mapped_size_ = static_cast<size_t>(length);
    return mapped_;
  }

 private:
  const char* name_;
  int fd_ = -1;
  uint64_t size_ = 0;
  const char* mapped_ = nullptr;
  size_t mapped_size_ = 0;
};

std::string Problem(const DictionaryFile& f, const std::string& what) { return std::string(f.name()) + ": " + what; }

struct MatrixSize {
  bool known = false;
  uint32_t left = 0, right = 0;  // Connector's lsize_ and rsize_
};

// matrix.bin: two 16-bit dimensions, then left x right 16-bit costs.
std::string CheckMatrix(const std::string& dir, MatrixSize* size) {
  const DictionaryFile f(dir, "matrix.bin");
  char head[4];
  if (!f.ok()) return "";
  if (!f.ReadAt(0, sizeof head, head)) return Problem(f, "shorter than its 4-byte header");
  const uint64_t left = U16(head), right = U16(head + 2);
  if (f.size() != 4 + 2 * left * right) {
    return Problem(f, std::to_string(f.size()) + " bytes, but a " + std::to_string(left) + " x " +
                          std::to_string(right) + " matrix takes " + std::to_string(4 + 2 * left * right));
  }
  size->known = true;
  size->left = static_cast<uint32_t>(left);
  size->right = static_cast<uint32_t>(right);
  return "";
}

// char.bin: the category count, a 32-byte name per category, then one
// 32-bit CharInfo per code point (type: 18 bits, default_type: 8 bits, ...).
std::string CheckCharacters(const std::string& dir) {
  DictionaryFile f(dir, "char.bin");
  char head[4];
  if (!f.ok()) return "";
  if (!f.ReadAt(0, sizeof head, head)) return Problem(f, "shorter than its 4-byte header");
  const uint64_t categories = U32(head);
  const uint64_t expected = 4 + kCategoryNameBytes * categories + 4 * kCharCodes;
  if (f.size() != expected) {
    return Problem(f, std::to_string(f.size()) + " bytes, but " + std::to_string(categories) +
                          " character categories take " + std::to_string(expected));
  }
  const char* data = f.Map(f.size());
  if (!data) return Problem(f, "cannot be read");
  for (uint64_t c = 0; c < categories; ++c) {
    if (!std::memchr(data + 4 + kCategoryNameBytes * c, 0, kCategoryNameBytes)) {
      return Problem(f, "the name of category " + std::to_string(c) + " is not terminated");
    }
  }
  const char* info = data + 4 + kCategoryNameBytes * categories;
  for (size_t code = 0; code < kCharCodes; ++code) {
    const uint32_t default_type = (U32(info + 4 * code) >> 18) & 0xff;
    if (default_type >= categories) {
      return Problem(f, "code point " + std::to_string(code) + " has default category " +
                            std::to_string(default_type) + " of " + std::to_string(categories));
    }
  }
  return "";
}

// The double array of a .dic file: a lookup starts at unit 0 and, from a
// unit with base b, reads units b (a leaf there ends a word) and b + c + 1
// for the next byte c, whose check must equal b. So the root and every unit
// whose check is 1 to 256 below its own index (the units a transition can
// reach) need 0 <= base <= units - 257, and every leaf (check equal to its
// own index, base < 0) encodes ~base = (first token << 8) | token count,
// which must stay inside the tokens. Returns the first unit that breaks
// this, or `units` when none does.
uint64_t FirstBadUnit(const char* array, uint64_t units, uint64_t tokens) {
  // Unit indices, bases and token counts fit in 31 bits: dsize, tsize and the
  // file size are 32-bit fields.
  auto bad = [&](uint64_t p) {
    const auto base = static_cast<int32_t>(U32(array + p * kUnitBytes));
    const uint32_t check = U32(array + p * kUnitBytes + 4);
    if (p == 0 || static_cast<uint32_t>(p) - check - 1 < static_cast<uint32_t>(kMaxStep)) {
      return base < 0 || static_cast<uint64_t>(base) + kMaxStep >= units;
    }
    const uint32_t value = ~static_cast<uint32_t>(base);
    return base < 0 && check == p && (value >> 8) + (value & 0xff) > tokens;
  };
  if (bad(0)) return 0;
  uint64_t p = 1;
#if defined(__SSE2__)
  // Four units at a time; a block with a bad unit is left to the loop below.
  const __m128i step = _mm_set1_epi32(kMaxStep), last_base = _mm_set1_epi32(static_cast<int32_t>(units - 1 - kMaxStep));
  const __m128i max_tokens = _mm_set1_epi32(static_cast<int32_t>(tokens)), low_byte = _mm_set1_epi32(0xff);
  const __m128i zero = _mm_setzero_si128(), ones = _mm_set1_epi32(-1);
  for (; p + 4 <= units; p += 4) {
    const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(array + p * kUnitBytes));
    const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(array + (p + 2) * kUnitBytes));
    // (base, check) pairs to a vector of bases and one of checks.
    const __m128i lo = _mm_unpacklo_epi32(a, b), hi = _mm_unpackhi_epi32(a, b);  // b0 b2 c0 c2 | b1 b3 c1 c3
    const __m128i base = _mm_unpacklo_epi32(lo, hi), check = _mm_unpackhi_epi32(lo, hi);
    const __m128i index = _mm_add_epi32(_mm_set1_epi32(static_cast<int32_t>(p)), _mm_setr_epi32(0, 1, 2, 3));
    const __m128i from = _mm_sub_epi32(_mm_sub_epi32(index, check), _mm_set1_epi32(1));  // p - check - 1
    const __m128i reachable = _mm_cmpeq_epi32(_mm_andnot_si128(_mm_sub_epi32(step, _mm_set1_epi32(1)), from), zero);
    const __m128i negative = _mm_cmplt_epi32(base, zero);
    const __m128i bad_base = _mm_and_si128(reachable, _mm_or_si128(negative, _mm_cmpgt_epi32(base, last_base)));
    const __m128i value = _mm_xor_si128(base, ones);
    const __m128i span = _mm_add_epi32(_mm_srli_epi32(value, 8), _mm_and_si128(value, low_byte));
    const __m128i bad_leaf = _mm_and_si128(_mm_and_si128(negative, _mm_cmpeq_epi32(check, index)),
                                           _mm_cmpgt_epi32(span, max_tokens));
    if (_mm_movemask_epi8(_mm_or_si128(bad_base, bad_leaf)) != 0) break;
  }
#endif
  for (; p < units; ++p) {
    if (bad(p)) return p;
  }
  return units;
}

// sys.dic or unk.dic: header, charset name, double array, tokens, features.
std::string CheckLexicon(const std::string& dir, const char* name, const MatrixSize& matrix) {
  DictionaryFile f(dir, name);
  char h[kHeaderBytes + kCharsetBytes];
  if (!f.ok()) return "";
  if (!f.ReadAt(0, sizeof h, h)) return Problem(f, std::to_string(f.size()) + " bytes, shorter than its header");
  if ((U32(h) ^ kDictionaryMagic) != f.size()) {
    return Problem(f, "its magic number does not match its size of " + std::to_string(f.size()) +
                          " bytes (a damaged, truncated or padded file)");
  }
  if (U32(h + 4) != kDictionaryVersion) {
    return Problem(f, "format version " + std::to_string(U32(h + 4)) + ", expected " +
                          std::to_string(kDictionaryVersion) + " (MeCab 0.996)");
  }
  if (!std::memchr(h + kHeaderBytes, 0, kCharsetBytes)) return Problem(f, "its charset name is not terminated");
  const uint64_t dsize = U32(h + 24), tsize = U32(h + 28), fsize = U32(h + 32);
  const uint64_t start = kHeaderBytes + kCharsetBytes;
  if (start + dsize + tsize + fsize != f.size()) {
    return Problem(f, "its sections (" + std::to_string(dsize) + " + " + std::to_string(tsize) + " + " +
                          std::to_string(fsize) + " bytes after the header) do not add up to its size");
  }
  const uint64_t units = dsize / kUnitBytes, tokens = tsize / kTokenBytes;
  if (dsize % kUnitBytes != 0 || units <= static_cast<uint64_t>(kMaxStep)) {
    return Problem(f, "its double array of " + std::to_string(dsize) + " bytes is not a whole number of units above 256");
  }
  if (tsize % kTokenBytes != 0) return Problem(f, "its token table of " + std::to_string(tsize) + " bytes is not whole tokens");
  char last = 1;
  if (fsize == 0 || !f.ReadAt(f.size() - 1, 1, &last) || last != 0) {
    return Problem(f, "its feature block does not end with a NUL");
  }

  const char* mapped = f.Map(start + dsize + tsize);  // the double array and the tokens
  if (!mapped) return Problem(f, "cannot be read");
  const char* array = mapped + start;
  const uint64_t bad = FirstBadUnit(array, units, tokens);
  if (bad < units) {
    const auto base = static_cast<int32_t>(U32(array + bad * kUnitBytes));
    if (base >= 0 || U32(array + bad * kUnitBytes + 4) != bad) {
      return Problem(f, "double-array unit " + std::to_string(bad) + " has base " + std::to_string(base) +
                            ", from which a lookup would read outside the array of " + std::to_string(units) + " units");
    }
    const uint32_t value = ~static_cast<uint32_t>(base);
    return Problem(f, "double-array leaf " + std::to_string(bad) + " names tokens " + std::to_string(value >> 8) +
                          " to " + std::to_string((value >> 8) + (value & 0xff)) + " of " + std::to_string(tokens));
  }
  const char* token = array + dsize;
  for (uint64_t k = 0; k < tokens; ++k, token += kTokenBytes) {
    const uint32_t left_id = U16(token), right_id = U16(token + 2), feature = U32(token + 8);
    // Connector::cost reads matrix[right_id of the left node + left size * left_id of the right node].
    if (matrix.known && (right_id >= matrix.left || left_id >= matrix.right)) {
      return Problem(f, "token " + std::to_string(k) + " has connection ids " + std::to_string(left_id) + ", " +
                            std::to_string(right_id) + " outside matrix.bin's " + std::to_string(matrix.left) + " x " +
                            std::to_string(matrix.right));
    }
    if (feature >= fsize) {
      return Problem(f, "token " + std::to_string(k) + " has feature offset " + std::to_string(feature) +
                            " outside the feature block of " + std::to_string(fsize) + " bytes");
    }
  }
  return "";
}

}  // namespace

std::string FindMecabDictionaryDamage(const std::string& dir) {
  MatrixSize matrix;
  std::string problem = CheckMatrix(dir, &matrix);
  if (problem.empty()) problem = CheckCharacters(dir);
  if (problem.empty()) problem = CheckLexicon(dir, "unk.dic", matrix);
  if (problem.empty()) problem = CheckLexicon(dir, "sys.dic", matrix);
  return problem;
}

}  // namespace mteval
