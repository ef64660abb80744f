// sacreBLEU 2.6.0's figures kept in the repository (tests/golden/, made by
// tests/golden/make_golden.py), so that a clone without ../shared still
// checks mteval against sacreBLEU:
// - the literal cases of sacreBLEU's own test_bleu.py, test_chrf.py,
//   test_ter.py and test_sentence_bleu.py, each compared as its test compares
//   it (with its file's EPSILON) and with sacreBLEU's full-precision score
//   for it within 1e-9;
// - 75 WMT22 lines each of zh-en (references A and B), en-zh and en-ja, with
//   sacreBLEU's corpus figures for every tokenizer and metric option set in
//   wmt22/corpus.jsonl (statistics identical, score within 1e-9, signature
//   equal up to the version) and its sentence scores in
//   wmt22/sentence.jsonl (within 1e-9).

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "corpus/line_reader.h"
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "support/sacrebleu_options.h"
#include "support/test_paths.h"
#include "tokenize/builtin_tokenizers.h"

namespace mteval {
namespace {

using nlohmann::json;
using testing::SacrebleuMetricOptions;
using testing::SignatureWithoutVersion;

constexpr double kScoreTolerance = 1e-9;

// A score with all the digits that tell two doubles apart.
std::string Show(double score) {
  char text[32];
  std::snprintf(text, sizeof text, "%.17g", score);
  return text;
}

std::string GoldenDir() { return testing::SourceDir() + "/tests/golden"; }

json ReadJson(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw std::runtime_error("cannot read " + path);
  return json::parse(f);
}

std::vector<json> ReadJsonLines(const std::string& path) {
  std::ifstream f(path);
  if (!f) throw std::runtime_error("cannot read " + path);
  std::vector<json> rows;
  std::string line;
  while (std::getline(f, line)) rows.push_back(json::parse(line));
  return rows;
}

TextCorpus MemoryCorpus(const std::vector<std::vector<std::string>>& refs, const std::vector<std::string>& hyps) {
  TextCorpus corpus;
  for (const auto& stream : refs) {
    corpus.ref_names.push_back("reference " + std::to_string(corpus.refs.size() + 1));
    corpus.refs.emplace_back(stream);
  }
  corpus.system_names = {"hypothesis"};
  corpus.systems.emplace_back(hyps);
  return corpus;
}

// The summed statistics of the one system of `corpus`.
std::vector<int64_t> CorpusStats(const Metric& metric, const TextCorpus& corpus) {
  return ComputeSegmentStats(metric, corpus)[0].Sum();
}

const ScoreField& Field(const MetricScore& score, const std::string& key) {
  for (const ScoreField& f : score.fields) {
    if (f.key == key) return f;
  }
  throw std::runtime_error(score.name + " has no field " + key);
}

bool UsesMecab(const json& options) { return options.value("tokenize", "") == "ja-mecab"; }

// The score of one case of sacreBLEU's test files.
MetricScore ScoreTestCase(const Metric& metric, const json& c) {
  if (c.contains("stats")) {  // BLEU.compute_bleu(correct, total, sys_len, ref_len)
    const auto correct = c["stats"][0].get<std::vector<int64_t>>();
    const auto total = c["stats"][1].get<std::vector<int64_t>>();
    std::vector<int64_t> stats = {c["stats"][2].get<int64_t>(), c["stats"][3].get<int64_t>()};
    stats.insert(stats.end(), correct.begin(), correct.end());
    stats.insert(stats.end(), total.begin(), total.end());
    REQUIRE(stats.size() == metric.NumStats());
    return metric.Score(stats.data());
  }
  std::vector<std::vector<std::string>> refs;
  std::vector<std::string> hyps;
  if (c.contains("hyp")) {  // sentence_score(hyp, refs): one segment, one reference per stream
    hyps = {c["hyp"].get<std::string>()};
    for (const auto& r : c["refs"]) refs.push_back({r.get<std::string>()});
  } else {  // corpus_score(hyps, refs): refs are streams
    hyps = c["hyps"].get<std::vector<std::string>>();
    refs = c["refs"].get<std::vector<std::vector<std::string>>>();
  }
  const std::vector<int64_t> stats = CorpusStats(metric, MemoryCorpus(refs, hyps));
  return metric.Score(stats.data());
}

// The comparison a sacreBLEU test function makes, by its text in the data.
bool AsTheTestCompares(const std::string& compare, const MetricScore& got, const json& expected, double epsilon) {
  const double score = got.score;
  if (compare == "abs(score/100 - expected) < epsilon") return std::fabs(score / 100 - expected.get<double>()) < epsilon;
  if (compare == "abs(score - expected) < epsilon") return std::fabs(score - expected.get<double>()) < epsilon;
  if (compare == "abs(score - 100*expected) < epsilon") return std::fabs(score - 100 * expected.get<double>()) < epsilon;
  if (compare == "score/100 == expected") return score / 100 == expected.get<double>();
  if (compare == "format(score, '.2f') == expected") {
    char text[64];
    std::snprintf(text, sizeof text, "%.2f", score);
    return text == expected.get<std::string>();
  }
  if (compare == "counts and totals equal") {
    return Field(got, "counts").values == expected["counts"].get<std::vector<double>>() &&
           Field(got, "totals").values == expected["totals"].get<std::vector<double>>();
  }
  throw std::runtime_error("unknown comparison: " + compare);
}

}  // namespace

TEST_CASE("the cases of sacreBLEU 2.6.0's own tests (tests/golden)", "[parity][golden]") {
  const json data = ReadJson(GoldenDir() + "/sacrebleu-2.6.0-tests.json");
  std::map<std::string, size_t> checked;  // per test file
  for (const json& group : data["tests"]) {
    const std::string metric_id = group["metric"];
    for (size_t i = 0; i < group["cases"].size(); ++i) {
      json c = group["cases"][i];
      if (c.contains("input")) c.update(data["inputs"][c["input"].get<std::string>()]);
      INFO(group["file"].get<std::string>() << " " << group["test"].get<std::string>() << " case " << i << ": "
                                            << c.dump());
      const auto metric = MakeMetric(metric_id, SacrebleuMetricOptions(metric_id, c["options"]));
      const MetricScore got = ScoreTestCase(*metric, c);
      INFO("mteval's score: " << Show(got.score));
      CHECK(AsTheTestCompares(group["compare"], got, c["expected"], group["epsilon"]));
      CHECK(std::fabs(got.score - c["sacrebleu_score"].get<double>()) <= kScoreTolerance);
      ++checked[group["file"]];
    }
  }
  CHECK(checked["test_bleu.py"] == 28);
  CHECK(checked["test_chrf.py"] == 25);
  CHECK(checked["test_ter.py"] == 7);
  CHECK(checked["test_sentence_bleu.py"] == 18);
}

namespace {

// The golden WMT22 lines of one pair, by reference letter, and the system.
struct GoldenPair {
  std::map<std::string, LineList> refs;
  LineList hyp;

  TextCorpus Corpus(const json& ref_letters) const {
    TextCorpus corpus;
    for (const auto& letter : ref_letters) {
      corpus.ref_names.push_back(letter);
      corpus.refs.push_back(refs.at(letter));
    }
    corpus.system_names = {"hyp"};
    corpus.systems = {hyp};
    return corpus;
  }
};

std::map<std::string, GoldenPair> ReadGoldenPairs() {
  const std::string dir = GoldenDir() + "/wmt22/";
  std::map<std::string, GoldenPair> pairs;
  const json manifest = ReadJson(dir + "lines.json");
  for (const auto& [pair, files] : manifest.items()) {
    GoldenPair& p = pairs[pair];
    for (const auto& [letter, file] : files["refs"].items()) p.refs[letter] = ReadLines(dir + file.get<std::string>());
    p.hyp = ReadLines(dir + files["hyp"].get<std::string>());
    REQUIRE(p.hyp.size() == files["lines"].size());
  }
  REQUIRE(pairs.size() == 3);
  return pairs;
}

}  // namespace

TEST_CASE("corpus figures of sacreBLEU 2.6.0 on the golden WMT22 lines", "[parity][golden]") {
  const std::map<std::string, GoldenPair> pairs = ReadGoldenPairs();
  std::map<std::string, size_t> checked;  // per metric
  size_t skipped_mecab = 0;
  for (const json& row : ReadJsonLines(GoldenDir() + "/wmt22/corpus.jsonl")) {
    INFO(row["pair"].get<std::string>() << " refs " << row["refs"].dump() << " " << row["metric"].get<std::string>()
                                        << " " << row["options"].dump());
    if (UsesMecab(row["options"]) && !MecabAvailable()) {
      ++skipped_mecab;
      continue;
    }
    const std::string metric_id = row["metric"];
    const auto metric = MakeMetric(metric_id, SacrebleuMetricOptions(metric_id, row["options"]));
    const std::vector<int64_t> stats = CorpusStats(*metric, pairs.at(row["pair"]).Corpus(row["refs"]));
    const MetricScore got = metric->Score(stats.data());
    if (metric_id == "ter") {  // sacreBLEU's [num_edits, ref_length]
      CHECK(Field(got, "num_edits").values[0] == row["stats"][0].get<double>());
      CHECK(Field(got, "ref_length").values[0] == row["stats"][1].get<double>());
    } else {  // BLEU's and chrF's statistics are laid out as sacreBLEU's
      CHECK(stats == row["stats"].get<std::vector<int64_t>>());
    }
    INFO("mteval's score: " << Show(got.score));
    CHECK(std::fabs(got.score - row["score"].get<double>()) <= kScoreTolerance);
    CHECK(SignatureWithoutVersion(metric->GetSignature(static_cast<int>(row["refs"].size())).Format(false)) ==
          SignatureWithoutVersion(row["signature"]));
    ++checked[metric_id];
  }
  WARN("checked " << checked["bleu"] << " BLEU, " << checked["chrf"] << " chrF and " << checked["ter"]
                  << " TER corpus figures");
  if (skipped_mecab > 0) WARN("not checked: " << skipped_mecab << " ja-mecab figures (this build has no MeCab)");
  CHECK(checked["bleu"] + skipped_mecab == 44);
  CHECK(checked["chrf"] == 23);
  CHECK(checked["ter"] == 26);
}

TEST_CASE("sentence scores of sacreBLEU 2.6.0 on the golden WMT22 lines", "[parity][golden]") {
  const std::map<std::string, GoldenPair> pairs = ReadGoldenPairs();
  size_t checked = 0, skipped_mecab = 0;
  for (const json& row : ReadJsonLines(GoldenDir() + "/wmt22/sentence.jsonl")) {
    const std::string metric_id = row["metric"];
    const std::vector<double> want = row["scores"];
    if (UsesMecab(row["options"]) && !MecabAvailable()) {
      skipped_mecab += want.size();
      continue;
    }
    const auto metric = MakeMetric(metric_id, SacrebleuMetricOptions(metric_id, row["options"]));
    const StatsMatrix stats = ComputeSegmentStats(*metric, pairs.at(row["pair"]).Corpus(row["refs"]))[0];
    REQUIRE(stats.num_segments() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      const double got = metric->Score(stats.Row(i)).score;
      if (!(std::fabs(got - want[i]) <= kScoreTolerance)) {
        FAIL_CHECK(row["pair"].get<std::string>() << " golden line " << i + 1 << " refs " << row["refs"].dump() << " "
                                                  << metric_id << " " << row["options"].dump() << ": mteval "
                                                  << Show(got) << ", sacreBLEU " << Show(want[i]));
      }
      ++checked;
    }
    CHECK(SignatureWithoutVersion(metric->GetSignature(static_cast<int>(row["refs"].size())).Format(false)) ==
          SignatureWithoutVersion(row["signature"]));
  }
  WARN("checked " << checked << " sentence scores");
  if (skipped_mecab > 0) WARN("not checked: " << skipped_mecab << " ja-mecab scores (this build has no MeCab)");
  CHECK(checked + skipped_mecab == 14 * 75);
}

}  // namespace mteval
