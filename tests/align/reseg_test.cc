// Re-segmentation (mwerSegmenter-style) and `mteval align reseg` / `score --reseg`.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <random>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include <mteval/align.h>
#include "support/reseg_eval.h"
#include <mteval/corpus.h>
#include <mteval/metrics.h>
#include <mteval/scoring.h>
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using Lines = std::vector<std::string>;

double CorpusBleu(const Lines& ref, const Lines& hyp, const std::string& trg) {
  MetricOptions mo;
  mo.bleu.trg_lang = trg;
  auto metric = MakeMetric("bleu", mo);
  TextCorpus c;
  c.ref_names = {"ref"};
  c.refs = {ref};
  c.system_names = {"sys"};
  c.systems = {hyp};
  return CorpusScores(*metric, ComputeSegmentStats(*metric, c))[0].score;
}

// A deterministic synthetic corpus: sentences of 4..30 words from a small
// vocabulary, capitalised and ending with a period.
Lines SyntheticReference(size_t n, uint32_t seed) {
  static const char* kWords[] = {"the", "cat", "house", "river", "green", "walks", "under", "bright", "report",
                                 "market", "city", "council", "water", "plan", "new", "old", "road", "school",
                                 "north", "price", "team", "year", "game", "night", "morning", "voice"};
  std::mt19937 rng(seed);
  Lines out;
  for (size_t i = 0; i < n; ++i) {
    size_t len = 4 + rng() % 27;
    std::string s;
    for (size_t w = 0; w < len; ++w) {
      std::string word = kWords[rng() % (sizeof(kWords) / sizeof(kWords[0]))];
      if (w == 0) word[0] = static_cast<char>(word[0] - 'a' + 'A');
      if (w) s += ' ';
      s += word;
    }
    out.push_back(s + ".");
  }
  return out;
}

// The reference with about one word in `every` substituted, dropped or doubled.
Lines Noisy(const Lines& ref, uint32_t seed, unsigned every) {
  std::mt19937 rng(seed);
  Lines out;
  for (const std::string& s : ref) {
    std::string t, word;
    std::vector<std::string> words;
    for (char c : s + " ") {
      if (c == ' ') {
        if (!word.empty()) words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    for (size_t w = 0; w < words.size(); ++w) {
      unsigned r = rng() % (every * 3);
      bool last = w + 1 == words.size();
      std::string x = words[w];
      if (!last && r == 0) x = "zzz";                   // substitution
      if (!last && w > 0 && r == 1) continue;           // deletion
      if (!t.empty()) t += ' ';
      t += x;
      if (!last && r == 2) t += " extra";               // insertion
    }
    out.push_back(t);
  }
  return out;
}

}  // namespace

TEST_CASE("reseg: identical words are cut at the reference boundaries", "[reseg]") {
  Lines ref{"Hello world.", "How are you today?", "Fine, thanks."};
  ResegResult r = Resegment(ref, "hello world. how are\nyou today? fine, thanks.");
  CHECK(r.segments == Lines{"hello world.", "how are you today?", "fine, thanks."});
  CHECK(r.edits == 0);
  REQUIRE(r.cut_offsets.size() == 2);
  CHECK(r.cut_offsets[0] == 13);  // "how"
}

TEST_CASE("reseg: cuts prefer sentence ends among equal-cost places", "[reseg]") {
  // "extra" is an insertion either way; the cut goes after the period.
  Lines ref{"One two three.", "Four five six."};
  ResegResult r = Resegment(ref, "One two three. Extra four five six.");
  CHECK(r.segments == Lines{"One two three.", "Extra four five six."});
  ResegOptions plain;
  plain.cut_penalty = 0;
  plain.start_penalty = 0;
  CHECK(Resegment(ref, "One two three. Extra four five six.", plain).segments[0] == "One two three.");
}

TEST_CASE("reseg: never cuts inside a word", "[reseg]") {
  Lines ref{"abc", "def"};
  ResegResult r = Resegment(ref, "abcdef");
  REQUIRE(r.segments.size() == 2);
  CHECK(r.segments[0] + r.segments[1] == "abcdef");
  // Punctuation inside a word is a unit for matching, not a place to cut.
  r = Resegment({"It costs 12.", "5 more"}, "It costs 12.5 more");
  REQUIRE(r.segments.size() == 2);
  CHECK((r.segments[0].find("12.5") != std::string::npos || r.segments[1].find("12.5") != std::string::npos));
}

TEST_CASE("reseg: CJK text is compared and cut by character", "[reseg]") {
  Lines ref{"我们去了学校。", "他很高兴。"};
  ResegResult r = Resegment(ref, "我们去学校了。他很高兴。");
  CHECK(r.segments == Lines{"我们去学校了。", "他很高兴。"});
  // A line break between CJK characters disappears; elsewhere it is a space.
  r = Resegment({"今天天气很好。"}, "今天天\n气很好。");
  CHECK(r.segments == Lines{"今天天气很好。"});
  r = Resegment({"a b"}, "a\nb");
  CHECK(r.segments == Lines{"a b"});
}

TEST_CASE("reseg: empty reference segments, empty hypothesis, no references", "[reseg]") {
  ResegResult r = Resegment({"A cat.", "", "A dog."}, "A cat. A dog.");
  CHECK(r.segments == Lines{"A cat.", "", "A dog."});
  r = Resegment({"A cat.", "A dog."}, "");
  CHECK(r.segments == Lines{"", ""});
  CHECK(Resegment({}, "  \n ").segments.empty());
  try {
    Resegment({}, "words");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kMismatch);
  }
}

TEST_CASE("reseg: options are validated", "[reseg]") {
  ResegOptions o;
  o.band = 0;
  CHECK_THROWS_AS(Resegment({"a"}, "a", o), Error);
  o = {};
  o.cut_penalty = -1;
  CHECK_THROWS_AS(o.Validate(), Error);
}

TEST_CASE("reseg: pieces cover the hypothesis in order whatever the band", "[reseg]") {
  Lines ref = SyntheticReference(60, 7);
  Lines hyp = Noisy(ref, 8, 4);
  std::string text = JoinLines(hyp);
  for (int band : {1, 3, 20, 300}) {
    ResegOptions o;
    o.band = band;
    ResegResult r = Resegment(ref, text, o);
    REQUIRE(r.segments.size() == ref.size());
    std::string joined, expected;
    for (const auto& s : r.segments) {
      if (!s.empty()) joined += (joined.empty() ? "" : " ") + s;
    }
    for (const auto& s : hyp) expected += (expected.empty() ? "" : " ") + s;
    CHECK(joined == expected);
  }
}

TEST_CASE("reseg: without penalties the cuts cost exactly the whole-text edit distance", "[reseg]") {
  // Sum over segments of the edit distance = edit distance of the
  // concatenations (cuts only re-assign insertions at boundaries), so the
  // minimum must equal a plain Levenshtein distance over all words.
  Lines ref = SyntheticReference(40, 21);
  Lines hyp = Noisy(ref, 22, 3);
  auto words = [](const Lines& lines) {
    std::vector<std::string> out;
    for (const auto& l : lines) {
      std::string w;
      for (char c : l + " ") {
        if (c == ' ' || c == '.') {
          if (!w.empty()) out.push_back(w);
          w.clear();
          if (c == '.') out.push_back(".");
        } else {
          w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
      }
    }
    return out;
  };
  std::vector<std::string> a = words(ref), b = words(hyp);
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  ResegOptions o;
  o.cut_penalty = 0;
  o.start_penalty = 0;
  o.band = 100000;
  // Half-cost stem substitutions make the DP's optimum differ from plain
  // Levenshtein only when a stem match exists; the synthetic vocabulary has
  // no two words sharing four leading letters except identical ones.
  ResegResult r = Resegment(ref, JoinLines(hyp), o);
  CHECK(r.edits == static_cast<int64_t>(prev[b.size()]));
  CHECK(r.ref_units == a.size());
  CHECK(r.hyp_units == b.size());
}

TEST_CASE("reseg: per document", "[reseg]") {
  ResegResult r = ResegmentDocuments({{"A b c.", "D e."}, {"F g.", "H i j."}}, {"a b c. d e.", "f g. h i j."});
  CHECK(r.segments == Lines{"a b c.", "d e.", "f g.", "h i j."});
  CHECK(r.edits == 0);
  CHECK(r.cut_offsets.empty());
  CHECK_THROWS_AS(ResegmentDocuments({{"a"}}, {"a", "b"}), Error);
}

TEST_CASE("reseg: round trip on a synthetic 2,000-segment set recovers the boundaries", "[reseg]") {
  Lines ref = SyntheticReference(2000, 11);
  Lines hyp = Noisy(ref, 12, 6);
  ResegRoundTrip rt = RunResegRoundTrip(ref, hyp);
  CHECK(rt.boundaries == 1999);
  CHECK(rt.inner_boundaries == 1999 - 199);
  CHECK(rt.recovered_fraction() >= 0.95);
  CHECK(std::fabs(CorpusBleu(ref, rt.segments, "en") - CorpusBleu(ref, hyp, "en")) <= 0.3);
}

TEST_CASE("reseg: WMT22 sample (first 500 segments, zh-en and en-de)", "[reseg][shared]") {
  const std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("the WMT22 re-segmentation sample")) return;
  struct Case {
    const char* pair;
    const char* trg;
    const char* system;
  };
  for (const Case& c : {Case{"zh-en", "en", "Online-B"}, Case{"zh-en", "en", "NiuTrans"},
                        Case{"en-de", "de", "Online-Y"}, Case{"en-de", "de", "PROMT"}}) {
    Lines ref = ReadLines(shared + "/wmt22/references/generaltest2022." + c.pair + ".ref.A." + c.trg);
    Lines hyp = ReadLines(shared + "/wmt22/system-outputs/generaltest2022." + c.pair + ".hyp." + c.system + "." + c.trg);
    ref.resize(500);
    hyp.resize(500);
    ResegRoundTrip rt = RunResegRoundTrip(ref, hyp);
    INFO(c.pair << " " << c.system << ": " << rt.recovered << "/" << rt.boundaries);
    CHECK(rt.recovered_fraction() >= 0.95);
    CHECK(std::fabs(CorpusBleu(ref, rt.segments, c.trg) - CorpusBleu(ref, hyp, c.trg)) <= 0.3);
  }
}

TEST_CASE("align reseg CLI: writes segments, protects inputs, feeds score --reseg", "[reseg][cli]") {
  std::string dir = testing::MakeTempDir();
  std::string ref = dir + "/ref.txt", hyp = dir + "/hyp.txt", fixed = dir + "/fixed.txt", out = dir + "/out.txt";
  testing::WriteFile(ref, "The cat sat on the mat.\nIt rained all day.\nWe stayed at home.\n");
  testing::WriteFile(hyp, "The cat sat on a mat. It rained\nall day. We stayed home.\n");
  testing::WriteFile(fixed, "The cat sat on a mat.\nIt rained all day.\nWe stayed home.\n");
  auto r = testing::RunMteval("align reseg --ref " + ref + " --hyp " + hyp);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out == "The cat sat on a mat.\nIt rained all day.\nWe stayed home.\n");

  CHECK(testing::RunMteval("align reseg --ref " + ref + " --hyp " + hyp + " -o " + out).exit_code == 0);
  CHECK(ReadLines(out) == Lines{"The cat sat on a mat.", "It rained all day.", "We stayed home."});
  auto again = testing::RunMteval("align reseg --ref " + ref + " --hyp " + hyp + " -o " + hyp + " --force");
  CHECK(again.exit_code == 2);
  CHECK_THAT(again.err, Catch::Contains("hyp.txt"));

  auto plain = testing::RunMteval("score " + ref + " -i " + hyp);
  CHECK(plain.exit_code == 4);  // line counts differ without --reseg
  auto reseg = testing::RunMteval("score " + ref + " -i " + hyp + " --reseg -f text");
  auto direct = testing::RunMteval("score " + ref + " -i " + fixed + " -f text");
  REQUIRE(reseg.exit_code == 0);
  CHECK(reseg.out.substr(reseg.out.find('=')) == direct.out.substr(direct.out.find('=')));

  auto bad = testing::RunMteval("align reseg --ref " + ref);
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("--hyp"));
  CHECK(testing::RunMteval("align nonsense").exit_code == 2);
}

TEST_CASE("score --reseg: a system output without text is an error, as without --reseg", "[reseg][cli]") {
  std::string dir = testing::MakeTempDir();
  std::string ref = dir + "/ref.txt", empty = dir + "/empty.txt", blank = dir + "/blank.txt", ok = dir + "/ok.txt";
  testing::WriteFile(ref, "The cat sat on the mat.\nIt rained all day.\n");
  testing::WriteFile(empty, "");
  testing::WriteFile(blank, "\n  \n\t\n");
  testing::WriteFile(ok, "The cat sat. It rained.\n");
  CHECK(testing::RunMteval("score " + ref + " -i " + empty).exit_code == 4);
  for (const std::string& hyp : {empty, blank}) {
    INFO(hyp);
    auto r = testing::RunMteval("score " + ref + " -i " + ok + " " + hyp + " --reseg -f text");
    CHECK(r.exit_code == 4);  // it printed BLEU 0.0 with exit 0
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Contains("'" + hyp + "' has no text to re-segment into the 2 segments of reference '" + ref));
  }
  auto in = testing::RunMteval("score " + ref + " --reseg", "");
  CHECK(in.exit_code == 4);
  CHECK_THAT(in.err, Catch::Contains("'System 1' has no text"));
}

}  // namespace mteval
