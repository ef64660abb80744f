#include "analysis/ngram_analysis.h"

#include <algorithm>
#include <array>
#include <unordered_map>

#include "analysis/word_diff.h"

namespace mteval {
namespace {

constexpr int kMaxOrder = 8;
using NgramKey = std::array<uint32_t, kMaxOrder>;

struct KeyHash {
  size_t operator()(const NgramKey& k) const {
    uint64_t h = 1469598103934665603ull;
    for (uint32_t v : k) {
      if (v == UINT32_MAX) break;
      h = (h ^ v) * 1099511628211ull;
      h ^= h >> 29;
    }
    return static_cast<size_t>(h);
  }
};

NgramKey MakeKey(const std::vector<uint32_t>& toks, size_t start, int n) {
  NgramKey k;
  k.fill(UINT32_MAX);
  for (int i = 0; i < n; ++i) k[i] = toks[start + i];
  return k;
}

// Sorted (id, count) runs of a sorted id list.
void CountRuns(std::vector<uint32_t>* ids, std::vector<std::pair<uint32_t, uint32_t>>* out) {
  std::sort(ids->begin(), ids->end());
  out->clear();
  for (size_t i = 0; i < ids->size();) {
    size_t j = i;
    while (j < ids->size() && (*ids)[j] == (*ids)[i]) ++j;
    out->emplace_back((*ids)[i], static_cast<uint32_t>(j - i));
    i = j;
  }
}

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
  std::unordered_map<std::string, uint32_t> ids;
  std::string buf;
  auto convert = [&](const std::vector<std::string>& lines) {
    std::vector<std::vector<uint32_t>> out(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
      tokenizer.Tokenize(lines[i], &buf);
      for (std::string_view w : SplitWords(buf)) {
        auto it = ids.find(std::string(w));
        if (it == ids.end()) {
          it = ids.emplace(std::string(w), static_cast<uint32_t>(t.vocab.size())).first;
          t.vocab.emplace_back(w);
        }
        out[i].push_back(it->second);
      }
    }
    return out;
  };
  for (const auto& r : corpus.refs) t.refs.push_back(convert(r));
  for (const auto& s : corpus.systems) t.systems.push_back(convert(s));
  return t;
}

std::vector<NgramComparison> CompareNgrams(const TokenizedCorpus& corpus, size_t baseline, int max_order, int top,
                                           int min_matches) {
  max_order = std::min(std::max(max_order, 1), kMaxOrder);
  const size_t num_sys = corpus.systems.size();
  const size_t num_seg = num_sys ? corpus.systems[0].size() : 0;
  // Global ids of reference n-grams; per segment, the clipping count of each.
  std::unordered_map<NgramKey, uint32_t, KeyHash> global;
  std::vector<NgramKey> keys;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> ref_counts(num_seg);
  std::vector<uint32_t> ids;
  std::vector<std::pair<uint32_t, uint32_t>> runs;
  for (size_t seg = 0; seg < num_seg; ++seg) {
    auto& clip = ref_counts[seg];
    for (const auto& stream : corpus.refs) {
      const auto& toks = stream[seg];
      ids.clear();
      for (int n = 1; n <= max_order; ++n) {
        for (size_t i = 0; i + n <= toks.size(); ++i) {
          NgramKey k = MakeKey(toks, i, n);
          auto it = global.find(k);
          if (it == global.end()) {
            it = global.emplace(k, static_cast<uint32_t>(keys.size())).first;
            keys.push_back(k);
          }
          ids.push_back(it->second);
        }
      }
      CountRuns(&ids, &runs);
      // Merge: max count over streams.
      std::vector<std::pair<uint32_t, uint32_t>> merged;
      std::merge(clip.begin(), clip.end(), runs.begin(), runs.end(), std::back_inserter(merged));
      clip.clear();
      for (const auto& p : merged) {
        if (!clip.empty() && clip.back().first == p.first) clip.back().second = std::max(clip.back().second, p.second);
        else clip.push_back(p);
      }
    }
  }
  // Clipped matches per system per global n-gram.
  std::vector<std::vector<uint32_t>> matches(num_sys, std::vector<uint32_t>(keys.size(), 0));
  for (size_t s = 0; s < num_sys; ++s) {
    for (size_t seg = 0; seg < num_seg; ++seg) {
      const auto& toks = corpus.systems[s][seg];
      ids.clear();
      for (int n = 1; n <= max_order; ++n) {
        for (size_t i = 0; i + n <= toks.size(); ++i) {
          auto it = global.find(MakeKey(toks, i, n));
          if (it != global.end()) ids.push_back(it->second);
        }
      }
      CountRuns(&ids, &runs);
      const auto& clip = ref_counts[seg];
      size_t j = 0;
      for (const auto& p : runs) {
        while (j < clip.size() && clip[j].first < p.first) ++j;
        if (j < clip.size() && clip[j].first == p.first) matches[s][p.first] += std::min(p.second, clip[j].second);
      }
    }
  }
  auto text_of = [&](uint32_t id) {
    std::string out;
    for (uint32_t v : keys[id]) {
      if (v == UINT32_MAX) break;
      if (!out.empty()) out += ' ';
      out += corpus.vocab[v];
    }
    return out;
  };
  std::vector<NgramComparison> result;
  for (size_t s = 0; s < num_sys; ++s) {
    if (s == baseline) continue;
    NgramComparison cmp;
    cmp.system_a = baseline;
    cmp.system_b = s;
    std::vector<NgramEntry> all;
    for (uint32_t id = 0; id < keys.size(); ++id) {
      uint32_t a = matches[baseline][id], b = matches[s][id];
      if (a == b || static_cast<int>(a + b) < min_matches) continue;
      NgramEntry e;
      e.count_a = a;
      e.count_b = b;
      e.score = (a + 1.0) / (a + b + 2.0);
      e.ngram = text_of(id);
      all.push_back(std::move(e));
    }
    std::sort(all.begin(), all.end(), [](const NgramEntry& x, const NgramEntry& y) {
      if (x.score != y.score) return x.score > y.score;
      if (x.count_a + x.count_b != y.count_a + y.count_b) return x.count_a + x.count_b > y.count_a + y.count_b;
      return x.ngram < y.ngram;
    });
    for (size_t i = 0; i < all.size() && static_cast<int>(cmp.a_better.size()) < top && all[i].score > 0.5; ++i) {
      cmp.a_better.push_back(all[i]);
    }
    std::stable_sort(all.begin(), all.end(), [](const NgramEntry& x, const NgramEntry& y) {
      if (x.score != y.score) return x.score < y.score;
      return x.count_a + x.count_b > y.count_a + y.count_b;
    });
    for (size_t i = 0; i < all.size() && static_cast<int>(cmp.b_better.size()) < top && all[i].score < 0.5; ++i) {
      cmp.b_better.push_back(all[i]);
    }
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
  std::vector<uint32_t> ids;
  std::vector<std::pair<uint32_t, uint32_t>> hyp_runs, ref_runs;
  for (const auto& sys : corpus.systems) {
    std::vector<double> hyp_n(nb, 0), ref_n(nb, 0), match(nb, 0);
    for (size_t seg = 0; seg < sys.size(); ++seg) {
      ids = sys[seg];
      CountRuns(&ids, &hyp_runs);
      ids = ref[seg];
      CountRuns(&ids, &ref_runs);
      for (const auto& p : ref_runs) ref_n[BucketOf(bounds, freq[p.first])] += p.second;
      size_t j = 0;
      for (const auto& p : hyp_runs) {
        if (freq[p.first] == 0) continue;
        size_t b = BucketOf(bounds, freq[p.first]);
        hyp_n[b] += p.second;
        while (j < ref_runs.size() && ref_runs[j].first < p.first) ++j;
        if (j < ref_runs.size() && ref_runs[j].first == p.first) match[b] += std::min(p.second, ref_runs[j].second);
      }
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
