// Streaming sentence-level scoring: LineStream splits exactly as ReadLines,
// streamed statistics equal the in-memory scorer's, the CLI's streamed -sl
// output equals its in-memory output (the --stats-out path), and errors are
// the same.

#include <catch2/catch.hpp>
#include <cstdio>
#include <random>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include "corpus/line_stream.h"
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "score/sentence_stream.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using testing::MakeTempDir;
using testing::RunMteval;
using testing::WriteFile;

std::vector<std::string> StreamAll(const std::string& path) {
  LineStream s(path);
  std::vector<std::string> out;
  std::string line;
  while (s.Next(&line)) out.push_back(line);
  CHECK(s.lines() == out.size());
  return out;
}

std::string RandomText(std::mt19937& rng, size_t len) {
  static const std::vector<std::string> alphabet = {"a", "b", " ", "\t", "\n", "\r", "\r\n", "\xC3\xA9",
                                                    "\xE3\x80\x80", "\xC2\xA0", "x y"};
  std::string s;
  while (s.size() < len) s += alphabet[rng() % alphabet.size()];
  return s;
}

std::string ErrorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("LineStream splits files exactly as ReadLines", "[stream]") {
  const std::string dir = MakeTempDir();
  std::mt19937 rng(7);
  std::vector<std::string> contents = {"", "\n", "a", "a\n", "a\n\n", "\n\n\n", "a\r\nb\r", "  \n\t\n x \n"};
  for (size_t i = 0; i < 300; ++i) contents.push_back(RandomText(rng, rng() % 200));
  // Lines across the 64 KiB buffer boundary.
  contents.push_back(std::string(65535, 'x') + "\n" + std::string(70000, 'y') + "\nlast");
  contents.push_back(std::string(65536 * 2 + 3, 'z'));
  for (const std::string& c : contents) {
    WriteFile(dir + "/f", c);
    REQUIRE(StreamAll(dir + "/f") == ReadLines(dir + "/f"));
    CHECK(CountLines(dir + "/f") == ReadLines(dir + "/f").size());
  }
}

TEST_CASE("LineStream reads .gz files and rejects bad ones as ReadLines does", "[stream]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/t", "one\ntwo  \nthree");
  REQUIRE(std::system(("gzip -k '" + dir + "/t'").c_str()) == 0);
  CHECK(StreamAll(dir + "/t.gz") == std::vector<std::string>{"one", "two", "three"});
  WriteFile(dir + "/bad.gz", "not gzip");
  CHECK(ErrorOf([&] { StreamAll(dir + "/bad.gz"); }) == ErrorOf([&] { ReadLines(dir + "/bad.gz"); }));
  CHECK_FALSE(ErrorOf([&] { StreamAll(dir + "/missing"); }).empty());
}

TEST_CASE("LineStream's UTF-8 errors equal ReadLines's", "[stream]") {
  const std::string dir = MakeTempDir();
  const std::vector<std::string> contents = {"fine\nbroken \xC3\x28 here\n", "\xFF", "ok\n\xC3",
                                            "a\nb\né\xED\xA0\x80x\n", std::string(70000, 'a') + "\n\xC3\xA9\xC3\n"};
  for (const std::string& c : contents) {
    WriteFile(dir + "/f", c);
    std::string want = ErrorOf([&] { ReadLines(dir + "/f"); });
    REQUIRE_FALSE(want.empty());
    CHECK(ErrorOf([&] { StreamAll(dir + "/f"); }) == want);
  }
}

TEST_CASE("LineStream on standard input uses universal newlines", "[stream]") {
  const std::string dir = MakeTempDir();
  // "\r\n" split across the buffer boundary still ends one line.
  std::string c = std::string(65535, 'a') + "\r\nb\rc\n\nd\r";
  WriteFile(dir + "/in", c);
  REQUIRE(std::freopen((dir + "/in").c_str(), "rb", stdin) != nullptr);
  std::vector<std::string> got = StreamAll("-");
  std::freopen("/dev/null", "rb", stdin);
  CHECK(got == SplitLines(c, "<stdin>", true));
  CHECK(got.size() == 5);
}

TEST_CASE("streamed sentence statistics equal the in-memory scorer's", "[stream]") {
  const std::string dir = MakeTempDir();
  std::mt19937 rng(11);
  const char* words[] = {"the", "cat", "sat", "on", "a", "mat", ".", ",", "dog", "ran", "Zürich", "naïve"};
  auto sentence = [&] {
    std::string s;
    size_t n = 1 + rng() % 15;  // an empty last field would be stripped with its tab
    for (size_t i = 0; i < n; ++i) s += (i ? " " : "") + std::string(words[rng() % 12]);
    return s;
  };
  std::string ref1, ref2, hyp, both;
  TextCorpus corpus;
  corpus.refs.resize(2);
  corpus.systems.resize(1);
  corpus.ref_names = {"r1", "r2"};
  corpus.system_names = {"h"};
  for (size_t i = 0; i < 700; ++i) {
    std::string a = sentence(), b = sentence(), h = sentence();
    ref1 += a + "\n";
    ref2 += b + "\n";
    both += a + "\t" + b + "\n";
    hyp += h + "\n";
    corpus.refs[0].push_back(a);
    corpus.refs[1].push_back(b);
    corpus.systems[0].push_back(h);
  }
  WriteFile(dir + "/r1", ref1);
  WriteFile(dir + "/r2", ref2);
  WriteFile(dir + "/both", both);
  WriteFile(dir + "/h", hyp);
  MetricOptions mo;
  mo.bleu.effective_order = true;
  for (const char* id : {"bleu", "chrf", "ter"}) {
    auto metric = MakeMetric(id, mo);
    StatsMatrix want = ComputeSegmentStats(*metric, corpus)[0];
    for (int threads : {1, 3}) {
      for (bool tabbed : {false, true}) {
        SentenceStreamOptions so;
        so.threads = threads;
        so.batch_lines = 100;
        so.corpus.hyp_paths = {dir + "/h"};
        if (tabbed) {
          so.corpus.ref_paths = {dir + "/both"};
          so.corpus.num_refs = 2;
        } else {
          so.corpus.ref_paths = {dir + "/r1", dir + "/r2"};
        }
        size_t bad = 0;
        SentenceStreamResult r = StreamSentenceStats(*metric, so, [&](uint64_t i, const int64_t* row) {
          for (size_t k = 0; k < metric->NumStats(); ++k) bad += row[k] != want.Row(i)[k];
        });
        INFO(id << " threads=" << threads << " tabbed=" << tabbed);
        CHECK(bad == 0);
        CHECK(r.num_segments == 700);
        CHECK(r.totals == want.Sum());
      }
    }
  }
}

TEST_CASE("mteval score -sl streams the same lines as the in-memory path", "[stream][cli]") {
  const std::string dir = MakeTempDir();
  std::string ref, hyp;
  for (size_t i = 0; i < 300; ++i) {
    ref += "The cat number " + std::to_string(i) + " sat on the mat .\n";
    hyp += "A cat " + std::to_string(i * 7 % 300) + " sat on a mat .\n";
  }
  WriteFile(dir + "/ref", ref);
  WriteFile(dir + "/hyp", hyp);
  for (std::string extra : {"", "-b", "-f jsonl", "-m chrf", "-m ter", "-m chrf -cw 2 -f jsonl -w 3", "--threads 2"}) {
    INFO(extra);
    auto streamed = RunMteval("score '" + dir + "/ref' -i '" + dir + "/hyp' -sl " + extra);
    auto in_memory =
        RunMteval("score '" + dir + "/ref' -i '" + dir + "/hyp' -sl --force --stats-out '" + dir + "/s.json' " + extra);
    REQUIRE(streamed.exit_code == 0);
    REQUIRE(in_memory.exit_code == 0);
    CHECK(streamed.out == in_memory.out);
    CHECK(std::count(streamed.out.begin(), streamed.out.end(), '\n') == 300);
    // sacreBLEU never prints its tokenized-period warning at sentence level.
    CHECK(streamed.err.empty());
    auto from_stdin = RunMteval("score '" + dir + "/ref' -sl " + extra, hyp);
    CHECK(from_stdin.out == streamed.out);
  }
}

TEST_CASE("mteval score -sl errors while streaming", "[stream][cli]") {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/ref", "a b c\nd e f\n");
  WriteFile(dir + "/short", "a b c\n");
  WriteFile(dir + "/bad", "a b c\nd \xC3\x28 f\n");
  // Files are checked before anything is printed.
  auto r = RunMteval("score '" + dir + "/ref' -i '" + dir + "/short' -sl");
  CHECK(r.exit_code == 4);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(dir + "/short' has 1") && Catch::Contains(dir + "/ref' has 2"));
  r = RunMteval("score '" + dir + "/ref' -i '" + dir + "/bad' -sl");
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("invalid UTF-8 at line 2, column 3"));
  // Standard input: found as it is read, same exit code and message.
  r = RunMteval("score '" + dir + "/ref' -sl -b", "a b c\n");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("'System 1' has 1 lines"));
  r = RunMteval("score '" + dir + "/ref' -sl -b", "a\nb\nc\n");
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("'System 1' has 3 lines"));
  r = RunMteval("score '" + dir + "/ref' -sl -b", "a\tb\nc\td\n");
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("only one system"));
  r = RunMteval("score '" + dir + "/ref' -sl -nr 2", "");
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("expected 2 tab-separated references"));
}

}  // namespace mteval
