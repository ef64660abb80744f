#pragma once
// `mteval align`: re-segmentation of a hypothesis into the reference's
// segments (`align reseg`) and sentence alignment of a text and its
// translation (`align sentences`).

#include <string>
#include <vector>

#include <mteval/align.h>

namespace mteval {

struct AlignRequest {
  std::string mode;          // "reseg" or "sentences"
  // reseg
  std::string ref_path;      // --ref FILE: reference, one segment a line
  std::string hyp_path;      // --hyp FILE: hypothesis, free text ("-" = standard input)
  ResegOptions reseg;        // --band, --cut-penalty, --start-penalty, --case-sensitive
  // sentences
  std::string src_path;      // --src FILE: source text, one sentence (or paragraph with --split) a line
  std::string tgt_path;      // --tgt FILE: target text, likewise
  std::string glossary_path; // --glossary FILE: TSV of source term TAB target|variants ("" = none)
  bool split = false;        // --split: split lines into sentences (ICU) first
  std::string src_lang;      // --src-lang: ICU locale for --split of the source ("" = root)
  std::string tgt_lang;      // --tgt-lang: likewise for the target
  std::string format = "tsv";  // -f tsv|jsonl
  SentenceAlignOptions sentences;
  // both
  std::string output;        // -o FILE: write atomically instead of standard output
  bool force = false;        // --force: overwrite an existing -o file (never an input)

  // Checks every option in one place; throws Error(kUsage).
  void Validate() const;
};


// Runs the command; returns what goes to standard output ("" when -o was given).
std::string RunAlign(const AlignRequest& options);

}  // namespace mteval
