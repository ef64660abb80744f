#include <mteval/align.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <memory>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <mteval/error.h>
#include "align/reseg_units.h"
#include "corpus/reader_util.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

// Half-width of the DP band, in source sentences, where it starts.
constexpr size_t kDefaultBand = 32;

// Bead shapes (source sentences, target sentences) and Gale & Church's priors.
struct BeadShape {
  int src, tgt;
  double prior;
};
constexpr std::array<BeadShape, 6> kShapes{{
    {1, 1, 0.89},
    {1, 0, 0.0099 / 2},
    {0, 1, 0.0099 / 2},
    {2, 1, 0.089 / 2},
    {1, 2, 0.089 / 2},
    {2, 2, 0.011},
}};

// Punctuation classes compared between the two sides.
enum PunctClass { kQuestion, kExclamation, kQuote, kBracket, kColon, kPeriod, kNumPunct };

int PunctClassOf(char32_t c) {
  switch (c) {
    case '?': case 0xFF1F: return kQuestion;
    case '!': case 0xFF01: return kExclamation;
    case '"': case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F: return kQuote;
    case '(': case ')': case '[': case ']': case 0xFF08: case 0xFF09: case 0x3010: case 0x3011: return kBracket;
    case ':': case 0xFF1A: return kColon;
    case 0x3002: case 0xFF0E: return kPeriod;  // '.': see BuildInfos
    default: return -1;
  }
}

// What one sentence contributes to bead costs.
struct SentenceInfo {
  double length = 0;                 // code points without whitespace
  std::vector<uint64_t> anchors;     // sorted anchor ids
  std::array<int, kNumPunct> punct{};
};

uint64_t HashString(std::string_view s, uint64_t salt) { return std::hash<std::string_view>()(s) * 0x9E3779B97F4A7C15ULL ^ salt; }

// Candidate tokens of a sentence: numbers (digits only, separators dropped,
// full-width digits folded) and Latin-letter words (ASCII-lowercased).
struct Tokens {
  std::vector<std::string> numbers, latin;
};

Tokens CandidateTokens(std::string_view text) {
  Tokens t;
  std::string cur;
  bool in_number = false;
  auto flush = [&]() {
    if (!cur.empty()) {
      if (in_number) t.numbers.push_back(cur);
      else if (cur.size() >= 2) t.latin.push_back(cur);
    }
    cur.clear();
  };
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    const char* start = p;
    char32_t c = DecodeUtf8(p);
    if (c >= 0xFF10 && c <= 0xFF19) c = c - 0xFF10 + '0';
    const bool digit = c >= '0' && c <= '9';
    const bool latin = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
    if (digit) {
      if (!in_number) flush();
      in_number = true;
      cur += static_cast<char>(c);
    } else if (latin && !in_number) {
      if (c < 0x80) cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      else cur.append(start, p);
    } else if (in_number && (c == ',' || c == '.') && p < end && *p >= '0' && *p <= '9') {
      // thousands separator or decimal point inside a number: keep digits only
    } else {
      flush();
      in_number = false;
    }
  }
  flush();
  return t;
}

bool ContainsFolded(const std::string& haystack_folded, const std::string& needle) {
  std::string n = needle;
  for (char& ch : n) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return !n.empty() && haystack_folded.find(n) != std::string::npos;
}

std::string FoldAscii(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return out;
}

// Builds the per-sentence information of both sides. Latin words are anchors
// only when they occur on both sides and in at most 1% (at least 2) of the
// sentences of each side, so that common words of two alphabetic languages
// ("in", "die") are not taken for evidence.
void BuildInfos(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                const SentenceAlignOptions& options, std::vector<SentenceInfo>* src_info,
                std::vector<SentenceInfo>* tgt_info) {
  // The tokens of each sentence are found twice (for the document
  // frequencies, then for the anchors) rather than kept for the whole text.
  auto doc_freq = [](const std::vector<std::string>& text) {
    std::unordered_map<std::string, size_t> df;
    for (const std::string& line : text) {
      const Tokens t = CandidateTokens(line);
      std::unordered_set<std::string> seen(t.latin.begin(), t.latin.end());
      for (const auto& w : seen) ++df[w];
    }
    return df;
  };
  auto src_df = doc_freq(src), tgt_df = doc_freq(tgt);
  const size_t src_max = std::max<size_t>(2, src.size() / 100), tgt_max = std::max<size_t>(2, tgt.size() / 100);
  auto is_anchor_word = [&](const std::string& w) {
    auto a = src_df.find(w), b = tgt_df.find(w);
    return a != src_df.end() && b != tgt_df.end() && a->second <= src_max && b->second <= tgt_max;
  };
  auto fill = [&](const std::vector<std::string>& text, bool is_src, std::vector<SentenceInfo>* out) {
    out->resize(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
      SentenceInfo& info = (*out)[i];
      const char* p = text[i].data();
      const char* end = p + text[i].size();
      bool prev_digit = false;
      while (p < end) {
        char32_t c = DecodeUtf8(p);
        if (IsPySpace(c)) {
          prev_digit = false;
          continue;
        }
        info.length += 1;
        int pc = PunctClassOf(c);
        // '.' ends a sentence at the end of the text, or before whitespace
        // unless a digit precedes it (German ordinals: "am 3. Mai").
        if (c == '.' && (p == end || (IsPySpace(static_cast<unsigned char>(*p)) && !prev_digit))) pc = kPeriod;
        prev_digit = c >= '0' && c <= '9';
        if (pc >= 0) ++info.punct[pc];
      }
      const Tokens toks = CandidateTokens(text[i]);
      for (const auto& n : toks.numbers) info.anchors.push_back(HashString(n, 1));
      for (const auto& w : toks.latin) {
        if (is_anchor_word(w)) info.anchors.push_back(HashString(w, 2));
      }
      if (!options.glossary.empty()) {
        std::string folded = FoldAscii(text[i]);
        for (size_t g = 0; g < options.glossary.size(); ++g) {
          const AnchorTermPair& e = options.glossary[g];
          bool found = false;
          if (is_src) {
            found = ContainsFolded(folded, e.source);
          } else {
            for (const auto& t : e.targets) found = found || ContainsFolded(folded, t);
          }
          if (found) info.anchors.push_back(HashString(std::to_string(g), 3));
        }
      }
      std::sort(info.anchors.begin(), info.anchors.end());
      info.anchors.shrink_to_fit();
    }
  };
  fill(src, true, src_info);
  fill(tgt, false, tgt_info);
}

// Size of the multiset intersection of two sorted lists.
size_t IntersectionSize(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

// The information of sentences k and k + 1 together (what a bead with two
// sentences on this side sees).
SentenceInfo Joined(const SentenceInfo& first, const SentenceInfo& second) {
  SentenceInfo out;
  out.length = second.length + first.length;
  for (int c = 0; c < kNumPunct; ++c) out.punct[c] = second.punct[c] + first.punct[c];
  out.anchors.reserve(first.anchors.size() + second.anchors.size());
  std::merge(first.anchors.begin(), first.anchors.end(), second.anchors.begin(), second.anchors.end(),
             std::back_inserter(out.anchors));
  return out;
}

// joined[k] = Joined(info[k], info[k + 1]).
std::vector<SentenceInfo> JoinedPairs(const std::vector<SentenceInfo>& info) {
  std::vector<SentenceInfo> joined;
  if (info.size() >= 2) joined.reserve(info.size() - 1);
  for (size_t k = 0; k + 1 < info.size(); ++k) joined.push_back(Joined(info[k], info[k + 1]));
  return joined;
}

double NormalTail2(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }  // 2 * (1 - Phi(|z|))

class BeadCoster {
 public:
  BeadCoster(const std::vector<SentenceInfo>& src, const std::vector<SentenceInfo>& tgt,
             const SentenceAlignOptions& options)
      : src_(src), tgt_(tgt), src_pairs_(JoinedPairs(src)), tgt_pairs_(JoinedPairs(tgt)), options_(options) {
    double ls = 0, lt = 0;
    for (const auto& s : src) ls += s.length;
    for (const auto& t : tgt) lt += t.length;
    ratio_ = (ls > 0 && lt > 0) ? lt / ls : 1.0;
    variance_ = options.variance;
  }

  // Re-estimates the length ratio and variance from the 1-1 beads of a first
  // alignment (kept when there are fewer than 20 of them).
  void Reestimate(const std::vector<Bead>& beads) {
    double ls = 0, lt = 0, sq = 0;
    size_t count = 0;
    for (const Bead& b : beads) {
      if (b.src_end - b.src_begin != 1 || b.tgt_end - b.tgt_begin != 1) continue;
      ls += src_[b.src_begin].length;
      lt += tgt_[b.tgt_begin].length;
      ++count;
    }
    if (count < 20 || ls <= 0 || lt <= 0) return;
    double ratio = lt / ls;
    for (const Bead& b : beads) {
      if (b.src_end - b.src_begin != 1 || b.tgt_end - b.tgt_begin != 1) continue;
      double l1 = src_[b.src_begin].length, l2 = tgt_[b.tgt_begin].length;
      if (ratio >= 1) l1 *= ratio; else l2 /= ratio;
      double mean = (l1 + l2) / 2;
      if (mean > 0) sq += (l1 - l2) * (l1 - l2) / mean;
    }
    ratio_ = ratio;
    variance_ = std::max(1.0, sq / count);
  }

  // Cost of the bead src[i - ns, i) with tgt[j - nt, j): the sum, in this
  // order, of the prior's term (MinCost), the length model's, and the
  // evidence's (anchors, punctuation). All but the first are >= 0, and
  // floating-point addition is monotonic, so the same sum without the length
  // term is a lower bound of the cost, and MinCost another.
  double Cost(size_t i, size_t j, const BeadShape& shape) const {
    double anchors, punct;
    Evidence(i, j, shape, &anchors, &punct);
    return Sum(MinCost(shape), (shape.src == 0 || shape.tgt == 0) ? 0.0 : LengthTerm(i, j, shape), anchors, punct);
  }
  static double MinCost(const BeadShape& shape) { return -std::log(shape.prior); }
  static double Sum(double min_cost, double length, double anchors, double punct) {
    return ((min_cost + length) + anchors) + punct;
  }

  // The length model's term: -log of the two-sided tail probability of the
  // length difference z.
  double LengthTerm(size_t i, size_t j, const BeadShape& shape) const { return TailTerm(LengthZ(i, j, shape)); }
  static double TailTerm(double z) { return -std::log(std::max(NormalTail2(z), 1e-12)); }
  // A lower bound of TailTerm(z) without erfc and log: the tail is at most
  // exp(-z^2 / 2), so TailTerm(z) >= z^2 / 2 (and it never exceeds
  // -log(1e-12) < 27.7); the factor 0.999 and the -1e-9 leave room for the
  // rounding of erfc and log.
  static double TailTermBound(double z) { return std::min(27.6, 0.999 * (z * z / 2)) - 1e-9; }
  // The normalised length difference of the bead; 0 when a side is empty: a
  // 1-0 or 0-1 bead has no length to compare, its prior alone prices it
  // (Gale & Church's length term for an empty side makes any dropped
  // sentence cheaper to hide inside a 2-1 bead).
  double LengthZ(size_t i, size_t j, const BeadShape& shape) const {
    if (shape.src == 0 || shape.tgt == 0) return 0.0;
    double l1 = SrcSide(i, shape).length, l2 = TgtSide(j, shape).length;
    // In units of the longer side's characters.
    if (ratio_ >= 1) l1 *= ratio_; else l2 /= ratio_;
    double mean = (l1 + l2) / 2;
    return mean > 0 ? (l1 - l2) / std::sqrt(variance_ * mean) : 0.0;
  }

  // The evidence terms: anchors found on one side only, and the difference
  // in punctuation marks.
  void Evidence(size_t i, size_t j, const BeadShape& shape, double* anchors, double* punct) const {
    const SentenceInfo& a = SrcSide(i, shape);
    const SentenceInfo& b = TgtSide(j, shape);
    const size_t total = a.anchors.size() + b.anchors.size();
    *anchors = total ? options_.anchor_weight * double(total - 2 * IntersectionSize(a.anchors, b.anchors)) : 0.0;
    int pdiff = 0;
    for (int c = 0; c < kNumPunct; ++c) pdiff += std::abs(a.punct[c] - b.punct[c]);
    *punct = options_.punct_weight * pdiff;
  }

 private:
  const std::vector<SentenceInfo>& src_;
  const std::vector<SentenceInfo>& tgt_;
  const std::vector<SentenceInfo> src_pairs_, tgt_pairs_;  // two consecutive sentences
  const SentenceAlignOptions& options_;
  double ratio_ = 1.0;
  double variance_ = 6.8;
  const SentenceInfo empty_;

  const SentenceInfo& SrcSide(size_t i, const BeadShape& shape) const {
    return shape.src == 0 ? empty_ : shape.src == 1 ? src_[i - 1] : src_pairs_[i - 2];
  }
  const SentenceInfo& TgtSide(size_t j, const BeadShape& shape) const {
    return shape.tgt == 0 ? empty_ : shape.tgt == 1 ? tgt_[j - 1] : tgt_pairs_[j - 2];
  }
};

std::string JoinSentences(const std::vector<std::string>& v, size_t begin, size_t end) {
  std::string out;
  for (size_t k = begin; k < end; ++k) AppendJoined(&out, v[k]);
  return out;
}

std::string NoTabs(std::string s) {
  std::replace(s.begin(), s.end(), '\t', ' ');
  return s;
}

}  // namespace

void SentenceAlignOptions::Validate() const {
  if (!(anchor_weight >= 0) || !(punct_weight >= 0)) {
    throw Error(ErrorKind::kUsage, "sentence alignment: anchor and punctuation weights must be >= 0");
  }
  if (!(variance > 0)) throw Error(ErrorKind::kUsage, "sentence alignment: the length variance must be > 0");
  if (band < 0) throw Error(ErrorKind::kUsage, "sentence alignment: the band must be >= 0 (0 = automatic)");
}

namespace {

// Columns [lo[i], hi[i]] of each row i = 0 .. n (source position) that the
// DP visits. Consecutive rows overlap, row 0 holds column 0 and row n
// column m, so a path always exists.
struct Band {
  std::vector<size_t> lo, hi;
};

// Every cell: for small inputs.
Band FullBand(size_t n, size_t m) { return {std::vector<size_t>(n + 1, 0), std::vector<size_t>(n + 1, m)}; }

// Row i spans [centre_lo[i] - width[i], centre_hi[i] + width[i]], clipped.
Band AroundCentre(const std::vector<size_t>& centre_lo, const std::vector<size_t>& centre_hi,
                  const std::vector<size_t>& width, size_t m) {
  Band b;
  b.lo.resize(centre_lo.size());
  b.hi.resize(centre_lo.size());
  for (size_t i = 0; i < centre_lo.size(); ++i) {
    b.lo[i] = centre_lo[i] > width[i] ? centre_lo[i] - width[i] : 0;
    b.hi[i] = std::min(m, centre_hi[i] + width[i]);
  }
  return b;
}

// Around the line that keeps the two texts in proportion: row i's centre is
// the target position where the target's share of the text (in characters,
// plus one a sentence) is nearest the share before source sentence i. It
// follows merged and split sentences, which a diagonal by sentence counts
// does not. Each row reaches the next row's centre.
Band AroundLengths(const std::vector<SentenceInfo>& src, const std::vector<SentenceInfo>& tgt,
                   const std::vector<size_t>& width) {
  const size_t n = src.size(), m = tgt.size();
  double src_total = 0, tgt_total = 0;
  for (const SentenceInfo& s : src) src_total += s.length + 1;
  for (const SentenceInfo& t : tgt) tgt_total += t.length + 1;
  std::vector<size_t> lo(n + 1), hi(n + 1);
  double src_prefix = 0, tgt_prefix = 0;
  size_t j = 0;
  for (size_t i = 0; i <= n; ++i) {
    const double want = src_prefix / src_total * tgt_total;
    while (j < m && tgt_prefix + (tgt[j].length + 1) / 2 < want) tgt_prefix += tgt[j++].length + 1;
    lo[i] = i == n ? m : j;
    if (i < n) src_prefix += src[i].length + 1;
  }
  for (size_t i = 0; i <= n; ++i) hi[i] = i < n ? lo[i + 1] : m;
  return AroundCentre(lo, hi, width, m);
}

// Around the cells a path of beads passes through: each bead covers the rows
// from its start to its end and the columns between.
Band AroundPath(const std::vector<Bead>& beads, size_t n, size_t m, const std::vector<size_t>& width) {
  std::vector<size_t> lo(n + 1, m), hi(n + 1, 0);
  lo[0] = 0;
  for (const Bead& b : beads) {
    for (size_t i = b.src_begin; i <= b.src_end; ++i) {
      lo[i] = std::min(lo[i], b.tgt_begin);
      hi[i] = std::max(hi[i], b.tgt_end);
    }
  }
  return AroundCentre(lo, hi, width, m);
}

void Widen(const Band& more, Band* band) {
  for (size_t i = 0; i < band->lo.size(); ++i) {
    band->lo[i] = std::min(band->lo[i], more.lo[i]);
    band->hi[i] = std::max(band->hi[i], more.hi[i]);
  }
}

// The rows where the path comes within a quarter of the row's width of an
// edge of the band that is not the edge of the whole table: there a better
// path may run outside the band.
std::vector<size_t> RowsNearEdge(const std::vector<Bead>& beads, const Band& band, const std::vector<size_t>& width,
                                 size_t m) {
  std::vector<size_t> rows;
  for (const Bead& b : beads) {
    const size_t i = b.src_end, j = b.tgt_end, margin = std::max<size_t>(1, width[i] / 4);
    if ((band.lo[i] > 0 && j < band.lo[i] + margin) || (band.hi[i] < m && j + margin > band.hi[i])) {
      if (rows.empty() || rows.back() != i) rows.push_back(i);
    }
  }
  return rows;
}

// The DP over the cells of `band`: the cheapest sequence of beads from (0, 0)
// to (n, m). Costs are kept for the last three rows only (a bead spans at
// most two), the chosen bead shape for every cell (a byte).
std::vector<Bead> RunDp(size_t n, size_t m, const Band& band, const BeadCoster& coster, SentenceAlignStats* stats) {
  std::vector<size_t> row_off(n + 2, 0);
  for (size_t i = 0; i <= n; ++i) row_off[i + 1] = row_off[i] + (band.hi[i] - band.lo[i] + 1);
  const size_t cells = row_off[n + 1];
  ++stats->passes;
  stats->max_cells = std::max(stats->max_cells, cells);
  stats->total_cells += cells;

  const double inf = std::numeric_limits<double>::infinity();
  std::array<double, kShapes.size()> min_cost;
  for (size_t s = 0; s < kShapes.size(); ++s) min_cost[s] = BeadCoster::MinCost(kShapes[s]);
  std::vector<int8_t> how(cells, -1);
  std::array<std::vector<double>, 3> rows;  // row i's costs are rows[i % 3]
  for (size_t i = 0; i <= n; ++i) {
    const size_t lo = band.lo[i], hi = band.hi[i];
    std::vector<double>& row = rows[i % 3];
    row.assign(hi - lo + 1, inf);
    for (size_t j = lo; j <= hi; ++j) {
      if (i == 0 && j == 0) {
        row[0] = 0;
        continue;
      }
      double best = inf;
      int8_t best_shape = -1;
      for (size_t s = 0; s < kShapes.size(); ++s) {
        const BeadShape& sh = kShapes[s];
        if (i < size_t(sh.src) || j < size_t(sh.tgt)) continue;
        const size_t pi = i - sh.src, pj = j - sh.tgt;
        if (pj < band.lo[pi] || pj > band.hi[pi]) continue;
        const double from = rows[pi % 3][pj - band.lo[pi]];
        // A bead whose lower bounds cannot win is not priced in full (the
        // length term is the costly part).
        if (from == inf || !(from + min_cost[s] < best)) continue;
        double anchors, punct;
        coster.Evidence(i, j, sh, &anchors, &punct);
        if (!(from + BeadCoster::Sum(min_cost[s], 0.0, anchors, punct) < best)) continue;
        double length = 0.0;
        if (sh.src > 0 && sh.tgt > 0) {
          const double z = coster.LengthZ(i, j, sh);
          if (!(from + BeadCoster::Sum(min_cost[s], BeadCoster::TailTermBound(z), anchors, punct) < best)) continue;
          length = BeadCoster::TailTerm(z);
        }
        const double c = from + BeadCoster::Sum(min_cost[s], length, anchors, punct);
        if (c < best) {
          best = c;
          best_shape = static_cast<int8_t>(s);
        }
      }
      row[j - lo] = best;
      how[row_off[i] + (j - lo)] = best_shape;
    }
  }
  if (band.hi[n] != m || rows[n % 3][m - band.lo[n]] == inf) {
    throw Error(ErrorKind::kInternal, "sentence alignment found no path through the band");
  }
  std::vector<Bead> beads;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    const BeadShape& sh = kShapes[how[row_off[i] + (j - band.lo[i])]];
    Bead b;
    b.src_begin = i - sh.src;
    b.src_end = i;
    b.tgt_begin = j - sh.tgt;
    b.tgt_end = j;
    b.cost = coster.Cost(i, j, sh);
    beads.push_back(b);
    i = b.src_begin;
    j = b.tgt_begin;
  }
  std::reverse(beads.begin(), beads.end());
  return beads;
}

// The DP over `band`, widened and run again while the best path comes near
// an edge of the band: where it does, the half-width doubles over a stretch
// of rows as long as the new width, around the path found.
std::vector<Bead> AlignInBand(size_t n, size_t m, Band band, std::vector<size_t> width, const BeadCoster& coster,
                              SentenceAlignStats* stats) {
  for (;;) {
    std::vector<Bead> beads = RunDp(n, m, band, coster, stats);
    const std::vector<size_t> near = RowsNearEdge(beads, band, width, m);
    if (near.empty()) return beads;
    std::vector<size_t> wider = width;
    for (size_t i : near) {
      const size_t w = 2 * width[i];
      for (size_t r = i > w ? i - w : 0; r <= std::min(n, i + w); ++r) wider[r] = std::max(wider[r], w);
    }
    width = std::move(wider);
    Widen(AroundPath(beads, n, m, width), &band);
  }
}

}  // namespace

std::vector<Bead> AlignSentences(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                                 const SentenceAlignOptions& options, SentenceAlignStats* stats) {
  options.Validate();
  SentenceAlignStats local;
  if (stats == nullptr) stats = &local;
  *stats = {};
  const size_t n = src.size(), m = tgt.size();
  if (n == 0 && m == 0) return {};
  std::vector<SentenceInfo> si, ti;
  BuildInfos(src, tgt, options, &si, &ti);
  BeadCoster coster(si, ti, options);

  // The band's half-width in target sentences (columns): the option's rows,
  // times the target sentences per source sentence when there are more.
  const size_t rows = options.band > 0 ? static_cast<size_t>(options.band) : kDefaultBand;
  const size_t per_row = n > 0 ? std::max<size_t>(1, (m + n - 1) / n) : m;
  const size_t columns = rows > m / per_row ? m : rows * per_row;
  const bool full = n == 0 || m == 0 || 2 * columns >= m || (n + 1) * (m + 1) <= 250000;
  const std::vector<size_t> width(n + 1, columns);
  // Two passes: the first around the line of proportional lengths, the
  // second, with the length ratio and variance of the first pass's 1-1
  // beads, around the first pass's path.
  std::vector<Bead> beads = AlignInBand(n, m, full ? FullBand(n, m) : AroundLengths(si, ti, width), width, coster, stats);
  coster.Reestimate(beads);
  return AlignInBand(n, m, full ? FullBand(n, m) : AroundPath(beads, n, m, width), width, coster, stats);
}

std::vector<std::string> SplitSentences(const std::vector<std::string>& paragraphs, const std::string& locale) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(locale.empty() ? icu::Locale::getRoot() : icu::Locale(locale.c_str()), err));
  if (U_FAILURE(err) || !it) {
    throw Error(ErrorKind::kUnavailable, std::string("ICU sentence break iterator unavailable: ") + u_errorName(err));
  }
  std::vector<std::string> out;
  for (const std::string& para : paragraphs) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(para);
    it->setText(u);
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
      std::string piece;
      u.tempSubStringBetween(start, end).toUTF8String(piece);
      std::string_view trimmed = PyStrip(piece);
      if (!trimmed.empty()) out.emplace_back(trimmed);
    }
  }
  return out;
}

std::vector<AnchorTermPair> ParseGlossary(std::string_view content, const std::string& name) {
  content = SkipUtf8Bom(content);
  std::vector<AnchorTermPair> out;
  size_t line_no = 0, pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++line_no;
    line = PyRstrip(line);
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    auto fail = [&](const std::string& what) {
      throw Error(ErrorKind::kInput, name + ": line " + std::to_string(line_no) + ": " + what +
                                         " (expected: source term<TAB>target|variant|...)");
    };
    if (tab == std::string_view::npos) fail("no tab");
    AnchorTermPair e;
    e.source = std::string(PyStrip(line.substr(0, tab)));
    std::string_view rest = line.substr(tab + 1);
    size_t start = 0;
    while (start <= rest.size()) {
      size_t bar = rest.find('|', start);
      std::string_view v = PyStrip(rest.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
      if (!v.empty()) e.targets.emplace_back(v);
      if (bar == std::string_view::npos) break;
      start = bar + 1;
    }
    if (e.source.empty()) fail("empty source term");
    if (e.targets.empty()) fail("no target term");
    out.push_back(std::move(e));
  }
  return out;
}

std::string FormatBeads(const std::vector<Bead>& beads, const std::vector<std::string>& src,
                        const std::vector<std::string>& tgt, const std::string& format) {
  if (format != "tsv" && format != "jsonl") {
    throw Error(ErrorKind::kUsage, "unknown alignment output format '" + format + "' (choose tsv or jsonl)");
  }
  std::string out;
  for (const Bead& b : beads) {
    std::string s = JoinSentences(src, b.src_begin, b.src_end);
    std::string t = JoinSentences(tgt, b.tgt_begin, b.tgt_end);
    if (format == "tsv") {
      out += NoTabs(s) + '\t' + NoTabs(t) + '\n';
      continue;
    }
    nlohmann::ordered_json j;
    j["src"] = s;
    j["tgt"] = t;
    std::vector<size_t> sid, tid;
    for (size_t k = b.src_begin; k < b.src_end; ++k) sid.push_back(k + 1);
    for (size_t k = b.tgt_begin; k < b.tgt_end; ++k) tid.push_back(k + 1);
    j["src_ids"] = sid;
    j["tgt_ids"] = tid;
    j["type"] = std::to_string(b.src_end - b.src_begin) + "-" + std::to_string(b.tgt_end - b.tgt_begin);
    out += j.dump() + '\n';
  }
  return out;
}

}  // namespace mteval
