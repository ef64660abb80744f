#include "align/sentence_align.h"

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

#include "common/error.h"
#include "align/reseg_units.h"
#include "corpus/reader_util.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

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
  std::vector<Tokens> src_tok, tgt_tok;
  for (const auto& s : src) src_tok.push_back(CandidateTokens(s));
  for (const auto& s : tgt) tgt_tok.push_back(CandidateTokens(s));
  auto doc_freq = [](const std::vector<Tokens>& toks) {
    std::unordered_map<std::string, size_t> df;
    for (const Tokens& t : toks) {
      std::unordered_set<std::string> seen(t.latin.begin(), t.latin.end());
      for (const auto& w : seen) ++df[w];
    }
    return df;
  };
  auto src_df = doc_freq(src_tok), tgt_df = doc_freq(tgt_tok);
  const size_t src_max = std::max<size_t>(2, src.size() / 100), tgt_max = std::max<size_t>(2, tgt.size() / 100);
  auto is_anchor_word = [&](const std::string& w) {
    auto a = src_df.find(w), b = tgt_df.find(w);
    return a != src_df.end() && b != tgt_df.end() && a->second <= src_max && b->second <= tgt_max;
  };
  auto fill = [&](const std::vector<std::string>& text, const std::vector<Tokens>& toks, bool is_src,
                  std::vector<SentenceInfo>* out) {
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
      for (const auto& n : toks[i].numbers) info.anchors.push_back(HashString(n, 1));
      for (const auto& w : toks[i].latin) {
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
    }
  };
  fill(src, src_tok, true, src_info);
  fill(tgt, tgt_tok, false, tgt_info);
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

void MergeInto(const std::vector<uint64_t>& a, const std::vector<uint64_t>& b, std::vector<uint64_t>* out) {
  out->clear();
  std::merge(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(*out));
}

double NormalTail2(double z) { return std::erfc(std::fabs(z) / std::sqrt(2.0)); }  // 2 * (1 - Phi(|z|))

class BeadCoster {
 public:
  BeadCoster(const std::vector<SentenceInfo>& src, const std::vector<SentenceInfo>& tgt,
             const SentenceAlignOptions& options)
      : src_(src), tgt_(tgt), options_(options) {
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

  // Cost of the bead src[i - ns, i) with tgt[j - nt, j).
  double Cost(size_t i, size_t j, const BeadShape& shape) {
    double l1 = 0, l2 = 0;
    std::array<int, kNumPunct> p1{}, p2{};
    const std::vector<uint64_t>* a1 = &empty_;
    const std::vector<uint64_t>* a2 = &empty_;
    for (int k = 0; k < shape.src; ++k) {
      const SentenceInfo& s = src_[i - 1 - k];
      l1 += s.length;
      for (int c = 0; c < kNumPunct; ++c) p1[c] += s.punct[c];
    }
    for (int k = 0; k < shape.tgt; ++k) {
      const SentenceInfo& t = tgt_[j - 1 - k];
      l2 += t.length;
      for (int c = 0; c < kNumPunct; ++c) p2[c] += t.punct[c];
    }
    if (shape.src == 1) a1 = &src_[i - 1].anchors;
    if (shape.src == 2) { MergeInto(src_[i - 2].anchors, src_[i - 1].anchors, &buf1_); a1 = &buf1_; }
    if (shape.tgt == 1) a2 = &tgt_[j - 1].anchors;
    if (shape.tgt == 2) { MergeInto(tgt_[j - 2].anchors, tgt_[j - 1].anchors, &buf2_); a2 = &buf2_; }

    // Length model, in units of the longer side's characters.
    if (ratio_ >= 1) l1 *= ratio_; else l2 /= ratio_;
    double mean = (l1 + l2) / 2;
    double z = mean > 0 ? (l1 - l2) / std::sqrt(variance_ * mean) : 0.0;
    // A 1-0 or 0-1 bead has no length to compare: its prior alone prices it
    // (Gale & Church's length term for an empty side makes any dropped
    // sentence cheaper to hide inside a 2-1 bead).
    double cost = -std::log(shape.prior);
    if (shape.src > 0 && shape.tgt > 0) cost -= std::log(std::max(NormalTail2(z), 1e-12));

    size_t total = a1->size() + a2->size();
    if (total) cost += options_.anchor_weight * double(total - 2 * IntersectionSize(*a1, *a2));
    int pdiff = 0;
    for (int c = 0; c < kNumPunct; ++c) pdiff += std::abs(p1[c] - p2[c]);
    cost += options_.punct_weight * pdiff;
    return cost;
  }

 private:
  const std::vector<SentenceInfo>& src_;
  const std::vector<SentenceInfo>& tgt_;
  const SentenceAlignOptions& options_;
  double ratio_ = 1.0;
  double variance_ = 6.8;
  std::vector<uint64_t> buf1_, buf2_;
  const std::vector<uint64_t> empty_;
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

// The DP over (source, target) sentence positions inside the band.
std::vector<Bead> RunDp(size_t n, size_t m, size_t band, BeadCoster* coster) {
  auto lo_of = [&](size_t i) {
    size_t d = n ? i * m / n : 0;
    return d > band ? d - band : 0;
  };
  auto hi_of = [&](size_t i) { return std::min(m, (n ? i * m / n : m) + band); };

  const double inf = std::numeric_limits<double>::infinity();
  std::vector<size_t> row_lo(n + 1), row_off(n + 1);
  size_t cells = 0;
  for (size_t i = 0; i <= n; ++i) {
    row_lo[i] = std::min(lo_of(i), m);
    row_off[i] = cells;
    cells += (i == n ? m : hi_of(i)) - row_lo[i] + 1;
  }
  auto row_hi = [&](size_t i) { return i == n ? m : hi_of(i); };
  std::vector<double> cost(cells, inf);
  std::vector<int8_t> how(cells, -1);
  auto at = [&](size_t i, size_t j) -> long {
    if (j < row_lo[i] || j > row_hi(i)) return -1;
    return static_cast<long>(row_off[i] + (j - row_lo[i]));
  };
  cost[at(0, 0)] = 0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = row_lo[i]; j <= row_hi(i); ++j) {
      if (i == 0 && j == 0) continue;
      long here = at(i, j);
      for (size_t s = 0; s < kShapes.size(); ++s) {
        const BeadShape& sh = kShapes[s];
        if (i < size_t(sh.src) || j < size_t(sh.tgt)) continue;
        long from = at(i - sh.src, j - sh.tgt);
        if (from < 0 || cost[from] == inf) continue;
        double c = cost[from] + coster->Cost(i, j, sh);
        if (c < cost[here]) {
          cost[here] = c;
          how[here] = static_cast<int8_t>(s);
        }
      }
    }
  }
  if (at(n, m) < 0 || cost[at(n, m)] == inf) {
    throw Error(ErrorKind::kInternal, "sentence alignment found no path through the band");
  }
  std::vector<Bead> beads;
  size_t i = n, j = m;
  while (i > 0 || j > 0) {
    long here = at(i, j);
    const BeadShape& sh = kShapes[how[here]];
    Bead b;
    b.src_begin = i - sh.src;
    b.src_end = i;
    b.tgt_begin = j - sh.tgt;
    b.tgt_end = j;
    b.cost = cost[here] - cost[at(b.src_begin, b.tgt_begin)];
    beads.push_back(b);
    i = b.src_begin;
    j = b.tgt_begin;
  }
  std::reverse(beads.begin(), beads.end());
  return beads;
}

}  // namespace

std::vector<Bead> AlignSentences(const std::vector<std::string>& src, const std::vector<std::string>& tgt,
                                 const SentenceAlignOptions& options) {
  options.Validate();
  const size_t n = src.size(), m = tgt.size();
  std::vector<SentenceInfo> si, ti;
  BuildInfos(src, tgt, options, &si, &ti);
  BeadCoster coster(si, ti, options);

  // Band around the diagonal j = i * m / n (all cells when small). Beyond
  // the band's reach of the diagonal a row must at least span |n - m|.
  size_t band = static_cast<size_t>(options.band);
  const size_t longer = std::max(n, m), diff = longer - std::min(n, m);
  if (band == 0) band = (n + 1) * (m + 1) <= 250000 ? longer + 1 : std::max<size_t>({100, longer / 20, diff + 20});
  // Two passes: the second uses the length ratio and variance of the first
  // pass's 1-1 beads.
  std::vector<Bead> beads = RunDp(n, m, band, &coster);
  coster.Reestimate(beads);
  return RunDp(n, m, band, &coster);
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
