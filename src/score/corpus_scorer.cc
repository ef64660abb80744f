#include <mteval/scoring.h>

#include <algorithm>
#include <exception>
#include <thread>

#include <mteval/error.h>

namespace mteval {

void CorpusScorerOptions::Validate() const {
  if (threads < 1) throw Error(ErrorKind::kUsage, "threads must be >= 1, got " + std::to_string(threads));
}

namespace {

void ScoreRange(const Metric& metric, const TextCorpus& corpus, size_t begin, size_t end,
                std::vector<StatsMatrix>* out) {
  std::unique_ptr<SegmentScorer> scorer = metric.NewScorer();
  std::vector<std::string_view> refs(corpus.refs.size());
  for (size_t i = begin; i < end; ++i) {
    for (size_t r = 0; r < corpus.refs.size(); ++r) refs[r] = corpus.refs[r][i];
    scorer->SetReferences(refs);
    for (size_t s = 0; s < corpus.systems.size(); ++s) {
      scorer->ScoreHypothesis(corpus.systems[s][i], (*out)[s].Row(i));
    }
  }
}

}  // namespace

std::vector<StatsMatrix> ComputeSegmentStats(const Metric& metric, const TextCorpus& corpus,
                                             const CorpusScorerOptions& options) {
  options.Validate();
  CheckAligned(corpus);
  const size_t n = corpus.num_segments();
  // Built in place: copying one prototype matrix into each slot would touch
  // every page of it twice.
  std::vector<StatsMatrix> out;
  out.reserve(corpus.systems.size());
  for (size_t s = 0; s < corpus.systems.size(); ++s) out.emplace_back(n, metric.NumStats());
  const size_t threads = std::min<size_t>(static_cast<size_t>(options.threads), std::max<size_t>(1, n / 64));
  if (threads <= 1) {
    ScoreRange(metric, corpus, 0, n, &out);
    return out;
  }
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> errors(threads);
  for (size_t t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      try {
        ScoreRange(metric, corpus, n * t / threads, n * (t + 1) / threads, &out);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& w : workers) w.join();
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  return out;
}

std::vector<MetricScore> CorpusScores(const Metric& metric, const std::vector<StatsMatrix>& stats) {
  std::vector<MetricScore> scores;
  for (const StatsMatrix& m : stats) {
    std::vector<int64_t> total = m.Sum();
    scores.push_back(metric.Score(total.data()));
  }
  return scores;
}

}  // namespace mteval
