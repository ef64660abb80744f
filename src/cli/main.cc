// mteval's command-line entry point: parses the subcommand, calls the
// library, prints results, and maps errors to exit codes. Nothing is printed
// to stdout unless the whole command succeeded.

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli/align_command.h"
#include "cli/compare_command.h"
#include "cli/cpu_probe.h"
#include "cli/huge_page_heap.h"
#include "common/cpu_features.h"
#include "cli/score_command.h"
#include "cli/terms_command.h"
#include "cli/tokenize_command.h"
#include <mteval/error.h>
#include <mteval/version.h>

namespace {

const char* kUsage =
    "usage: mteval <command> [options]\n\n"
    "commands:\n"
    "  score      score system outputs against references (sacreBLEU-compatible)\n"
    "  compare    write a multi-system comparison report (HTML, text, Markdown, LaTeX, CSV, JSON)\n"
    "  tokenize   print the tokens a BLEU tokenizer produces for standard input\n"
    "  terms      terminology metrics: term accuracy, consistency, forbidden terms, QA checks\n"
    "  align      re-segment a hypothesis (reseg) or align sentences of a translation (sentences)\n"
    "  version    print the version\n\n"
    "Run `mteval <command> --help` for the options of a command.\n";

int Run(const std::vector<std::string>& args) {
  if (args.empty()) {
    // A usage error: the usage goes with the other errors, to stderr.
    std::fputs(kUsage, stderr);
    return 2;
  }
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  const std::string& cmd = args[0];
  std::vector<std::string> rest(args.begin() + 1, args.end());
  bool wants_help = false;
  for (const auto& a : rest) wants_help = wants_help || a == "--help" || a == "-h";
  if (cmd == "version" || cmd == "--version" || cmd == "-V") {
    std::printf("mteval %s\n", mteval::kVersion);
    return 0;
  }
  if (cmd == "score") {
    // sacreBLEU's -h and -V, in whatever spelling the parser accepts.
    switch (mteval::ScoreInfoRequested(rest)) {
      case mteval::ScoreInfoRequest::kHelp:
        std::fputs(mteval::ScoreHelp().c_str(), stdout);
        return 0;
      case mteval::ScoreInfoRequest::kVersion:
        std::printf("mteval %s\n", mteval::kVersion);
        return 0;
      case mteval::ScoreInfoRequest::kNone:
        break;
    }
    mteval::ScoreRequest options = mteval::ParseScoreArgs(rest);
    // -sl prints lines as they are scored (the only output that does).
    options.stream_out = [](const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    mteval::CommandOutput out = mteval::RunScore(options);
    if (!options.quiet) {
      for (const auto& w : out.warnings) std::fprintf(stderr, "mteval: warning: %s\n", w.c_str());
    }
    std::fwrite(out.stdout_text.data(), 1, out.stdout_text.size(), stdout);
    return 0;
  }
  if (cmd == "compare") {
    if (wants_help) {
      std::fputs(mteval::CompareHelp().c_str(), stdout);
      return 0;
    }
    mteval::CompareRequest options = mteval::ParseCompareArgs(rest);
    mteval::ProgressCallback progress;
    if (!options.quiet && isatty(STDERR_FILENO)) {
      progress = [](const std::string& stage, size_t done, size_t total) {
        const int width = 30;
        int filled = total ? static_cast<int>(width * done / total) : width;
        std::fprintf(stderr, "\r\x1b[2K[%s%s] %s", std::string(filled, '#').c_str(),
                     std::string(width - filled, ' ').c_str(), stage.c_str());
        if (stage == "done") std::fputs("\r\x1b[2K", stderr);
        std::fflush(stderr);
      };
    }
    const bool color = !options.no_color && isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
    mteval::CompareOutput out;
    try {
      out = mteval::RunCompare(options, progress, color);
    } catch (...) {
      if (progress) std::fputs("\r\x1b[2K", stderr);  // leave no half-drawn bar before the error
      throw;
    }
    if (!options.quiet) {
      for (const auto& w : out.warnings) std::fprintf(stderr, "mteval: warning: %s\n", w.c_str());
    }
    std::fwrite(out.stdout_text.data(), 1, out.stdout_text.size(), stdout);
    return 0;
  }
  if (cmd == "tokenize") {
    if (wants_help) {
      std::fputs(mteval::TokenizeHelp().c_str(), stdout);
      return 0;
    }
    std::string text = mteval::RunTokenize(mteval::ParseTokenizeArgs(rest));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  if (cmd == "align") {
    if (wants_help) {
      std::fputs(mteval::AlignHelp().c_str(), stdout);
      return 0;
    }
    std::string text = mteval::RunAlign(mteval::ParseAlignArgs(rest));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  if (cmd == "terms") {
    if (wants_help) {
      std::fputs(mteval::TermsHelp().c_str(), stdout);
      return 0;
    }
    std::string text = mteval::RunTerms(mteval::ParseTermsArgs(rest));
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  throw mteval::Error(mteval::ErrorKind::kUsage, "unknown command '" + cmd + "' (commands: score, compare, terms, tokenize, align, version)");
}

}  // namespace

int main(int argc, char** argv) {
  mteval::UseHugePagesForHeap();
  mteval::internal::SetCpuHasAvx2(mteval::ProbeCpuHasAvx2());
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    int rc = Run(args);
    if (std::fflush(stdout) != 0) {
      std::fprintf(stderr, "mteval: error: cannot write to standard output\n");
      return 74;
    }
    return rc;
  } catch (const mteval::Error& e) {
    std::fprintf(stderr, "mteval: error: %s\n", e.what());
    return mteval::ExitCodeFor(e.kind());
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "mteval: error: out of memory\n");
    return 71;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mteval: internal error: %s\n", e.what());
    return 70;
  }
}
