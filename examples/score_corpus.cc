// Scores a system output against one or more references with BLEU, chrF and
// TER, and prints sacreBLEU's JSON (what `mteval score REF... -i HYP
// -m bleu chrf ter -f json` prints).
//
//   score_corpus HYP REF [REF...]
//
// Uses only the installed headers of the mteval library.

#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include <mteval/bleu.h>
#include <mteval/chrf.h>
#include <mteval/corpus.h>
#include <mteval/error.h>
#include <mteval/report.h>
#include <mteval/ter.h>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s HYP REF [REF...]\n", argv[0]);
    return 2;
  }
  try {
    // Lines read as sacreBLEU reads them (right-stripped; .gz works too);
    // every file must have as many lines as the others.
    mteval::TextCorpusOptions files;
    files.hyp_paths = {argv[1]};
    for (int i = 2; i < argc; ++i) files.ref_paths.push_back(argv[i]);
    const mteval::TextCorpus corpus = mteval::LoadTextCorpus(files);

    const std::vector<std::string> hyps = corpus.systems[0].ToStrings();
    std::vector<std::vector<std::string>> refs;  // refs[stream][segment], as in sacreBLEU
    for (const mteval::LineList& stream : corpus.refs) refs.push_back(stream.ToStrings());

    const mteval::Bleu bleu;  // sacreBLEU's defaults: 13a, exp smoothing
    const mteval::Chrf chrf;  // chrF2
    const mteval::Ter ter;
    std::vector<std::string> objects;
    for (const mteval::Metric* metric : std::vector<const mteval::Metric*>{&bleu, &chrf, &ter}) {
      const mteval::MetricScore score = metric->CorpusScore(hyps, refs);
      const mteval::Signature signature = metric->GetSignature(static_cast<int>(refs.size()));
      objects.push_back(mteval::FormatScoreJson(score, signature, /*width=*/1));
    }
    std::printf("%s\n", mteval::JoinJsonObjects(objects).c_str());
    return 0;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "score_corpus: %s\n", e.what());
    return mteval::ExitCodeFor(e.kind());
  }
}
