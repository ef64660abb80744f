#pragma once
// Sentence-level scoring that streams: references and the one system are read
// in lockstep, line by line, each segment is scored and handed to the caller
// at once, and only the running corpus totals are kept. Memory is bounded by
// the longest line (times `batch_lines` when several threads score a batch
// together), not by the file size, so `mteval score -sl` handles files of any
// length.
//
// Errors come before any segment is emitted whenever the inputs are files: a
// first pass over every file (bounded memory as well) checks UTF-8, -nr field
// counts and line counts, with the same messages as LoadTextCorpus. A system
// read from standard input cannot be read twice, so its errors (a bad byte, a
// line-count mismatch) are found as it is read, after the segments before them
// were emitted; the exit status is the same.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <mteval/corpus.h>
#include <mteval/metric.h>

namespace mteval {

struct SentenceStreamOptions {
  // References and exactly one system (hyp_paths empty = standard input,
  // where a line must hold a single field).
  TextCorpusOptions corpus;
  int threads = 1;
  // Segments scored together when threads > 1 (with one thread, one at a
  // time).
  size_t batch_lines = 1024;
};

struct SentenceStreamResult {
  uint64_t num_segments = 0;
  // The corpus statistics: the sum of every segment's row, so that
  // metric.Score(totals.data()) is the corpus score.
  std::vector<int64_t> totals;
};

// True when every file of `corpus` can be read twice, as StreamSentenceStats
// does (a first pass checks UTF-8 and line counts before any output): each
// path names a regular file. Pipes, process substitutions and /dev/stdin
// cannot; standard input for the system (no hyp_paths) is read once.
bool CanStreamSentenceStats(const TextCorpusOptions& corpus);

// Calls emit(segment_index, stats) for every segment in order; `stats` holds
// metric.NumStats() values and is valid only during the call. Throws
// Error(kUsage) unless CanStreamSentenceStats(options.corpus).
SentenceStreamResult StreamSentenceStats(const Metric& metric, const SentenceStreamOptions& options,
                                         const std::function<void(uint64_t, const int64_t*)>& emit);

// Where streamed segments come from (plain-text files above, a TSV file in
// tsv_sentence_stream.h): the references and the hypothesis of the next segment.
class SegmentSource {
 public:
  virtual ~SegmentSource() = default;
  // Fills the next segment; false at the end. Input errors throw.
  virtual bool Next(std::vector<std::string>* refs, std::string* hyp) = 0;
};

// The one streaming loop: reads `batch_lines` segments at a time (one at a
// time with one thread), scores them on up to `threads` threads, and calls
// emit(segment_index, stats, hypothesis) for each in order.
SentenceStreamResult StreamSegments(
    const Metric& metric, SegmentSource& source, int threads, size_t batch_lines,
    const std::function<void(uint64_t, const int64_t*, const std::string&)>& emit);

}  // namespace mteval
