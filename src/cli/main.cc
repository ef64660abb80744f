// mteval's command-line entry point: parses the subcommand, calls the
// library, prints results, and maps errors to exit codes. Nothing is printed
// to stdout unless the whole command succeeded.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/score_command.h"
#include "cli/tokenize_command.h"
#include "common/error.h"
#include "common/version.h"

namespace {

const char* kUsage =
    "usage: mteval <command> [options]\n\n"
    "commands:\n"
    "  score      score system outputs against references (sacreBLEU-compatible)\n"
    "  tokenize   print the tokens a BLEU tokenizer produces for standard input\n"
    "  version    print the version\n\n"
    "Run `mteval <command> --help` for the options of a command.\n";

int Run(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, stdout);
    return args.empty() ? 2 : 0;
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
    if (wants_help) {
      std::fputs(mteval::ScoreHelp().c_str(), stdout);
      return 0;
    }
    mteval::ScoreCommandOptions options = mteval::ParseScoreArgs(rest);
    // -sl prints lines as they are scored (the only output that does).
    options.stream_out = [](const std::string& text) { std::fwrite(text.data(), 1, text.size(), stdout); };
    mteval::CommandOutput out = mteval::RunScore(options);
    bool quiet = false;
    for (const auto& a : rest) quiet = quiet || a == "-q" || a == "--quiet";
    if (!quiet) {
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
  throw mteval::Error(mteval::ErrorKind::kUsage, "unknown command '" + cmd + "' (commands: score, tokenize, version)");
}

}  // namespace

int main(int argc, char** argv) {
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
