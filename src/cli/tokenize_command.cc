#include "cli/tokenize_command.h"

#include "cli/arg_parser.h"
#include <mteval/error.h>
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

ArgParser MakeParser() {
  return ArgParser({
      {"tokenize", {"--tokenize", "-tok"}, ArgKind::kValue, {}, "tokenizer name (default 13a)"},
      {"lowercase", {"--lowercase", "-lc"}, ArgKind::kFlag, {}, "lowercase first"},
      {"input", {"--input", "-i"}, ArgKind::kValue, {}, "input file (default: standard input)"},
  }, "mteval tokenize");
}

}  // namespace

std::string TokenizeHelp() { return "usage: mteval tokenize [-tok NAME] [-lc] [-i FILE]\n\n" + MakeParser().Help(); }

TokenizeRequest ParseTokenizeArgs(const std::vector<std::string>& args) {
  ParsedArgs a = MakeParser().Parse(args);
  if (!a.positionals().empty()) {
    throw Error(ErrorKind::kUsage, "unexpected argument '" + a.positionals()[0] + "' (use -i FILE)");
  }
  TokenizeRequest o;
  o.tokenizer = a.Value("tokenize").value_or("13a");
  o.lowercase = a.Flag("lowercase");
  o.input = a.Value("input").value_or("-");
  o.Validate();
  return o;
}

}  // namespace mteval
