#include <mteval/align.h>

#include <mteval/error.h>
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
    const std::string name = path == "-" ? "System 1" : path;
    const std::string text = JoinLines(ReadLines(path));
    ResegResult r = Resegment(ref, text, reseg);
    if (r.hyp_units == 0 && !ref.empty()) {
      // Resegment cuts nothing into empty pieces; without --reseg an empty
      // system output fails on its line count, so it does here too.
      throw Error(ErrorKind::kMismatch, "'" + name + "' has no text to re-segment into the " +
                                            std::to_string(ref.size()) + " segments of reference '" +
                                            corpus.ref_names[0] + "' (it is empty or only whitespace)");
    }
    corpus.system_names.push_back(name);
    corpus.systems.push_back(std::move(r.segments));
  }
  CheckAligned(corpus);
  return corpus;
}

}  // namespace mteval
