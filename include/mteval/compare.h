#pragma once
// Building a comparison report of N systems from a loaded corpus.
//
//   const mteval::Bleu bleu;
//   const mteval::Chrf chrf;
//   mteval::ReportInputs inputs;
//   inputs.corpus = &loaded.corpus;                        // system 0 is the baseline
//   inputs.metrics = {&bleu, &chrf};
//   mteval::ReportBuildOptions options;
//   mteval::ReportSignificanceOptions paired;              // paired bootstrap, clusters
//   options.significance = mteval::MakeSignificanceProvider(paired);
//   mteval::ReportData data = mteval::BuildReport(inputs, options);
//   std::string html = mteval::RenderReport(data, "html", {});   // mteval/report.h
//
// Thread safety: BuildReport may run concurrently on different inputs.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <mteval/corpus.h>
#include <mteval/metric.h>
#include <mteval/stats.h>
#include <mteval/report_data.h>
#include <mteval/significance.h>

namespace mteval {

// ---- report_builder.h
// Computes a ReportData from a loaded corpus: corpus and sentence-level
// scores of each metric, their distributions, scores by sentence length,
// word F-measure by reference frequency, compare-mt n-gram analysis,
// examples where the systems differ most, and per-document scores.
//
// Significance and terminology are not computed here: the caller passes
// providers (plain std::function hooks) that fill those sections; without
// them the sections are left empty and a note says so.

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
  // The monolingual release checks of every system's output (a section of
  // their own), with findings at least min_confidence sure. Off by default:
  // they about triple the work of a report on WMT22 zh-en (callgrind).
  bool release_checks = false;
  double release_min_confidence = 0.5;
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

// ---- report_significance.h
// The significance section of `mteval compare`: a SignificanceProvider
// (report_builder.h) built on the paired tests of stats/significance.h, which
// give sacreBLEU 2.6.0's numbers at the same seed.
//
// Per metric the provider fills MetricSignificance with:
//  - ci[s]: the 95% interval mean ± ci of every system, the baseline
//    included, as PairedTest reports them (with AR, from a separate
//    bootstrap of `ci_samples` resamples, sacreBLEU's n_ar_confidence);
//  - p_vs_baseline[s]: PairedTest's p-value of system s against system 0
//    (nullopt for the baseline);
//  - p_vs_next[s]: the p-value of a two-system paired test (same kind, same
//    seed) of the next system in this metric's rank order against s; nullopt
//    for the last ranked system. The rank order follows the metric's
//    direction (higher_is_better; TER ranks lowest first);
//  - cluster[s]: significance clusters (the WMT convention, 1 = best): walk
//    the rank order; a system starts a new cluster when it scores strictly
//    worse than the previous system AND p_vs_next of the previous system is
//    below alpha. Equal corpus scores never split a cluster, whatever p the
//    test reports (sacreBLEU's strict count gives identical systems
//    p = 1/(n+1)).
//  - signature: the metric's signature with bs:N or ar:N and seed:S, exactly
//    as `mteval score --paired-bs/--paired-ar` prints it.

struct ReportSignificanceOptions {
  // Paired bootstrap (default) or paired approximate randomization.
  PairedTestKind kind = PairedTestKind::kBootstrap;
  // Resamples of the paired bootstrap (>= 1).
  int bootstrap_samples = 1000;
  // Trials of paired AR (>= 1).
  int ar_trials = 10000;
  // Bootstrap resamples for the confidence intervals reported with AR (>= 1).
  int ci_samples = 1000;
  // numpy seed; nullopt = OS entropy (SACREBLEU_SEED=none).
  std::optional<uint64_t> seed = 12345;
  // Worker threads (>= 1); results do not depend on it.
  int threads = 1;
  // Threshold for the clusters and the report's marks, in (0, 1).
  double alpha = 0.05;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// The provider; it throws Error for fewer than 2 systems (no paired test).
SignificanceProvider MakeSignificanceProvider(const ReportSignificanceOptions& options);

// Clusters from a rank order (best first), the corpus scores and the
// neighbour p-values (indexed by system), by the rule above. Returns the
// cluster of each system (1-based), indexed by system.
std::vector<int> SignificanceClusters(const std::vector<size_t>& order, const std::vector<double>& scores,
                                      const std::vector<std::optional<double>>& p_vs_next, double alpha);

// ---- report_terminology.h
// The terminology section of `mteval compare --glossary G --src SRC`: a
// TerminologyProvider (report_builder.h) built on the terminology module
// (src/terms), with the same matching as `mteval terms --glossary`:
//  - term accuracy: CheckGlossary (glossary_check.h) of the source against
//    each system; accuracy in percent, correct and total source occurrences;
//  - inconsistent terms: ComputeConsistency (consistency.h) over the
//    renderings of each source-term occurrence, grouped by (document, term);
//    with documents a group is labelled "term [doc]"; an occurrence without
//    an allowed or forbidden variant shows as "(not found)";
//  - forbidden hits: every forbidden variant in the system output, with its
//    segment.
// The source is required (terms are found in it).

struct ReportTerminologyOptions {
  // Glossary file (.tsv, .csv or .tbx); required.
  std::string glossary_path;
  // Language codes ("" = the glossary's declaration); TBX needs them unless
  // the file has exactly two languages.
  std::string src_lang, tgt_lang;
  // Snowball-stemmed matching of target words (as `mteval terms --stem`).
  bool stem = false;

  // Throws Error(kUsage) naming the bad field.
  void Validate() const;
};

// Reads the glossary now (Error(kInput) for a bad one) and returns the
// provider. `source` holds one segment per corpus segment; its doc_id fields
// group consistency by document ("" = the whole text is one group). The
// provider throws Error(kMismatch) when the corpus has another segment count.
TerminologyProvider MakeTerminologyProvider(const ReportTerminologyOptions& options, SegmentedText source);

}  // namespace mteval
