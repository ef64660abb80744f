#pragma once
// `mteval score`: sacreBLEU-compatible scoring of one or more systems.

#include <functional>
#include <string>
#include <vector>

#include "app/significance_output.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>

namespace mteval {

struct ScoreRequest {
  TextCorpusOptions corpus;               // references, systems, -nr
  std::vector<std::string> metrics{"bleu"};  // -m, in any order; output is sorted as sacreBLEU sorts
  MetricOptions metric_options;           // per-metric flags
  std::string langpair;                   // -l SRC-TGT (chooses the default tokenizer)
  bool sentence_level = false;            // -sl: one score per segment
  std::string format = "json";            // -f json|text|latex, or jsonl (-sl only: one JSON object per line)
  int width = 1;                          // -w decimals
  bool score_only = false;                // -b
  bool short_signature = false;           // --short
  bool detail = false;                    // -d: sacreBLEU's per-origlang breakdown, which needs a downloaded
                                          // test set; on files it prints sacreBLEU's note and turns json into text
  bool quiet = false;                     // -q: no warnings on stderr
  bool force = false;                     // --force: no tokenized-input warning; overwrite --stats-out
  std::string stats_out;                  // --stats-out FILE: write statistics (JSON) atomically
  int threads = 0;                        // --threads N; 0 = one per core
  SignificanceTestRequest significance;    // --confidence, --paired-bs/-ar, --seed (significance_output.h)
  CorpusLoadOptions input;                // input formats, columns, alignment, --origlang/--subset
  bool per_doc = false;                   // --per-doc: also print one score per document
  bool stream = false;                    // --stream: -sl over a TSV file in bounded memory
  bool reseg = false;                     // --reseg: read outputs as free text, re-segment to the reference
  // Receives -sl output as it is made (set by the CLI to write stdout);
  // without it the output is collected in stdout_text.
  std::function<void(const std::string&)> stream_out;

  // Checks every option in one place; throws Error(kUsage).
  void Validate() const;
};

// The -f choices: json, text, latex, jsonl.
const std::vector<std::string>& ScoreFormats();

struct CommandOutput {
  std::string stdout_text;
  std::vector<std::string> warnings;  // printed to stderr unless quiet
};


// Runs the command; nothing is returned for printing if it throws.
// Sentence-level scoring (-sl without --stats-out) streams: inputs are read
// line by line and each segment's line goes to stream_out as soon as it is
// scored (score/sentence_stream.h), or into stdout_text without stream_out.
CommandOutput RunScore(const ScoreRequest& options);

}  // namespace mteval
