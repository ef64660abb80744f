#include "app/score.h"

#include <algorithm>
#include <cctype>

#include "app/metric_setup.h"
#include <mteval/error.h>
#include "common/output_file.h"
#include "corpus/format_detect.h"
#include <mteval/align.h>
#include <mteval/stats.h>
#include "report/doc_scores_format.h"
#include <mteval/report.h>
#include "report/significance_table.h"
#include <mteval/scoring.h>
#include "score/sentence_stream.h"
#include "score/tsv_sentence_stream.h"
#include "tokenize/tokenizer.h"

namespace mteval {

// The -f choices, for the parser and for Validate (library callers).
const std::vector<std::string>& ScoreFormats() {
  static const std::vector<std::string> formats = {"json", "text", "latex", "jsonl"};
  return formats;
}

namespace {


std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// True when every input is a plain-text file (or stdin) and no loader
// option is set, so -sl can stream line by line.
bool IsPlainTextInput(const ScoreRequest& options, std::vector<std::string>* warnings) {
  if (!options.input.IsDefault() || options.per_doc) return false;
  // Pipes (`<(zcat ref.gz)`) cannot be read twice: those are loaded.
  if (!CanStreamSentenceStats(options.corpus)) return false;
  for (const std::string& path : options.corpus.ref_paths) {
    if (DetectFormat(path, options.input.ref_format, warnings) != CorpusFormat::kText) return false;
  }
  for (const std::string& path : options.corpus.hyp_paths) {
    if (DetectFormat(path, options.input.hyp_format, warnings) != CorpusFormat::kText) return false;
  }
  return true;
}

// One line of -sl output: text as sacreBLEU prints it (also with -f json,
// which sacreBLEU ignores at sentence level), the score alone with -b, or
// one compact JSON object with -f jsonl (mteval's own format).
std::string FormatSentenceLine(const MetricScore& s, const Signature& signature, const std::string& sig,
                               const ScoreRequest& options) {
  if (options.score_only) return FormatFixedWidth(s.score, options.width) + "\n";
  if (options.format == "jsonl") {
    std::string obj = FormatScoreJson(s, signature, options.width);
    // One compact object per line (JSON Lines).
    std::string compact;
    bool in_string = false, escaped = false;
    for (char c : obj) {
      if (in_string) {
        compact.push_back(c);
        if (escaped) escaped = false;
        else if (c == '\\') escaped = true;
        else if (c == '"') in_string = false;
      } else if (c == '"') {
        in_string = true;
        compact.push_back(c);
      } else if (c != '\n' && c != ' ') {
        compact.push_back(c);
        if (c == ':' || c == ',') compact.push_back(' ');
      }
    }
    return compact + "\n";
  }
  return FormatScoreText(s, sig, options.width) + "\n";
}

// sacreBLEU refuses to score a system output without lines ("contains no
// sentence", exit 1): there is nothing to score, and a 0.0 would hide it.
Error NoSegmentsError(const std::string& system) {
  return Error(ErrorKind::kInput, "'" + system + "' has no lines (nothing to score; sacreBLEU refuses it too)");
}

// -sl --stream: a TSV reference file scored in chunks, lines handed to
// options.stream_out as they are made (into stdout_text without it).
CommandOutput RunStreamedSentenceScores(const ScoreRequest& options) {
  CommandOutput out;
  const auto emit = [&](const std::string& text) {
    if (options.stream_out) {
      options.stream_out(text);
    } else {
      out.stdout_text += text;
    }
  };
  std::vector<std::string> warnings;
  const std::string& path = options.corpus.ref_paths[0];
  if (DetectFormat(path, options.input.ref_format, &warnings) != CorpusFormat::kTsv) {
    throw Error(ErrorKind::kUsage, "--stream reads a TSV file ('" + path + "' is not TSV; give --ref-format tsv if it is)");
  }
  StreamScoreOptions so;
  so.path = path;
  so.tsv.columns = options.input.ref_columns;
  so.tsv.columns.push_back(options.input.hyp_columns.at(0));
  so.tsv.header = options.input.tsv_header;
  so.num_refs = options.input.ref_columns.size();
  so.threads = EffectiveThreads(options.threads);
  std::unique_ptr<Metric> m = MakeMetric(options.metrics[0], options.metric_options);
  const Signature signature = m->GetSignature(static_cast<int>(so.num_refs));
  const std::string sig = signature.Format(options.short_signature);
  std::string buffer;
  ScoreTsvStream(*m, so, [&](const MetricScore& s, const std::string& /*hyp*/) {
    buffer += FormatSentenceLine(s, signature, sig, options);
    if (buffer.size() >= (1u << 16)) {
      emit(buffer);
      buffer.clear();
    }
  });
  emit(buffer);
  // No tokenized-period warning: sacreBLEU never gives it at sentence level.
  out.warnings.insert(out.warnings.end(), warnings.begin(), warnings.end());
  return out;
}

}  // namespace

void ScoreRequest::Validate() const {
  corpus.Validate();
  input.Validate();
  if (stream && (!sentence_level || corpus.ref_paths.size() != 1 || !corpus.hyp_paths.empty() ||
                 input.ref_columns.empty() || input.hyp_columns.size() != 1 || !stats_out.empty() || per_doc ||
                 !input.origlang.empty() || !input.subset.empty() || input.pairing == PairingMode::kId)) {
    throw Error(ErrorKind::kUsage, "--stream needs -sl, one TSV file with --ref-col and one --hyp-col, no -i, and none of "
                                   "--stats-out, --per-doc, --origlang, --subset, --align id");
  }
  if (per_doc && sentence_level) throw Error(ErrorKind::kUsage, "--per-doc cannot be combined with -sl/--sentence-level");
  if (format == "jsonl" && !sentence_level) {
    throw Error(ErrorKind::kUsage, "-f jsonl is for sentence-level scores (-sl); corpus scores are -f json, text or latex");
  }
  if (metrics.empty()) throw Error(ErrorKind::kUsage, "no metric given (-m)");
  if (width < 0 || width > 20) {
    throw Error(ErrorKind::kUsage, "argument -w/--width: " + std::to_string(width) + " is out of range (0 to 20)");
  }
  const std::vector<std::string>& formats = ScoreFormats();
  std::string choices;
  for (const std::string& f : formats) choices += (choices.empty() ? "" : ", ") + f;
  if (std::find(formats.begin(), formats.end(), format) == formats.end()) {
    throw Error(ErrorKind::kUsage,
                "argument -f/--format: invalid choice '" + format + "' (choose from " + choices + ")");
  }
  significance.Validate(corpus.hyp_paths.size(), sentence_level);
  if (!langpair.empty()) {
    size_t dash = langpair.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 == langpair.size()) {
      throw Error(ErrorKind::kUsage, "argument -l/--language-pair: expected SRC-TGT such as en-de, got '" + langpair + "'");
    }
  }
  if (sentence_level && metrics.size() > 1) {
    throw Error(ErrorKind::kUsage, "only one metric can be used in sentence-level mode (-sl)");
  }
  if (sentence_level && corpus.hyp_paths.size() > 1) {
    throw Error(ErrorKind::kUsage, "only one system can be evaluated in sentence-level mode (-sl)");
  }
  ValidateThreads(threads);
  // Each metric validates its own options; build them once to check.
  MetricOptions mo = metric_options;
  for (const std::string& id : metrics) MakeMetric(id, mo);
}

CommandOutput RunScore(const ScoreRequest& options_in) {
  ScoreRequest options = options_in;
  options.Validate();
  // Refuse the output before any work when it would be refused anyway.
  if (!options.stats_out.empty()) CheckOutputTarget(options.stats_out, options.force);
  if (!options.langpair.empty()) {
    options.metric_options.bleu.trg_lang = LangPairTarget(options.langpair);
  }
  if (options.sentence_level) options.metric_options.bleu.effective_order = true;

  if (options.stream) return RunStreamedSentenceScores(options);
  CommandOutput out;
  if (options.sentence_level && options.stats_out.empty() && !options.reseg && IsPlainTextInput(options, &out.warnings)) {
    // Streaming: memory bounded by the longest line, not the file. sacreBLEU
    // prints one line per segment and no corpus line, and never its
    // tokenized-period warning here (it counts per sentence_score call).
    std::unique_ptr<Metric> m = MakeMetric(options.metrics[0], options.metric_options);
    const int num_refs = options.corpus.num_refs > 1 ? options.corpus.num_refs
                                                     : static_cast<int>(options.corpus.ref_paths.size());
    const Signature signature = m->GetSignature(num_refs);
    const std::string sig = signature.Format(options.short_signature);
    SentenceStreamOptions so;
    so.corpus = options.corpus;
    so.threads = EffectiveThreads(options.threads);
    std::string line;
    uint64_t lines = 0;
    StreamSentenceStats(*m, so, [&](uint64_t, const int64_t* stats) {
      line = FormatSentenceLine(m->Score(stats), signature, sig, options);
      ++lines;
      if (options.stream_out) {
        options.stream_out(line);
      } else {
        out.stdout_text += line;
      }
    });
    if (lines == 0) {
      throw NoSegmentsError(options.corpus.hyp_paths.empty() ? "standard input" : options.corpus.hyp_paths[0]);
    }
    return out;
  }
  LoadedCorpus loaded;
  if (options.reseg) {
    // Re-segmented outputs are plain text cut to the reference's lines.
    loaded.corpus = LoadResegmentedCorpus(options.corpus);
  } else {
    loaded = LoadCorpus(options.corpus, options.input);
  }
  out.warnings = loaded.warnings;
  const TextCorpus& corpus = loaded.corpus;
  if (corpus.num_segments() == 0) {
    throw NoSegmentsError(corpus.system_names.empty() ? "standard input" : corpus.system_names[0]);
  }
  const int num_refs = static_cast<int>(corpus.refs.size());
  if (options.sentence_level && corpus.systems.size() > 1) {
    throw Error(ErrorKind::kUsage, "only one system can be evaluated in sentence-level mode (-sl)");
  }

  // sacreBLEU's warning for tokenized-looking output (never at sentence
  // level, where sacreBLEU counts one sentence at a time).
  if (!options.force && !options.sentence_level) {
    for (const auto& sys : corpus.systems) {
      size_t tokenized = 0;
      for (std::string_view line : sys) {
        tokenized += line.size() >= 2 && line.compare(line.size() - 2, 2, " .") == 0;
      }
      if (tokenized >= 100 && std::find(options.metrics.begin(), options.metrics.end(), "bleu") != options.metrics.end()) {
        out.warnings.push_back("That's " + std::to_string(tokenized) +
                               " lines that end in a tokenized period ('.'). It looks like you forgot to "
                               "detokenize your test data, which may hurt your score. Use --force to "
                               "suppress this message.");
        break;
      }
    }
  }

  // sacreBLEU prints metrics sorted by their upper-case names.
  std::vector<std::string> ids = options.metrics;
  std::sort(ids.begin(), ids.end(), [](const std::string& x, const std::string& y) { return Lower(x) < Lower(y); });
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

  CorpusScorerOptions scorer_options;
  scorer_options.threads = EffectiveThreads(options.threads);

  std::vector<std::unique_ptr<Metric>> metrics;
  std::vector<std::vector<StatsMatrix>> stats;  // [metric][system]
  for (const std::string& id : ids) {
    metrics.push_back(MakeMetric(id, options.metric_options));
    stats.push_back(ComputeSegmentStats(*metrics.back(), corpus, scorer_options));
  }

  // sacreBLEU's -d: its detail would break JSON, so json becomes text.
  if (options.detail && options.format == "json" && !options.sentence_level) options.format = "text";
  std::string& text = out.stdout_text;
  const bool json = options.format == "json";
  if (options.significance.Any()) {
    // Paired tables keep the -m order (sacreBLEU's dict order); single-system
    // lines are sorted like plain scores.
    SignificanceOutputInput in;
    for (const std::string& id : options.significance.Paired() ? options.metrics : ids) {
      const size_t k = static_cast<size_t>(std::find(ids.begin(), ids.end(), id) - ids.begin());
      if (k == ids.size() || std::find(in.metrics.begin(), in.metrics.end(), metrics[k].get()) != in.metrics.end()) continue;
      in.metrics.push_back(metrics[k].get());
      in.stats.push_back(&stats[k]);
    }
    in.system_names = corpus.system_names;
    in.from_stdin = options.corpus.hyp_paths.empty();
    in.num_refs = num_refs;
    in.format = options.format;
    in.width = options.width;
    in.score_only = options.score_only;
    in.short_signature = options.short_signature;
    text = RunSignificanceOutput(options.significance, in);
  } else if (options.sentence_level) {
    const Metric& m = *metrics[0];
    const std::string sig = m.GetSignature(num_refs).Format(options.short_signature);
    const Signature signature = m.GetSignature(num_refs);
    for (size_t i = 0; i < corpus.num_segments(); ++i) {
      text += FormatSentenceLine(m.Score(stats[0][0].Row(i)), signature, sig, options);
    }
  } else if (corpus.systems.size() == 1) {
    std::vector<std::string> results;
    for (size_t k = 0; k < metrics.size(); ++k) {
      MetricScore s = metrics[k]->Score(stats[k][0].Sum().data());
      Signature sig = metrics[k]->GetSignature(num_refs);
      // sacreBLEU's -b wins over -f json: the bare scores, in a JSON-like
      // list when there are several.
      if (options.score_only) {
        results.push_back(FormatFixedWidth(s.score, options.width));
      } else if (json) {
        results.push_back(FormatScoreJson(s, sig, options.width));
      } else {
        results.push_back(FormatScoreText(s, sig.Format(options.short_signature), options.width));
      }
    }
    text = json ? JoinJsonObjects(results) + "\n" : AlignScoreLines(results);
  } else {
    // Several systems: sacreBLEU's table (JSON, fancy_grid text or LaTeX).
    SystemsTable table;
    table.systems = corpus.system_names;
    for (size_t k = 0; k < metrics.size(); ++k) {
      table.metric_names.push_back(metrics[k]->Name());
      table.signatures.push_back(metrics[k]->GetSignature(num_refs).Format(options.short_signature));
      std::vector<double> scores;
      for (size_t s = 0; s < corpus.systems.size(); ++s) scores.push_back(metrics[k]->Score(stats[k][s].Sum().data()).score);
      table.scores.push_back(scores);
    }
    text = FormatSystemsTable(table, options.format, options.width);
  }
  // sacreBLEU's -d splits a downloaded test set by origlang and domain; on
  // files it has no such information and says so, on stdout.
  // With --origlang or --subset mteval has the information (sacreBLEU
  // refuses those without a test set), so there is no note.
  if (options.detail && corpus.systems.size() == 1 && !options.sentence_level && options.input.origlang.empty() &&
      options.input.subset.empty()) {
    text += "No subset information found. Consider using --origlang argument.\n";
  }

  if (options.per_doc) {
    const std::vector<DocScore> docs = ScoreDocuments(metrics, stats, loaded.doc_ids);
    if (json) {
      if (!text.empty() && text.back() == '\n') text.pop_back();
      text = "{\n\"corpus\": " + text + ",\n\"documents\": " +
             FormatDocScoresJson(docs, corpus.system_names, options.width) + "\n}\n";
    } else {
      text += "\nPer-document scores:\n" + FormatDocScoresText(docs, corpus.system_names, options.width);
    }
  }

  if (!options.stats_out.empty()) {
    std::vector<StatsRecord> records;
    for (size_t k = 0; k < metrics.size(); ++k) {
      for (size_t s = 0; s < corpus.systems.size(); ++s) {
        StatsRecord r;
        r.metric = metrics[k]->Id();
        r.signature = metrics[k]->GetSignature(num_refs).Format(false);
        r.system = corpus.system_names[s];
        r.totals = stats[k][s].Sum();
        r.segments = std::move(stats[k][s]);  // the last use: not copied
        r.num_segments = corpus.num_segments();
        records.push_back(std::move(r));
      }
    }
    WriteOutputFile(options.stats_out, StatsToJson(records, true), options.force);
  }
  return out;
}
}  // namespace mteval
