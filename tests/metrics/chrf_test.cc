// chrF's segment statistics against a literal version of sacreBLEU's rules
// (code points in std::u32string, n-grams counted in std::map): character
// n-grams after removing Python whitespace or keeping it, words split on
// whitespace with one leading or trailing ASCII punctuation character split
// off, and hypothesis counts dropped for orders the reference has none of.
// The random texts mix ASCII runs with two-, three- and four-byte
// characters and every kind of Python whitespace, so that the fast paths
// (ASCII runs, whitespace from a table, sorted windows) meet every boundary.

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>
#include <vector>

#include <mteval/chrf.h>
#include "support/ngram_oracle.h"
#include "text/python_str.h"

namespace mteval {
namespace {

std::u32string Decode(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

// str.split() with no arguments.
std::vector<std::u32string> Split(const std::u32string& s) {
  std::vector<std::u32string> words;
  std::u32string w;
  for (char32_t c : s) {
    if (IsPySpace(c)) {
      if (!w.empty()) words.push_back(w);
      w.clear();
    } else {
      w.push_back(c);
    }
  }
  if (!w.empty()) words.push_back(w);
  return words;
}

bool IsPunct(char32_t c) {
  const std::u32string puncts = U"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
  return puncts.find(c) != std::u32string::npos;
}

template <typename Seq>
void AddOrder(const Seq& hyp, const Seq& ref, size_t n, std::vector<int64_t>* stats) {
  const auto h = testing::CountNgrams(hyp, n), r = testing::CountNgrams(ref, n);
  int64_t hyp_count = 0, ref_count = 0, match = 0;
  for (const auto& [g, c] : h) {
    hyp_count += c;
    auto it = r.find(g);
    if (it != r.end()) match += std::min(c, it->second);
  }
  for (const auto& [g, c] : r) ref_count += c;
  stats->push_back(r.empty() ? 0 : hyp_count);
  stats->push_back(ref_count);
  stats->push_back(match);
}

std::vector<int64_t> LiteralStats(const std::string& hyp, const std::string& ref, const ChrfOptions& o) {
  std::vector<int64_t> stats;
  auto chars = [&](const std::string& s) {
    std::u32string cps = Decode(s);
    if (o.whitespace) return cps;
    std::u32string joined;
    for (const auto& w : Split(cps)) joined += w;
    return joined;
  };
  const std::u32string hc = chars(hyp), rc = chars(ref);
  for (int n = 1; n <= o.char_order; ++n) AddOrder(hc, rc, static_cast<size_t>(n), &stats);
  auto words = [](const std::string& s) {
    std::vector<std::u32string> out;
    for (const auto& w : Split(Decode(s))) {
      if (w.size() > 1 && IsPunct(w.back())) {
        out.push_back(w.substr(0, w.size() - 1));
        out.push_back(w.substr(w.size() - 1));
      } else if (w.size() > 1 && IsPunct(w.front())) {
        out.push_back(w.substr(0, 1));
        out.push_back(w.substr(1));
      } else {
        out.push_back(w);
      }
    }
    return out;
  };
  const auto hw = words(hyp), rw = words(ref);
  for (int n = 1; n <= o.word_order; ++n) AddOrder(hw, rw, static_cast<size_t>(n), &stats);
  return stats;
}

std::vector<std::string> RandomPieces(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "a", "b", "e", "A", "ab", "the", ".", ",", "(", ")", "'", "-", "3", "~", "{", "_", "!",  // ASCII
      " ", " ", "  ", "\t", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f",  // ASCII whitespace
      "\xc2\xa0", "\xc2\x85", "\xe3\x80\x80", "\xe2\x80\xa8", "\xe2\x80\x82",      // other whitespace
      "\xc3\xa9", "\xd0\xb6",                                                      // two bytes
      "\xe4\xb8\xad", "\xe5\x9b\xbd", "\xef\xbc\x8c",                              // three bytes
      "\xf0\xa0\x80\x80", "\xf0\x9f\x98\x80"};                                     // four bytes
  std::vector<std::string> out(rng() % 40);
  for (auto& p : out) p = pieces[rng() % pieces.size()];
  return out;
}

std::string Join(const std::vector<std::string>& pieces, size_t n) {
  std::string s;
  for (size_t i = 0; i < n && i < pieces.size(); ++i) s += pieces[i];
  return s;
}

}  // namespace

TEST_CASE("chrF statistics equal a literal version of sacreBLEU's rules", "[metrics][chrf]") {
  std::mt19937 rng(2026);
  for (int char_order : {1, 2, 6, 7}) {
    for (int word_order : {0, 2}) {
      for (bool whitespace : {false, true}) {
        ChrfOptions o;
        o.char_order = char_order;
        o.word_order = word_order;
        o.whitespace = whitespace;
        auto metric = std::make_unique<Chrf>(o);
        auto scorer = metric->NewScorer();
        std::vector<int64_t> stats(metric->NumStats());
        for (int trial = 0; trial < 400; ++trial) {
          const std::vector<std::string> ref_pieces = RandomPieces(rng);
          const std::string ref = Join(ref_pieces, ref_pieces.size());
          scorer->SetReferences({ref});
          // Several hypotheses per reference, as for several systems; the
          // second begins with a piece of the reference, so that long
          // n-grams match.
          for (int h = 0; h < 3; ++h) {
            const std::vector<std::string> pieces = RandomPieces(rng);
            const std::string hyp =
                h == 1 ? Join(ref_pieces, rng() % (ref_pieces.size() + 1)) + Join(pieces, pieces.size() / 2)
                       : Join(pieces, pieces.size());
            scorer->ScoreHypothesis(hyp, stats.data());
            INFO("ref '" << ref << "' hyp '" << hyp << "' order " << char_order << "+" << word_order
                         << " whitespace " << whitespace);
            REQUIRE(stats == LiteralStats(hyp, ref, o));
          }
        }
      }
    }
  }
}

}  // namespace mteval
