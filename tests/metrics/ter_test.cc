// TER (metrics/ter): the TercomTokenizer normalisation for each option, edge
// cases of the metric (empty sides, several references, a very long
// segment), and a differential test of the fast edit distance with shifts
// against a plain reference implementation of sacreBLEU's lib_ter.py
// semantics written below. Expected strings and numbers come from running
// sacreBLEU 2.6.0.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <mteval/metrics.h>
#include <mteval/ter.h>
#include "metrics/ter/ter_edit_distance.h"
#include "metrics/ter/ter_normalizer.h"

namespace mteval {
namespace {

// ---------------------------------------------------------------------------
// Reference implementation: the obvious transcription of the algorithm, with
// whole vectors, a full (n+1) x (m+1) matrix per distance and no caching or
// pruning. Slow, but easy to check against the description in lib_ter.py.
// ---------------------------------------------------------------------------

using Words = std::vector<int>;

struct PlainTer {
  static constexpr int64_t kInf = 10000000000000000;  // sacreBLEU's int(1e16)

  // Beam edit distance and the trace of operations (rewriting hyp into ref):
  // ' ' match, 's' substitution, 'd' hyp word dropped, 'i' ref word added.
  static std::pair<int64_t, std::string> BeamDistance(const Words& h, const Words& r) {
    const int64_t n = static_cast<int64_t>(h.size()), m = static_cast<int64_t>(r.size());
    std::vector<std::vector<int64_t>> cost(static_cast<size_t>(n + 1), std::vector<int64_t>(static_cast<size_t>(m + 1), kInf));
    std::vector<std::vector<char>> op(static_cast<size_t>(n + 1), std::vector<char>(static_cast<size_t>(m + 1), 'x'));
    for (int64_t j = 0; j <= m; ++j) {
      cost[0][static_cast<size_t>(j)] = j;
      op[0][static_cast<size_t>(j)] = 'i';
    }
    const double ratio = n > 0 ? static_cast<double>(m) / static_cast<double>(n) : 1.0;
    const int64_t beam = 25 < ratio / 2 ? static_cast<int64_t>(std::ceil(ratio / 2 + 25)) : 25;
    for (int64_t i = 1; i <= n; ++i) {
      const int64_t diag = static_cast<int64_t>(std::floor(static_cast<double>(i) * ratio));
      const int64_t lo = std::max<int64_t>(0, diag - beam);
      const int64_t hi = i == n ? m + 1 : std::min(m + 1, diag + beam);
      auto& c = cost[static_cast<size_t>(i)];
      auto& up = cost[static_cast<size_t>(i - 1)];
      for (int64_t j = lo; j < hi; ++j) {
        const size_t J = static_cast<size_t>(j);
        if (j == 0) {
          c[0] = up[0] + 1;
          op[static_cast<size_t>(i)][0] = 'd';
          continue;
        }
        const bool same = h[static_cast<size_t>(i - 1)] == r[J - 1];
        const std::pair<int64_t, char> options[] = {
            {up[J - 1] + (same ? 0 : 1), same ? ' ' : 's'}, {up[J] + 1, 'd'}, {c[J - 1] + 1, 'i'}};
        for (const auto& [value, name] : options) {
          if (c[J] > value) {
            c[J] = value;
            op[static_cast<size_t>(i)][J] = name;
          }
        }
      }
    }
    std::string trace;
    for (int64_t i = n, j = m; i > 0 || j > 0;) {
      const char o = op[static_cast<size_t>(i)][static_cast<size_t>(j)];
      REQUIRE(o != 'x');
      trace.insert(trace.begin(), o);
      if (o == ' ' || o == 's') {
        --i;
        --j;
      } else if (o == 'i') {
        --j;
      } else {
        --i;
      }
    }
    return {cost[static_cast<size_t>(n)][static_cast<size_t>(m)], trace};
  }

  // Python's words[a:b].
  static Words Slice(const Words& w, int64_t a, int64_t b) {
    const int64_t n = static_cast<int64_t>(w.size());
    a = std::clamp<int64_t>(a, 0, n);
    b = std::clamp<int64_t>(b, 0, n);
    return b > a ? Words(w.begin() + a, w.begin() + b) : Words();
  }
  static Words Concat(std::initializer_list<Words> parts) {
    Words out;
    for (const Words& p : parts) out.insert(out.end(), p.begin(), p.end());
    return out;
  }
  static Words Shift(const Words& w, int64_t s, int64_t len, int64_t t) {
    if (t < s) return Concat({Slice(w, 0, t), Slice(w, s, s + len), Slice(w, t, s), Slice(w, s + len, 1 << 30)});
    if (t > s + len) return Concat({Slice(w, 0, s), Slice(w, s + len, t), Slice(w, s, s + len), Slice(w, t, 1 << 30)});
    return Concat({Slice(w, 0, s), Slice(w, s + len, len + t), Slice(w, s, s + len), Slice(w, len + t, 1 << 30)});
  }

  bool hit_cap = false;  // whether the 1000-candidate cap ended the search

  int64_t Edits(Words h, const Words& r) {
    const int64_t n = static_cast<int64_t>(h.size()), m = static_cast<int64_t>(r.size());
    if (m == 0) return n;
    int64_t shifts = 0, checked = 0;
    while (true) {
      const auto [before, inverse_trace] = BeamDistance(h, r);
      // Read the trace as rewriting ref into hyp: 'd' <-> 'i'.
      std::vector<int64_t> align(static_cast<size_t>(m), -2);
      std::vector<int> hyp_err, ref_err;
      int64_t ph = -1, pr = -1;
      for (char o : inverse_trace) {
        if (o == 'd') o = 'i';
        else if (o == 'i') o = 'd';
        if (o == ' ' || o == 's') {
          ++ph;
          ++pr;
          align[static_cast<size_t>(pr)] = ph;
          hyp_err.push_back(o == 's');
          ref_err.push_back(o == 's');
        } else if (o == 'i') {
          ++ph;
          hyp_err.push_back(1);
        } else {
          ++pr;
          align[static_cast<size_t>(pr)] = ph;
          ref_err.push_back(1);
        }
      }
      using Candidate = std::tuple<int64_t, int64_t, int64_t, int64_t, Words>;
      bool have = false, stop = false;
      Candidate best;
      for (int64_t sh = 0; sh < n && !stop; ++sh) {
        for (int64_t sr = 0; sr < m && !stop; ++sr) {
          if (std::abs(sr - sh) > 50) continue;
          for (int64_t len = 1; len <= 10; ++len) {
            if (h[static_cast<size_t>(sh + len - 1)] != r[static_cast<size_t>(sr + len - 1)]) break;
            // One (sh, sr, len) triple, as _shift handles it.
            int64_t herr = 0, rerr = 0;
            for (int64_t k = sh; k < sh + len; ++k) herr += hyp_err[static_cast<size_t>(k)];
            for (int64_t k = sr; k < sr + len; ++k) rerr += ref_err[static_cast<size_t>(k)];
            const int64_t a = align[static_cast<size_t>(sr)];
            if (herr > 0 && rerr > 0 && !(sh <= a && a < sh + len)) {
              int64_t previous = -1;
              for (int64_t off = -1; off < len; ++off) {
                int64_t target;
                if (sr + off == -1) {
                  target = 0;
                } else if (sr + off < m) {
                  target = align[static_cast<size_t>(sr + off)] + 1;
                } else {
                  break;
                }
                if (target == previous) continue;
                previous = target;
                Words shifted = Shift(h, sh, len, target);
                REQUIRE(shifted.size() == h.size());
                Candidate c{before - BeamDistance(shifted, r).first, len, -sh, -target, shifted};
                ++checked;
                if (!have || c > best) {
                  best = c;
                  have = true;
                }
              }
              if (checked >= 1000) stop = true;
            }
            if (stop || sh + len == n || sr + len == m) break;
          }
        }
      }
      if (checked >= 1000) {
        hit_cap = true;
        break;
      }
      if (!have || std::get<0>(best) <= 0) break;
      ++shifts;
      h = std::get<4>(best);
    }
    return shifts + BeamDistance(h, r).first;
  }
};

std::vector<uint32_t> Ids(const Words& w) { return std::vector<uint32_t>(w.begin(), w.end()); }

// Random word sequences over a small vocabulary (so words repeat and many
// shifts are possible).
Words RandomWords(std::mt19937& rng, int max_len, int vocab) {
  std::uniform_int_distribution<int> len(0, max_len), word(0, vocab - 1);
  Words w(static_cast<size_t>(len(rng)));
  for (int& x : w) x = word(rng);
  return w;
}

// A reference with some blocks moved and a few words edited.
std::pair<Words, Words> MovedBlocks(std::mt19937& rng, int len, int vocab) {
  Words ref = RandomWords(rng, 0, 1);
  std::uniform_int_distribution<int> word(0, vocab - 1);
  ref.clear();
  for (int i = 0; i < len; ++i) ref.push_back(word(rng));
  Words hyp = ref;
  for (int moves = 0; moves < 3 && hyp.size() > 3; ++moves) {
    const size_t s = std::uniform_int_distribution<size_t>(0, hyp.size() - 1)(rng);
    const size_t l = std::uniform_int_distribution<size_t>(1, std::min<size_t>(6, hyp.size() - s))(rng);
    Words block(hyp.begin() + static_cast<long>(s), hyp.begin() + static_cast<long>(s + l));
    hyp.erase(hyp.begin() + static_cast<long>(s), hyp.begin() + static_cast<long>(s + l));
    const size_t t = std::uniform_int_distribution<size_t>(0, hyp.size())(rng);
    hyp.insert(hyp.begin() + static_cast<long>(t), block.begin(), block.end());
  }
  if (!hyp.empty()) hyp[std::uniform_int_distribution<size_t>(0, hyp.size() - 1)(rng)] = word(rng);
  return {hyp, ref};
}

MetricScore SentenceTer(const std::string& hyp, const std::vector<std::string>& refs, const TerOptions& o = {},
                        std::vector<int64_t>* stats_out = nullptr) {
  auto metric = std::make_unique<Ter>(o);
  auto scorer = metric->NewScorer();
  std::vector<std::string_view> views(refs.begin(), refs.end());
  scorer->SetReferences(views);
  std::vector<int64_t> stats(metric->NumStats());
  scorer->ScoreHypothesis(hyp, stats.data());
  if (stats_out) *stats_out = stats;
  return metric->Score(stats.data());
}

double Field(const MetricScore& s, const std::string& key) {
  for (const ScoreField& f : s.fields) {
    if (f.key == key) return f.values.at(0);
  }
  FAIL("no field " << key);
  return 0;
}

struct NormCase {
  bool normalized, no_punct, asian_support, case_sensitive;
  const char* input;
  const char* expected;
};

// TercomTokenizer(...)(s.rstrip()) from sacreBLEU 2.6.0.
const NormCase kNormCases[] = {
    {false, false, false, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello, world! it's 3.14 and 1,000 -- \"quoted\" (yes)."},
    {false, false, false, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;"},
    {false, false, false, false, "line one\n-continued and\nnext 12-13 years", "line one -continued and next 12-13 years"},
    {false, false, false, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr. smith paid $5.50, e.g. 2.5."},
    {false, false, false, false, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子，包含标点。还有「引号」和（括号）！"},
    {false, false, false, false, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストです。カタカナ・ひらがな"},
    {false, false, false, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width：１２３？"},
    {false, false, false, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {false, false, false, false, "a.b,c 3.4,5 x-1 9-y", "a.b,c 3.4,5 x-1 9-y"},
    {false, false, false, true, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes)."},
    {false, false, false, true, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;"},
    {false, false, false, true, "line one\n-continued and\nnext 12-13 years", "line one -continued and next 12-13 years"},
    {false, false, false, true, "Mr. Smith paid $5.50, e.g. 2.5.", "Mr. Smith paid $5.50, e.g. 2.5."},
    {false, false, false, true, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子，包含标点。还有「引号」和（括号）！"},
    {false, false, false, true, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストです。カタカナ・ひらがな"},
    {false, false, false, true, "ＦＵＬＬ－width：１２３？", "ＦＵＬＬ－width：１２３？"},
    {false, false, false, true, "İSTANBUL ΣΟΦΟΣ Straße", "İSTANBUL ΣΟΦΟΣ Straße"},
    {false, false, false, true, "a.b,c 3.4,5 x-1 9-y", "a.b,c 3.4,5 x-1 9-y"},
    {true, false, false, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello , world ! it 's 3.14 and 1,000 -- \" quoted \" ( yes ) ."},
    {true, false, false, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat 's toy & the dog & apos ; s < b > tag \" x \""},
    {true, false, false, false, "line one\n-continued and\nnext 12-13 years", "line onecontinued and next 12 - 13 years"},
    {true, false, false, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr . smith paid $ 5.50 , e . g . 2.5 ."},
    {true, false, false, false, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子，包含标点。还有「引号」和（括号）！"},
    {true, false, false, false, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストです。カタカナ・ひらがな"},
    {true, false, false, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width：１２３？"},
    {true, false, false, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {true, false, false, false, "a.b,c 3.4,5 x-1 9-y", "a . b , c 3.4,5 x-1 9 - y"},
    {false, true, false, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello world it's 314 and 1000 -- quoted yes"},
    {false, true, false, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat's toy &amp the dog&aposs &ltb&gt tag &quotx&quot"},
    {false, true, false, false, "line one\n-continued and\nnext 12-13 years", "line one -continued and next 12-13 years"},
    {false, true, false, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr smith paid $550 eg 25"},
    {false, true, false, false, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子，包含标点。还有「引号」和（括号）！"},
    {false, true, false, false, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストです。カタカナ・ひらがな"},
    {false, true, false, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width：１２３？"},
    {false, true, false, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {false, true, false, false, "a.b,c 3.4,5 x-1 9-y", "abc 345 x-1 9-y"},
    {false, false, true, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello, world! it's 3.14 and 1,000 -- \"quoted\" (yes)."},
    {false, false, true, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;"},
    {false, false, true, false, "line one\n-continued and\nnext 12-13 years", "line one -continued and next 12-13 years"},
    {false, false, true, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr. smith paid $5.50, e.g. 2.5."},
    {false, false, true, false, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子，包含标点。还有「引号」和（括号）！"},
    {false, false, true, false, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストです。カタカナ・ひらがな"},
    {false, false, true, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width：１２３？"},
    {false, false, true, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {false, false, true, false, "a.b,c 3.4,5 x-1 9-y", "a.b,c 3.4,5 x-1 9-y"},
    {true, false, true, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello , world ! it 's 3.14 and 1,000 -- \" quoted \" ( yes ) ."},
    {true, false, true, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat 's toy & the dog & apos ; s < b > tag \" x \""},
    {true, false, true, false, "line one\n-continued and\nnext 12-13 years", "line onecontinued and next 12 - 13 years"},
    {true, false, true, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr . smith paid $ 5.50 , e . g . 2.5 ."},
    {true, false, true, false, "中文句子，包含标点。还有「引号」和（括号）！", "中 文 句 子 ， 包 含 标 点 。 还 有 「 引 号 」 和 （ 括 号 ） ！"},
    {true, false, true, false, "日本語のテキストです。カタカナ・ひらがな", "日 本 語 のテキストです 。 カタカナ ・ ひらがな"},
    {true, false, true, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width ： １２３ ？"},
    {true, false, true, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {true, false, true, false, "a.b,c 3.4,5 x-1 9-y", "a . b , c 3.4,5 x-1 9 - y"},
    {false, true, true, false, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "hello world it's 314 and 1000 -- quoted yes"},
    {false, true, true, false, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "the cat's toy &amp the dog&aposs &ltb&gt tag &quotx&quot"},
    {false, true, true, false, "line one\n-continued and\nnext 12-13 years", "line one -continued and next 12-13 years"},
    {false, true, true, false, "Mr. Smith paid $5.50, e.g. 2.5.", "mr smith paid $550 eg 25"},
    {false, true, true, false, "中文句子，包含标点。还有「引号」和（括号）！", "中文句子包含标点还有引号和括号"},
    {false, true, true, false, "日本語のテキストです。カタカナ・ひらがな", "日本語のテキストですカタカナひらがな"},
    {false, true, true, false, "ＦＵＬＬ－width：１２３？", "ｆｕｌｌ－width１２３"},
    {false, true, true, false, "İSTANBUL ΣΟΦΟΣ Straße", "i̇stanbul σοφος straße"},
    {false, true, true, false, "a.b,c 3.4,5 x-1 9-y", "abc 345 x-1 9-y"},
    {true, true, true, true, "Hello, World! It's 3.14 and 1,000 -- \"quoted\" (yes).", "Hello World It 's 314 and 1000 -- quoted yes"},
    {true, true, true, true, "The cat's toy &amp; the dog&apos;s &lt;b&gt; tag &quot;x&quot;", "The cat 's toy & the dog & apos s < b > tag x"},
    {true, true, true, true, "line one\n-continued and\nnext 12-13 years", "line onecontinued and next 12 - 13 years"},
    {true, true, true, true, "Mr. Smith paid $5.50, e.g. 2.5.", "Mr Smith paid $ 550 e g 25"},
    {true, true, true, true, "中文句子，包含标点。还有「引号」和（括号）！", "中 文 句 子 包 含 标 点 还 有 引 号 和 括 号"},
    {true, true, true, true, "日本語のテキストです。カタカナ・ひらがな", "日 本 語 のテキストです カタカナ ひらがな"},
    {true, true, true, true, "ＦＵＬＬ－width：１２３？", "ＦＵＬＬ－width １２３"},
    {true, true, true, true, "İSTANBUL ΣΟΦΟΣ Straße", "İSTANBUL ΣΟΦΟΣ Straße"},
    {true, true, true, true, "a.b,c 3.4,5 x-1 9-y", "a b c 345 x-1 9 - y"},
};

}  // namespace

TEST_CASE("TercomNormalizer matches sacreBLEU for each option", "[ter]") {
  for (const NormCase& c : kNormCases) {
    TerOptions o;
    o.normalized = c.normalized;
    o.no_punct = c.no_punct;
    o.asian_support = c.asian_support;
    o.case_sensitive = c.case_sensitive;
    INFO("normalized=" << c.normalized << " no_punct=" << c.no_punct << " asian=" << c.asian_support
                       << " case_sensitive=" << c.case_sensitive << " input=" << c.input);
    CHECK(TercomNormalizer(o).Normalize(c.input) == c.expected);
  }
}

TEST_CASE("TercomNormalizer edge cases", "[ter]") {
  TerOptions norm;
  norm.normalized = true;
  TercomNormalizer n(norm);
  CHECK(n.Normalize("") == "");
  CHECK(n.Normalize("   \t ") == "");
  // Entities are unescaped one kind at a time, so "&amp;lt;" becomes "<".
  // (and "&amp;amp;" only once, to "&amp;", whose '&' and ';' are then
  // split off as punctuation).
  CHECK(n.Normalize("a &amp;lt; b &amp;amp; c") == "a < b & amp ; c");
  // Possessive 's is split off, other apostrophes are not.
  CHECK(n.Normalize("john's book isn't rock'n'roll") == "john 's book isn't rock'n'roll");
  // Periods and commas between digits stay attached; elsewhere they are
  // split off, even before a digit when the previous character is no digit.
  CHECK(n.Normalize("1.5 2,000 a.b 3. .4") == "1.5 2,000 a . b 3 . . 4");
  CHECK(n.Normalize("10-20 a-b") == "10 - 20 a-b");
  // Python whitespace (U+3000, U+00A0, U+2028) separates words; lowercasing
  // is Python's str.lower().
  CHECK(TercomNormalizer(TerOptions{}).Normalize("A\xe3\x80\x80" "B\xc2\xa0" "C\xe2\x80\xa8" "\xc4\xb0") ==
        "a b c i\xcc\x87");
}

TEST_CASE("TER tokenizes references twice, as sacreBLEU does", "[ter]") {
  // sacreBLEU's figures (2.6.0, --ter-normalized): each pair scores 0.0,
  // because the second pass over the reference splits the possessive that
  // the first pass left attached (after a tab, a no-break space, U+3000, or
  // in "x's's").
  TerOptions norm;
  norm.normalized = true;
  for (const char* ref : {"it's\tcar", "x's\xc2\xa0" "b", "x's\xe3\x80\x80" "b", "x's\fb"}) {
    INFO(ref);
    CHECK(SentenceTer(ref[0] == 'i' ? "it 's car" : "x 's b", {ref}, norm).score == 0.0);
  }
  CHECK(SentenceTer("x 's 's", {"x's's"}, norm).score == 0.0);
  // Hypotheses are tokenized once: the same strings the other way round
  // keep their edits.
  CHECK(SentenceTer("it's\tcar", {"it 's car"}, norm).score > 0.0);
  // Several references, each with its own words (the second pass must not
  // leave views into a buffer the next reference reuses).
  for (bool case_sensitive : {false, true}) {
    TerOptions o = norm;
    o.case_sensitive = case_sensitive;
    std::vector<int64_t> stats;
    SentenceTer("b 's c", {"a's\tb", "b's\tc", "zzz"}, o, &stats);
    CHECK(stats[0] == 0);  // num_edits: the second reference matches
    TerOptions plain;
    plain.case_sensitive = case_sensitive;
    SentenceTer("b c", {"a b", "b c", "zzz"}, plain, &stats);
    CHECK(stats[0] == 0);
  }
}

TEST_CASE("TER of identical, empty and whitespace-only segments", "[ter]") {
  MetricScore s = SentenceTer("the cat sat on the mat", {"the cat sat on the mat"});
  CHECK(s.name == "TER");
  CHECK(s.score == 0.0);
  CHECK(Field(s, "num_edits") == 0);
  CHECK(Field(s, "ref_length") == 6.0);

  // Empty hypothesis: every reference word is an edit.
  s = SentenceTer("", {"a b c"});
  CHECK(Field(s, "num_edits") == 3);
  CHECK(Field(s, "ref_length") == 3.0);
  CHECK(s.score == 100.0);
  // Empty reference: sacreBLEU counts the hypothesis words and scores 100
  // (its special case for ref_length == 0 with edits).
  s = SentenceTer("a b", {""});
  CHECK(Field(s, "num_edits") == 2);
  CHECK(Field(s, "ref_length") == 0.0);
  CHECK(s.score == 100.0);
  // Both empty: 0.
  s = SentenceTer("", {""});
  CHECK(Field(s, "num_edits") == 0);
  CHECK(s.score == 0.0);
  s = SentenceTer("   ", {"  "});
  CHECK(Field(s, "num_edits") == 0);
  CHECK(s.score == 0.0);
  // Lowercased by default, not with case_sensitive.
  CHECK(SentenceTer("A B", {"a b"}).score == 0.0);
  TerOptions cs;
  cs.case_sensitive = true;
  CHECK(SentenceTer("A B", {"a b"}, cs).score == 100.0);
}

TEST_CASE("TER shifts: a moved block costs one edit", "[ter]") {
  struct Case {
    const char* hyp;
    const char* ref;
    int edits;
    double score;
  };
  const Case cases[] = {
      {"a b c d e", "c d e a b", 1, 20.0},
      {"the cat sat on the mat", "on the mat the cat sat", 1, 16.666666666666664},
      {"he went to the store yesterday", "yesterday he went to the store", 1, 16.666666666666664},
      {"a b c d e f g h", "a b f g h c d e", 1, 12.5},
      {"x y z", "a b c", 3, 100.0},
      {"the the the the", "the", 3, 300.0},
      {"the", "the the the the", 3, 75.0},
  };
  for (const Case& c : cases) {
    INFO(c.hyp << " | " << c.ref);
    MetricScore s = SentenceTer(c.hyp, {c.ref});
    CHECK(Field(s, "num_edits") == c.edits);
    CHECK(s.score == Approx(c.score).margin(1e-12));
  }
}

TEST_CASE("TER with several references: fewest edits, average length", "[ter]") {
  std::vector<int64_t> stats;
  MetricScore s = SentenceTer("the cat sat", {"the cat sat on the mat", "a cat sat"}, {}, &stats);
  CHECK(stats == std::vector<int64_t>{1, 9, 2, 1});
  CHECK(Field(s, "num_edits") == 1);
  CHECK(Field(s, "ref_length") == 4.5);
  CHECK(s.score == Approx(22.22222222222222).margin(1e-12));
  // An empty reference still counts in the average and can be the best.
  s = SentenceTer("the cat", {"", "the cat"});
  CHECK(Field(s, "num_edits") == 0);
  CHECK(Field(s, "ref_length") == 1.0);
  s = SentenceTer("one two three four", {"one two", "one two three four five six"});
  CHECK(Field(s, "num_edits") == 2);
  CHECK(Field(s, "ref_length") == 4.0);
  CHECK(s.score == 50.0);

  // Corpus of four segments with three references each (sacreBLEU:
  // num_edits 2, ref_length 9.0, score 22.22222222222222).
  const std::vector<std::string> hyps = {"the cat sat", "a b c d", "", "x"};
  const std::vector<std::vector<std::string>> refs = {
      {"the cat sat on the mat", "a cat sat", "cat"}, {"a b", "a b c d e", "d c b a"}, {"", "z", "z z"}, {"x y", "x", ""}};
  auto metric = std::make_unique<Ter>(TerOptions{});
  auto scorer = metric->NewScorer();
  std::vector<int64_t> total(metric->NumStats(), 0), row(metric->NumStats());
  for (size_t i = 0; i < hyps.size(); ++i) {
    std::vector<std::string_view> views(refs[i].begin(), refs[i].end());
    scorer->SetReferences(views);
    scorer->ScoreHypothesis(hyps[i], row.data());
    for (size_t k = 0; k < row.size(); ++k) total[k] += row[k];
  }
  MetricScore c = metric->Score(total.data());
  CHECK(Field(c, "num_edits") == 2);
  CHECK(Field(c, "ref_length") == 9.0);
  CHECK(c.score == Approx(22.22222222222222).margin(1e-9));
}

TEST_CASE("TER on very long segments", "[ter]") {
  // 2000 distinct words with a block of 5 moved by 20 positions: one shift.
  std::string ref, hyp;
  std::vector<int> order;
  for (int i = 0; i < 2000; ++i) order.push_back(i);
  std::vector<int> moved = order;
  moved.erase(moved.begin() + 100, moved.begin() + 105);
  moved.insert(moved.begin() + 120, order.begin() + 100, order.begin() + 105);
  for (int i : order) ref += "w" + std::to_string(i) + " ";
  for (int i : moved) hyp += "w" + std::to_string(i) + " ";
  MetricScore s = SentenceTer(hyp, {ref});
  CHECK(Field(s, "num_edits") == 1);
  CHECK(s.score == Approx(0.05).margin(1e-12));

  // No word in common: substitutions plus deletions (sacreBLEU: 3000).
  std::string a, b;
  for (int i = 0; i < 3000; ++i) a += "h" + std::to_string(i) + " ";
  for (int i = 0; i < 2500; ++i) b += "r" + std::to_string(i) + " ";
  CHECK(Field(SentenceTer(a, {b}), "num_edits") == 3000);

  // Extreme length ratios widen the beam (sacreBLEU: 997 both ways).
  std::string many;
  for (int i = 0; i < 1000; ++i) many += "w" + std::to_string(i % 37) + " ";
  CHECK(Field(SentenceTer("w5 w1 w30", {many}), "num_edits") == 997);
  CHECK(Field(SentenceTer(many, {"w5 w1 w30"}), "num_edits") == 997);
}

TEST_CASE("TER signature, name and registry entry", "[ter]") {
  auto metric = MakeMetric("ter", MetricOptions{});
  CHECK(metric->Id() == "ter");
  CHECK(metric->Name() == "TER");
  CHECK(metric->NumStats() == 4);
  const std::string sig = metric->GetSignature(1).Format(false);
  CHECK(sig.substr(0, sig.rfind("|version:")) == "nrefs:1|case:lc|tok:tercom|norm:no|punct:yes|asian:no");
  MetricOptions o;
  o.ter.case_sensitive = o.ter.normalized = o.ter.no_punct = o.ter.asian_support = true;
  const std::string all = MakeMetric("ter", o)->GetSignature(2).Format(true);
  CHECK(all.substr(0, all.rfind("|v:")) == "#:2|c:mixed|t:tercom|nr:yes|pn:no|as:yes");
  const std::vector<std::string> ids = AvailableMetrics();
  CHECK(std::find(ids.begin(), ids.end(), "ter") != ids.end());
  // Score of summed statistics with no reference words at all.
  const int64_t empty_refs[] = {3, 0, 2, 2};
  CHECK(metric->Score(empty_refs).score == 100.0);
  const int64_t nothing[] = {0, 0, 1, 1};
  CHECK(metric->Score(nothing).score == 0.0);
}

TEST_CASE("TER edit distance equals a plain implementation on random inputs", "[ter]") {
  std::mt19937 rng(20240611);
  TerEditDistance fast;
  TerEditDistance sparse(0);  // match masks from position lists, never tables
  PlainTer plain;
  int checked = 0, capped = 0, with_shifts = 0;
  auto check = [&](const Words& hyp, const Words& ref) {
    const std::vector<uint32_t> h = Ids(hyp), r = Ids(ref);
    fast.SetReference(r.data(), r.size());
    plain.hit_cap = false;
    const int64_t want = plain.Edits(hyp, ref);
    const int64_t got = fast.NumEdits(h.data(), h.size());
    sparse.SetReference(r.data(), r.size());
    CHECK(sparse.NumEdits(h.data(), h.size()) == want);
    const int64_t beam = ref.empty() ? static_cast<int64_t>(hyp.size()) : PlainTer::BeamDistance(hyp, ref).first;
    if (got != want || fast.BeamDistance(h.data(), h.size()) != beam) {
      std::string hs, rs;
      for (int x : hyp) hs += std::to_string(x) + " ";
      for (int x : ref) rs += std::to_string(x) + " ";
      INFO("hyp: " << hs << "\nref: " << rs);
      CHECK(got == want);
      CHECK(fast.BeamDistance(h.data(), h.size()) == beam);
    }
    capped += plain.hit_cap;
    with_shifts += want < beam;
    ++checked;
  };
  // Short sequences over tiny vocabularies: many repeated words and shifts.
  for (int i = 0; i < 3000; ++i) {
    const int vocab = std::uniform_int_distribution<int>(2, 8)(rng);
    check(RandomWords(rng, 12, vocab), RandomWords(rng, 12, vocab));
  }
  for (int i = 0; i < 600; ++i) {
    const int vocab = std::uniform_int_distribution<int>(3, 40)(rng);
    check(RandomWords(rng, 35, vocab), RandomWords(rng, 35, vocab));
  }
  // Near-copies with moved blocks, up to 80 words (two machine words of
  // reference, beams narrower than the sentence).
  for (int i = 0; i < 150; ++i) {
    auto [hyp, ref] = MovedBlocks(rng, std::uniform_int_distribution<int>(5, 80)(rng), 60);
    check(hyp, ref);
  }
  // Long and repetitive: the 1000-candidate cap ends the search.
  for (int i = 0; i < 4; ++i) {
    Words hyp, ref;
    while (hyp.size() < 60) hyp = RandomWords(rng, 75, 3);
    while (ref.size() < 60) ref = RandomWords(rng, 75, 3);
    check(hyp, ref);
  }
  // Extreme length ratios: widened beams, wider than 64 columns.
  for (int i = 0; i < 150; ++i) {
    Words small = RandomWords(rng, 5, 4), big = RandomWords(rng, 200, 4);
    if (i % 2) std::swap(small, big);
    check(small, big);
  }
  WARN("compared " << checked << " random pairs; " << with_shifts << " used shifts, " << capped
                   << " hit the candidate cap");
  CHECK(capped > 0);
  CHECK(with_shifts > 100);
}

}  // namespace mteval
