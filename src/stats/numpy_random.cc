// numpy's default_rng stream: SeedSequence -> PCG64 -> bounded integers.
// Written from numpy's algorithm descriptions (bit_generator.pyx,
// pcg64.h, distributions.c); see numpy_random.h for the contracts.

#include "stats/numpy_random.h"

#include <random>
#include <string>

#include <mteval/error.h>

namespace mteval {
namespace {

__extension__ typedef unsigned __int128 u128;

// ---- SeedSequence ---------------------------------------------------------

constexpr size_t kPoolSize = 4;
constexpr uint32_t kInitA = 0x43b0d7e5u;
constexpr uint32_t kMultA = 0x931e8875u;
constexpr uint32_t kInitB = 0x8b51f9ddu;
constexpr uint32_t kMultB = 0x58f38dedu;
constexpr uint32_t kMixMultL = 0xca01f9ddu;
constexpr uint32_t kMixMultR = 0x4973f715u;

inline uint32_t HashMix(uint32_t value, uint32_t& hash_const) {
  value ^= hash_const;
  hash_const *= kMultA;
  value *= hash_const;
  value ^= value >> 16;
  return value;
}

inline uint32_t Mix(uint32_t x, uint32_t y) {
  uint32_t r = kMixMultL * x - kMixMultR * y;
  r ^= r >> 16;
  return r;
}

// The entropy pool after mixing in `entropy` (SeedSequence.pool).
void MixEntropy(const std::vector<uint32_t>& entropy, uint32_t pool[kPoolSize]) {
  uint32_t hash_const = kInitA;
  for (size_t i = 0; i < kPoolSize; ++i) {
    pool[i] = HashMix(i < entropy.size() ? entropy[i] : 0u, hash_const);
  }
  for (size_t src = 0; src < kPoolSize; ++src) {
    for (size_t dst = 0; dst < kPoolSize; ++dst) {
      if (src != dst) pool[dst] = Mix(pool[dst], HashMix(pool[src], hash_const));
    }
  }
  for (size_t src = kPoolSize; src < entropy.size(); ++src) {
    for (size_t dst = 0; dst < kPoolSize; ++dst) {
      pool[dst] = Mix(pool[dst], HashMix(entropy[src], hash_const));
    }
  }
}

// generate_state(n_words, np.uint64): 2 * n_words uint32 words cycled out of
// the pool, paired little-endian into uint64 words.
std::vector<uint64_t> GenerateState64(const uint32_t pool[kPoolSize], size_t n_words) {
  std::vector<uint64_t> out(n_words);
  uint32_t hash_const = kInitB;
  auto next_word = [&](size_t i) {
    uint32_t v = pool[i % kPoolSize];
    v ^= hash_const;
    hash_const *= kMultB;
    v *= hash_const;
    v ^= v >> 16;
    return v;
  };
  for (size_t k = 0; k < n_words; ++k) {
    const uint64_t lo = next_word(2 * k);
    const uint64_t hi = next_word(2 * k + 1);
    out[k] = lo | (hi << 32);
  }
  return out;
}

// ---- PCG64 (XSL-RR 128/64) ------------------------------------------------

constexpr u128 kPcgMultiplier =
    (static_cast<u128>(2549297995355413924ULL) << 64) + 4865540595714422341ULL;

inline uint64_t RotR64(uint64_t v, unsigned rot) {
  return (v >> rot) | (v << ((-rot) & 63u));
}

inline u128 Join(uint64_t hi, uint64_t lo) { return (static_cast<u128>(hi) << 64) | lo; }

}  // namespace

// The generator state in registers for a hot loop; written back by Store().
struct NumpyGenerator::Core {
  u128 state;
  u128 inc;
  bool has_uint32;
  uint32_t uinteger;

  static inline uint64_t Output(u128 s) {
    const uint64_t hi = static_cast<uint64_t>(s >> 64);
    const uint64_t lo = static_cast<uint64_t>(s);
    return RotR64(hi ^ lo, static_cast<unsigned>(hi >> 58));
  }

  inline uint64_t Next64() {
    state = state * kPcgMultiplier + inc;
    return Output(state);
  }

  inline uint32_t Next32() {
    if (has_uint32) {
      has_uint32 = false;
      return uinteger;
    }
    const uint64_t next = Next64();
    has_uint32 = true;
    uinteger = static_cast<uint32_t>(next >> 32);
    return static_cast<uint32_t>(next);
  }

  // Lemire's nearly-divisionless method on the closed range [0, rng],
  // rng < 0xFFFFFFFF, from 32-bit draws.
  inline uint32_t Lemire32(uint32_t rng) {
    const uint32_t rng_excl = rng + 1;
    uint64_t m = static_cast<uint64_t>(Next32()) * rng_excl;
    uint32_t leftover = static_cast<uint32_t>(m);
    if (leftover < rng_excl) {
      const uint32_t threshold = (UINT32_MAX - rng) % rng_excl;
      while (leftover < threshold) {
        m = static_cast<uint64_t>(Next32()) * rng_excl;
        leftover = static_cast<uint32_t>(m);
      }
    }
    return static_cast<uint32_t>(m >> 32);
  }

  // Same on [0, rng], rng < 0xFFFFFFFFFFFFFFFF, from 64-bit draws.
  inline uint64_t Lemire64(uint64_t rng) {
    const uint64_t rng_excl = rng + 1;
    u128 m = static_cast<u128>(Next64()) * rng_excl;
    uint64_t leftover = static_cast<uint64_t>(m);
    if (leftover < rng_excl) {
      const uint64_t threshold = (UINT64_MAX - rng) % rng_excl;
      while (leftover < threshold) {
        m = static_cast<u128>(Next64()) * rng_excl;
        leftover = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }
};

NumpyGenerator::Core NumpyGenerator::Load() const {
  return Core{Join(state_hi_, state_lo_), Join(inc_hi_, inc_lo_), has_uint32_, uinteger_};
}

void NumpyGenerator::Store(const Core& core) {
  state_hi_ = static_cast<uint64_t>(core.state >> 64);
  state_lo_ = static_cast<uint64_t>(core.state);
  has_uint32_ = core.has_uint32;
  uinteger_ = core.uinteger;
}

std::vector<uint32_t> NumpySeedWords(uint64_t seed) {
  std::vector<uint32_t> words;
  words.push_back(static_cast<uint32_t>(seed));
  if (seed >> 32) words.push_back(static_cast<uint32_t>(seed >> 32));
  return words;
}

std::vector<uint64_t> NumpySeedSequenceState(const std::vector<uint32_t>& entropy,
                                             size_t n_words) {
  uint32_t pool[kPoolSize];
  MixEntropy(entropy, pool);
  return GenerateState64(pool, n_words);
}

NumpyGenerator::NumpyGenerator(uint64_t seed) { Seed(NumpySeedWords(seed)); }

NumpyGenerator NumpyGenerator::FromEntropyWords(const std::vector<uint32_t>& entropy) {
  if (entropy.empty()) {
    throw Error(ErrorKind::kInternal, "NumpyGenerator: empty seed entropy");
  }
  NumpyGenerator g;
  g.Seed(entropy);
  return g;
}

NumpyGenerator NumpyGenerator::FromEntropy() {
  std::random_device device;
  std::vector<uint32_t> words(4);
  for (uint32_t& w : words) w = static_cast<uint32_t>(device());
  // numpy seeds with the int randbits(128), whose word split drops high zero
  // words; do the same so equal entropy means an equal stream.
  while (words.size() > 1 && words.back() == 0) words.pop_back();
  return FromEntropyWords(words);
}

void NumpyGenerator::Seed(const std::vector<uint32_t>& entropy) {
  // PCG64.__init__: generate_state(4, uint64) gives [state_hi, state_lo,
  // inc_hi, inc_lo]; then pcg setseq seeding: inc = (initseq << 1) | 1,
  // state = 0, step, state += initstate, step.
  const std::vector<uint64_t> s = NumpySeedSequenceState(entropy, 4);
  const u128 initstate = Join(s[0], s[1]);
  const u128 initseq = Join(s[2], s[3]);
  const u128 inc = (initseq << 1) | 1u;
  u128 state = 0;
  state = state * kPcgMultiplier + inc;
  state += initstate;
  state = state * kPcgMultiplier + inc;
  state_hi_ = static_cast<uint64_t>(state >> 64);
  state_lo_ = static_cast<uint64_t>(state);
  inc_hi_ = static_cast<uint64_t>(inc >> 64);
  inc_lo_ = static_cast<uint64_t>(inc);
  has_uint32_ = false;
  uinteger_ = 0;
}

uint64_t NumpyGenerator::NextUint64() {
  Core core = Load();
  const uint64_t v = core.Next64();
  Store(core);
  return v;
}

uint32_t NumpyGenerator::NextUint32() {
  Core core = Load();
  const uint32_t v = core.Next32();
  Store(core);
  return v;
}

void NumpyGenerator::Integers(int64_t low, int64_t high, size_t count, int64_t* out) {
  if (count == 0) return;  // numpy returns an empty array before any check
  if (high <= low) {
    throw Error(ErrorKind::kInternal,
                "NumpyGenerator::Integers: empty range [" + std::to_string(low) + ", " +
                    std::to_string(high) + ")");
  }
  // random_bounded_uint64_fill(off=low, rng=high-1-low, use_masked=false).
  const uint64_t off = static_cast<uint64_t>(low);
  const uint64_t rng = static_cast<uint64_t>(high) - 1u - off;
  Core core = Load();
  if (rng == 0) {
    for (size_t i = 0; i < count; ++i) out[i] = low;
  } else if (rng < 0xFFFFFFFFull) {
    const uint32_t rng32 = static_cast<uint32_t>(rng);
    for (size_t i = 0; i < count; ++i) {
      out[i] = static_cast<int64_t>(off + core.Lemire32(rng32));
    }
  } else if (rng == 0xFFFFFFFFull) {
    for (size_t i = 0; i < count; ++i) {
      out[i] = static_cast<int64_t>(off + core.Next32());
    }
  } else {
    // rng == 2**64 - 1 cannot occur: an int64 half-open range holds < 2**64 values.
    for (size_t i = 0; i < count; ++i) {
      out[i] = static_cast<int64_t>(off + core.Lemire64(rng));
    }
  }
  Store(core);
}

void NumpyGenerator::Bools(size_t count, uint8_t* out) {
  // random_bounded_bool_fill(off=0, rng=1): a fresh per-call bit buffer; each
  // 32-bit draw yields 32 bools, least significant bit first.
  Core core = Load();
  size_t i = 0;
  while (count - i >= 32) {
    const uint32_t w = core.Next32();
    for (unsigned b = 0; b < 32; ++b) out[i + b] = static_cast<uint8_t>((w >> b) & 1u);
    i += 32;
  }
  if (i < count) {
    const uint32_t w = core.Next32();
    for (unsigned b = 0; i < count; ++b, ++i) out[i] = static_cast<uint8_t>((w >> b) & 1u);
  }
  Store(core);
}

NumpyGenerator::State NumpyGenerator::GetState() const {
  return State{state_hi_, state_lo_, inc_hi_, inc_lo_, has_uint32_, uinteger_};
}

}  // namespace mteval
