#pragma once
// Sentence-level scoring of a TSV corpus without holding it in memory: rows
// are read with TsvStream and go through the same streaming loop as plain
// text (StreamSegments in sentence_stream.h), so memory is bounded by the
// chunk size whatever the file size.

#include <functional>
#include <string>

#include "corpus/tsv_reader.h"
#include <mteval/metric.h>

namespace mteval {

struct StreamScoreOptions {
  std::string path;  // the TSV file ("-" = standard input)
  // Columns: the first `num_refs` are references, the last one the system.
  TsvOptions tsv;
  size_t num_refs = 1;
  size_t chunk_rows = 4096;  // rows scored together with several threads (and held in memory)
  int threads = 1;           // as CorpusScorerOptions::threads

  // Throws Error(kUsage) for a bad combination.
  void Validate() const;
};

// Calls `on_segment` with the score and the system text of every row, in
// file order. Reader errors throw as TsvStream's do, after the rows before
// them have been handed on.
void ScoreTsvStream(const Metric& metric, const StreamScoreOptions& options,
                    const std::function<void(const MetricScore&, const std::string& hyp)>& on_segment);

}  // namespace mteval
