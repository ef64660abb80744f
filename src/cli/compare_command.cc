#include "cli/compare_command.h"

#include <algorithm>

#include "cli/arg_parser.h"
#include "cli/metric_flags.h"
#include "cli/significance_output.h"
#include <mteval/error.h>
#include <mteval/corpus.h>
#include "corpus/format_detect.h"
#include <mteval/report.h>
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

ArgParser MakeCompareParser() {
  std::vector<std::string> formats = ReportFormats();
  std::vector<ArgSpec> specs({
      {"input", {"--input", "-i"}, ArgKind::kList, {}, "system output files; the first is the baseline"},
      {"src", {"--src", "--source"}, ArgKind::kValue, {}, "source file, text or SGML (examples, terminology)"},
      {"doc_ids", {"--doc-ids"}, ArgKind::kValue, {}, "file with one document id per line (default: the input format's documents)"},
      {"glossary", {"--glossary", "-g"}, ArgKind::kValue, {}, "glossary (.tsv, .csv, .tbx): terminology section (needs --src) and -m terms"},
      {"terms_stem", {"--terms-stem"}, ArgKind::kFlag, {}, "terminology: Snowball-stemmed matching of target words"},
      {"names", {"--names"}, ArgKind::kList, {}, "display names of the systems (default: from the file names)"},
      {"metrics", {"--metrics", "-m"}, ArgKind::kList, AvailableMetrics(), "metrics (default: bleu chrf); the first ranks"},
      {"output", {"--output", "-o"}, ArgKind::kValue, {}, "report file (default: standard output)"},
      {"format", {"--format", "-f"}, ArgKind::kValue, formats, "report format (default: from -o's extension, else html; text on stdout)"},
      {"title", {"--title"}, ArgKind::kValue, {}, "report title"},
      {"num_refs", {"--num-refs", "-nr"}, ArgKind::kValue, {}, "tab-separated references per line of one file"},
      {"langpair", {"--language-pair", "-l"}, ArgKind::kValue, {}, "SRC-TGT; selects the default BLEU tokenizer"},
      {"width", {"--width", "-w"}, ArgKind::kValue, {}, "decimals in scores (default 1)"},
      {"examples", {"--examples"}, ArgKind::kValue, {}, "number of examples where systems differ most (default 50)"},
      {"force", {"--force"}, ArgKind::kFlag, {}, "overwrite an existing report file"},
      {"quiet", {"--quiet", "-q"}, ArgKind::kFlag, {}, "no warnings, no progress bar"},
      {"no_color", {"--no-color", "-nc"}, ArgKind::kFlag, {}, "no colours in the text format"},
      {"no_significance", {"--no-significance"}, ArgKind::kFlag, {}, "no confidence intervals, tests or clusters"},
      {"release_checks", {"--release-checks"}, ArgKind::kFlag, {},
       "add a release-checks section (monolingual term and typography checks of each output)"},
      {"min_confidence", {"--min-confidence"}, ArgKind::kValue, {},
       "release checks: report findings at least this sure, 0 to 1 (default 0.5)"},
      {"help", {"--help", "-h"}, ArgKind::kFlag, {}, "show this help"},
  });
  // The metric flags and --threads of `mteval score`, after -l.
  std::vector<ArgSpec> metric = MetricArgSpecs();
  metric.push_back(ThreadsArgSpec());
  const auto after_l = std::find_if(specs.begin(), specs.end(), [](const ArgSpec& a) { return a.dest == "langpair"; });
  specs.insert(after_l + 1, metric.begin(), metric.end());
  // The paired-test flags of `mteval score` (not its single-system -ci).
  for (ArgSpec& spec : SignificanceArgSpecs()) {
    if (spec.dest == "confidence" || spec.dest == "confidence_n") continue;
    if (spec.dest == "paired_bs") spec.help = "paired bootstrap test against the first system (the default)";
    specs.insert(specs.end() - 1, spec);
  }
  return ArgParser(specs, "mteval compare");
}

}  // namespace

std::string CompareHelp() {
  return "usage: mteval compare REF [REF...] -i SYS1 SYS2 ... [--src SRC] [--glossary G] [-m bleu chrf ter]\n"
         "                      [-o report.html] [--paired-bs|--paired-ar|--no-significance]\n"
         "                      [--format html|text|md|latex|csv|tsv|json] [--force] [options]\n\n" +
         MakeCompareParser().Help();
}

CompareRequest ParseCompareArgs(const std::vector<std::string>& args) {
  ParsedArgs a = MakeCompareParser().Parse(args);
  if (a.Flag("help")) throw Error(ErrorKind::kUsage, CompareHelp());
  CompareRequest o;
  o.corpus.ref_paths = a.positionals();
  o.corpus.hyp_paths = a.List("input");
  o.corpus.num_refs = a.Int("num_refs", 1);
  if (a.Has("metrics")) o.metrics = a.List("metrics");
  o.langpair = a.Value("langpair").value_or("");
  o.src_path = a.Value("src").value_or("");
  o.doc_ids_path = a.Value("doc_ids").value_or("");
  o.glossary_path = a.Value("glossary").value_or("");
  o.terms_stem = a.Flag("terms_stem");
  o.metric_options.terms.glossary = o.glossary_path;
  o.metric_options.terms.stem = o.terms_stem;
  o.names = a.List("names");
  o.output = a.Value("output").value_or("");
  o.format = a.Value("format").value_or("");
  o.title = a.Value("title").value_or(o.title);
  ReadMetricArgs(a, &o.metric_options);
  o.width = a.Int("width", 1);
  o.num_examples = a.Int("examples", 50);
  o.threads = ReadThreadsArg(a);
  o.force = a.Flag("force");
  o.quiet = a.Flag("quiet");
  o.no_color = a.Flag("no_color");
  o.significance = !a.Flag("no_significance");
  o.release_checks = a.Flag("release_checks");
  o.release_min_confidence = a.Double("min_confidence").value_or(0.5);
  // The paired bootstrap is the default test; none runs with --no-significance.
  o.tests = ParseSignificanceArgs(a, o.significance);
  if (!o.significance && (a.Flag("paired_bs") || a.Flag("paired_ar"))) {
    throw Error(ErrorKind::kUsage, "argument --no-significance: not allowed with --paired-bs/--paired-ar");
  }
  o.Validate();
  return o;
}

}  // namespace mteval
