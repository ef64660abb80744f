#pragma once
// Computes a ReportData from a loaded corpus: corpus and sentence-level
// scores of each metric, their distributions, scores by sentence length,
// word F-measure by reference frequency, compare-mt n-gram analysis,
// examples where the systems differ most, and per-document scores.
//
// Significance and terminology are not computed here: the caller passes
// providers (plain std::function hooks) that fill those sections; without
// them the sections are left empty and a note says so.

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "corpus/text_corpus.h"
#include "metric/metric.h"
#include "metric/stats.h"
#include "compare/report_data.h"

namespace mteval {

// What a significance provider gets: the metrics, the per-segment statistics
// of every system for every metric, and the baseline (always system 0).
struct SignificanceRequest {
  const std::vector<const Metric*>* metrics = nullptr;      // [metric]
  const std::vector<std::vector<StatsMatrix>>* stats = nullptr;  // [metric][system]
  size_t baseline = 0;
  size_t num_refs = 1;
};
// Returns one MetricSignificance per metric (same order), each with vectors
// sized to the number of systems. May throw mteval::Error.
using SignificanceProvider = std::function<std::vector<MetricSignificance>(const SignificanceRequest&)>;

// Fills the terminology section from the corpus (glossary handling is the
// provider's business). May throw mteval::Error.
using TerminologyProvider = std::function<TerminologySection(const TextCorpus&)>;

// Progress callback: stage name, units done, units total. `done` never
// decreases; the last call is stage "done" with done == total.
using ProgressCallback = std::function<void(const std::string& stage, size_t done, size_t total)>;

struct ReportBuildOptions {
  // Sentence-level histogram bins per metric (over the metric's observed range).
  int histogram_bins = 20;
  // Upper bounds (exclusive) of the reference-length buckets, in words; a last
  // open bucket follows.
  std::vector<size_t> length_bucket_bounds{10, 20, 30, 40, 50};
  // Upper bounds (exclusive) of the reference word-frequency buckets.
  std::vector<size_t> frequency_bucket_bounds{2, 3, 5, 10, 100, 1000};
  // n-gram analysis: orders 1..max_ngram_order, top entries per direction.
  int max_ngram_order = 4;
  int top_ngrams = 20;
  // Minimum matches (a + b) for an n-gram to be listed.
  int min_ngram_matches = 2;
  // Examples where systems differ most.
  int num_examples = 50;
  // Worker threads for statistics.
  int threads = 1;
  // Optional hooks; empty = section not computed.
  SignificanceProvider significance;
  TerminologyProvider terminology;
  ProgressCallback progress;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// Inputs other than the corpus: one metric per report metric (in display
// order), the source lines ("" when unknown) and document ids per segment
// (empty when unknown).
struct ReportInputs {
  const TextCorpus* corpus = nullptr;
  std::vector<const Metric*> metrics;
  // Per metric: the metric used for sentence-level scores (e.g. BLEU with
  // effective order); nullptr = the corpus metric itself.
  std::vector<const Metric*> sentence_metrics;
  std::vector<std::string> source;      // empty or one line per segment
  std::vector<std::string> doc_ids;     // empty or one id per segment
  std::vector<std::string> system_paths;
  std::vector<std::string> ref_paths;
  std::string src_path;
  size_t num_refs = 1;
};

// Builds the report; throws Error on inconsistent inputs.
ReportData BuildReport(const ReportInputs& inputs, const ReportBuildOptions& options);

// Five-number summary of `values` (linear interpolation, as numpy's default).
Summary Summarize(std::vector<double> values);

}  // namespace mteval
