#include <mteval/align.h>

#include <algorithm>
#include <limits>
#include <unordered_map>

#include <unicode/uchar.h>

#include <mteval/error.h>
#include "align/reseg_units.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {
namespace {

// Costs: one edit is kEdit; cut penalties are fractions of it; a cut that
// does not follow sentence-final punctuation costs kTieBreak more, so that
// the sentence end wins ties even with zero penalties.
constexpr int64_t kEdit = 1024;
constexpr int64_t kTieBreak = 1;
// Substituting a word by another with the same first kStemBytes bytes (wash /
// washing) costs half an edit, so that inflected forms pull a cut their way.
constexpr int64_t kStemEdit = kEdit / 2;
constexpr size_t kStemBytes = 4;
constexpr int64_t kInf = std::numeric_limits<int64_t>::max() / 4;

// Back-pointers.
enum : uint8_t { kDiag = 0, kUp = 1, kLeft = 2, kCut = 3 };

// Interns unit strings (ASCII case folded unless case-sensitive) to ids.
class UnitTextIds {
 public:
  explicit UnitTextIds(bool case_sensitive) : case_sensitive_(case_sensitive) {}
  int32_t Id(std::string_view s) {
    key_.assign(s.data(), s.size());
    if (!case_sensitive_) {
      for (char& ch : key_) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
    }
    auto it = ids_.emplace(key_, static_cast<int32_t>(ids_.size())).first;
    return it->second;
  }

 private:
  bool case_sensitive_;
  std::string key_;
  std::unordered_map<std::string, int32_t> ids_;
};

// Id of the unit's first kStemBytes bytes for words at least that long;
// `none` otherwise (callers pass different values for the two sides).
int32_t StemId(UnitTextIds* stems, std::string_view text, const TextUnit& u, int32_t none) {
  if (u.kind != UnitKind::kWord || u.end - u.begin < kStemBytes) return none;
  return stems->Id(text.substr(u.begin, kStemBytes));
}

// One DP row: the start row, a reference unit, or a cut between segments.
struct Row {
  int32_t ref_id = -1;  // reference unit id; -1 for start and cut rows
  int32_t ref_stem = -1;  // StemId of the reference unit
  size_t ref_pos = 0;   // reference units consumed before this row
  bool is_cut = false;
  size_t lo = 0, hi = 0;  // band: columns lo..hi inclusive
  size_t bp_offset = 0;   // into the back-pointer array
};

// The expected hypothesis column for each reference position 0..n: a
// piecewise-linear path through anchors, i.e. unit trigrams that occur once
// in the reference and once in the hypothesis, kept in increasing order on
// both sides (longest increasing subsequence). The band follows this path, so
// it stays on the alignment even where a loose translation makes the cheapest
// partial alignment lag behind.
std::vector<size_t> ExpectedColumns(const std::vector<int32_t>& ref_ids, const std::vector<int32_t>& hyp_ids) {
  const size_t n = ref_ids.size(), m = hyp_ids.size();
  auto key = [](const std::vector<int32_t>& v, size_t i) {
    return (uint64_t(uint32_t(v[i])) * 0x9E3779B97F4A7C15ULL) ^ (uint64_t(uint32_t(v[i + 1])) << 21) ^
           (uint64_t(uint32_t(v[i + 2])) * 0xC2B2AE3D27D4EB4FULL);
  };
  // key -> (position, count) on each side
  std::unordered_map<uint64_t, std::pair<size_t, int>> in_ref, in_hyp;
  for (size_t i = 0; i + 2 < n; ++i) {
    auto& e = in_ref.emplace(key(ref_ids, i), std::make_pair(i, 0)).first->second;
    ++e.second;
  }
  for (size_t j = 0; j + 2 < m; ++j) {
    auto& e = in_hyp.emplace(key(hyp_ids, j), std::make_pair(j, 0)).first->second;
    ++e.second;
  }
  std::vector<std::pair<size_t, size_t>> pairs;  // (ref pos, hyp pos), by ref pos
  for (size_t i = 0; i + 2 < n; ++i) {
    auto r = in_ref.find(key(ref_ids, i));
    if (r->second.second != 1) continue;
    auto h = in_hyp.find(r->first);
    if (h != in_hyp.end() && h->second.second == 1) pairs.emplace_back(i, h->second.first);
  }
  // Longest strictly increasing subsequence of hyp positions.
  std::vector<size_t> tails, tail_idx, parent(pairs.size(), SIZE_MAX);
  for (size_t p = 0; p < pairs.size(); ++p) {
    size_t pos = std::lower_bound(tails.begin(), tails.end(), pairs[p].second) - tails.begin();
    if (pos == tails.size()) {
      tails.push_back(pairs[p].second);
      tail_idx.push_back(p);
    } else {
      tails[pos] = pairs[p].second;
      tail_idx[pos] = p;
    }
    parent[p] = pos > 0 ? tail_idx[pos - 1] : SIZE_MAX;
  }
  std::vector<std::pair<size_t, size_t>> anchors{{0, 0}};
  std::vector<std::pair<size_t, size_t>> chain;
  for (size_t p = tail_idx.empty() ? SIZE_MAX : tail_idx.back(); p != SIZE_MAX; p = parent[p]) chain.push_back(pairs[p]);
  anchors.insert(anchors.end(), chain.rbegin(), chain.rend());
  anchors.emplace_back(n, m);
  std::vector<size_t> expected(n + 1);
  for (size_t a = 0; a + 1 < anchors.size(); ++a) {
    auto [i0, j0] = anchors[a];
    auto [i1, j1] = anchors[a + 1];
    if (i1 < i0 || j1 < j0) continue;  // (n, m) after the last anchor is always later
    for (size_t i = i0; i <= i1; ++i) {
      expected[i] = i1 == i0 ? j0 : j0 + (j1 - j0) * (i - i0) / (i1 - i0);
    }
  }
  return expected;
}

// A unit that rarely starts a sentence: a word starting with a lower-case
// letter, or punctuation other than an opening quote/bracket.
bool RarelyStartsSentence(std::string_view text, const TextUnit& u) {
  const char* p = text.data() + u.begin;
  auto c = static_cast<UChar32>(DecodeUtf8(p));
  if (u.kind == UnitKind::kWord) return u_islower(c);
  if (u.kind != UnitKind::kPunct) return false;
  if (c == '"' || c == '\'' || c == '#' || c == '*' || c == '-' || c == 0x2022) return false;
  return (U_GET_GC_MASK(c) & (U_GC_PS_MASK | U_GC_PI_MASK)) == 0;
}

// Text of hyp[begin, end) with each line trimmed and the lines joined by a
// space (nothing between CJK characters).
std::string PieceText(std::string_view hyp, size_t begin, size_t end) {
  std::string_view piece = PyStrip(hyp.substr(begin, end - begin));
  if (piece.find_first_of("\n\r") == std::string_view::npos) return std::string(piece);
  std::string out;
  size_t pos = 0;
  while (pos <= piece.size()) {
    size_t nl = piece.find_first_of("\n\r", pos);
    std::string_view line = PyStrip(piece.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos));
    if (!line.empty()) AppendJoined(&out, line);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

}  // namespace

void ResegOptions::Validate() const {
  if (band < 1 || band > 100000) {
    throw Error(ErrorKind::kUsage, "re-segmentation band " + std::to_string(band) + " is out of range (1 to 100000)");
  }
  for (double p : {cut_penalty, start_penalty}) {
    if (!(p >= 0.0 && p <= 100.0)) {
      throw Error(ErrorKind::kUsage, "re-segmentation penalty " + std::to_string(p) + " is out of range (0 to 100 edits)");
    }
  }
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out += '\n';
    out += lines[i];
  }
  return out;
}

ResegResult Resegment(const std::vector<std::string>& ref_segments, std::string_view hyp_text,
                      const ResegOptions& options) {
  options.Validate();
  ResegResult result;
  const std::vector<TextUnit> hyp_units = SplitUnits(hyp_text);
  result.hyp_units = hyp_units.size();
  if (ref_segments.empty()) {
    if (!hyp_units.empty()) {
      throw Error(ErrorKind::kMismatch, "cannot re-segment a non-empty hypothesis into zero reference segments");
    }
    return result;
  }

  UnitTextIds interner(options.case_sensitive);
  const size_t m = hyp_units.size();
  std::vector<int32_t> hyp_ids(m);
  UnitTextIds stems(options.case_sensitive);
  std::vector<int32_t> hyp_stems;
  for (size_t j = 0; j < m; ++j) {
    hyp_ids[j] = interner.Id(hyp_text.substr(hyp_units[j].begin, hyp_units[j].end - hyp_units[j].begin));
    hyp_stems.push_back(StemId(&stems, hyp_text, hyp_units[j], -1));
  }
  // Cost of a cut before hypothesis unit j (j == m: at the end).
  std::vector<int64_t> cut_cost(m + 1);
  for (size_t j = 0; j <= m; ++j) {
    bool allowed = j == 0 || j == m || hyp_units[j].cut_before;
    bool sentence_end = j > 0 && EndsSentence(hyp_text, hyp_units, j - 1);
    bool odd_start = j < m && RarelyStartsSentence(hyp_text, hyp_units[j]);
    double penalty = (sentence_end ? 0.0 : options.cut_penalty) + (odd_start ? options.start_penalty : 0.0);
    cut_cost[j] = !allowed ? kInf : static_cast<int64_t>(penalty * kEdit + 0.5) + (sentence_end ? 0 : kTieBreak);
  }

  std::vector<Row> rows;
  std::vector<int32_t> ref_ids;
  rows.emplace_back();  // start row
  for (size_t k = 0; k < ref_segments.size(); ++k) {
    if (k > 0) {
      Row cut;
      cut.is_cut = true;
      cut.ref_pos = ref_ids.size();
      rows.push_back(cut);
    }
    const std::string& seg = ref_segments[k];
    for (const TextUnit& u : SplitUnits(seg)) {
      Row r;
      r.ref_id = interner.Id(std::string_view(seg).substr(u.begin, u.end - u.begin));
      r.ref_stem = StemId(&stems, seg, u, -2);
      r.ref_pos = ref_ids.size();
      ref_ids.push_back(r.ref_id);
      rows.push_back(r);
      ++result.ref_units;
    }
  }

  const std::vector<size_t> expected = ExpectedColumns(ref_ids, hyp_ids);

  // Forward pass inside the band.
  const size_t band = static_cast<size_t>(options.band);
  std::vector<int64_t> prev(m + 1, kInf), cur(m + 1, kInf);
  std::vector<uint8_t> bp;
  size_t prev_lo = 0, prev_hi = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    Row& row = rows[r];
    // Centre on the expected column (after the row's reference unit); the
    // band never moves back and always overlaps the previous row's band.
    size_t centre = expected[std::min(row.is_cut || r == 0 ? row.ref_pos : row.ref_pos + 1, ref_ids.size())];
    if (r == 0) {
      row.lo = 0;
      row.hi = std::min(m, centre + band);
    } else {
      row.lo = std::min(std::max(prev_lo, centre > band ? centre - band : 0), prev_hi);
      row.hi = std::min(m, std::max(centre + band, prev_hi));
      row.hi = std::max(row.hi, row.lo);
    }
    if (r + 1 == rows.size()) row.hi = m;
    row.bp_offset = bp.size();
    bp.resize(bp.size() + (row.hi - row.lo + 1));
    uint8_t* rbp = bp.data() + row.bp_offset;
    for (size_t j = row.lo; j <= row.hi; ++j) {
      int64_t best = kInf;
      uint8_t how = kLeft;
      const bool prev_has_j = r > 0 && j >= prev_lo && j <= prev_hi;
      const bool prev_has_jm1 = r > 0 && j >= 1 && j - 1 >= prev_lo && j - 1 <= prev_hi;
      if (r == 0) {
        best = j == 0 ? 0 : kInf;
      } else if (row.is_cut) {
        if (prev_has_j && cut_cost[j] < kInf && prev[j] < kInf) {
          best = prev[j] + cut_cost[j];
          how = kCut;
        }
      } else {
        if (prev_has_jm1 && prev[j - 1] < kInf) {
          best = prev[j - 1] + (hyp_ids[j - 1] == row.ref_id     ? 0
                                : hyp_stems[j - 1] == row.ref_stem ? kStemEdit
                                                                   : kEdit);
          how = kDiag;
        }
        if (prev_has_j && prev[j] < kInf && prev[j] + kEdit < best) {
          best = prev[j] + kEdit;
          how = kUp;
        }
      }
      if (j > row.lo && cur[j - 1] < kInf && cur[j - 1] + kEdit < best) {
        best = cur[j - 1] + kEdit;
        how = kLeft;
      }
      cur[j] = best;
      rbp[j - row.lo] = how;
    }
    // Clear the previous row's band before it becomes the scratch row.
    for (size_t j = prev_lo; j <= prev_hi && r > 0; ++j) prev[j] = kInf;
    std::swap(prev, cur);
    prev_lo = row.lo;
    prev_hi = row.hi;
  }
  if (prev[m] >= kInf) {
    throw Error(ErrorKind::kInternal, "re-segmentation found no path through the band");
  }

  // Back-trace from the last cell, collecting the cut columns.
  std::vector<size_t> cuts;
  size_t r = rows.size() - 1, j = m;
  while (r > 0 || j > 0) {
    const Row& row = rows[r];
    uint8_t how = bp[row.bp_offset + (j - row.lo)];
    switch (how) {
      case kDiag:
        result.edits += hyp_ids[j - 1] != row.ref_id;
        --r;
        --j;
        break;
      case kUp:
        ++result.edits;
        --r;
        break;
      case kLeft:
        ++result.edits;
        --j;
        break;
      default:  // kCut
        cuts.push_back(j);
        --r;
        break;
    }
  }
  std::reverse(cuts.begin(), cuts.end());

  size_t begin = 0;
  for (size_t k = 0; k < ref_segments.size(); ++k) {
    size_t end = k < cuts.size() ? (cuts[k] < m ? hyp_units[cuts[k]].begin : hyp_text.size()) : hyp_text.size();
    if (k < cuts.size()) result.cut_offsets.push_back(end);
    result.segments.push_back(PieceText(hyp_text, begin, end));
    begin = end;
  }
  return result;
}

ResegResult ResegmentDocuments(const std::vector<std::vector<std::string>>& ref_docs,
                               const std::vector<std::string>& hyp_docs, const ResegOptions& options) {
  if (ref_docs.size() != hyp_docs.size()) {
    throw Error(ErrorKind::kMismatch, "re-segmentation: the reference has " + std::to_string(ref_docs.size()) +
                                          " documents but the hypothesis has " + std::to_string(hyp_docs.size()));
  }
  ResegResult all;
  for (size_t d = 0; d < ref_docs.size(); ++d) {
    ResegResult one = Resegment(ref_docs[d], hyp_docs[d], options);
    all.hyp_units += one.hyp_units;
    all.ref_units += one.ref_units;
    all.edits += one.edits;
    all.segments.insert(all.segments.end(), one.segments.begin(), one.segments.end());
  }
  return all;
}

}  // namespace mteval
