#include "score/tsv_sentence_stream.h"

#include <mteval/error.h>
#include "score/sentence_stream.h"

namespace mteval {

void StreamScoreOptions::Validate() const {
  tsv.Validate();
  if (num_refs < 1 || tsv.columns.size() != num_refs + 1) {
    throw Error(ErrorKind::kUsage, "streamed scoring needs reference columns and exactly one system column");
  }
  if (chunk_rows < 1) throw Error(ErrorKind::kUsage, "streamed scoring needs a chunk of at least one row");
}

namespace {

// Rows of a TSV file: the first num_refs fields are references, the next
// the hypothesis.
class TsvSegmentSource final : public SegmentSource {
 public:
  TsvSegmentSource(const StreamScoreOptions& o) : stream_(o.path, o.tsv), num_refs_(o.num_refs) {}

  bool Next(std::vector<std::string>* refs, std::string* hyp) override {
    if (!stream_.Next(&row_)) return false;
    refs->resize(num_refs_);
    for (size_t r = 0; r < num_refs_; ++r) (*refs)[r] = std::move(row_.fields[r]);
    *hyp = std::move(row_.fields[num_refs_]);
    return true;
  }

 private:
  TsvStream stream_;
  size_t num_refs_;
  TsvRow row_;
};

}  // namespace

void ScoreTsvStream(const Metric& metric, const StreamScoreOptions& options,
                    const std::function<void(const MetricScore&, const std::string& hyp)>& on_segment) {
  options.Validate();
  TsvSegmentSource source(options);
  StreamSegments(metric, source, options.threads, options.chunk_rows,
                 [&](uint64_t, const int64_t* row, const std::string& hyp) { on_segment(metric.Score(row), hyp); });
}

}  // namespace mteval
