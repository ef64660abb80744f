// Measures sentence alignment on WMT22 source/reference pairs (issue 5): the
// reference side is perturbed (about 10% of adjacent segments merged, 2%
// dropped, fixed seed), aligned with the source, and the beads compared with
// the truth.
//
// usage: align_eval [--shared DIR] [--seed N] [--merge R] [--drop R] [--anchor W] [--punct W] [--show N] [PAIR...]
// (default: ../shared beside the source tree, pairs zh-en en-de)

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "common/error.h"
#include "corpus/line_reader.h"
#include "support/sentence_align_eval.h"

int main(int argc, char** argv) {
  std::string shared = std::string(MTEVAL_SOURCE_DIR) + "/../shared";
  mteval::PerturbOptions perturb;
  mteval::SentenceAlignOptions align;
  std::vector<std::string> pairs;
  int show = 0;  // print the first N wrong predicted beads
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--seed" && i + 1 < argc) perturb.seed = std::stoull(argv[++i]);
    else if (a == "--merge" && i + 1 < argc) perturb.merge_rate = std::atof(argv[++i]);
    else if (a == "--drop" && i + 1 < argc) perturb.drop_rate = std::atof(argv[++i]);
    else if (a == "--anchor" && i + 1 < argc) align.anchor_weight = std::atof(argv[++i]);
    else if (a == "--punct" && i + 1 < argc) align.punct_weight = std::atof(argv[++i]);
    else if (a == "--show" && i + 1 < argc) show = std::atoi(argv[++i]);
    else pairs.push_back(a);
  }
  if (pairs.empty()) pairs = {"zh-en", "en-de"};
  try {
    bool all_ok = true;
    std::printf("%-7s %6s %6s %7s %7s %7s %7s %8s\n", "pair", "src", "tgt", "beads", "P", "R", "F1", "seconds");
    for (const std::string& pair : pairs) {
      std::string sl = pair.substr(0, pair.find('-')), tl = pair.substr(pair.find('-') + 1);
      auto src = mteval::ReadLines(shared + "/wmt22/sources/generaltest2022." + pair + ".src." + sl);
      auto ref = mteval::ReadLines(shared + "/wmt22/references/generaltest2022." + pair + ".ref.A." + tl);
      mteval::PerturbedPair pp = mteval::PerturbTarget(ref, perturb);
      auto t0 = std::chrono::steady_clock::now();
      std::vector<mteval::Bead> beads = mteval::AlignSentences(src, pp.tgt, align);
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      mteval::BeadScores s = mteval::ScoreBeads(beads, pp.truth);
      int shown = 0;
      for (const mteval::Bead& b : beads) {
        if (shown >= show) break;
        if (mteval::ScoreBeads({b}, pp.truth).correct) continue;
        ++shown;
        std::printf("  src %zu-%zu tgt %zu-%zu cost %.2f\n", b.src_begin + 1, b.src_end, b.tgt_begin + 1, b.tgt_end, b.cost);
        for (size_t k = b.src_begin; k < b.src_end; ++k) std::printf("    S: %s\n", src[k].c_str());
        for (size_t k = b.tgt_begin; k < b.tgt_end; ++k) std::printf("    T: %s\n", pp.tgt[k].c_str());
      }
      all_ok = all_ok && s.f1() >= 0.95;
      std::printf("%-7s %6zu %6zu %7zu %7.4f %7.4f %7.4f %8.3f%s\n", pair.c_str(), src.size(), pp.tgt.size(),
                  pp.truth.size(), s.precision(), s.recall(), s.f1(), secs, s.f1() >= 0.95 ? "" : "  BELOW TARGET");
    }
    std::printf("%s\n", all_ok ? "all pairs meet the target (bead F1 >= 0.95)" : "some pairs miss the target");
    return all_ok ? 0 : 1;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "align_eval: %s\n", e.what());
    return 2;
  }
}
