#include "support/parity_data.h"

#include <fstream>
#include <sstream>
#include <mutex>
#include <stdexcept>

#include "corpus/line_reader.h"
#include "support/test_paths.h"

namespace mteval::testing {

const std::vector<std::string>& Wmt22Lines(const std::string& relative_path) {
  static std::map<std::string, std::vector<std::string>> cache;
  static std::mutex mu;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(relative_path);
  if (it == cache.end()) {
    it = cache.emplace(relative_path, ReadLines(SharedDir() + "/wmt22/" + relative_path)).first;
  }
  return it->second;
}

TextCorpus Wmt22Corpus(const std::vector<std::string>& refs, const std::vector<std::string>& hyps) {
  TextCorpus c;
  for (const auto& r : refs) {
    c.ref_names.push_back(r);
    c.refs.push_back(Wmt22Lines(r));
  }
  for (const auto& h : hyps) {
    c.system_names.push_back(h);
    c.systems.push_back(Wmt22Lines(h));
  }
  return c;
}

std::vector<std::string> ParityPairs() { return {"cs-uk", "de-fr", "en-de", "en-ja", "en-zh", "zh-en"}; }

std::vector<std::string> ParityFileLines(const std::string& name) {
  const std::string path = SharedDir() + "/parity/sacrebleu-2.6.0/" + name;
  std::ifstream f(path);
  if (!f) throw std::runtime_error("cannot read the parity file " + path);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(f, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  if (lines.empty()) throw std::runtime_error("the parity file " + path + " has no lines");
  return lines;
}

std::vector<std::string> SplitTab(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string f;
  while (std::getline(ss, f, '\t')) out.push_back(f);
  return out;
}

std::string Wmt22HypPath(const std::string& pair, const std::string& system) {
  return "system-outputs/generaltest2022." + pair + ".hyp." + system + "." + pair.substr(pair.find('-') + 1);
}

}  // namespace mteval::testing
