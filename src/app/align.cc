#include "app/align.h"

#include <algorithm>

#include <mteval/error.h>
#include "common/output_file.h"
#include "corpus/line_reader.h"

namespace mteval {

namespace {

void WriteOrReturn(const AlignRequest& o, std::string* text) {
  if (o.output.empty()) return;
  WriteOutputFile(o.output, *text, o.force);
  text->clear();
}

std::string RunReseg(const AlignRequest& o) {
  std::vector<std::string> ref = ReadLines(o.ref_path);
  ResegResult r = Resegment(ref, JoinLines(ReadLines(o.hyp_path)), o.reseg);
  std::string out;
  for (const std::string& seg : r.segments) {
    out += seg;
    out += '\n';
  }
  WriteOrReturn(o, &out);
  return out;
}

std::string RunSentences(const AlignRequest& o) {
  std::vector<std::string> src = ReadLines(o.src_path);
  std::vector<std::string> tgt = ReadLines(o.tgt_path);
  if (o.split) {
    src = SplitSentences(src, o.src_lang);
    tgt = SplitSentences(tgt, o.tgt_lang);
  }
  SentenceAlignOptions so = o.sentences;
  if (!o.glossary_path.empty()) so.glossary = ParseGlossary(ReadFileBytes(o.glossary_path), o.glossary_path);
  std::string out = FormatBeads(AlignSentences(src, tgt, so), src, tgt, o.format);
  WriteOrReturn(o, &out);
  return out;
}

}  // namespace

void AlignRequest::Validate() const {
  auto need = [&](const std::string& value, const char* flag) {
    if (value.empty()) throw Error(ErrorKind::kUsage, "align " + mode + ": " + flag + " FILE is required");
  };
  if (mode == "reseg") {
    need(ref_path, "--ref");
    need(hyp_path, "--hyp");
    if (ref_path == "-") throw Error(ErrorKind::kUsage, "align reseg: --ref must be a file (only --hyp can be standard input)");
    reseg.Validate();
  } else if (mode == "sentences") {
    need(src_path, "--src");
    need(tgt_path, "--tgt");
    if (src_path == "-" && tgt_path == "-") {
      throw Error(ErrorKind::kUsage, "align sentences: --src and --tgt cannot both be standard input");
    }
    if (format != "tsv" && format != "jsonl") {
      throw Error(ErrorKind::kUsage, "argument -f/--format: invalid choice '" + format + "' (choose from tsv, jsonl)");
    }
    sentences.Validate();
  } else {
    throw Error(ErrorKind::kUsage, "align: unknown mode '" + mode + "' (choose reseg or sentences)");
  }
}

std::string RunAlign(const AlignRequest& options) {
  options.Validate();
  if (!options.output.empty()) CheckOutputTarget(options.output, options.force);
  return options.mode == "reseg" ? RunReseg(options) : RunSentences(options);
}
}  // namespace mteval
