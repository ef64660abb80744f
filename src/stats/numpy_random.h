#pragma once
// A bit-exact reimplementation of the parts of numpy's random Generator that
// sacreBLEU's significance tests use: np.random.default_rng(seed) (PCG64
// seeded through SeedSequence), Generator.integers for int64 and bool, and
// Generator.choice(n, replace=True).
//
// Every draw reproduces numpy's stream exactly, for numpy 1.18.5 through 2.x
// (the code paths used here are unchanged across that span; numpy before
// 1.18.5 differed only for a range of exactly 2**32 values).
//
// Buffering note. PCG64 keeps a one-word 32-bit buffer: a 32-bit draw takes
// the low half of a fresh 64-bit output and keeps the high half for the next
// 32-bit draw. That buffer lives in the generator, so it carries over between
// calls here exactly as it does between numpy calls. The bool path also has a
// per-call 32-bit bit buffer (numpy's random_bounded_bool_fill), which does
// NOT carry over: Bools(a) followed by Bools(b) equals one numpy call of size
// a + b only when a is a multiple of 32. Integers/Choice have no per-call
// buffer, so a numpy call of size N may be split into any number of calls
// here whose counts add up to N.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mteval {

// numpy's int -> uint32 word split for seeding: least significant word first,
// no leading zero words, [0] for 0. SeedSequence(seed) mixes these words.
std::vector<uint32_t> NumpySeedWords(uint64_t seed);

// SeedSequence(entropy).generate_state(n_words, np.uint64), where `entropy` is
// the uint32 words of the entropy (as NumpySeedWords gives for an int), with
// the default pool size 4 and no spawn key.
std::vector<uint64_t> NumpySeedSequenceState(const std::vector<uint32_t>& entropy,
                                             size_t n_words);

class NumpyGenerator {
 public:
  // np.random.default_rng(seed) for a non-negative int seed.
  explicit NumpyGenerator(uint64_t seed);

  // np.random.default_rng(np.random.SeedSequence(entropy)) for entropy given
  // as uint32 words (a list of ints each < 2**32). Must not be empty.
  static NumpyGenerator FromEntropyWords(const std::vector<uint32_t>& entropy);

  // np.random.default_rng(None): 128 bits of OS entropy (std::random_device)
  // fed through SeedSequence, as numpy does with secrets.randbits(128).
  static NumpyGenerator FromEntropy();

  // rng.bit_generator.random_raw(): one 64-bit PCG64 (XSL-RR) output. Leaves
  // the 32-bit buffer alone, as numpy does.
  uint64_t NextUint64();

  // The bit generator's next_uint32: the buffered high half if there is one,
  // else the low half of a fresh 64-bit output (its high half is buffered).
  uint32_t NextUint32();

  // rng.integers(low, high, size=count) with the default dtype=np.int64,
  // written in C order. Requires low < high unless count == 0 (numpy raises
  // ValueError; this throws mteval::Error). Ranges up to 2**32 values use
  // 32-bit Lemire draws, larger ones 64-bit Lemire draws (use_masked=False).
  void Integers(int64_t low, int64_t high, size_t count, int64_t* out);

  // rng.integers(high, size=count), i.e. integers(0, high).
  void Integers(int64_t high, size_t count, int64_t* out) { Integers(0, high, count, out); }

  // rng.choice(n, size=count, replace=True) with p=None: the flat C-order
  // contents of choice(n, size=shape) for any shape with `count` elements
  // (numpy reduces it to integers(0, n, size=shape, dtype=np.int64)).
  // Requires n > 0 unless count == 0.
  void Choice(int64_t n, size_t count, int64_t* out) { Integers(0, n, count, out); }

  // rng.integers(2, size=count, dtype=bool), flat C order, as 0/1 bytes. One
  // call here equals one numpy call of `count` elements (see the note above).
  void Bools(size_t count, uint8_t* out);

  // rng.bit_generator.state: 'state' and 'inc' as 128-bit values split into
  // high and low 64-bit halves, plus 'has_uint32' and 'uinteger'.
  struct State {
    uint64_t state_hi;
    uint64_t state_lo;
    uint64_t inc_hi;
    uint64_t inc_lo;
    bool has_uint32;
    uint32_t uinteger;
  };
  State GetState() const;

 private:
  struct Core;  // the state as 128-bit integers, for the hot loops (in the .cc)

  NumpyGenerator() = default;
  void Seed(const std::vector<uint32_t>& entropy);
  Core Load() const;
  void Store(const Core& core);

  // The 128-bit LCG state and increment, kept as 64-bit halves so that this
  // header stays ISO C++; the .cc works on them as unsigned __int128.
  uint64_t state_hi_ = 0;
  uint64_t state_lo_ = 0;
  uint64_t inc_hi_ = 0;
  uint64_t inc_lo_ = 0;
  bool has_uint32_ = false;
  uint32_t uinteger_ = 0;
};

}  // namespace mteval
