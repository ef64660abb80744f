// Measures re-segmentation on WMT22 system outputs (issue 5): every system's
// segments are joined in blocks of 10 into one line, re-segmented against
// reference A, and compared with the true segmentation (boundaries recovered
// exactly) and with the original corpus BLEU.
//
// usage: reseg_eval [--shared DIR] [--block N] [--band N] [--cut-penalty E] [--start-penalty E] [--show N] [PAIR...]
// (default: ../shared beside the source tree, pairs zh-en en-de)

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <dirent.h>
#include <string>
#include <vector>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "support/reseg_eval.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>

namespace {

double CorpusBleu(const std::vector<std::string>& ref, const std::vector<std::string>& hyp, const std::string& trg) {
  mteval::MetricOptions mo;
  mo.bleu.trg_lang = trg;
  auto metric = mteval::MakeMetric("bleu", mo);
  mteval::TextCorpus corpus;
  corpus.ref_names = {"ref"};
  corpus.refs = {ref};
  corpus.system_names = {"sys"};
  corpus.systems = {hyp};
  auto stats = mteval::ComputeSegmentStats(*metric, corpus);
  return mteval::CorpusScores(*metric, stats)[0].score;
}

std::vector<std::string> Systems(const std::string& dir, const std::string& pair) {
  std::vector<std::string> out;
  std::string prefix = "generaltest2022." + pair + ".hyp.";
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.compare(0, prefix.size(), prefix) == 0) out.push_back(name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string shared = std::string(MTEVAL_SOURCE_DIR) + "/../shared";
  mteval::ResegRoundTripOptions options;
  std::vector<std::string> pairs;
  int show = 0;  // print the first N wrongly cut segments of each system
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--block" && i + 1 < argc) options.block_size = std::atoi(argv[++i]);
    else if (a == "--band" && i + 1 < argc) options.reseg.band = std::atoi(argv[++i]);
    else if (a == "--show" && i + 1 < argc) show = std::atoi(argv[++i]);
    else if (a == "--cut-penalty" && i + 1 < argc) options.reseg.cut_penalty = std::atof(argv[++i]);
    else if (a == "--start-penalty" && i + 1 < argc) options.reseg.start_penalty = std::atof(argv[++i]);
    else pairs.push_back(a);
  }
  if (pairs.empty()) pairs = {"zh-en", "en-de"};
  try {
    bool all_ok = true;
    std::printf("%-7s %-22s %8s %9s %9s %8s %8s %7s %8s\n", "pair", "system", "bounds", "recov%", "inner%",
                "BLEU", "reseg", "delta", "seconds");
    for (const std::string& pair : pairs) {
      std::string trg = pair.substr(pair.find('-') + 1);
      auto ref = mteval::ReadLines(shared + "/wmt22/references/generaltest2022." + pair + ".ref.A." + trg);
      for (const std::string& file : Systems(shared + "/wmt22/system-outputs", pair)) {
        auto hyp = mteval::ReadLines(shared + "/wmt22/system-outputs/" + file);
        auto t0 = std::chrono::steady_clock::now();
        mteval::ResegRoundTrip rt = mteval::RunResegRoundTrip(ref, hyp, options);
        for (size_t k = 0, shown = 0; k < hyp.size() && shown < static_cast<size_t>(show); ++k) {
          if (rt.segments[k] == hyp[k]) continue;
          ++shown;
          std::printf("  #%zu ref: %s\n       hyp: %s\n     reseg: %s\n", k + 1, ref[k].c_str(), hyp[k].c_str(),
                      rt.segments[k].c_str());
        }
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        double bleu = CorpusBleu(ref, hyp, trg);
        double bleu_r = CorpusBleu(ref, rt.segments, trg);
        double pct = 100.0 * rt.recovered_fraction();
        double inner = rt.inner_boundaries ? 100.0 * rt.inner_recovered / rt.inner_boundaries : 100.0;
        bool ok = pct >= 95.0 && std::fabs(bleu_r - bleu) <= 0.3;
        all_ok = all_ok && ok;
        std::string sys = file.substr(file.find(".hyp.") + 5);
        sys = sys.substr(0, sys.rfind('.'));
        std::printf("%-7s %-22s %8zu %8.2f%% %8.2f%% %8.2f %8.2f %+7.2f %8.3f%s\n", pair.c_str(), sys.c_str(),
                    rt.boundaries, pct, inner, bleu, bleu_r, bleu_r - bleu, secs, ok ? "" : "  BELOW TARGET");
      }
    }
    std::printf("%s\n", all_ok ? "all systems meet the targets (>= 95% boundaries, |delta BLEU| <= 0.3)"
                                : "some systems miss the targets");
    return all_ok ? 0 : 1;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "reseg_eval: %s\n", e.what());
    return 2;
  }
}
