#include <mteval/terms_metric.h>

#include <unordered_map>

#include <mteval/error.h>
#include <mteval/terminology.h>
#include "terms/stemmer.h"
#include "terms/term_matcher.h"

namespace mteval {

void TermsMetricOptions::Validate() const {
  if (glossary.empty()) throw Error(ErrorKind::kUsage, "-m terms needs a glossary (--terms-glossary FILE)");
}

namespace {

struct Compiled {
  std::vector<TermPattern> allowed, forbidden;
};

struct Shared {
  std::vector<Compiled> entries;
  std::unordered_map<std::string, std::vector<std::pair<size_t, size_t>>> by_first_key;  // -> (entry, variant)
  std::string tgt_lang;
  bool stem = false;
};

class TermsScorer : public SegmentScorer {
 public:
  explicit TermsScorer(const Shared& s) : s_(s) {
    if (s.stem) stemmer_ = std::make_unique<Stemmer>(s.tgt_lang);
  }

  void SetReferences(const std::vector<std::string_view>& refs) override {
    occurrences_.clear();
    if (refs.empty()) return;
    std::vector<MatchToken> rt = TokenizeForTerms(refs[0], stemmer_.get());
    for (size_t p = 0; p < rt.size();) {
      auto it = s_.by_first_key.find(rt[p].folded);
      size_t best = s_.entries.size(), best_len = 0;
      if (it != s_.by_first_key.end())
        for (auto [e, v] : it->second) {
          const TermPattern& pat = s_.entries[e].allowed[v];
          if (pat.keys.size() > best_len && MatchesAt(rt, p, pat)) {
            best = e;
            best_len = pat.keys.size();
          }
        }
      if (best == s_.entries.size()) {
        ++p;
        continue;
      }
      occurrences_.push_back(best);
      p += best_len;
    }
  }

  void ScoreHypothesis(std::string_view hyp, int64_t* stats) override {
    std::vector<MatchToken> ht = TokenizeForTerms(hyp, stemmer_.get());
    std::vector<bool> used(ht.size(), false);
    int64_t correct = 0, forbidden = 0;
    for (size_t e : occurrences_) {
      for (const TermPattern& pat : s_.entries[e].allowed) {
        size_t at = FindUnused(ht, pat, used);
        if (at == ht.size()) continue;
        for (size_t k = 0; k < pat.keys.size(); ++k) used[at + k] = true;
        ++correct;
        break;
      }
    }
    for (const Compiled& c : s_.entries)
      for (const TermPattern& f : c.forbidden)
        for (size_t p = 0; p + f.keys.size() <= ht.size(); ++p) forbidden += MatchesAt(ht, p, f) ? 1 : 0;
    stats[0] = static_cast<int64_t>(occurrences_.size());
    stats[1] = correct;
    stats[2] = forbidden;
  }

 private:
  const Shared& s_;
  std::unique_ptr<Stemmer> stemmer_;
  std::vector<size_t> occurrences_;
};

class TermsMetric : public Metric {
 public:
  explicit TermsMetric(const TermsMetricOptions& options) : options_(options) {
    Glossary g = ReadGlossary(options.glossary, "", "");
    RequireGlossaryEntries(g, "");
    shared_.tgt_lang = g.tgt_lang.substr(0, g.tgt_lang.find_first_of("-_"));
    shared_.stem = options.stem;
    if (options.stem) {
      if (shared_.tgt_lang.empty())
        throw Error(ErrorKind::kUsage, options.glossary + ": --terms-stem needs the glossary's target language "
                                                          "(# languages: SRC TGT, or xml:lang in TBX)");
      Stemmer check(shared_.tgt_lang);  // Error(kUnavailable) when Snowball lacks it
    }
    std::unique_ptr<Stemmer> stemmer = options.stem ? std::make_unique<Stemmer>(shared_.tgt_lang) : nullptr;
    for (size_t e = 0; e < g.entries.size(); ++e) {
      const GlossaryEntry& ge = g.entries[e];
      Compiled c;
      for (const auto& a : ge.allowed) c.allowed.push_back(MakeTermPattern(a, ge.case_sensitive, stemmer.get()));
      for (const auto& f : ge.forbidden) c.forbidden.push_back(MakeTermPattern(f, ge.case_sensitive, stemmer.get()));
      for (size_t v = 0; v < ge.allowed.size(); ++v) {
        std::vector<MatchToken> t = TokenizeForTerms(ge.allowed[v], stemmer.get());
        if (!t.empty()) shared_.by_first_key[t[0].folded].push_back({e, v});
      }
      shared_.entries.push_back(std::move(c));
    }
  }

  std::string Id() const override { return "terms"; }
  std::string Name() const override { return "TermAcc"; }
  size_t NumStats() const override { return 3; }
  std::unique_ptr<SegmentScorer> NewScorer() const override { return std::make_unique<TermsScorer>(shared_); }

  MetricScore Score(const int64_t* stats) const override {
    MetricScore s;
    s.name = Name();
    s.score = stats[0] > 0 ? 100.0 * static_cast<double>(stats[1]) / static_cast<double>(stats[0]) : 0.0;
    s.fields.push_back({"occurrences", {static_cast<double>(stats[0])}, false, true});
    s.fields.push_back({"correct", {static_cast<double>(stats[1])}, false, true});
    s.fields.push_back({"forbidden_hits", {static_cast<double>(stats[2])}, false, true});
    return s;
  }

  Signature GetSignature(int num_refs) const override {
    Signature sig = BaseSignature(num_refs);
    std::string name = options_.glossary.substr(options_.glossary.find_last_of('/') + 1);
    sig.Add("glossary", "g", name);
    sig.Add("stem", "st", options_.stem ? "yes" : "no");
    return sig;
  }

 private:
  TermsMetricOptions options_;
  Shared shared_;
};

}  // namespace

std::unique_ptr<Metric> MakeTermsMetric(const TermsMetricOptions& options) {
  options.Validate();
  return std::make_unique<TermsMetric>(options);
}

}  // namespace mteval
