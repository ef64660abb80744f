#pragma once
// The data of a comparison report (`mteval compare`): ranking, significance
// clusters, charts, buckets, n-gram analysis, examples, per-document scores
// and terminology, independent of any output format. BuildReport
// (mteval/compare.h) fills it; the renderers (mteval/report.h) print it.
//
//   mteval::ReportData data = mteval::BuildReport(inputs, options);
//   for (size_t s : data.ranking.order) std::cout << data.systems[s] << "\n";
//
// Thread safety: plain values.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mteval {

// ---- analysis data (compare-mt style)
// One bar group of a bucketed chart: the bucket's label and, per system, the
// metric's corpus score on the segments of the bucket (nullopt when the
// bucket has no segment).
struct Bucket {
  std::string label;              // e.g. "10-19" or "[5,10)"
  size_t count = 0;               // segments (or reference words) in the bucket
  std::vector<std::optional<double>> values;  // per system
};

// compare-mt's word accuracy by frequency: F-measure of words in buckets of
// their frequency in the reference corpus.
struct WordFrequencySection {
  std::string frequency_source;   // where frequencies come from, e.g. "reference"
  std::vector<Bucket> f_measure;  // values are F-measures in [0, 100]
};

// n-grams one system matches in the reference much more often than another.
struct NgramEntry {
  std::string ngram;     // space-joined tokens
  size_t count_a = 0;    // clipped matches of system a
  size_t count_b = 0;    // clipped matches of system b
  double score = 0.0;    // (count_a + 1) / (count_a + count_b + 2)
};
struct NgramComparison {
  size_t system_a = 0, system_b = 0;
  std::vector<NgramEntry> a_better;  // highest score first
  std::vector<NgramEntry> b_better;  // lowest score first
};

// One hypothesis token with its word-level diff flag against the reference.
struct DiffToken {
  std::string text;
  bool matched = false;  // part of the longest common subsequence with the reference
};

// ---- report_data.h
// The data behind a comparison report (`mteval compare`), independent of any
// output format. Every renderer (HTML, text, Markdown, LaTeX, CSV/TSV, JSON)
// reads only this structure.
//
// Contract: a section that is absent (std::nullopt or empty) is simply not
// rendered; renderers never invent data. Systems are indexed as in
// ReportData::systems; system 0 is the baseline. Metrics are indexed as in
// ReportData::metrics. All text is raw UTF-8 from the inputs; renderers
// escape it for their format.

struct ReportMetric {
  std::string id;              // registry id: "bleu", "chrf", "ter"
  std::string name;            // display name: "BLEU", "chrF2", "TER"
  std::string signature;       // full sacreBLEU-style signature
  bool higher_is_better = true;  // false for TER
};

// A 95% (or other) confidence interval of a corpus score.
struct ConfidenceInterval {
  double mean = 0.0;   // mean of the resampled scores (sacreBLEU's "mu")
  double lower = 0.0;  // lower bound
  double upper = 0.0;  // upper bound
};

// Significance results for one metric; filled by a SignificanceProvider
// (report_builder.h). Vectors are indexed by system; a value that does not
// apply (e.g. the baseline's p-value against itself) is std::nullopt.
struct MetricSignificance {
  std::string method;      // e.g. "paired bootstrap (1000 resamples)" or "paired AR"
  std::string signature;   // signature including bs:/ar: and seed fields, "" if none
  std::vector<std::optional<ConfidenceInterval>> ci;           // per system
  std::vector<std::optional<double>> p_vs_baseline;            // per system
  // p-value of the system against the next system in rank order for this
  // metric (the WMT "neighbours" test); the last ranked system has none.
  std::vector<std::optional<double>> p_vs_next;
  // Significance cluster of each system (1 = best cluster); empty = none.
  std::vector<int> cluster;
  double alpha = 0.05;     // threshold used for clusters and the marks
};

// The ranking table: every metric for every system.
struct RankingSection {
  // [metric][system] corpus score, as the metric reports it.
  std::vector<std::vector<double>> scores;
  // [metric][system] sacreBLEU's verbose score string, may be "".
  std::vector<std::vector<std::string>> verbose;
  // Order in which systems are listed: by the first metric, best first.
  std::vector<size_t> order;
  // [metric], present only when significance was computed.
  std::vector<std::optional<MetricSignificance>> significance;
};

// Five-number summary plus mean of a sample (box plots).
struct Summary {
  double min = 0, q1 = 0, median = 0, q3 = 0, max = 0, mean = 0;
  size_t count = 0;
};

// Sentence-level score distributions and bucketed scores for one metric.
struct MetricCharts {
  size_t metric = 0;                     // index into ReportData::metrics
  std::vector<Summary> sentence_scores;  // per system
  // Histogram of sentence-level scores: edges (bins+1), counts per system.
  std::vector<double> histogram_edges;
  std::vector<std::vector<size_t>> histogram;  // [system][bin]
  // Sentence-level score minus the baseline's, per non-baseline system
  // (index 0, the baseline itself, holds an empty summary).
  std::vector<Summary> diff_vs_baseline;
  // Segments where the system is better / equal / worse than the baseline
  // (by this metric's direction), per system.
  std::vector<size_t> wins, ties, losses;
  // Corpus scores on segments bucketed by reference length in words.
  std::vector<Bucket> by_length;
};

struct Example {
  size_t segment = 0;                 // 0-based line number
  std::string doc_id;                 // "" when documents are unknown
  std::string source;                 // "" without --src
  std::vector<std::string> refs;      // every reference
  std::vector<std::vector<DiffToken>> hyps;  // per system, tokens with flags
  std::vector<double> scores;         // per system, sentence-level score of the example metric
  double spread = 0.0;                // max - min of scores
};
struct ExamplesSection {
  size_t metric = 0;                  // metric used for sentence scores
  std::vector<Example> examples;      // largest spread first
};

struct DocumentScores {
  std::string doc_id;
  size_t num_segments = 0;
  std::vector<std::vector<double>> scores;  // [metric][system]
};

// Terminology results, filled by the terminology module when a glossary is
// given (see TerminologyProvider in report_builder.h).
struct TermVariant {
  std::string text;       // the target form used
  size_t count = 0;
};
struct InconsistentTerm {
  std::string source_term;
  std::vector<TermVariant> variants;  // per distinct target form
  std::vector<size_t> segments;       // 0-based segments where it occurs
};
struct ReportForbiddenHit {
  std::string term;
  size_t segment = 0;                 // 0-based
};
struct SystemTerminology {
  double accuracy = 0.0;              // percent of glossary terms translated as required
  size_t terms_total = 0, terms_correct = 0;
  std::vector<InconsistentTerm> inconsistent;
  std::vector<ReportForbiddenHit> forbidden;
};
struct TerminologySection {
  std::string glossary;               // glossary path or name
  std::string signature;              // metric signature, "" if none
  std::vector<SystemTerminology> systems;  // per system
};

// The monolingual release checks (CheckRelease, mteval/terminology.h) of
// each system's output: the system with the fewest findings is the most
// consistent. Segments are 0-based.
struct ReportReleaseVariant {
  std::string text;                 // the form as written
  std::vector<size_t> segments;     // one entry per occurrence
};
struct ReportReleaseFinding {
  std::string check;                // e.g. "term-forms", "article-variants"
  std::string term;
  std::string message;
  double confidence = 0.0;
  std::vector<ReportReleaseVariant> variants;  // most frequent first
};
struct ReleaseChecksSection {
  double min_confidence = 0.5;
  std::vector<std::vector<ReportReleaseFinding>> systems;  // per system
};

struct ReportData {
  std::string title = "MT system comparison";
  std::string tool_version;               // "mteval-x.y.z"
  std::vector<std::string> systems;       // display names; [0] = baseline
  std::vector<std::string> system_paths;  // input files
  std::vector<std::string> ref_paths;
  std::string src_path;                   // "" without --src
  size_t num_segments = 0;
  size_t num_refs = 0;
  std::vector<ReportMetric> metrics;

  RankingSection ranking;
  std::vector<MetricCharts> charts;                // per metric, may be empty
  std::optional<WordFrequencySection> word_frequency;
  std::vector<NgramComparison> ngrams;             // baseline vs each other system
  std::optional<ExamplesSection> examples;
  std::vector<DocumentScores> documents;           // empty when no doc ids
  std::optional<TerminologySection> terminology;
  std::optional<ReleaseChecksSection> release_checks;
  std::vector<std::string> notes;                  // e.g. "significance not computed"
};

}  // namespace mteval
