#include "align/reseg_corpus.h"

#include "corpus/line_reader.h"

namespace mteval {

TextCorpus LoadResegmentedCorpus(const TextCorpusOptions& options, const ResegOptions& reseg) {
  options.Validate();
  reseg.Validate();
  // Load the references with the first reference file standing in as the
  // system, so that -nr and the error messages are LoadTextCorpus's own.
  TextCorpusOptions refs_only = options;
  refs_only.hyp_paths = {options.ref_paths[0]};
  TextCorpus corpus = LoadTextCorpus(refs_only);
  corpus.systems.clear();
  corpus.system_names.clear();
  std::vector<std::string> paths = options.hyp_paths;
  if (paths.empty()) paths.push_back("-");
  const std::vector<std::string> ref = corpus.refs[0].ToStrings();
  for (const std::string& path : paths) {
    ResegResult r = Resegment(ref, JoinLines(ReadLines(path)), reseg);
    corpus.system_names.push_back(path == "-" ? "System 1" : path);
    corpus.systems.push_back(std::move(r.segments));
  }
  CheckAligned(corpus);
  return corpus;
}

}  // namespace mteval
