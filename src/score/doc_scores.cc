#include <mteval/scoring.h>

#include <unordered_map>

#include <mteval/error.h>

namespace mteval {

std::vector<DocGroup> GroupByDocument(const std::vector<std::string>& doc_ids) {
  std::vector<DocGroup> groups;
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < doc_ids.size(); ++i) {
    auto [it, added] = index.emplace(doc_ids[i], groups.size());
    if (added) groups.push_back({doc_ids[i], {}});
    groups[it->second].rows.push_back(i);
  }
  return groups;
}

std::vector<DocScore> ScoreDocuments(const std::vector<std::unique_ptr<Metric>>& metrics,
                                     const std::vector<std::vector<StatsMatrix>>& stats,
                                     const std::vector<std::string>& doc_ids) {
  const std::vector<DocGroup> groups = GroupByDocument(doc_ids);
  if (groups.empty() || (groups.size() == 1 && groups[0].id.empty())) {
    throw Error(ErrorKind::kUsage, "--per-doc needs document ids: use WMT XML or XLIFF files, or give --doc-col for TSV/JSONL");
  }
  const size_t systems = stats.empty() ? 0 : stats[0].size();
  std::vector<DocScore> out;
  for (size_t s = 0; s < systems; ++s) {
    for (const DocGroup& g : groups) {
      DocScore d;
      d.system = s;
      d.doc_id = g.id;
      d.num_segments = g.rows.size();
      for (size_t k = 0; k < metrics.size(); ++k) {
        const StatsMatrix& m = stats[k][s];
        std::vector<int64_t> sum(m.num_stats(), 0);
        for (size_t r : g.rows) {
          const int64_t* row = m.Row(r);
          for (size_t j = 0; j < sum.size(); ++j) sum[j] += row[j];
        }
        d.scores.push_back(metrics[k]->Score(sum.data()));
      }
      out.push_back(std::move(d));
    }
  }
  return out;
}

}  // namespace mteval
