#include "cli/align_command.h"

#include <algorithm>

#include "cli/arg_parser.h"
#include <mteval/error.h>

namespace mteval {
namespace {

ArgParser MakeAlignParser() {
  return ArgParser({
      {"ref", {"--ref", "-r"}, ArgKind::kValue, {}, "reseg: reference file, one segment a line"},
      {"hyp", {"--hyp"}, ArgKind::kValue, {}, "reseg: hypothesis file read as free text (- = standard input)"},
      {"band", {"--band"}, ArgKind::kValue, {}, "reseg: half-width of the DP band in words/CJK characters (300)"},
      {"cut_penalty", {"--cut-penalty"}, ArgKind::kValue, {}, "reseg: cost in edits of a cut not after a sentence end (1.5)"},
      {"start_penalty", {"--start-penalty"}, ArgKind::kValue, {}, "reseg: cost in edits of a cut before a lower-case word or punctuation (2)"},
      {"case_sensitive", {"--case-sensitive"}, ArgKind::kFlag, {}, "reseg: compare words case-sensitively"},
      {"src", {"--src"}, ArgKind::kValue, {}, "sentences: source text, one sentence (or paragraph with --split) a line"},
      {"tgt", {"--tgt"}, ArgKind::kValue, {}, "sentences: target text, likewise"},
      {"glossary", {"--glossary", "-g"}, ArgKind::kValue, {}, "sentences: glossary TSV, source term TAB target|variant|..."},
      {"split", {"--split"}, ArgKind::kFlag, {}, "sentences: split lines into sentences (ICU sentence breaks)"},
      {"src_lang", {"--src-lang"}, ArgKind::kValue, {}, "sentences: source locale for --split (e.g. zh)"},
      {"tgt_lang", {"--tgt-lang"}, ArgKind::kValue, {}, "sentences: target locale for --split (e.g. en)"},
      {"format", {"--format", "-f"}, ArgKind::kValue, {"tsv", "jsonl"}, "sentences: output format (default tsv)"},
      {"output", {"--output", "-o"}, ArgKind::kValue, {}, "write to FILE (atomically) instead of standard output"},
      {"force", {"--force"}, ArgKind::kFlag, {}, "overwrite an existing -o FILE (never an input)"},
      {"help", {"--help", "-h"}, ArgKind::kFlag, {}, "show this help"},
  }, "mteval align");
}

// "--cut-penalty" for dest "cut_penalty".
std::string FlagName(std::string dest) {
  std::replace(dest.begin(), dest.end(), '_', '-');
  return "--" + dest;
}

double PenaltyValue(const ParsedArgs& a, const std::string& dest, double fallback) {
  std::optional<double> v = a.Double(dest);
  return v ? *v : fallback;
}

}  // namespace

std::string AlignHelp() {
  return "usage: mteval align reseg --ref REF --hyp HYP [-o OUT] [options]\n"
         "       mteval align sentences --src SRC --tgt TGT [--glossary G] [--split] [-f tsv|jsonl] [-o OUT]\n\n"
         "reseg cuts the free-text hypothesis into the reference's segments by minimum word edit distance\n"
         "(mwerSegmenter); sentences aligns two texts that are not line-aligned (Gale-Church with anchors).\n\n" +
         MakeAlignParser().Help();
}

AlignRequest ParseAlignArgs(const std::vector<std::string>& args) {
  if (args.empty()) throw Error(ErrorKind::kUsage, "align: give a mode: reseg or sentences\n\n" + AlignHelp());
  AlignRequest o;
  o.mode = args[0];
  ParsedArgs a = MakeAlignParser().Parse(std::vector<std::string>(args.begin() + 1, args.end()));
  if (!a.positionals().empty()) {
    throw Error(ErrorKind::kUsage, "align: unexpected argument '" + a.positionals()[0] + "' (files go after --ref/--hyp or --src/--tgt)");
  }
  const bool reseg = o.mode == "reseg";
  for (const char* dest : {"ref", "hyp", "band", "cut_penalty", "start_penalty", "case_sensitive"}) {
    if (!reseg && a.Has(dest)) throw Error(ErrorKind::kUsage, "align " + o.mode + ": " + FlagName(dest) + " is an option of align reseg");
  }
  for (const char* dest : {"src", "tgt", "glossary", "split", "src_lang", "tgt_lang", "format"}) {
    if (reseg && a.Has(dest)) throw Error(ErrorKind::kUsage, "align reseg: " + FlagName(dest) + " is an option of align sentences");
  }
  o.ref_path = a.Value("ref").value_or("");
  o.hyp_path = a.Value("hyp").value_or("");
  o.reseg.band = a.Int("band", o.reseg.band);
  o.reseg.cut_penalty = PenaltyValue(a, "cut_penalty", o.reseg.cut_penalty);
  o.reseg.start_penalty = PenaltyValue(a, "start_penalty", o.reseg.start_penalty);
  o.reseg.case_sensitive = a.Flag("case_sensitive");
  o.src_path = a.Value("src").value_or("");
  o.tgt_path = a.Value("tgt").value_or("");
  o.glossary_path = a.Value("glossary").value_or("");
  o.split = a.Flag("split");
  o.src_lang = a.Value("src_lang").value_or("");
  o.tgt_lang = a.Value("tgt_lang").value_or("");
  o.format = a.Value("format").value_or("tsv");
  o.output = a.Value("output").value_or("");
  o.force = a.Flag("force");
  o.Validate();
  return o;
}

}  // namespace mteval
