#include <mteval/terminology.h>

#include <algorithm>
#include <map>

namespace mteval {

ConsistencyResult ComputeConsistency(const std::vector<TermRendering>& renderings) {
  std::map<std::pair<std::string, std::string>, size_t> index;  // (doc, term) -> group
  std::vector<ConsistencyGroup> groups;
  for (const TermRendering& r : renderings) {
    auto key = std::make_pair(r.doc_id, r.term);
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, groups.size()).first;
      groups.emplace_back();
      groups.back().term = r.term;
      groups.back().doc_id = r.doc_id;
    }
    ConsistencyGroup& g = groups[it->second];
    ++g.occurrences;
    auto v = std::find_if(g.variants.begin(), g.variants.end(), [&](const VariantUse& u) { return u.form == r.variant; });
    if (v == g.variants.end()) {
      g.variants.push_back(VariantUse{r.variant, 0, {}});
      v = g.variants.end() - 1;
    }
    ++v->count;
    v->seg_ids.push_back(r.seg_id);
  }
  ConsistencyResult out;
  size_t top_sum = 0;
  double share_sum = 0;
  for (ConsistencyGroup& g : groups) {
    if (g.occurrences < 2) continue;
    std::stable_sort(g.variants.begin(), g.variants.end(), [](const VariantUse& a, const VariantUse& b) {
      if (a.form.empty() != b.form.empty()) return b.form.empty();  // known variants first
      return a.count > b.count;
    });
    size_t top = g.variants.front().form.empty() ? 0 : g.variants.front().count;
    g.share = static_cast<double>(top) / static_cast<double>(g.occurrences);
    ++out.groups;
    out.occurrences += g.occurrences;
    top_sum += top;
    share_sum += g.share;
    if (top < g.occurrences) out.inconsistent.push_back(g);
  }
  if (out.groups > 0) {
    out.micro = static_cast<double>(top_sum) / static_cast<double>(out.occurrences);
    out.macro = share_sum / static_cast<double>(out.groups);
  }
  return out;
}

}  // namespace mteval
