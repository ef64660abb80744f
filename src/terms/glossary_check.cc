#include <mteval/terminology.h>

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <mteval/error.h>
#include "terms/stemmer.h"
#include "terms/term_matcher.h"

namespace mteval {
namespace {

std::unique_ptr<Stemmer> MaybeStemmer(bool stem, const std::string& lang) {
  if (!stem || lang.empty()) return nullptr;
  try {
    return std::make_unique<Stemmer>(lang.substr(0, lang.find_first_of("-_")));
  } catch (const Error&) {
    return nullptr;  // no Snowball stemmer for this language (e.g. zh): exact matching
  }
}

TermLocation Locate(size_t i, const Segment& seg, const std::vector<MatchToken>& toks, size_t pos, size_t n) {
  TermLocation l;
  l.segment = i;
  l.doc_id = seg.doc_id;
  l.seg_id = seg.seg_id;
  l.begin = toks[pos].begin;
  l.end = toks[pos + n - 1].end;
  return l;
}

}  // namespace

GlossaryCheckResult CheckGlossary(const Glossary& glossary, const SegmentedText& src, const SegmentedText& hyp,
                                  const GlossaryCheckOptions& options) {
  if (src.segments.size() != hyp.segments.size())
    throw Error(ErrorKind::kMismatch, src.path + " has " + std::to_string(src.segments.size()) + " segments but " +
                                          hyp.path + " has " + std::to_string(hyp.segments.size()));
  std::string src_lang = options.src_lang.empty() ? glossary.src_lang : options.src_lang;
  std::string tgt_lang = options.tgt_lang.empty() ? glossary.tgt_lang : options.tgt_lang;
  std::unique_ptr<Stemmer> src_stem = MaybeStemmer(options.stem, src_lang);
  std::unique_ptr<Stemmer> tgt_stem = MaybeStemmer(options.stem, tgt_lang);

  struct Compiled {
    TermPattern source;
    std::vector<TermPattern> allowed, forbidden;
  };
  std::vector<Compiled> entries;
  std::unordered_map<std::string, std::vector<size_t>> by_first_key;  // folded first source key -> entries
  for (size_t e = 0; e < glossary.entries.size(); ++e) {
    const GlossaryEntry& g = glossary.entries[e];
    Compiled c;
    c.source = MakeTermPattern(g.source, g.case_sensitive, src_stem.get());
    if (c.source.keys.empty()) throw Error(ErrorKind::kInput, g.origin + ": source term '" + g.source + "' has no words");
    for (const auto& a : g.allowed) c.allowed.push_back(MakeTermPattern(a, g.case_sensitive, tgt_stem.get()));
    for (const auto& f : g.forbidden) c.forbidden.push_back(MakeTermPattern(f, g.case_sensitive, tgt_stem.get()));
    entries.push_back(std::move(c));
  }
  // Index by the folded key of the first token (case-sensitive entries too: their
  // exact key folds to it).
  for (size_t e = 0; e < entries.size(); ++e) {
    std::vector<MatchToken> t = TokenizeForTerms(glossary.entries[e].source, src_stem.get());
    by_first_key[t[0].folded].push_back(e);
  }

  GlossaryCheckResult out;
  std::vector<bool> entry_seen(entries.size(), false);
  std::vector<bool> used;
  for (size_t i = 0; i < src.segments.size(); ++i) {
    const Segment& ss = src.segments[i];
    const Segment& hs = hyp.segments[i];
    std::vector<MatchToken> st = TokenizeForTerms(ss.text, src_stem.get());
    std::vector<MatchToken> ht = TokenizeForTerms(hs.text, tgt_stem.get());
    used.assign(ht.size(), false);
    std::vector<bool> present(entries.size(), false);
    // Source occurrences: longest match first, left to right, no overlaps.
    for (size_t p = 0; p < st.size();) {
      auto it = by_first_key.find(st[p].folded);
      size_t best = entries.size(), best_len = 0;
      if (it != by_first_key.end())
        for (size_t e : it->second)
          if (entries[e].source.keys.size() > best_len && MatchesAt(st, p, entries[e].source)) {
            best = e;
            best_len = entries[e].source.keys.size();
          }
      if (best == entries.size()) {
        ++p;
        continue;
      }
      present[best] = entry_seen[best] = true;
      GlossaryOccurrence occ;
      occ.entry = best;
      occ.source = Locate(i, ss, st, p, best_len);
      const Compiled& c = entries[best];
      // The first unused allowed variant, else the first unused forbidden one.
      auto take = [&](const std::vector<TermPattern>& patterns, const std::vector<std::string>& forms, bool* flag) {
        for (size_t v = 0; v < patterns.size(); ++v) {
          size_t at = FindUnused(ht, patterns[v], used);
          if (at == ht.size()) continue;
          *flag = true;
          occ.variant = forms[v];
          occ.target = Locate(i, hs, ht, at, patterns[v].keys.size());
          std::fill(used.begin() + static_cast<long>(at), used.begin() + static_cast<long>(at + patterns[v].keys.size()), true);
          return;
        }
      };
      take(c.allowed, glossary.entries[best].allowed, &occ.correct);
      if (!occ.correct) take(c.forbidden, glossary.entries[best].forbidden, &occ.forbidden);
      ++out.occurrences;
      if (occ.correct) ++out.correct;
      out.items.push_back(std::move(occ));
      p += best_len;
    }
    // Forbidden variants anywhere in the hypothesis.
    for (size_t e = 0; e < entries.size(); ++e)
      for (size_t v = 0; v < entries[e].forbidden.size(); ++v) {
        const TermPattern& f = entries[e].forbidden[v];
        for (size_t p = 0; p + f.keys.size() <= ht.size(); ++p) {
          if (!MatchesAt(ht, p, f)) continue;
          ForbiddenHit hit;
          hit.entry = e;
          hit.form = glossary.entries[e].forbidden[v];
          hit.target = Locate(i, hs, ht, p, f.keys.size());
          hit.source_present = present[e];
          out.forbidden_hits.push_back(std::move(hit));
        }
      }
  }
  for (size_t e = 0; e < entries.size(); ++e)
    if (!entry_seen[e]) out.unused_entries.push_back(e);
  out.accuracy = out.occurrences ? static_cast<double>(out.correct) / static_cast<double>(out.occurrences) : 0.0;
  return out;
}

}  // namespace mteval
