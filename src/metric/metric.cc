#include <mteval/metric.h>

#include <mteval/error.h>

namespace mteval {

namespace {

void CheckReferenceStreams(size_t num_hyps, const std::vector<std::vector<std::string>>& refs) {
  if (refs.empty()) throw Error(ErrorKind::kUsage, "no reference stream given (refs[stream][segment])");
  for (size_t r = 0; r < refs.size(); ++r) {
    if (refs[r].size() != num_hyps) {
      throw Error(ErrorKind::kMismatch, "reference stream " + std::to_string(r + 1) + " has " +
                                            std::to_string(refs[r].size()) + " segments but there are " +
                                            std::to_string(num_hyps) + " hypotheses");
    }
  }
}

}  // namespace

StatsMatrix Metric::SegmentStats(const std::vector<std::string>& hyps,
                                 const std::vector<std::vector<std::string>>& refs) const {
  CheckReferenceStreams(hyps.size(), refs);
  StatsMatrix out(hyps.size(), NumStats());
  std::unique_ptr<SegmentScorer> scorer = NewScorer();
  std::vector<std::string_view> segment_refs(refs.size());
  for (size_t i = 0; i < hyps.size(); ++i) {
    for (size_t r = 0; r < refs.size(); ++r) segment_refs[r] = refs[r][i];
    scorer->SetReferences(segment_refs);
    scorer->ScoreHypothesis(hyps[i], out.Row(i));
  }
  return out;
}

std::vector<int64_t> Metric::SentenceStats(std::string_view hyp, const std::vector<std::string>& refs) const {
  if (refs.empty()) throw Error(ErrorKind::kUsage, "no reference given for the sentence");
  std::vector<std::string_view> views(refs.begin(), refs.end());
  std::vector<int64_t> stats(NumStats(), 0);
  std::unique_ptr<SegmentScorer> scorer = NewScorer();
  scorer->SetReferences(views);
  scorer->ScoreHypothesis(hyp, stats.data());
  return stats;
}

std::vector<int64_t> Metric::CorpusStats(const std::vector<std::string>& hyps,
                                         const std::vector<std::vector<std::string>>& refs) const {
  return SegmentStats(hyps, refs).Sum();
}

MetricScore Metric::CorpusScore(const std::vector<std::string>& hyps,
                                const std::vector<std::vector<std::string>>& refs) const {
  return Score(CorpusStats(hyps, refs));
}

MetricScore Metric::SentenceScore(std::string_view hyp, const std::vector<std::string>& refs) const {
  return Score(SentenceStats(hyp, refs));
}

MetricScore Metric::Score(const std::vector<int64_t>& stats) const {
  if (stats.size() != NumStats()) {
    throw Error(ErrorKind::kMismatch, Name() + " takes " + std::to_string(NumStats()) + " statistics, got " +
                                          std::to_string(stats.size()));
  }
  return Score(stats.data());
}

}  // namespace mteval
