#include "bench/support/wmt22_data.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>

namespace mteval::bench {

std::string SharedDir() {
  const char* env = std::getenv("MTEVAL_SHARED_DIR");
  return env ? env : std::string(MTEVAL_SOURCE_DIR) + "/../shared";
}

bool FileExists(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0;
}

namespace {
std::string Target(const std::string& pair) { return pair.substr(pair.find('-') + 1); }
}  // namespace

std::string Wmt22RefPath(const std::string& pair) {
  return SharedDir() + "/wmt22/references/generaltest2022." + pair + ".ref.A." + Target(pair);
}

std::string Wmt22HypPath(const std::string& pair, const std::string& system) {
  return SharedDir() + "/wmt22/system-outputs/generaltest2022." + pair + ".hyp." + system + "." + Target(pair);
}

std::vector<std::string> Wmt22Systems(const std::string& pair) {
  std::vector<std::string> systems;
  const std::string prefix = "generaltest2022." + pair + ".hyp.";
  const std::string suffix = "." + Target(pair);
  if (DIR* dir = opendir((SharedDir() + "/wmt22/system-outputs").c_str())) {
    while (dirent* e = readdir(dir)) {
      const std::string n = e->d_name;
      if (n.size() > prefix.size() + suffix.size() && n.compare(0, prefix.size(), prefix) == 0 &&
          n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0) {
        systems.push_back(n.substr(prefix.size(), n.size() - prefix.size() - suffix.size()));
      }
    }
    closedir(dir);
  }
  std::sort(systems.begin(), systems.end());
  return systems;
}

Wmt22Corpus LoadWmt22(const std::string& pair, const std::vector<std::string>& systems) {
  Wmt22Corpus d;
  TextCorpusOptions o;
  o.ref_paths = {Wmt22RefPath(pair)};
  for (const std::string& s : systems) o.hyp_paths.push_back(Wmt22HypPath(pair, s));
  if (!FileExists(o.ref_paths[0])) return d;
  for (const std::string& h : o.hyp_paths) {
    if (!FileExists(h)) return d;
  }
  d.corpus = LoadTextCorpus(o);
  for (const auto& l : d.corpus.refs[0]) d.bytes += static_cast<int64_t>(l.size()) + 1;
  for (const auto& sys : d.corpus.systems) {
    for (const auto& l : sys) d.bytes += static_cast<int64_t>(l.size()) + 1;
  }
  d.ok = true;
  return d;
}

}  // namespace mteval::bench
