#pragma once
// TER with sacreBLEU 2.x semantics (tercom-compatible shifts).
//
//   mteval::TerOptions options;
//   options.case_sensitive = true;
//   const mteval::Ter ter(options);
//   mteval::MetricScore s = ter.CorpusScore(hyps, refs);  // lower is better: ter.HigherIsBetter() is false

#include <memory>

#include <mteval/metric.h>

namespace mteval {

// ---- ter.h
// TER, translation edit rate (Snover et al., 2006), with sacreBLEU 2.x
// semantics: the TercomTokenizer normalisation, sacreBLEU's beam-restricted
// edit distance with tercom-style block shifts (lib_ter.py), and for several
// references the fewest edits over the references divided by the average
// reference length.
//
// Statistics per segment (4 integers):
//   [num_edits, sum_of_reference_lengths, num_references, 1]
// num_edits is the smallest edit count over the references. The last two
// columns sum to (total references, segments), which gives the number of
// references per segment k; the corpus ref_length is then
// sum_of_reference_lengths / k, computed as one double division. sacreBLEU
// adds the per-segment averages (sum / k) one by one in floating point; the
// two agree exactly for k = 1, 2, 4, ... and to within rounding otherwise.
// (mteval gives every segment the same number of references; for a merge of
// statistics with different k per segment the ratio of the totals is used.)

struct TerOptions {
  // Tercom normalisation (sacreBLEU's `normalized`): join lines, unescape
  // &quot; &amp; &lt; &gt;, and split off punctuation as tercom's
  // Normalizer.java does (possessive 's, periods and commas not next to a
  // digit, dashes after a digit).
  bool normalized = false;
  // Remove the punctuation characters . , ? : ; ! " ( ) (sacreBLEU's
  // `no_punct`); with asian_support also CJK and full-width punctuation.
  bool no_punct = false;
  // Extra handling of CJK text (sacreBLEU's `asian_support`): with
  // `normalized`, split CJK ideographs and CJK/full-width punctuation into
  // single-character words; with `no_punct`, also remove CJK punctuation.
  // Has no effect without one of those two.
  bool asian_support = false;
  // Keep case; by default both sides are lowercased (Python str.lower()).
  bool case_sensitive = false;

  // Every combination of the flags is accepted, as sacreBLEU accepts them;
  // kept so that every metric module has the same shape.
  void Validate() const;
};

// The metric. Validates `options` (Error(kUsage) naming a bad field) and
// prepares what it needs (e.g. BLEU's tokenizer; Error(kUnavailable) for a
// tokenizer or model that is not installed). Immutable: const methods may be
// called from several threads at once, and copies share the prepared state.
class Ter final : public internal::MetricHandle {
 public:
  explicit Ter(const TerOptions& options = {});
  const TerOptions& options() const { return options_; }

 private:
  TerOptions options_;
};

}  // namespace mteval
