#include "score/stream_scorer.h"

#include "common/error.h"
#include "corpus/text_corpus.h"
#include "score/corpus_scorer.h"

namespace mteval {

void StreamScoreOptions::Validate() const {
  tsv.Validate();
  if (num_refs < 1 || tsv.columns.size() != num_refs + 1) {
    throw Error(ErrorKind::kUsage, "streamed scoring needs reference columns and exactly one system column");
  }
  if (chunk_rows < 1) throw Error(ErrorKind::kUsage, "streamed scoring needs a chunk of at least one row");
}

void ScoreTsvStream(const Metric& metric, const StreamScoreOptions& options,
                    const std::function<void(const MetricScore&, const std::string& hyp)>& on_segment) {
  options.Validate();
  TsvStream stream(options.path, options.tsv);
  CorpusScorerOptions scorer;
  scorer.threads = options.threads;
  TextCorpus chunk;
  chunk.refs.assign(options.num_refs, {});
  chunk.systems.assign(1, {});
  chunk.ref_names.assign(options.num_refs, options.path);
  chunk.system_names.assign(1, options.path);
  TsvRow row;
  bool more = true;
  while (more) {
    for (auto& r : chunk.refs) r.clear();
    chunk.systems[0].clear();
    while (chunk.systems[0].size() < options.chunk_rows && (more = stream.Next(&row))) {
      for (size_t r = 0; r < options.num_refs; ++r) chunk.refs[r].push_back(std::move(row.fields[r]));
      chunk.systems[0].push_back(std::move(row.fields[options.num_refs]));
    }
    if (chunk.systems[0].empty()) break;
    std::vector<StatsMatrix> stats = ComputeSegmentStats(metric, chunk, scorer);
    for (size_t i = 0; i < chunk.systems[0].size(); ++i) on_segment(metric.Score(stats[0].Row(i)), chunk.systems[0][i]);
  }
}

}  // namespace mteval
