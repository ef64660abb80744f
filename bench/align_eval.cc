// Measures sentence alignment on WMT22 source/reference pairs (issue 5): the
// reference side is perturbed (about 10% of adjacent segments merged, 2%
// dropped, fixed seed), aligned with the source, and the beads compared with
// the truth.
//
// usage: align_eval [--shared DIR] [--seed N] [--merge R] [--drop R] [--anchor W] [--punct W] [--band N]
//                   [--repeat K] [--check-full] [--show N] [PAIR...]
// (default: ../shared beside the source tree, pairs zh-en en-de). --repeat K
// aligns the test set repeated K times (before the perturbation), to measure
// time and memory on long texts (e.g. K = 54: about 100,000 sentences).
// --check-full also runs the full dynamic programme (no band) and says
// whether its beads are the banded ones.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "support/sentence_align_eval.h"

int main(int argc, char** argv) {
  std::string shared = std::string(MTEVAL_SOURCE_DIR) + "/../shared";
  mteval::PerturbOptions perturb;
  mteval::SentenceAlignOptions align;
  std::vector<std::string> pairs;
  int show = 0;    // print the first N wrong predicted beads
  int repeat = 1;  // copies of the test set
  bool check_full = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--shared" && i + 1 < argc) shared = argv[++i];
    else if (a == "--seed" && i + 1 < argc) perturb.seed = std::stoull(argv[++i]);
    else if (a == "--merge" && i + 1 < argc) perturb.merge_rate = std::atof(argv[++i]);
    else if (a == "--drop" && i + 1 < argc) perturb.drop_rate = std::atof(argv[++i]);
    else if (a == "--anchor" && i + 1 < argc) align.anchor_weight = std::atof(argv[++i]);
    else if (a == "--punct" && i + 1 < argc) align.punct_weight = std::atof(argv[++i]);
    else if (a == "--band" && i + 1 < argc) align.band = std::atoi(argv[++i]);
    else if (a == "--repeat" && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else if (a == "--check-full") check_full = true;
    else if (a == "--show" && i + 1 < argc) show = std::atoi(argv[++i]);
    else pairs.push_back(a);
  }
  if (pairs.empty()) pairs = {"zh-en", "en-de"};
  try {
    bool all_ok = true;
    std::printf("%-7s %6s %6s %7s %7s %7s %7s %8s %6s %11s\n", "pair", "src", "tgt", "beads", "P", "R", "F1", "seconds",
                "passes", "max cells");
    for (const std::string& pair : pairs) {
      std::string sl = pair.substr(0, pair.find('-')), tl = pair.substr(pair.find('-') + 1);
      auto src = mteval::ReadLines(shared + "/wmt22/sources/generaltest2022." + pair + ".src." + sl);
      auto ref = mteval::ReadLines(shared + "/wmt22/references/generaltest2022." + pair + ".ref.A." + tl);
      const std::vector<std::string> src1 = src, ref1 = ref;
      for (int k = 1; k < repeat; ++k) {
        src.insert(src.end(), src1.begin(), src1.end());
        ref.insert(ref.end(), ref1.begin(), ref1.end());
      }
      mteval::PerturbedPair pp = mteval::PerturbTarget(ref, perturb);
      auto t0 = std::chrono::steady_clock::now();
      mteval::SentenceAlignStats stats;
      std::vector<mteval::Bead> beads = mteval::AlignSentences(src, pp.tgt, align, &stats);
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
      if (check_full) {
        mteval::SentenceAlignOptions full = align;
        full.band = 1 << 30;
        const bool same = mteval::AlignSentences(src, pp.tgt, full) == beads;
        std::printf("%-7s full DP: %s\n", pair.c_str(), same ? "the same beads" : "DIFFERENT beads");
        all_ok = all_ok && same;
      }
      std::printf("%-7s %6zu %6zu %7zu %7.4f %7.4f %7.4f %8.3f %6zu %11zu%s\n", pair.c_str(), src.size(),
                  pp.tgt.size(), pp.truth.size(), s.precision(), s.recall(), s.f1(), secs, stats.passes,
                  stats.max_cells, s.f1() >= 0.95 ? "" : "  BELOW TARGET");
    }
    std::printf("%s\n", all_ok ? "all pairs meet the target (bead F1 >= 0.95)" : "some pairs miss the target");
    return all_ok ? 0 : 1;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "align_eval: %s\n", e.what());
    return 2;
  }
}
