#include "analysis/ngram_analysis.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "analysis/word_diff.h"
#include "ngram/ngram_trie.h"

namespace mteval {
namespace {

constexpr int kMaxOrder = 8;
constexpr uint32_t kNone = UINT32_MAX;

std::string BucketLabel(const std::vector<size_t>& bounds, size_t b) {
  size_t lo = b == 0 ? 1 : bounds[b - 1];
  if (b == bounds.size()) return std::to_string(lo) + "+";
  size_t hi = bounds[b] - 1;
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + "-" + std::to_string(hi);
}

size_t BucketOf(const std::vector<size_t>& bounds, size_t v) {
  return static_cast<size_t>(std::upper_bound(bounds.begin(), bounds.end(), v) - bounds.begin());
}

}  // namespace

TokenizedCorpus TokenizeCorpus(const TextCorpus& corpus, const Tokenizer& tokenizer) {
  TokenizedCorpus t;
  // Keys view the strings of `words`, whose addresses never move.
  std::deque<std::string> words;
  std::unordered_map<std::string_view, uint32_t> ids;
  std::string buf;
  auto convert = [&](const LineList& lines) {
    std::vector<std::vector<uint32_t>> out(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      tokenizer.Tokenize(lines[i], &buf);
      for (std::string_view w : SplitWords(buf)) {
        auto it = ids.find(w);
        if (it == ids.end()) {
          words.emplace_back(w);
          it = ids.emplace(words.back(), static_cast<uint32_t>(words.size() - 1)).first;
        }
        out[i].push_back(it->second);
      }
    }
    return out;
  };
  for (const auto& r : corpus.refs) t.refs.push_back(convert(r));
  for (const auto& s : corpus.systems) t.systems.push_back(convert(s));
  t.vocab.assign(words.begin(), words.end());
  return t;
}

std::vector<NgramComparison> CompareNgrams(const TokenizedCorpus& corpus, size_t baseline, int max_order, int top,
                                           int min_matches) {
  max_order = std::min(std::max(max_order, 1), kMaxOrder);
  const size_t num_sys = corpus.systems.size();
  const size_t num_seg = num_sys ? corpus.systems[0].size() : 0;
  // Reference n-grams as the nodes of an NgramTrie over token ids, and
  // nodes[id] = (parent id, last token) to spell them out; node 0 is the
  // root. Per segment, the clipping count (max over references) of each.
  NgramTrie trie;
  std::vector<std::pair<uint32_t, uint32_t>> nodes{{kNone, kNone}};
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> ref_counts(num_seg);
  // Scratch counters indexed by n-gram id, reset after each use.
  std::vector<uint32_t> count, clip;
  std::vector<uint32_t> ids, touched;
  for (size_t seg = 0; seg < num_seg; ++seg) {
    touched.clear();
    for (const auto& stream : corpus.refs) {
      const auto& toks = stream[seg];
      ids.clear();
      for (size_t i = 0; i < toks.size(); ++i) {
        uint32_t parent = NgramTrie::kRoot;
        for (int n = 1; n <= max_order && i + n <= toks.size(); ++n) {
          const uint32_t id = trie.Insert(parent, toks[i + n - 1]);
          if (id == nodes.size()) nodes.emplace_back(parent, toks[i + n - 1]);  // a new n-gram
          ids.push_back(id);
          parent = id;
        }
      }
      if (count.size() < nodes.size()) {
        count.resize(nodes.size() * 2, 0);
        clip.resize(nodes.size() * 2, 0);
      }
      for (uint32_t id : ids) count[id]++;
      // Clipping count: the largest count in any reference.
      for (uint32_t id : ids) {
        if (count[id] == 0) continue;
        if (clip[id] == 0) touched.push_back(id);
        clip[id] = std::max(clip[id], count[id]);
        count[id] = 0;
      }
    }
    auto& rc = ref_counts[seg];
    rc.reserve(touched.size());
    for (uint32_t id : touched) {
      rc.emplace_back(id, clip[id]);
      clip[id] = 0;
    }
  }
  // Clipped matches per system per reference n-gram: each occurrence counts
  // while fewer than the clipping count have been used in the segment.
  // Every prefix of an n-gram of a segment's references is one too, so the
  // walk stops at the first prefix absent from the segment (clip == 0).
  std::vector<uint32_t> unigram(corpus.vocab.size(), kNone);
  for (uint32_t id = 1; id < nodes.size(); ++id) {
    if (nodes[id].first == NgramTrie::kRoot) unigram[nodes[id].second] = id;
  }
  std::vector<std::vector<uint32_t>> matches(num_sys, std::vector<uint32_t>(nodes.size(), 0));
  for (size_t s = 0; s < num_sys; ++s) {
    uint32_t* m = matches[s].data();
    for (size_t seg = 0; seg < num_seg; ++seg) {
      for (const auto& p : ref_counts[seg]) clip[p.first] = p.second;
      const auto& toks = corpus.systems[s][seg];
      for (size_t i = 0; i < toks.size(); ++i) {
        uint32_t parent = NgramTrie::kRoot;
        for (int n = 1; n <= max_order && i + n <= toks.size(); ++n) {
          const uint32_t id = n == 1 ? unigram[toks[i]] : trie.Find(parent, toks[i + n - 1]);
          if (id == kNone || clip[id] == 0) break;  // not in this segment's references
          if (count[id] < clip[id]) {
            ++count[id];
            ++m[id];
          }
          parent = id;
        }
      }
      for (const auto& p : ref_counts[seg]) clip[p.first] = count[p.first] = 0;
    }
  }
  auto text_of = [&](uint32_t id) {
    std::vector<uint32_t> toks;
    for (uint32_t x = id; x != NgramTrie::kRoot; x = nodes[x].first) toks.push_back(nodes[x].second);
    std::string out;
    for (size_t i = toks.size(); i-- > 0;) {
      if (!out.empty()) out += ' ';
      out += corpus.vocab[toks[i]];
    }
    return out;
  };
  std::vector<NgramComparison> result;
  for (size_t s = 0; s < num_sys; ++s) {
    if (s == baseline) continue;
    NgramComparison cmp;
    cmp.system_a = baseline;
    cmp.system_b = s;
    // Light candidates first; n-gram text only for the entries kept.
    struct Candidate {
      uint32_t id, a, b;
      double score;
    };
    std::vector<Candidate> all;
    for (uint32_t id = 1; id < nodes.size(); ++id) {
      uint32_t a = matches[baseline][id], b = matches[s][id];
      if (a == b || static_cast<int>(a + b) < min_matches) continue;
      all.push_back({id, a, b, (a + 1.0) / (a + b + 2.0)});
    }
    // Ties break on the total matches, then on first appearance in the
    // references, so that the output is deterministic.
    auto take = [&](bool a_side, std::vector<NgramEntry>* out) {
      auto better = [a_side](const Candidate& x, const Candidate& y) {
        if (x.score != y.score) return a_side ? x.score > y.score : x.score < y.score;
        if (x.a + x.b != y.a + y.b) return x.a + x.b > y.a + y.b;
        return x.id < y.id;
      };
      size_t n = std::min(all.size(), static_cast<size_t>(std::max(top, 0)));
      std::partial_sort(all.begin(), all.begin() + n, all.end(), better);
      for (size_t i = 0; i < n; ++i) {
        if (a_side ? all[i].score <= 0.5 : all[i].score >= 0.5) break;
        out->push_back({text_of(all[i].id), all[i].a, all[i].b, all[i].score});
      }
    };
    take(true, &cmp.a_better);
    take(false, &cmp.b_better);
    result.push_back(std::move(cmp));
  }
  return result;
}

WordFrequencySection WordFMeasureByFrequency(const TokenizedCorpus& corpus, const std::vector<size_t>& bounds) {
  WordFrequencySection out;
  out.frequency_source = "first reference";
  if (corpus.refs.empty()) return out;
  const auto& ref = corpus.refs[0];
  std::vector<size_t> freq(corpus.vocab.size(), 0);
  for (const auto& seg : ref) {
    for (uint32_t w : seg) ++freq[w];
  }
  const size_t nb = bounds.size() + 1;
  for (size_t b = 0; b < nb; ++b) {
    Bucket bucket;
    bucket.label = BucketLabel(bounds, b);
    out.f_measure.push_back(bucket);
  }
  for (uint32_t w = 0; w < freq.size(); ++w) {
    if (freq[w] > 0) out.f_measure[BucketOf(bounds, freq[w])].count += freq[w];
  }
  std::vector<size_t> bucket_of(freq.size());
  for (size_t w = 0; w < freq.size(); ++w) bucket_of[w] = BucketOf(bounds, freq[w]);
  // Scratch counters per word, reset after each segment.
  std::vector<uint32_t> in_ref(freq.size(), 0), used(freq.size(), 0);
  for (const auto& sys : corpus.systems) {
    std::vector<double> hyp_n(nb, 0), ref_n(nb, 0), match(nb, 0);
    for (size_t seg = 0; seg < sys.size(); ++seg) {
      for (uint32_t w : ref[seg]) {
        ++in_ref[w];
        ++ref_n[bucket_of[w]];
      }
      for (uint32_t w : sys[seg]) {
        if (freq[w] == 0) continue;
        const size_t b = bucket_of[w];
        ++hyp_n[b];
        if (used[w] < in_ref[w]) {
          ++used[w];
          ++match[b];
        }
      }
      for (uint32_t w : ref[seg]) in_ref[w] = used[w] = 0;
    }
    for (size_t b = 0; b < nb; ++b) {
      if (ref_n[b] == 0) {
        out.f_measure[b].values.push_back(std::nullopt);
        continue;
      }
      double p = hyp_n[b] > 0 ? match[b] / hyp_n[b] : 0.0, r = match[b] / ref_n[b];
      out.f_measure[b].values.push_back(p + r > 0 ? 200.0 * p * r / (p + r) : 0.0);
    }
  }
  return out;
}

}  // namespace mteval
