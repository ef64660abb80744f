// NumpyGenerator against numpy's own output. Every expected value below was
// produced by numpy 1.24 (Debian's python3-numpy), e.g.
//   np.random.default_rng(12345).bit_generator.random_raw(6)
//   np.random.SeedSequence(12345).generate_state(4, np.uint64)
//   np.random.default_rng(12345).choice(1875, size=(3, 1875))
// Checksums: "sum" is the sum of all values and "weighted" the sum of
// value * (1-based flat index), both modulo 2**64.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <mteval/error.h>
#include "stats/numpy_random.h"

namespace mteval {
namespace {

using U64s = std::vector<uint64_t>;
using I64s = std::vector<int64_t>;

constexpr uint64_t kSeedBig = 9223372036854775813ull;  // 2**63 + 5

struct Checksum {
  uint64_t sum = 0;
  uint64_t weighted = 0;
};

template <typename T>
Checksum Sums(const std::vector<T>& v) {
  Checksum c;
  for (size_t i = 0; i < v.size(); ++i) {
    const uint64_t x = static_cast<uint64_t>(v[i]);
    c.sum += x;
    c.weighted += x * static_cast<uint64_t>(i + 1);
  }
  return c;
}

U64s Raw(NumpyGenerator& g, size_t n) {
  U64s out;
  for (size_t i = 0; i < n; ++i) out.push_back(g.NextUint64());
  return out;
}

I64s Ints(NumpyGenerator& g, int64_t low, int64_t high, size_t n) {
  I64s out(n);
  g.Integers(low, high, n, out.data());
  return out;
}

I64s Head(const I64s& v, size_t n) { return I64s(v.begin(), v.begin() + n); }
I64s Tail(const I64s& v, size_t n) { return I64s(v.end() - n, v.end()); }

std::string BitString(const std::vector<uint8_t>& v, size_t n) {
  std::string s;
  for (size_t i = 0; i < n && i < v.size(); ++i) s += v[i] ? '1' : '0';
  return s;
}

}  // namespace

TEST_CASE("numpy seed words split ints low word first", "[stats][numpy_random]") {
  CHECK(NumpySeedWords(0) == std::vector<uint32_t>{0});
  CHECK(NumpySeedWords(12345) == std::vector<uint32_t>{12345});
  CHECK(NumpySeedWords(4294967296ull) == std::vector<uint32_t>{0, 1});
  CHECK(NumpySeedWords(kSeedBig) == std::vector<uint32_t>{5, 0x80000000u});
}

TEST_CASE("SeedSequence.generate_state(4, uint64) matches numpy", "[stats][numpy_random]") {
  CHECK(NumpySeedSequenceState(NumpySeedWords(0), 4) ==
        U64s{15793235383387715774ull, 12390638538380655177ull, 2361836109651742017ull,
             3188717715514472916ull});
  CHECK(NumpySeedSequenceState(NumpySeedWords(1), 4) ==
        U64s{7434755675892716031ull, 10007452063617845036ull, 5266248848659119178ull,
             15045448681910192573ull});
  CHECK(NumpySeedSequenceState(NumpySeedWords(12345), 4) ==
        U64s{13091511679009522556ull, 13538552136045918767ull, 7269824232120749972ull,
             4520223790601600371ull});
  CHECK(NumpySeedSequenceState(NumpySeedWords(kSeedBig), 4) ==
        U64s{9074091149795526953ull, 17516966687313186246ull, 5200689810078824384ull,
             18208606063550231854ull});
  CHECK(NumpySeedSequenceState(NumpySeedWords(4294967296ull), 4) ==
        U64s{5836529245451711556ull, 8811601478698894690ull, 4323349454413245209ull,
             13668837544996263139ull});
  CHECK(NumpySeedSequenceState(NumpySeedWords(UINT64_MAX), 4) ==
        U64s{12591116029944179981ull, 1268942265879420026ull, 1998214320288580263ull,
             12063755697402456310ull});
  // SeedSequence(2**128 - 1): four entropy words, the whole pool.
  CHECK(NumpySeedSequenceState({UINT32_MAX, UINT32_MAX, UINT32_MAX, UINT32_MAX}, 4) ==
        U64s{9481509295970325001ull, 9565895737977981635ull, 15221915858445592641ull,
             12233501150519241634ull});
  // SeedSequence([1, 2, 3, 4, 5, 6]): more words than the pool holds.
  CHECK(NumpySeedSequenceState({1, 2, 3, 4, 5, 6}, 4) ==
        U64s{16991237094181161505ull, 14981931853785751691ull, 11178459300072584630ull,
             1971961610505447179ull});
}

TEST_CASE("default_rng seeds PCG64 state and increment like numpy", "[stats][numpy_random]") {
  // rng.bit_generator.state['state'] with 'state' and 'inc' in hex.
  const NumpyGenerator::State s = NumpyGenerator(12345).GetState();
  CHECK(s.state_hi == 0x1905e0335aae9634ull);
  CHECK(s.state_lo == 0x9199b0d09775add5ull);
  CHECK(s.inc_hi == 0xc9c7353e6e2b1f28ull);
  CHECK(s.inc_lo == 0x7d761f2d4027fae7ull);
  CHECK_FALSE(s.has_uint32);
  const NumpyGenerator::State z = NumpyGenerator(0).GetState();
  CHECK(z.state_hi == 0x1aa1b5345996452dull);
  CHECK(z.state_lo == 0x09585eb7a69561e3ull);
  CHECK(z.inc_hi == 0x418ddadb3af71a82ull);
  CHECK(z.inc_lo == 0x588133bc447873a9ull);
}

TEST_CASE("random_raw (next_uint64) matches numpy for several seeds", "[stats][numpy_random]") {
  const std::vector<std::pair<uint64_t, U64s>> cases = {
      {0,
       {11749869230777074271ull, 4976686463289251617ull, 755828109848996024ull,
        304881062738325533ull, 15002187965291974971ull, 16837368535893154894ull}},
      {1,
       {9441442522235856127ull, 17532960557476522086ull, 2659275481604167885ull,
        17499493567006797778ull, 5752274989370667689ull, 7808994663829368904ull}},
      {12345,
       {4193609425186963869ull, 5843160025838961886ull, 14708796524633321433ull,
        12474696839993944336ull, 7214697784736971533ull, 6139333351517228867ull}},
      {kSeedBig,
       {8858737189621679469ull, 16679054884034326486ull, 11837840767329550784ull,
        1150703740661097320ull, 3165930337441308271ull, 14363561786996389062ull}},
      {4294967296ull,
       {16412783775159424549ull, 10277383025879800780ull, 14774146505460541886ull,
        17644565593934502278ull, 1081258858114640722ull, 4360823125038362322ull}},
      {UINT64_MAX,
       {12544278110101001871ull, 15593249672699323225ull, 136562751618339402ull,
        16501869284920798641ull, 2378988675683841820ull, 5881532399743467424ull}},
  };
  for (const auto& [seed, expected] : cases) {
    INFO("seed " << seed);
    NumpyGenerator g(seed);
    CHECK(Raw(g, expected.size()) == expected);
  }
}

TEST_CASE("SeedSequence with a list of ints seeds default_rng", "[stats][numpy_random]") {
  // default_rng(SeedSequence([1, 2, 3, 4, 5, 6])).bit_generator.random_raw(3)
  NumpyGenerator g = NumpyGenerator::FromEntropyWords({1, 2, 3, 4, 5, 6});
  CHECK(Raw(g, 3) ==
        U64s{11470276255390519954ull, 2202564630955117089ull, 15477703713457848045ull});
  NumpyGenerator h = NumpyGenerator::FromEntropyWords(NumpySeedWords(12345));
  CHECK(h.NextUint64() == 4193609425186963869ull);
  CHECK_THROWS_AS(NumpyGenerator::FromEntropyWords({}), Error);
}

TEST_CASE("next_uint32 halves a 64-bit output and buffers the high half",
          "[stats][numpy_random]") {
  // bit_generator.ctypes.next_uint32, five times, then random_raw(1), then
  // next_uint32 once more (which returns the still-buffered high half).
  NumpyGenerator g(12345);
  std::vector<uint32_t> u32;
  for (int i = 0; i < 5; ++i) u32.push_back(g.NextUint32());
  CHECK(u32 == std::vector<uint32_t>{3003105693u, 976400781u, 3387213022u, 1360466709u,
                                     876933081u});
  CHECK(g.GetState().has_uint32);
  CHECK(g.NextUint64() == 12474696839993944336ull);
  CHECK(g.GetState().has_uint32);
  CHECK(g.GetState().uinteger == 3424658562u);
  CHECK(g.NextUint32() == 3424658562u);
  CHECK_FALSE(g.GetState().has_uint32);
  // The halves of the first 64-bit output, low word first.
  CHECK(u32[0] == static_cast<uint32_t>(4193609425186963869ull));
  CHECK(u32[1] == static_cast<uint32_t>(4193609425186963869ull >> 32));
}

TEST_CASE("integers(high, size=1000) matches numpy on 32- and 64-bit paths",
          "[stats][numpy_random]") {
  struct Case {
    int64_t high;
    I64s first;
    uint64_t sum, weighted;
    uint64_t next_raw;  // random_raw() right after the draw: checks consumption
  };
  const uint64_t kAfter32 = 13071590851707190960ull;  // after 500 64-bit outputs
  const uint64_t kAfter64 = 3486518943318275658ull;   // after 1000 64-bit outputs
  const std::vector<Case> cases = {
      {1, {0, 0, 0, 0, 0, 0, 0, 0}, 0, 0, 4193609425186963869ull},  // consumes nothing
      {2, {1, 0, 1, 0, 0, 1, 1, 1}, 477, 238122, kAfter32},
      {3, {2, 0, 2, 0, 0, 2, 1, 2}, 992, 498309, kAfter32},
      {255, {178, 57, 201, 80, 52, 203, 163, 172}, 125013, 62598671, kAfter32},
      {256, {178, 58, 201, 81, 52, 204, 164, 173}, 125502, 62842029, kAfter32},
      {4294967295ll,
       {3003105692, 976400780, 3387213021, 1360466708, 876933080, 3424658561, 2760304911,
        2904491693},
       2113902433849ull, 1058467409823646ull, kAfter32},
      // 2**32: rng = 0xFFFFFFFF takes raw next_uint32 values.
      {4294967296ll,
       {3003105693, 976400781, 3387213022, 1360466709, 876933081, 3424658562, 2760304912,
        2904491694},
       2113902434849ull, 1058467410324146ull, kAfter32},
      // 2**32 + 1: the first range on the 64-bit Lemire path.
      {4294967297ll,
       {976400781, 1360466710, 3424658563, 2904491695, 1679802729, 1429424936, 2569716530,
        802017220},
       2112108140321ull, 1067972809423445ull, kAfter64},
      {1000000000000ll,
       {227336022467, 316758339709, 797365457332, 676254670750, 391109550601, 332813927866,
        598308753587, 186734185603},
       491763497783613ull, 248656796625579880ull, kAfter64},
      // 2**62 + 12345: rejections happen, so more than 1000 outputs are used.
      {4611686018427400249ll,
       {1048402356296743773, 1460790006459744381, 3677199131158340201, 3118674209998494432,
        1803674446184247711, 1534833337879311325, 2759212113620768321, 861159432911072152},
       16173029977034734819ull, 1284189340148526974ull, 8339682616495028070ull},
      {INT64_MAX,
       {2096804712593481934, 2921580012919480942, 7354398262316660715, 6237348419996972167,
        3607348892368485766, 3069666675758614433, 5518424227241521869, 1722318865822139695},
       16265396148912316829ull, 7347576366656550393ull, kAfter64},
  };
  for (const Case& c : cases) {
    INFO("high " << c.high);
    NumpyGenerator g(12345);
    const I64s v = Ints(g, 0, c.high, 1000);
    CHECK(Head(v, 8) == c.first);
    const Checksum s = Sums(v);
    CHECK(s.sum == c.sum);
    CHECK(s.weighted == c.weighted);
    CHECK_FALSE(g.GetState().has_uint32);  // 1000 32-bit draws: an even count
    CHECK(g.NextUint64() == c.next_raw);
  }
}

TEST_CASE("integers on 32-bit ranges with frequent rejections", "[stats][numpy_random]") {
  // 3 * 2**30 rejects ~25% of draws, 2**31 + 1 ~50%: the rejection loop and
  // the buffered high half interact. Odd and even counts; after the draw,
  // random_raw() and then bit_generator.ctypes.next_uint32.
  struct Case {
    int64_t high;
    size_t n;
    I64s first;
    uint64_t sum, weighted;
    bool has_uint32;
    uint64_t next_raw;
    uint32_t next_u32;
  };
  const std::vector<Case> cases = {
      {3221225472ll, 1001,
       {2252329269, 732300585, 2540409766, 1020350031, 657699810, 2568493921},
       1584705858724ull, 791826698974383ull, true, 712087030556853546ull, 279017781u},
      {3221225472ll, 1000,
       {2252329269, 732300585, 2540409766, 1020350031, 657699810, 2568493921},
       1583738458497ull, 790858331347156ull, false, 1198372245687357146ull, 2843804970u},
      {2147483649ll, 1001,
       {488200390, 1693606511, 680233354, 438466540, 1712329281, 1380152456},
       1072680487509ull, 548114179459957ull, true, 7974958238905766642ull, 2116889329u},
      {2147483649ll, 1000,
       {488200390, 1693606511, 680233354, 438466540, 1712329281, 1380152456},
       1072490957914ull, 547924460335362ull, true, 9091970437685443575ull, 1583461058u},
  };
  for (const Case& c : cases) {
    INFO("high " << c.high << " n " << c.n);
    NumpyGenerator g(12345);
    const I64s v = Ints(g, 0, c.high, c.n);
    CHECK(Head(v, 6) == c.first);
    const Checksum s = Sums(v);
    CHECK(s.sum == c.sum);
    CHECK(s.weighted == c.weighted);
    CHECK(g.GetState().has_uint32 == c.has_uint32);
    CHECK(g.NextUint64() == c.next_raw);
    CHECK(g.NextUint32() == c.next_u32);
    // The same draws split into calls of 1, 2, 3, ... values.
    NumpyGenerator h(12345);
    I64s w(c.n);
    for (size_t at = 0, len = 1; at < c.n; at += len, ++len) {
      h.Integers(0, c.high, std::min(len, c.n - at), w.data() + at);
    }
    CHECK(w == v);
    CHECK(h.NextUint64() == c.next_raw);
  }
}

TEST_CASE("integers(low, high) with negative and offset ranges", "[stats][numpy_random]") {
  struct Case {
    int64_t low, high;
    I64s first;
    uint64_t sum, weighted;
  };
  const std::vector<Case> cases = {
      {-5, 7, {4, 0, -3, 5, -2, 2}, 472, 186077},
      {INT64_MIN,
       INT64_MAX,
       {-364634847233096340, 7455682847179550677, 2614468730474774975, -8072668296193678489,
        -6057441699413467538, 5140189750141613253},
       2701946791707887783ull,
       498412458732616313ull},
      {INT64_MIN,
       INT64_MIN + 3,
       {INT64_MIN + 2, INT64_MIN + 1, INT64_MIN, INT64_MIN + 2, INT64_MIN, INT64_MIN + 1},
       982,
       481165},
      {1000000000000ll,
       1004294967296ll,
       {1003522250093, 1002062585481, 1000807153622, 1003883395084, 1001414578624,
        1002756212085},
       1002132077115793ull,
       501548988682836166ull},
  };
  for (const Case& c : cases) {
    INFO("low " << c.low << " high " << c.high);
    NumpyGenerator g(kSeedBig);
    const I64s v = Ints(g, c.low, c.high, 1000);
    CHECK(Head(v, 6) == c.first);
    const Checksum s = Sums(v);
    CHECK(s.sum == c.sum);
    CHECK(s.weighted == c.weighted);
  }
}

TEST_CASE("integers rejects empty ranges but allows empty draws", "[stats][numpy_random]") {
  NumpyGenerator g(1);
  int64_t out[4] = {7, 7, 7, 7};
  CHECK_THROWS_AS(g.Integers(0, 0, 1, out), Error);
  CHECK_THROWS_AS(g.Integers(5, 3, 1, out), Error);
  CHECK_THROWS_AS(g.Choice(0, 1, out), Error);
  CHECK_NOTHROW(g.Integers(0, 0, 0, out));
  CHECK_NOTHROW(g.Choice(0, 0, out));
  CHECK(out[0] == 7);
  CHECK(g.NextUint64() == 9441442522235856127ull);  // nothing consumed
}

TEST_CASE("choice(1875, size=(3, 1875)) matches numpy", "[stats][numpy_random]") {
  NumpyGenerator g(12345);
  I64s v(3 * 1875);
  g.Choice(1875, v.size(), v.data());
  CHECK(Head(v, 10) == I64s{1311, 426, 1478, 593, 382, 1495, 1205, 1267, 1853, 733});
  CHECK(Tail(v, 10) == I64s{168, 400, 1589, 1594, 871, 1195, 763, 271, 1386, 691});
  const Checksum s = Sums(v);
  CHECK(s.sum == 5246791u);
  CHECK(s.weighted == 14765384534ull);
}

TEST_CASE("choice(2037, size=(1000, 2037)) checksums match numpy", "[stats][numpy_random]") {
  struct Case {
    uint64_t seed;
    I64s first;
    uint64_t sum;
  };
  const std::vector<Case> cases = {
      {0, {1732, 1297, 1041, 549, 627}, 2074560986ull},
      {1, {963, 1042, 1538, 1936, 70}, 2073384722ull},
      {12345, {1424, 463, 1606, 645, 415}, 2072340014ull},
      {kSeedBig, {1670, 978, 382, 1841, 670}, 2072541732ull},
  };
  I64s v(1000 * 2037);
  for (const Case& c : cases) {
    INFO("seed " << c.seed);
    NumpyGenerator g(c.seed);
    g.Choice(2037, v.size(), v.data());
    CHECK(Head(v, 5) == c.first);
    CHECK(Sums(v).sum == c.sum);
    if (c.seed == 12345) CHECK(Sums(v).weighted == 2110322205415712ull);
  }
}

TEST_CASE("choice split into rows equals one numpy call", "[stats][numpy_random]") {
  // No per-call buffer on the int64 path: rows drawn one call at a time give
  // the same flat array as choice(2037, size=(1000, 2037)).
  NumpyGenerator g(12345);
  I64s v(1000 * 2037);
  for (size_t row = 0; row < 1000; ++row) g.Choice(2037, 2037, v.data() + row * 2037);
  CHECK(Sums(v).sum == 2072340014ull);
  CHECK(Sums(v).weighted == 2110322205415712ull);
}

TEST_CASE("integers(2, size=(10000, 2037), dtype=bool) matches numpy", "[stats][numpy_random]") {
  struct Case {
    uint64_t seed;
    std::string first40;
    uint64_t sum, weighted;
    uint64_t next_raw;
  };
  const std::vector<Case> cases = {
      {0, "1111101001000001010000111001101111110011", 10181895, 103694995827423ull,
       9032912150641229376ull},
      {12345, "1011100110000011111111110100110110110001", 10182307, 103705124059800ull,
       18196527503865799550ull},
  };
  std::vector<uint8_t> b(10000 * 2037);
  for (const Case& c : cases) {
    INFO("seed " << c.seed);
    NumpyGenerator g(c.seed);
    g.Bools(b.size(), b.data());
    CHECK(BitString(b, 40) == c.first40);
    const Checksum s = Sums(b);
    CHECK(s.sum == c.sum);
    CHECK(s.weighted == c.weighted);
    // 20,370,000 bools use 636,563 32-bit draws: a high half stays buffered.
    CHECK(g.GetState().has_uint32);
    CHECK(g.NextUint64() == c.next_raw);
  }
}

TEST_CASE("sacreBLEU AR draws: bools then choice on one generator", "[stats][numpy_random]") {
  // rng = default_rng(12345)
  // pos_sel = rng.integers(2, size=(1000, 2037), dtype=bool)
  // bs_idxs = rng.choice(2037, size=(1000, 2037), replace=True)
  // The bools leave a buffered 32-bit half that the choice draws use first.
  NumpyGenerator g(12345);
  std::vector<uint8_t> b(1000 * 2037);
  g.Bools(b.size(), b.data());
  CHECK(Sums(b).sum == 1017604u);
  CHECK(g.GetState().has_uint32);
  CHECK(g.GetState().uinteger == 3519070260u);
  I64s v(1000 * 2037);
  g.Choice(2037, v.size(), v.data());
  CHECK(Head(v, 6) == I64s{1669, 2000, 1555, 850, 1827, 1248});
  CHECK(Sums(v).sum == 2072749708ull);
}

TEST_CASE("bool bit buffer is per call", "[stats][numpy_random]") {
  // integers(2, size=33, dtype=bool), then integers(10, size=5)
  NumpyGenerator g(1);
  std::vector<uint8_t> b(33);
  g.Bools(b.size(), b.data());
  CHECK(BitString(b, 33) == "111111110010011101000100100111101");
  CHECK(Ints(g, 0, 10, 5) == I64s{7, 9, 0, 1, 8});
  // Two calls of size 5 each start a fresh bit buffer.
  NumpyGenerator h(1);
  std::vector<uint8_t> b1(5), b2(5);
  h.Bools(5, b1.data());
  h.Bools(5, b2.data());
  CHECK(BitString(b1, 5) + BitString(b2, 5) == "1111111001");
  // And no bools for an empty call: nothing consumed.
  NumpyGenerator k(1);
  k.Bools(0, nullptr);
  CHECK(k.NextUint64() == 9441442522235856127ull);
}

TEST_CASE("equal seeds give equal streams", "[stats][numpy_random]") {
  NumpyGenerator a(777), b(777);
  I64s va(5000), vb(5000);
  a.Choice(2037, va.size(), va.data());
  b.Choice(2037, vb.size(), vb.data());
  CHECK(va == vb);
  std::vector<uint8_t> ba(999), bb(999);
  a.Bools(ba.size(), ba.data());
  b.Bools(bb.size(), bb.data());
  CHECK(ba == bb);
  CHECK(a.NextUint64() == b.NextUint64());
  // Copies carry the full state, including the buffered half.
  a.NextUint32();
  NumpyGenerator c = a;
  CHECK(c.NextUint32() == a.NextUint32());
  CHECK(c.NextUint64() == a.NextUint64());
  NumpyGenerator d(778);
  CHECK(d.NextUint64() != NumpyGenerator(777).NextUint64());
}

TEST_CASE("FromEntropy gives distinct generators", "[stats][numpy_random]") {
  NumpyGenerator a = NumpyGenerator::FromEntropy();
  NumpyGenerator b = NumpyGenerator::FromEntropy();
  CHECK((Raw(a, 2) != Raw(b, 2)));
}

}  // namespace mteval
