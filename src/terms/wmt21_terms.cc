#include <mteval/terminology.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string_view>
#include <utility>

#include <mteval/error.h>
#include "terms/stemmer.h"
#include "text/case.h"
#include "text/python_str.h"
#include "text/utf8.h"

namespace mteval {

void Wmt21TermOptions::Validate() const {
  for (int w : windows)
    if (w < 1) throw Error(ErrorKind::kUsage, "window overlap sizes must be >= 1 (got " + std::to_string(w) + ")");
  if (term_edit_cost < 1)
    throw Error(ErrorKind::kUsage, "the TERm term edit cost must be >= 1 (got " + std::to_string(term_edit_cost) + ")");
}

namespace {

// Python's string.punctuation; the script tests `token in string.punctuation`,
// i.e. whether the token is a substring of it.
constexpr std::string_view kPyPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

bool IsScriptPunctuation(std::string_view token) { return kPyPunctuation.find(token) != std::string_view::npos; }

std::string Normalise(std::string_view text) {
  std::string n = PyNormalizeSpaces(text);
  return " " + n + " ";
}

// The script searches for an allowed form with re.finditer("(?= FORM )", hyp):
// FORM is a regular expression. Grouping parentheses and '.' are honoured;
// any other character is matched literally.
class FormPattern {
 public:
  explicit FormPattern(std::string_view form) {
    std::string p = " " + std::string(form) + " ";
    const char* q = p.data();
    const char* end = q + p.size();
    while (q < end) {
      char32_t c = DecodeUtf8(q);
      if (c == '(' || c == ')') {
        has_meta_ = true;
        continue;
      }
      if (c == '.') has_meta_ = true;
      units_.push_back(c == '.' ? kAny : c);
    }
    if (!has_meta_) literal_ = p;
  }

  // Byte offsets of every (possibly overlapping) match in `text`.
  std::vector<size_t> FindAll(std::string_view text) const {
    std::vector<size_t> out;
    if (!has_meta_) {
      for (size_t p = text.find(literal_); p != std::string_view::npos; p = text.find(literal_, p + 1)) out.push_back(p);
      return out;
    }
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* s = begin; s < end; s += Utf8SequenceLength(static_cast<unsigned char>(*s))) {
      const char* q = s;
      size_t k = 0;
      for (; k < units_.size() && q < end; ++k) {
        char32_t c = DecodeUtf8(q);
        if (units_[k] == kAny ? c == '\n' : c != units_[k]) break;
      }
      if (k == units_.size()) out.push_back(static_cast<size_t>(s - begin));
    }
    return out;
  }

 private:
  static constexpr char32_t kAny = 0xFFFFFFFF;
  bool has_meta_ = false;
  std::string literal_;
  std::vector<char32_t> units_;
};

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  size_t b = 0;
  for (;;) {
    size_t e = s.find('|', b);
    out.push_back(s.substr(b, e == std::string::npos ? std::string::npos : e - b));
    if (e == std::string::npos) return out;
    b = e + 1;
  }
}

std::string SpanText(const Segment& seg, const TextSpan& span) {
  return seg.text.substr(span.begin, span.end - span.begin);
}

// The script's term word positions: the first occurrences i and j of the
// term's first and last words, listed as range(i, j - 1) followed by j.
std::vector<int> ScriptTermPositions(const std::vector<std::string_view>& tokens, const std::string& term,
                                     const Segment& seg, const std::string& path) {
  std::vector<std::string_view> words = PySplit(term);
  if (words.empty())
    throw Error(ErrorKind::kInput, path + ": document '" + seg.doc_id + "' segment '" + seg.seg_id +
                                       "': empty <term>; expected the term's words between <term> and </term>");
  auto index_of = [&](std::string_view w) {
    auto it = std::find(tokens.begin(), tokens.end(), w);
    return static_cast<int>(it - tokens.begin());
  };
  int start = index_of(words.front());
  int end = index_of(words.back());
  std::vector<int> out;
  for (int i = start; i < end - 1; ++i) out.push_back(i);
  out.push_back(end);
  return out;
}

struct RefTerm {
  std::string source;     // source term text
  std::string text;       // reference term text, stripped
  std::string id;
  std::string src_attr;
  std::vector<std::string> allowed;
  bool tgt_original = false;
  std::vector<int> positions;  // script positions in the reference tokens
};

struct RefSegment {
  std::string norm;  // normalised reference
  std::vector<std::string_view> tokens;
  std::vector<RefTerm> terms;
};

// The w nearest non-punctuation words left of `lo` and right of `hi`.
std::vector<std::string_view> ContextWords(const std::vector<std::string_view>& tokens, int lo, int hi, int w) {
  std::vector<std::string_view> out;
  int found = 0;
  for (int i = lo - 1; i >= 0; --i) {
    if (IsScriptPunctuation(tokens[static_cast<size_t>(i)])) continue;
    out.push_back(tokens[static_cast<size_t>(i)]);
    if (++found == w) break;
  }
  found = 0;
  for (int i = hi + 1; i < static_cast<int>(tokens.size()); ++i) {
    if (IsScriptPunctuation(tokens[static_cast<size_t>(i)])) continue;
    out.push_back(tokens[static_cast<size_t>(i)]);
    if (++found == w) break;
  }
  return out;
}

double SegmentWindowOverlap(const RefSegment& ref, const std::string& hyp, const std::vector<std::string_view>& hyp_tokens,
                            int window) {
  // Terms grouped by their text, in order of first appearance.
  std::vector<std::pair<std::string, std::vector<const RefTerm*>>> groups;
  for (const RefTerm& t : ref.terms) {
    if (!t.tgt_original) continue;
    auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.first == t.text; });
    if (it == groups.end()) {
      groups.emplace_back(t.text, std::vector<const RefTerm*>{});
      it = groups.end() - 1;
    }
    it->second.push_back(&t);
  }
  double accuracy = 0;
  int matched = 0;
  struct Pair {
    size_t j, k;
    double value;
  };
  std::vector<Pair> pairs;
  for (const auto& group : groups) {
    std::vector<size_t> starts = FormPattern(group.first).FindAll(hyp);
    int ntok = static_cast<int>(PySplit(group.first).size());
    pairs.clear();
    for (size_t j = 0; j < group.second.size(); ++j) {
      const std::vector<int>& pos = group.second[j]->positions;
      int lo = *std::min_element(pos.begin(), pos.end());
      int hi = *std::max_element(pos.begin(), pos.end());
      std::vector<std::string_view> ref_words = ContextWords(ref.tokens, lo, hi, window);
      for (size_t k = 0; k < starts.size(); ++k) {
        int first = static_cast<int>(std::count(hyp.begin(), hyp.begin() + static_cast<long>(starts[k]), ' '));
        std::vector<std::string_view> hyp_words = ContextWords(hyp_tokens, first, first + ntok - 1, window);
        int cnt = 0;
        for (std::string_view w : ref_words) {
          auto it = std::find(hyp_words.begin(), hyp_words.end(), w);
          if (it != hyp_words.end()) {
            ++cnt;
            hyp_words.erase(it);
          }
        }
        double value = ref_words.empty() ? 0.0 : static_cast<double>(cnt) / static_cast<double>(ref_words.size());
        pairs.push_back({j, k, value});
      }
    }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.value > b.value; });
    std::vector<bool> used_j(group.second.size(), false), used_k(starts.size(), false);
    for (const Pair& p : pairs) {
      if (used_j[p.j] || used_k[p.k]) continue;
      used_j[p.j] = used_k[p.k] = true;
      ++matched;
      accuracy += p.value;
    }
  }
  return matched > 0 ? accuracy / matched : 0.0;
}

std::string Key(const Segment& s) { return s.doc_id + '\x1f' + s.seg_id; }

[[noreturn]] void Mismatch(const std::string& what) { throw Error(ErrorKind::kMismatch, what); }

}  // namespace

Wmt21TermResult ScoreWmt21Terms(const SegmentedText& src, const SegmentedText& ref, const SegmentedText& hyp,
                                const Wmt21TermOptions& options) {
  options.Validate();
  if (src.segments.size() != ref.segments.size())
    Mismatch(src.path + " has " + std::to_string(src.segments.size()) + " segments but " + ref.path + " has " +
             std::to_string(ref.segments.size()));
  std::unique_ptr<Stemmer> stemmer;
  if (!options.stem_language.empty()) stemmer = std::make_unique<Stemmer>(options.stem_language);

  // Reference side: normalised text, tokens and annotated terms.
  std::vector<RefSegment> refs(ref.segments.size());
  std::map<std::string, size_t> by_key;
  for (size_t i = 0; i < ref.segments.size(); ++i) {
    const Segment& s = src.segments[i];
    const Segment& r = ref.segments[i];
    if (s.seg_id != r.seg_id || s.doc_id != r.doc_id)
      Mismatch(ref.path + ": segment " + std::to_string(i + 1) + " is document '" + r.doc_id + "' segment '" +
               r.seg_id + "' but the source has document '" + s.doc_id + "' segment '" + s.seg_id + "'");
    std::vector<const TextSpan*> src_terms, ref_terms;
    for (const TextSpan& sp : s.spans)
      if (sp.kind == "term") src_terms.push_back(&sp);
    for (const TextSpan& sp : r.spans)
      if (sp.kind == "term") ref_terms.push_back(&sp);
    if (ref_terms.size() > src_terms.size())
      Mismatch(ref.path + ": document '" + r.doc_id + "' segment '" + r.seg_id + "' has " +
               std::to_string(ref_terms.size()) + " <term>s but the source segment has " +
               std::to_string(src_terms.size()));
    RefSegment& rs = refs[i];
    rs.norm = Normalise(r.text);
    rs.tokens = PySplit(rs.norm);
    for (size_t k = 0; k < ref_terms.size(); ++k) {
      const TextSpan& sp = *ref_terms[k];
      RefTerm t;
      t.source = SpanText(s, *src_terms[k]);
      t.text = std::string(PyStrip(SpanText(r, sp)));
      auto attr = [&](const char* name) {
        auto it = sp.attrs.find(name);
        return it == sp.attrs.end() ? std::string() : it->second;
      };
      t.id = attr("id");
      t.src_attr = attr("src");
      std::string tgt = attr("tgt");
      t.allowed = SplitBar(tgt);
      if (tgt.find(t.text) == std::string::npos) t.allowed.push_back(t.text);
      t.tgt_original = attr("type").find("tgt_original") != std::string::npos;
      t.positions = ScriptTermPositions(rs.tokens, SpanText(r, sp), r, ref.path);
      rs.terms.push_back(std::move(t));
    }
    by_key.emplace(Key(r), i);
  }

  Wmt21TermResult out;
  out.source_segments = src.segments.size();
  out.hypothesis_segments = hyp.segments.size();
  out.windows = options.windows;
  out.window_overlap.assign(options.windows.size(), 0.0);
  double ter_sum = 0;
  std::vector<size_t> used;
  std::vector<std::string> stemmed_hyp;
  std::vector<bool> stem_used;
  for (size_t h = 0; h < hyp.segments.size(); ++h) {
    const Segment& hs = hyp.segments[h];
    auto found = by_key.find(Key(hs));
    if (found == by_key.end())
      Mismatch(hyp.path + ": document '" + hs.doc_id + "' segment '" + hs.seg_id + "' is not in " + ref.path);
    const RefSegment& rs = refs[found->second];
    std::string norm = Normalise(hs.text);
    std::vector<std::string_view> hyp_tokens = PySplit(norm);

    // Exact match (and the stemmed second pass).
    used.clear();
    if (stemmer) {
      stemmed_hyp.clear();
      for (auto w : hyp_tokens) stemmed_hyp.push_back(stemmer->Stem(PyLower(w)));
      stem_used.assign(hyp_tokens.size(), false);
    }
    for (const RefTerm& t : rs.terms) {
      Wmt21TermOccurrence occ;
      occ.segment = h;
      occ.doc_id = hs.doc_id;
      occ.seg_id = hs.seg_id;
      occ.term_id = t.id;
      occ.source = t.source;
      occ.term = t.src_attr.empty() ? t.source : t.src_attr;
      occ.reference = t.text;
      occ.allowed = t.allowed;
      for (const std::string& form : t.allowed) {
        for (size_t p : FormPattern(form).FindAll(norm)) {
          if (std::find(used.begin(), used.end(), p) != used.end()) continue;
          used.push_back(p);
          if (!occ.correct) {
            occ.correct = true;
            occ.matched = form;
            occ.hyp_begin = p + 1;
            occ.hyp_end = p + 1 + form.size();
          }
          break;
        }
      }
      if (!occ.correct && stemmer) {
        for (const std::string& form : t.allowed) {
          std::vector<std::string> stems;
          for (auto w : PySplit(form)) stems.push_back(stemmer->Stem(PyLower(w)));
          if (stems.empty() || stems.size() > stemmed_hyp.size()) continue;
          for (size_t p = 0; p + stems.size() <= stemmed_hyp.size() && !occ.correct_stem; ++p) {
            if (stem_used[p] || !std::equal(stems.begin(), stems.end(), stemmed_hyp.begin() + static_cast<long>(p)))
              continue;
            stem_used[p] = true;
            occ.correct_stem = true;
            occ.matched = form;
            occ.hyp_begin = static_cast<size_t>(hyp_tokens[p].data() - norm.data());
            occ.hyp_end = static_cast<size_t>(hyp_tokens[p + stems.size() - 1].data() - norm.data()) +
                          hyp_tokens[p + stems.size() - 1].size();
          }
          if (occ.correct_stem) break;
        }
      }
      ++out.term_occurrences;
      if (occ.correct) ++out.exact_correct;
      else ++out.exact_wrong;
      if (occ.correct_stem) ++out.stem_correct;
      out.occurrences.push_back(std::move(occ));
    }

    for (size_t w = 0; w < options.windows.size(); ++w)
      out.window_overlap[w] += SegmentWindowOverlap(rs, norm, hyp_tokens, options.windows[w]);

    std::vector<int> term_positions;
    for (const RefTerm& t : rs.terms)
      if (t.tgt_original) term_positions.insert(term_positions.end(), t.positions.begin(), t.positions.end());
    ter_sum += TermEditRate(hyp_tokens, rs.tokens, term_positions, options.term_edit_cost);
  }
  for (double& w : out.window_overlap) w = out.source_segments ? w / static_cast<double>(out.source_segments) : 0.0;
  double n_terms = static_cast<double>(out.term_occurrences);
  out.exact_accuracy = out.term_occurrences ? static_cast<double>(out.exact_correct) / n_terms : 0.0;
  out.accuracy_with_stem =
      out.term_occurrences ? static_cast<double>(out.exact_correct + out.stem_correct) / n_terms : 0.0;
  out.one_minus_term = out.hypothesis_segments ? 1.0 - ter_sum / static_cast<double>(out.hypothesis_segments) : 0.0;
  return out;
}

}  // namespace mteval
