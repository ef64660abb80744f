#include "cli/arg_parser.h"

#include <cerrno>
#include <cstdlib>

#include <mteval/error.h>

namespace mteval {

std::optional<std::string> ParsedArgs::Value(const std::string& dest) const {
  auto it = values_.find(dest);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> ParsedArgs::List(const std::string& dest) const {
  auto it = values_.find(dest);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

int ParsedArgs::Int(const std::string& dest, int fallback) const {
  auto v = Value(dest);
  if (!v) return fallback;
  errno = 0;
  char* end = nullptr;
  long x = std::strtol(v->c_str(), &end, 10);
  if (v->empty() || *end != '\0' || errno != 0 || x < -1000000000L || x > 1000000000L) {
    throw Error(ErrorKind::kUsage, "argument " + FlagName(dest) + ": invalid integer value '" + *v + "'");
  }
  return static_cast<int>(x);
}

std::optional<double> ParsedArgs::Double(const std::string& dest) const {
  auto v = Value(dest);
  if (!v) return std::nullopt;
  char* end = nullptr;
  double x = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0') {
    throw Error(ErrorKind::kUsage, "argument " + FlagName(dest) + ": invalid number '" + *v + "'");
  }
  return x;
}

const ArgSpec* ArgParser::Find(const std::string& name) const {
  for (const ArgSpec& s : specs_) {
    for (const std::string& n : s.names) {
      if (n == name) return &s;
    }
  }
  return nullptr;
}

namespace {

bool LooksLikeOption(const std::string& a) {
  if (a.size() < 2 || a[0] != '-') return false;
  // Negative numbers are values, as in argparse.
  char c = a[1];
  return !((c >= '0' && c <= '9') || c == '.');
}

}  // namespace

std::string JoinChoices(const std::vector<std::string>& choices) {
  std::string out;
  for (const auto& c : choices) out += (out.empty() ? "" : ", ") + c;
  return out;
}

// argparse's _parse_optional and _get_option_tuples (Python 3.11): an exact
// name; NAME=VALUE; then prefixes: for "--x" every long name starting with
// it, for "-x..." the one-letter name "-x" with the rest as its value and
// every name starting with the whole argument.
ArgParser::Resolved ArgParser::Resolve(const std::string& arg) const {
  if (const ArgSpec* spec = Find(arg)) return {spec, arg, std::nullopt};
  const size_t eq = arg.find('=');
  if (eq != std::string::npos) {
    if (const ArgSpec* spec = Find(arg.substr(0, eq))) return {spec, arg.substr(0, eq), arg.substr(eq + 1)};
  }
  std::vector<Resolved> found;
  auto add = [&](const ArgSpec* spec, const std::string& name, std::optional<std::string> value) {
    for (const Resolved& r : found) {
      if (r.spec == spec) return;  // two spellings of one option are one match
    }
    found.push_back({spec, name, std::move(value)});
  };
  if (arg.rfind("--", 0) == 0) {
    const std::string prefix = arg.substr(0, eq);
    std::optional<std::string> value;
    if (eq != std::string::npos) value = arg.substr(eq + 1);
    for (const ArgSpec& s : specs_) {
      for (const std::string& n : s.names) {
        if (n.rfind("--", 0) == 0 && n.rfind(prefix, 0) == 0) add(&s, n, value);
      }
    }
  } else {
    const std::string letter = arg.substr(0, 2);
    for (const ArgSpec& s : specs_) {
      for (const std::string& n : s.names) {
        if (n == letter) {
          add(&s, n, arg.substr(2));
        } else if (n.rfind(arg, 0) == 0) {
          add(&s, n, std::nullopt);
        }
      }
    }
  }
  if (found.size() == 1) return found[0];
  if (found.empty()) return {nullptr, arg, std::nullopt};
  std::string names;
  for (const Resolved& r : found) names += (names.empty() ? "" : ", ") + r.name;
  throw Error(ErrorKind::kUsage, "ambiguous option: " + arg + " could match " + names);
}

ParsedArgs ArgParser::Parse(const std::vector<std::string>& args) const {
  ParsedArgs out;
  bool only_positionals = false;
  // argparse reports unrecognized options after parsing, so a later -h or
  // -V still wins.
  std::string unrecognized;
  for (size_t i = 0; i < args.size(); ++i) {
    if (only_positionals || !LooksLikeOption(args[i])) {
      out.positionals_.push_back(args[i]);
      continue;
    }
    if (args[i] == "--") {
      only_positionals = true;
      continue;
    }
    const Resolved r = Resolve(args[i]);
    if (r.spec == nullptr) {
      if (unrecognized.empty()) unrecognized = args[i];
      continue;
    }
    const ArgSpec* spec = r.spec;
    std::string a = r.name;
    std::optional<std::string> inline_value = r.value;
    // argparse: text attached to a single-dash flag continues as further
    // one-letter options, so -bq is -b -q and -qw3 is -q -w 3.
    while (spec->kind == ArgKind::kFlag && inline_value && a[1] != '-') {
      const std::string next = std::string("-") + inline_value->substr(0, 1);
      const ArgSpec* next_spec = inline_value->empty() ? nullptr : Find(next);
      if (!next_spec) {
        throw Error(ErrorKind::kUsage, "argument " + a + ": ignored explicit argument '" + *inline_value + "'");
      }
      out.flag_names_[spec->dest] = a;
      out.flags_[spec->dest] = true;
      if (spec->stops_parsing) return out;
      spec = next_spec;
      a = next;
      inline_value = inline_value->size() > 1 ? std::optional<std::string>(inline_value->substr(1)) : std::nullopt;
    }
    out.flag_names_[spec->dest] = a;
    auto check_choice = [&](const std::string& v) {
      if (!spec->choices.empty()) {
        for (const auto& c : spec->choices) {
          if (c == v) return;
        }
        throw Error(ErrorKind::kUsage, "argument " + a + ": invalid choice '" + v + "' (choose from " +
                                           JoinChoices(spec->choices) + ")");
      }
    };
    switch (spec->kind) {
      case ArgKind::kFlag:
        if (inline_value) {
          throw Error(ErrorKind::kUsage, "argument " + a + ": ignored explicit argument '" + *inline_value + "'");
        }
        out.flags_[spec->dest] = true;
        if (spec->stops_parsing) return out;
        break;
      case ArgKind::kValue: {
        std::string v;
        if (inline_value) {
          v = *inline_value;
        } else {
          if (i + 1 >= args.size() || LooksLikeOption(args[i + 1])) {
            throw Error(ErrorKind::kUsage, "argument " + a + ": expected one value");
          }
          v = args[++i];
        }
        check_choice(v);
        out.values_[spec->dest] = {v};
        break;
      }
      case ArgKind::kList: {
        std::vector<std::string>& list = out.values_[spec->dest];
        list.clear();
        if (inline_value) {
          // argparse: an attached value is the whole list (-mchrf bleu
          // leaves bleu as a positional).
          check_choice(*inline_value);
          list.push_back(*inline_value);
          break;
        }
        while (i + 1 < args.size() && !LooksLikeOption(args[i + 1])) {
          check_choice(args[i + 1]);
          list.push_back(args[++i]);
        }
        break;
      }
    }
  }
  if (!unrecognized.empty()) {
    throw Error(ErrorKind::kUsage, "unrecognized argument '" + unrecognized + "' (see `" + command_ + " --help`)");
  }
  return out;
}

std::string ArgParser::Help() const {
  std::string out;
  for (const ArgSpec& s : specs_) {
    std::string names;
    for (const auto& n : s.names) names += (names.empty() ? "" : ", ") + n;
    if (s.kind == ArgKind::kValue) names += " VALUE";
    if (s.kind == ArgKind::kList) names += " VALUE...";
    out += "  " + names;
    if (names.size() < 34) {
      out += std::string(34 - names.size(), ' ');
    } else {
      out += "\n" + std::string(36, ' ');
    }
    out += s.help;
    if (!s.choices.empty()) out += " {" + JoinChoices(s.choices) + "}";
    out += "\n";
  }
  return out;
}

}  // namespace mteval
