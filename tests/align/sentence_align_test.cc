// Sentence alignment (Gale-Church with anchors), ICU sentence splitting,
// glossary parsing, output formats and `mteval align sentences`.

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include <mteval/error.h>
#include "corpus/line_reader.h"
#include <mteval/align.h>
#include "support/sentence_align_eval.h"
#include "support/shared_data.h"
#include "support/test_paths.h"

namespace mteval {
namespace {

using Lines = std::vector<std::string>;

Bead B(size_t s0, size_t s1, size_t t0, size_t t1) {
  Bead b;
  b.src_begin = s0;
  b.src_end = s1;
  b.tgt_begin = t0;
  b.tgt_end = t1;
  return b;
}

// Synthetic parallel text: the "translation" of a sentence is its words
// mapped to other words of a similar length, so only lengths, numbers and
// punctuation carry over.
void SyntheticPair(size_t n, uint32_t seed, Lines* src, Lines* tgt) {
  std::mt19937 rng(seed);
  for (size_t i = 0; i < n; ++i) {
    size_t len = 3 + rng() % 30;
    std::string s, t;
    for (size_t w = 0; w < len; ++w) {
      size_t wl = 2 + rng() % 8;
      std::string sw(wl, static_cast<char>('a' + rng() % 26));
      std::string tw(wl + rng() % 3, static_cast<char>('a' + rng() % 26));
      if (rng() % 25 == 0) sw = tw = std::to_string(rng() % 100000);
      s += (w ? " " : "") + sw;
      t += (w ? " " : "") + tw;
    }
    bool question = rng() % 8 == 0;
    src->push_back(s + (question ? "?" : "."));
    tgt->push_back(t + (question ? "?" : "."));
  }
}

}  // namespace

TEST_CASE("align sentences: a merged and a dropped sentence become 2-1 and 1-0 beads", "[sentence_align]") {
  Lines src{"In 2016, the council approved a plan for the river.",
            "It costs 30 million euros.",
            "Work starts next spring.",
            "The mayor welcomed the decision and thanked everyone who helped.",
            "Residents can comment until May 3.",
            "A public meeting is planned."};
  Lines tgt{"Im Jahr 2016 genehmigte der Rat einen Plan für den Fluss.",
            "Er kostet 30 Millionen Euro. Die Arbeiten beginnen im nächsten Frühjahr.",
            "Anwohner können sich bis zum 3. Mai äußern.",
            "Eine öffentliche Versammlung ist geplant."};
  std::vector<Bead> beads = AlignSentences(src, tgt);
  std::vector<Bead> want{B(0, 1, 0, 1), B(1, 3, 1, 2), B(3, 4, 2, 2), B(4, 5, 2, 3), B(5, 6, 3, 4)};
  CHECK(beads == want);
  CHECK(AlignSentences({}, {}).empty());
  CHECK(AlignSentences({"Only one."}, {}) == std::vector<Bead>{B(0, 1, 0, 0)});
}

TEST_CASE("align sentences: glossary terms are anchors", "[sentence_align]") {
  // The target has one extra sentence of the same length as the translation
  // of source sentence 1: only the glossary term tells which is which.
  Lines src{"The committee met on Monday morning.", "The patent office head spoke first.",
            "Several delegates asked questions afterwards.", "The meeting ended before noon."};
  const std::string term = "Der Leiter des Patentamts sprach zuerst.";
  const std::string extra = "Die Delegierten lobten den Plan sehr gut.";
  Lines tgt{"Der Ausschuss tagte am Montagmorgen.", extra, term, "Mehrere Delegierte stellten danach Fragen.",
            "Die Sitzung endete vor dem Mittag."};
  SentenceAlignOptions o;
  o.glossary = ParseGlossary("patent office\tPatentamt|Patentamts\n", "g.tsv");
  auto has = [](const std::vector<Bead>& beads, const Bead& b) {
    return std::find(beads.begin(), beads.end(), b) != beads.end();
  };
  // (The extra sentence itself joins a neighbour in a 1-2 bead: the length
  // ratio of the two texts includes it.)
  CHECK(has(AlignSentences(src, tgt, o), B(1, 2, 2, 3)));
  std::swap(tgt[1], tgt[2]);
  CHECK(has(AlignSentences(src, tgt, o), B(1, 2, 1, 2)));
  // Without the glossary, length alone picks the same sentence both times,
  // so one of the two arrangements comes out wrong.
  o.glossary.clear();
  bool swapped_right = has(AlignSentences(src, tgt, o), B(1, 2, 1, 2));
  std::swap(tgt[1], tgt[2]);
  bool plain_right = has(AlignSentences(src, tgt, o), B(1, 2, 2, 3));
  CHECK(!(swapped_right && plain_right));
}

TEST_CASE("align sentences: glossary TSV parsing and errors", "[sentence_align]") {
  auto g = ParseGlossary("# comment\n\nSIPO\tCNIPA | SIPO |State IP Office\nPatent\tPatent\n", "g.tsv");
  REQUIRE(g.size() == 2);
  CHECK(g[0].source == "SIPO");
  CHECK(g[0].targets == Lines{"CNIPA", "SIPO", "State IP Office"});
  try {
    ParseGlossary("ok\tfine\nno tab here\n", "terms.tsv");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::kInput);
    CHECK_THAT(std::string(e.what()), Catch::Contains("terms.tsv") && Catch::Contains("line 2"));
  }
  CHECK_THROWS_AS(ParseGlossary("term\t | \n", "g"), Error);
  // A byte-order mark (Excel's "CSV UTF-8" writes one) is not part of the first term.
  CHECK(ParseGlossary("\xEF\xBB\xBFSIPO\tCNIPA\n", "g.tsv").at(0).source == "SIPO");
}

TEST_CASE("align sentences: ICU sentence splitting", "[sentence_align]") {
  CHECK(SplitSentences({"Hello there. How are you?  Fine!", "", "Next paragraph."}) ==
        Lines{"Hello there.", "How are you?", "Fine!", "Next paragraph."});
  CHECK(SplitSentences({"你好。你呢？我很好！"}, "zh") == Lines{"你好。", "你呢？", "我很好！"});
}

TEST_CASE("align sentences: TSV and JSONL output", "[sentence_align]") {
  Lines src{"A.", "B\tb.", "C."};
  Lines tgt{"一。", "二。"};
  std::vector<Bead> beads{B(0, 2, 0, 1), B(2, 3, 1, 2)};
  CHECK(FormatBeads(beads, src, tgt, "tsv") == "A. B b.\t一。\nC.\t二。\n");
  std::string jsonl = FormatBeads({B(0, 1, 0, 2)}, src, tgt, "jsonl");
  auto j = nlohmann::json::parse(jsonl);
  CHECK(j["src"] == "A.");
  CHECK(j["tgt"] == "一。二。");  // no space between CJK sentences
  CHECK(j["tgt_ids"] == nlohmann::json::array({1, 2}));
  CHECK(j["type"] == "1-2");
  CHECK_THROWS_AS(FormatBeads(beads, src, tgt, "xml"), Error);
}

TEST_CASE("align sentences: perturbation and bead F1", "[sentence_align]") {
  Lines tgt{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j"};
  PerturbOptions p;
  p.merge_rate = 0.3;
  p.drop_rate = 0.1;
  PerturbedPair pp = PerturbTarget(tgt, p);
  size_t covered_src = 0, covered_tgt = 0;
  for (const Bead& b : pp.truth) {
    CHECK(b.src_begin == covered_src);
    CHECK(b.tgt_begin == covered_tgt);
    covered_src = b.src_end;
    covered_tgt = b.tgt_end;
  }
  CHECK(covered_src == tgt.size());
  CHECK(covered_tgt == pp.tgt.size());
  CHECK(PerturbTarget(tgt, p).tgt == pp.tgt);  // fixed seed
  BeadScores s = ScoreBeads(pp.truth, pp.truth);
  CHECK(s.f1() == 1.0);
  std::vector<Bead> one_wrong = pp.truth;
  one_wrong.pop_back();
  CHECK(ScoreBeads(one_wrong, pp.truth).f1() < 1.0);
}

TEST_CASE("align sentences: synthetic perturbed text is aligned with bead F1 >= 0.95", "[sentence_align]") {
  Lines src, tgt;
  SyntheticPair(800, 3, &src, &tgt);
  PerturbedPair pp = PerturbTarget(tgt);
  BeadScores s = ScoreBeads(AlignSentences(src, pp.tgt), pp.truth);
  INFO("P " << s.precision() << " R " << s.recall());
  CHECK(s.f1() >= 0.95);
}

TEST_CASE("align sentences: the band around the path keeps the work linear in the text length", "[sentence_align]") {
  // 12,000 sentences, about 1,400 fewer on the target side (merges and
  // drops). A band sized by the text (5% of it, or the length difference)
  // made this a quadratic 35 million cells a pass; a band that follows the
  // path needs a few hundred cells a row.
  Lines src, tgt;
  SyntheticPair(12000, 5, &src, &tgt);
  PerturbedPair pp = PerturbTarget(tgt);
  SentenceAlignStats stats;
  BeadScores s = ScoreBeads(AlignSentences(src, pp.tgt, {}, &stats), pp.truth);
  INFO("P " << s.precision() << " R " << s.recall() << ", passes " << stats.passes << ", largest band "
            << stats.max_cells << " cells");
  CHECK(s.f1() >= 0.95);
  CHECK(stats.max_cells <= 400 * src.size());
  CHECK(stats.total_cells <= 4 * stats.max_cells);
}

TEST_CASE("align sentences: a long omission widens the band until the path is inside it", "[sentence_align]") {
  // 500 consecutive target sentences are missing: the best path leaves the
  // diagonal by 500 rows, far outside a narrow band. The banded result must
  // be the full dynamic programme's.
  Lines src, tgt;
  SyntheticPair(3000, 7, &src, &tgt);
  tgt.erase(tgt.begin() + 1200, tgt.begin() + 1700);
  SentenceAlignOptions narrow;
  narrow.band = 20;
  SentenceAlignOptions full;
  full.band = 1 << 20;
  SentenceAlignStats narrow_stats, full_stats;
  std::vector<Bead> banded = AlignSentences(src, tgt, narrow, &narrow_stats);
  std::vector<Bead> exact = AlignSentences(src, tgt, full, &full_stats);
  CHECK(banded == exact);
  size_t omitted = 0;  // source sentences of the gap left alone
  for (const Bead& b : exact) omitted += b.tgt_begin == b.tgt_end && b.src_begin >= 1200 && b.src_end <= 1700;
  CHECK(omitted >= 450);
  CHECK(narrow_stats.passes > 2);  // it did widen
  CHECK(narrow_stats.max_cells < full_stats.max_cells / 4);
}

TEST_CASE("align sentences: WMT22 sample (first 600 segments, zh-en and en-de)", "[sentence_align][shared]") {
  const std::string shared = testing::SharedDir();
  if (testing::SkipWithoutSharedData("the WMT22 sentence-alignment sample")) return;
  for (const char* pair : {"zh-en", "en-de"}) {
    std::string p = pair, sl = p.substr(0, 2), tl = p.substr(3);
    Lines src = ReadLines(shared + "/wmt22/sources/generaltest2022." + p + ".src." + sl);
    Lines ref = ReadLines(shared + "/wmt22/references/generaltest2022." + p + ".ref.A." + tl);
    src.resize(600);
    ref.resize(600);
    PerturbedPair pp = PerturbTarget(ref);
    std::vector<Bead> beads = AlignSentences(src, pp.tgt);
    BeadScores s = ScoreBeads(beads, pp.truth);
    INFO(pair << ": P " << s.precision() << " R " << s.recall());
    CHECK(s.f1() >= 0.95);
    SentenceAlignOptions full;
    full.band = 1 << 20;
    CHECK(beads == AlignSentences(src, pp.tgt, full));  // the band changes nothing
  }
}

TEST_CASE("align sentences CLI: --split, --glossary, -f jsonl, errors", "[sentence_align][cli]") {
  std::string dir = testing::MakeTempDir();
  std::string src = dir + "/zh.txt", tgt = dir + "/en.txt", gl = dir + "/g.tsv", out = dir + "/pairs.jsonl";
  testing::WriteFile(src, "9月6日，会议在俄罗斯举行。申长雨出席会议。\n");
  testing::WriteFile(tgt, "On September 6, the seminar was held in Russia. Shen Changyu attended it.\n");
  testing::WriteFile(gl, "申长雨\tShen Changyu\n");
  auto r = testing::RunMteval("align sentences --src " + src + " --tgt " + tgt + " --split --glossary " + gl +
                              " -f jsonl -o " + out);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  Lines lines = ReadLines(out);
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[1])["tgt"] == "Shen Changyu attended it.");
  auto tsv = testing::RunMteval("align sentences --src " + src + " --tgt " + tgt);
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out.find('\t') != std::string::npos);
  CHECK(testing::RunMteval("align sentences --src " + src).exit_code == 2);
  CHECK(testing::RunMteval("align sentences --src " + src + " --tgt " + tgt + " -f xml").exit_code == 2);
  testing::WriteFile(gl, "no tab\n");
  auto bad = testing::RunMteval("align sentences --src " + src + " --tgt " + tgt + " --glossary " + gl);
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("g.tsv") && Catch::Contains("line 1"));
}

}  // namespace mteval

namespace Catch {
template <>
struct StringMaker<mteval::Bead> {
  static std::string convert(const mteval::Bead& b) {
    return "[" + std::to_string(b.src_begin) + "," + std::to_string(b.src_end) + ")x[" + std::to_string(b.tgt_begin) +
           "," + std::to_string(b.tgt_end) + ")";
  }
};
}  // namespace Catch
