#include <mteval/report.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace mteval {

std::string FormatFixedWidth(double value, int width) {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", width, value);
  return buf;
}

std::string FormatScoreText(const MetricScore& score, const std::string& signature, int width) {
  std::string line = signature.empty() ? score.name : score.name + "|" + signature;
  line += " = " + FormatFixedWidth(score.score, width);
  if (!score.verbose.empty()) line += " " + score.verbose;
  return line;
}

std::string FormatScoreJson(const MetricScore& score, const Signature& signature, int width) {
  nlohmann::ordered_json d;
  d["name"] = score.name;
  // float(f"{score:.{width}f}"), as sacreBLEU does.
  d["score"] = std::strtod(FormatFixedWidth(score.score, width).c_str(), nullptr);
  d["signature"] = signature.Format(false);
  if (!score.verbose.empty()) d["verbose_score"] = score.verbose;
  for (const SignatureField& f : signature.fields()) {
    if (f.name != "version") d[f.name] = f.value;
  }
  // version is always last in the signature; keep that order here too.
  {
    std::string full = signature.Format(false);
    d["version"] = full.substr(full.rfind(':') + 1);
  }
  for (const ScoreField& f : score.fields) {
    auto value = [&](double v) -> nlohmann::ordered_json {
      if (f.integral) return static_cast<int64_t>(std::llround(v));
      return v;
    };
    if (f.is_list) {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (double v : f.values) arr.push_back(value(v));
      d[f.key] = arr;
    } else {
      d[f.key] = value(f.values.at(0));
    }
  }
  return d.dump(1);
}

std::string AlignScoreLines(const std::vector<std::string>& lines) {
  std::string out;
  if (lines.size() == 1) return lines[0] + "\n";
  std::vector<long> lens;
  std::vector<std::string> aligned;
  for (const std::string& line : lines) {
    size_t eq = line.find('=');
    if (eq == std::string::npos) {
      out += line + "\n";
    } else {
      lens.push_back(static_cast<long>(eq) - 1);
      aligned.push_back(line);
    }
  }
  long w = 0;
  for (long l : lens) w = std::max(w, l);
  for (size_t i = 0; i < aligned.size(); ++i) {
    std::string left = aligned[i].substr(0, static_cast<size_t>(lens[i]));
    out += std::string(static_cast<size_t>(w - lens[i]), ' ') + left + aligned[i].substr(static_cast<size_t>(lens[i])) + "\n";
  }
  return out;
}

std::string JoinJsonObjects(const std::vector<std::string>& objects) {
  if (objects.size() == 1) return objects[0];
  std::string out = "[\n";
  for (size_t i = 0; i < objects.size(); ++i) {
    if (i) out += ",\n";
    out += objects[i];
  }
  return out + "\n]";
}

}  // namespace mteval
