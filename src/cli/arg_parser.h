#pragma once
// A small argparse-like command-line parser: long and short names, boolean
// flags, single values and argparse's nargs='*'/'+' lists, positionals.
// As in Python's argparse (so that sacreBLEU command lines work): a unique
// prefix of an option name selects it (--tok -> --tokenize; a single-dash
// argument also selects the single-dash names it begins, and a one-letter
// name with the rest as its value: so with both -t and -tok, -to is
// ambiguous, as in sacreBLEU), `NAME=VALUE` works for every name, a one-letter option
// takes an attached value (-w3, -mchrf), one-letter flags combine (-bq), and
// `--` makes every later argument positional. Errors throw Error(kUsage)
// naming the flag.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace mteval {

enum class ArgKind { kFlag, kValue, kList };

struct ArgSpec {
  std::string dest;                  // key in ParsedArgs
  std::vector<std::string> names;    // e.g. {"--tokenize", "-tok"}
  ArgKind kind = ArgKind::kFlag;
  std::vector<std::string> choices;  // allowed values (empty = any)
  std::string help;
  // argparse's help and version actions: parsing stops where the flag is
  // read, so later arguments (even bad ones) do not matter.
  bool stops_parsing = false;
};

class ParsedArgs {
 public:
  bool Flag(const std::string& dest) const { return flags_.count(dest) > 0; }
  bool Has(const std::string& dest) const { return values_.count(dest) > 0 || Flag(dest); }
  std::optional<std::string> Value(const std::string& dest) const;
  std::vector<std::string> List(const std::string& dest) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  // The spelling the user gave for `dest` (e.g. "-t"), or `dest` itself.
  std::string FlagName(const std::string& dest) const {
    auto it = flag_names_.find(dest);
    return it == flag_names_.end() ? dest : it->second;
  }

  // Value of `dest` as an int/double, or `fallback`; a bad number throws
  // Error(kUsage) naming the flag.
  int Int(const std::string& dest, int fallback) const;
  std::optional<double> Double(const std::string& dest) const;

 private:
  friend class ArgParser;
  std::map<std::string, std::vector<std::string>> values_;
  std::map<std::string, std::string> flag_names_;  // dest -> spelling used
  std::map<std::string, bool> flags_;
  std::vector<std::string> positionals_;
};

// "a, b, c": how errors and the help list an option's choices.
std::string JoinChoices(const std::vector<std::string>& choices);

class ArgParser {
 public:
  // `command` ("mteval compare") names the help an unknown option points to.
  ArgParser(std::vector<ArgSpec> specs, std::string command)
      : specs_(std::move(specs)), command_(std::move(command)) {}
  ParsedArgs Parse(const std::vector<std::string>& args) const;
  std::string Help() const;

 private:
  const ArgSpec* Find(const std::string& name) const;
  // The option an argument names (nullptr when none does), the spelling it
  // resolved to, and an attached value; throws for ambiguous names.
  struct Resolved {
    const ArgSpec* spec;
    std::string name;
    std::optional<std::string> value;
  };
  Resolved Resolve(const std::string& arg) const;
  std::vector<ArgSpec> specs_;
  std::string command_;
};

}  // namespace mteval
