#include "cli/terms_command.h"

#include "cli/arg_parser.h"
#include <mteval/error.h>

namespace mteval {
namespace {

ArgParser MakeParser() {
  return ArgParser({
      {"src", {"--src", "-s"}, ArgKind::kValue, {},
       "source file: WMT/NIST SGML or text, one segment per line (without it, only the release checks run)"},
      {"ref", {"--ref", "-r"}, ArgKind::kValue, {}, "reference file (optional), same formats"},
      {"hyp", {"--hyp", "-i"}, ArgKind::kValue, {}, "hypothesis (system output), same formats"},
      {"glossary", {"--glossary", "-g"}, ArgKind::kValue, {}, "glossary: .tsv, .csv or .tbx"},
      {"src_lang", {"--src-lang", "-sl"}, ArgKind::kValue, {}, "source language code (default: from SGML/glossary)"},
      {"tgt_lang", {"--tgt-lang", "-tl"}, ArgKind::kValue, {}, "target language code (default: from SGML/glossary)"},
      {"stem", {"--stem"}, ArgKind::kFlag, {}, "also match Snowball-stemmed target words (inflections)"},
      {"no_qa", {"--no-qa"}, ArgKind::kFlag, {}, "skip the QA checks"},
      {"no_release_checks", {"--no-release-checks"}, ArgKind::kFlag, {},
       "skip the monolingual release checks (acronyms, term variants, repeats, quotes, number formats)"},
      {"min_confidence", {"--min-confidence"}, ArgKind::kValue, {},
       "report release-check findings at least this sure, 0 to 1 (default 0.5; lower finds more)"},
      {"allow_empty_glossary", {"--allow-empty-glossary"}, ArgKind::kFlag, {},
       "report a glossary without entries as nothing checked (by default it is an error, exit 3)"},
      {"term_cost", {"--term-edit-cost"}, ArgKind::kValue, {}, "TERm cost of an edit on a term word (default 2)"},
      {"format", {"--format", "-f"}, ArgKind::kValue, {"json", "text"}, "output format (default json)"},
      {"output", {"--output", "-o"}, ArgKind::kValue, {}, "write the report to FILE (atomically) instead of stdout"},
      {"force", {"--force"}, ArgKind::kFlag, {}, "overwrite an existing --output file"},
  }, "mteval terms");
}

}  // namespace

std::string TermsHelp() {
  return "usage: mteval terms [--src SRC] --hyp HYP [--ref REF] [--glossary FILE] [options]\n\n" + MakeParser().Help();
}

TermsRequest ParseTermsArgs(const std::vector<std::string>& args) {
  ParsedArgs a = MakeParser().Parse(args);
  if (!a.positionals().empty())
    throw Error(ErrorKind::kUsage, "unexpected argument '" + a.positionals()[0] + "' (use --src/--ref/--hyp FILE)");
  TermsRequest o;
  o.inputs.src_path = a.Value("src").value_or("");
  o.inputs.ref_path = a.Value("ref").value_or("");
  o.inputs.hyp_path = a.Value("hyp").value_or("");
  o.inputs.glossary_path = a.Value("glossary").value_or("");
  o.inputs.src_lang = a.Value("src_lang").value_or("");
  o.inputs.tgt_lang = a.Value("tgt_lang").value_or("");
  o.terms.stem = a.Flag("stem");
  o.terms.qa = !a.Flag("no_qa");
  o.terms.release_checks = !a.Flag("no_release_checks");
  o.terms.min_confidence = a.Double("min_confidence").value_or(0.5);
  o.terms.allow_empty_glossary = a.Flag("allow_empty_glossary");
  o.terms.term_edit_cost = a.Int("term_cost", 2);
  o.format = a.Value("format").value_or("json");
  o.output = a.Value("output").value_or("");
  o.force = a.Flag("force");
  o.Validate();
  return o;
}

}  // namespace mteval
