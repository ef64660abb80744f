#pragma once
// `mteval compare`: a ranked multi-system comparison report (HTML with
// inline SVG charts, terminal text, Markdown, LaTeX, CSV/TSV or JSON).

#include <string>
#include <vector>

#include "app/significance_output.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/compare.h>

namespace mteval {

struct CompareRequest {
  TextCorpusOptions corpus;                        // references (positionals), systems (-i), -nr
  std::vector<std::string> metrics{"bleu", "chrf"};  // -m, in display order (first = ranking metric)
  MetricOptions metric_options;                    // the metric flags shared with score (metric_flags.h)
  std::string langpair;                            // -l SRC-TGT (default BLEU tokenizer)
  std::string src_path;                            // --src: source file shown in examples
  std::string doc_ids_path;                        // --doc-ids: one document id per line (overrides the format's ids)
  std::string glossary_path;                       // --glossary: terminology section (needs --src) and -m terms
  bool terms_stem = false;                         // --terms-stem: Snowball-stemmed term matching
  std::vector<std::string> names;                  // --names: display names, one per system
  std::string output;                              // -o FILE; "" = standard output
  std::string format;                              // --format; "" = from -o's extension, else html (text on stdout)
  std::string title = "MT system comparison";      // --title
  int width = 1;                                   // -w decimals
  int num_examples = 50;                           // --examples N
  int threads = 0;                                 // --threads N; 0 = one per core
  bool force = false;                              // --force: overwrite -o; accept tokenized-looking input
  bool quiet = false;                              // -q: no warnings and no progress bar
  bool no_color = false;                           // --no-color
  bool release_checks = false;                     // --release-checks: the release-checks section
  double release_min_confidence = 0.5;             // --min-confidence of the release checks
  // Significance section: on by default (paired bootstrap, 1000 resamples);
  // --no-significance turns it off, and it is skipped for a single system.
  bool significance = true;
  // --paired-bs/--paired-ar, their -n flags, --paired-jobs and --seed
  // (SACREBLEU_SEED); with the significance section on, exactly one of
  // paired_bs/paired_ar is set after parsing.
  SignificanceTestRequest tests = [] {
    SignificanceTestRequest t;
    t.paired_bs = true;
    return t;
  }();

  // Checks every option in one place; throws Error(kUsage).
  void Validate() const;
  // The format that will be written (resolves "" as documented above).
  std::string ResolvedFormat() const;
};

struct CompareOutput {
  std::string stdout_text;             // the report when -o is not given, else a one-line summary
  std::vector<std::string> warnings;   // printed to stderr unless quiet
};


// Runs the command. `progress` may be empty; `color` enables ANSI colours
// in the text format written to standard output.
CompareOutput RunCompare(const CompareRequest& options, const ProgressCallback& progress, bool color);

// Display names for system files: base names with the prefix and suffix
// (at '.' boundaries) that all of them share removed, e.g.
// "test.hyp.A.en", "test.hyp.B.en" -> "A", "B".
std::vector<std::string> ShortSystemNames(const std::vector<std::string>& paths);

}  // namespace mteval
