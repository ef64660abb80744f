#include "cli/score_command.h"

#include <algorithm>
#include <cctype>

#include "cli/arg_parser.h"
#include "cli/metric_flags.h"
#include "cli/significance_output.h"
#include <mteval/error.h>
#include "corpus/format_detect.h"
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

ArgParser MakeScoreParser() {
  std::vector<ArgSpec> specs = {
      {"input", {"--input", "-i"}, ArgKind::kList, {}, "system output files (default: standard input)"},
      {"metrics", {"--metrics", "-m"}, ArgKind::kList, AvailableMetrics(), "metrics to compute (default: bleu)"},
      {"num_refs", {"--num-refs", "-nr"}, ArgKind::kValue, {}, "tab-separated references per line of one file"},
      {"langpair", {"--language-pair", "-l"}, ArgKind::kValue, {}, "SRC-TGT; selects the default tokenizer"},
      {"sentence_level", {"--sentence-level", "-sl"}, ArgKind::kFlag, {}, "score each segment"},
      {"force", {"--force"}, ArgKind::kFlag, {}, "accept tokenized-looking input; overwrite --stats-out"},
      {"terms_glossary", {"--terms-glossary"}, ArgKind::kValue, {}, "-m terms: glossary file (.tsv, .csv, .tbx)"},
      {"terms_stem", {"--terms-stem"}, ArgKind::kFlag, {}, "-m terms: Snowball-stemmed matching"},
      {"format", {"--format", "-f"}, ArgKind::kValue, ScoreFormats(),
       "output format (default json; jsonl: with -sl, one JSON object per segment)"},
      {"width", {"--width", "-w"}, ArgKind::kValue, {}, "decimals in scores (default 1)"},
      {"score_only", {"--score-only", "-b"}, ArgKind::kFlag, {}, "print only the score"},
      {"short", {"--short", "-sh"}, ArgKind::kFlag, {}, "short signatures"},
      {"quiet", {"--quiet", "-q"}, ArgKind::kFlag, {}, "no warnings"},
      {"no_color", {"--no-color", "-nc"}, ArgKind::kFlag, {}, "accepted for compatibility"},
      {"encoding", {"--encoding", "-e"}, ArgKind::kValue, {"utf-8", "utf8", "UTF-8"}, "input encoding (UTF-8 only)"},
      {"stats_out", {"--stats-out"}, ArgKind::kValue, {}, "write per-segment statistics (JSON) to FILE"},
      {"input_format", {"--input-format"}, ArgKind::kValue, FormatNames(), "format of every input file (default auto)"},
      {"ref_format", {"--ref-format"}, ArgKind::kValue, FormatNames(), "format of the reference files"},
      {"hyp_format", {"--hyp-format"}, ArgKind::kValue, FormatNames(), "format of the system output files"},
      {"ref_col", {"--ref-col"}, ArgKind::kList, {}, "TSV columns / JSONL fields holding references"},
      {"hyp_col", {"--hyp-col"}, ArgKind::kList, {}, "TSV columns / JSONL fields holding system outputs"},
      {"src_col", {"--src-col"}, ArgKind::kValue, {}, "TSV column / JSONL field holding the source"},
      {"doc_col", {"--doc-col"}, ArgKind::kValue, {}, "TSV column / JSONL field holding document ids"},
      {"seg_col", {"--seg-col"}, ArgKind::kValue, {}, "TSV column / JSONL field holding segment ids"},
      {"tsv_header", {"--tsv-header"}, ArgKind::kFlag, {}, "the first TSV line is a header"},
      {"align", {"--align"}, ArgKind::kValue, {"line", "id"},
       "pair segments by position or by doc/seg id (default: by id when every file carries ids, else by line)"},
      {"allow_missing", {"--allow-missing"}, ArgKind::kFlag, {}, "with --align id: skip (and report) unmatched segments"},
      {"translator", {"--translator"}, ArgKind::kValue, {}, "WMT XML: use only this reference translator"},
      {"target_lang", {"--target-lang"}, ArgKind::kValue, {}, "TMX: language of references and outputs"},
      {"origlang", {"--origlang", "-ol"}, ArgKind::kValue, {}, "score documents whose original language is xx (or non-xx)"},
      {"subset", {"--subset"}, ArgKind::kValue, {}, "score documents whose id or domain matches REGEX"},
      {"per_doc", {"--per-doc"}, ArgKind::kFlag, {}, "also print one score per document"},
      {"stream", {"--stream"}, ArgKind::kFlag, {}, "with -sl: score a TSV file in chunks, printing as it goes"},
      {"reseg", {"--reseg"}, ArgKind::kFlag, {}, "read system outputs as free text and re-segment them to the reference"},
      {"detail", {"--detail", "-d"}, ArgKind::kFlag, {}, "sacreBLEU's per-origlang detail (test sets only; see --origlang, --per-doc)"},
      // sacreBLEU's test-set options, recognised so that the error can say
      // what to do instead (mteval downloads nothing).
      {"test_set", {"--test-set", "-t"}, ArgKind::kValue, {}, "not supported: mteval downloads no test sets; pass reference files"},
      {"echo", {"--echo"}, ArgKind::kList, {}, "not supported (test sets)"},
      {"list", {"--list"}, ArgKind::kFlag, {}, "not supported (test sets)"},
      {"citation", {"--citation", "--cite"}, ArgKind::kFlag, {}, "not supported (test sets)"},
      {"download", {"--download"}, ArgKind::kValue, {}, "not supported (test sets)"},
      {"version", {"--version", "-V"}, ArgKind::kFlag, {}, "print the version and exit", true},
      {"help", {"--help", "-h"}, ArgKind::kFlag, {}, "show this help", true},
  };
  // The metric flags shared with `mteval compare`, after -sl as before.
  std::vector<ArgSpec> metric = MetricArgSpecs();
  const auto after_sl = std::find_if(specs.begin(), specs.end(), [](const ArgSpec& a) { return a.dest == "sentence_level"; });
  specs.insert(after_sl + 1, metric.begin(), metric.end());
  specs.insert(specs.end() - 1, ThreadsArgSpec());  // before --help
  for (ArgSpec& spec : SignificanceArgSpecs()) specs.push_back(std::move(spec));
  return ArgParser(std::move(specs), "mteval score");
}

// Built once per process: its specs are a hundred options with their names,
// choices and help, and main asks for -h/-V before the full parse.
const ArgParser& ScoreParser() {
  static const ArgParser parser = MakeScoreParser();
  return parser;
}

}  // namespace

std::string ScoreHelp() {
  return "usage: mteval score REF [REF...] [-i HYP [HYP...]] [-m bleu chrf ter] [options]\n\n" + ScoreParser().Help();
}

ScoreInfoRequest ScoreInfoRequested(const std::vector<std::string>& args) {
  const ParsedArgs a = ScoreParser().Parse(args);
  if (a.Flag("help")) return ScoreInfoRequest::kHelp;
  if (a.Flag("version")) return ScoreInfoRequest::kVersion;
  return ScoreInfoRequest::kNone;
}

ScoreRequest ParseScoreArgs(const std::vector<std::string>& args) {
  ParsedArgs a = ScoreParser().Parse(args);
  if (a.Flag("help")) throw Error(ErrorKind::kUsage, ScoreHelp());
  for (const char* dest : {"test_set", "echo", "list", "citation", "download"}) {
    if (a.Has(dest)) {
      throw Error(ErrorKind::kUsage,
                  "argument " + a.FlagName(dest) +
                      ": mteval does not download or bundle test sets. Write the references once with sacreBLEU, "
                      "`sacrebleu -t TEST -l SRC-TGT --echo ref > REF` (`sacrebleu -t TEST -l SRC-TGT --list` "
                      "names the reference fields: `--echo ref:B` picks one, and a test set may be scored "
                      "against several), then run `mteval score REF -l SRC-TGT -i HYP`");
    }
  }
  ScoreRequest o;
  o.corpus.ref_paths = a.positionals();
  o.corpus.hyp_paths = a.List("input");
  if (a.Has("input") && o.corpus.hyp_paths.empty()) {
    throw Error(ErrorKind::kUsage, "argument -i/--input: expected at least one file");
  }
  o.corpus.num_refs = a.Int("num_refs", 1);
  if (a.Has("metrics")) {
    o.metrics = a.List("metrics");
    if (o.metrics.empty()) throw Error(ErrorKind::kUsage, "argument -m/--metrics: expected at least one metric");
  }
  o.langpair = a.Value("langpair").value_or("");
  o.sentence_level = a.Flag("sentence_level");

  ReadMetricArgs(a, &o.metric_options);

  o.metric_options.terms.glossary = a.Value("terms_glossary").value_or("");
  o.metric_options.terms.stem = a.Flag("terms_stem");

  if (a.Value("format")) o.format = *a.Value("format");
  o.width = a.Int("width", 1);
  o.score_only = a.Flag("score_only");
  o.short_signature = a.Flag("short");
  o.detail = a.Flag("detail");
  o.quiet = a.Flag("quiet");
  o.force = a.Flag("force");
  o.stats_out = a.Value("stats_out").value_or("");
  o.threads = ReadThreadsArg(a);
  o.significance = ParseSignificanceArgs(a);
  CorpusLoadOptions& in = o.input;
  in.ref_format = a.Value("ref_format").value_or(a.Value("input_format").value_or("auto"));
  in.hyp_format = a.Value("hyp_format").value_or(a.Value("input_format").value_or("auto"));
  in.ref_columns = a.List("ref_col");
  in.hyp_columns = a.List("hyp_col");
  in.src_column = a.Value("src_col").value_or("");
  in.doc_column = a.Value("doc_col").value_or("");
  in.seg_column = a.Value("seg_col").value_or("");
  in.tsv_header = a.Flag("tsv_header");
  if (a.Value("align")) in.pairing = *a.Value("align") == "id" ? PairingMode::kId : PairingMode::kLine;
  in.allow_missing = a.Flag("allow_missing");
  in.translator = a.Value("translator").value_or("");
  in.target_lang = a.Value("target_lang").value_or("");
  in.origlang = a.Value("origlang").value_or("");
  in.subset = a.Value("subset").value_or("");
  o.per_doc = a.Flag("per_doc");
  o.stream = a.Flag("stream");
  o.reseg = a.Flag("reseg");
  o.Validate();
  return o;
}

}  // namespace mteval
