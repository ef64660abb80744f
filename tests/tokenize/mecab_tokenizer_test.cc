// ja-mecab and ko-mecab. With MeCab built in, ja-mecab runs on Debian's
// mecab-ipadic-utf8 (its WMT22 parity is in tests/parity/); ko-mecab needs
// mecab-ko-dic, which no Debian package provides, so only its errors are
// tested here. Without MeCab, both report that they were not built.

#include <catch2/catch.hpp>

#include "common/error.h"
#include "support/test_paths.h"
#include "support/tokenizer_threads.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/tokenizer.h"

namespace mteval {
namespace {

std::string ErrorOf(const TokenizerOptions& o, ErrorKind* kind) {
  try {
    MakeTokenizer(o);
  } catch (const Error& e) {
    *kind = e.kind();
    return e.what();
  }
  return "";
}

}  // namespace

#ifdef MTEVAL_HAVE_MECAB

TEST_CASE("ja-mecab splits Japanese as MeCab -Owakati with the IPA dictionary", "[mecab]") {
  TokenizerOptions o;
  o.name = "ja-mecab";
  auto tok = MakeTokenizer(o);
  CHECK(tok->Signature() == "ja-mecab-0.996-IPA");
  CHECK(tok->Tokenize("日本語の文章を解析します。") == "日本語 の 文章 を 解析 し ます 。");
  // sacreBLEU strips the line first and then the output.
  CHECK(tok->Tokenize("  これはテストです  ") == "これ は テスト です");
  CHECK(tok->Tokenize("") == "");
  CHECK(tok->Tokenize(" \t ") == "");
  // Half- and full-width spaces separate tokens and never appear in them.
  CHECK(tok->Tokenize("ＡＢＣ　ｄｅｆ 123 hello world") == "ＡＢＣ ｄｅｆ 123 hello world");
}

TEST_CASE("score -l xx-ja selects ja-mecab", "[mecab]") {
  TokenizerOptions o;
  o.target_lang = "ja";
  CHECK(MakeTokenizer(o)->Signature() == "ja-mecab-0.996-IPA");
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/ref", "日本語の文章を解析します。\n");
  testing::WriteFile(dir + "/hyp", "日本語の文章を解析する。\n");
  auto r = testing::RunMteval("score '" + dir + "/ref' -i '" + dir + "/hyp' -l en-ja");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("tok:ja-mecab-0.996-IPA"));
}

TEST_CASE("ja-mecab is safe to share across threads", "[mecab]") {
  TokenizerOptions o;
  o.name = "ja-mecab";
  auto tok = MakeTokenizer(o);
  const std::vector<std::string> base = {"日本語の文章を解析します。", "東京都に住んでいます。",
                                         "今日はいい天気ですね", "機械翻訳の評価指標",
                                         "すもももももももものうち"};
  std::vector<std::string> lines, want;
  for (size_t i = 0; i < 400; ++i) lines.push_back(base[i % base.size()] + std::to_string(i) + base[(i / 5) % 5]);
  for (const auto& l : lines) want.push_back(tok->Tokenize(l));
  // MeCab itself (no output cache), so every call parses.
  auto raw = MakeTokenizerJaMecab(o);
  CHECK(testing::ConcurrentMismatches(*raw, lines, want) == 0);
}

TEST_CASE("MeCab dictionary errors name the directory and where to get it", "[mecab]") {
  ErrorKind kind = ErrorKind::kInternal;
  TokenizerOptions o;
  o.name = "ja-mecab";
  o.mecab_dic = "/nonexistent/ipadic";
  std::string msg = ErrorOf(o, &kind);
  CHECK(kind == ErrorKind::kUnavailable);
  CHECK_THAT(msg, Catch::Contains("/nonexistent/ipadic/sys.dic"));
  CHECK_THAT(msg, Catch::Contains("mecab-ipadic-utf8"));

  o.name = "ko-mecab";
  o.mecab_dic = "/nonexistent/mecab-ko-dic";
  msg = ErrorOf(o, &kind);
  CHECK(kind == ErrorKind::kUnavailable);
  CHECK_THAT(msg, Catch::Contains("/nonexistent/mecab-ko-dic/sys.dic"));
  CHECK_THAT(msg, Catch::Contains("mecab-ko-dic"));
  CHECK_THAT(msg, Catch::Contains("--mecab-dic"));

  // Without --mecab-dic the usual install places are searched and named.
  o.mecab_dic.clear();
  msg = ErrorOf(o, &kind);
  CHECK(kind == ErrorKind::kUnavailable);
  CHECK_THAT(msg, Catch::Contains("/usr/local/lib/mecab/dic/mecab-ko-dic/sys.dic"));

  // The IPA dictionary is not mecab-ko-dic: refused as sacreBLEU refuses it.
  o.mecab_dic = "/var/lib/mecab/dic/ipadic-utf8";
  msg = ErrorOf(o, &kind);
  CHECK(kind == ErrorKind::kUnavailable);
  CHECK_THAT(msg, Catch::Contains("811795"));

  auto r = testing::RunMteval("score /dev/null -i /dev/null -tok ko-mecab --mecab-dic /nonexistent/ko");
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.err, Catch::Contains("/nonexistent/ko/sys.dic"));
}

#else  // !MTEVAL_HAVE_MECAB

TEST_CASE("without MeCab, ja-mecab and ko-mecab say they were not built", "[mecab]") {
  CHECK_FALSE(MecabAvailable());
  for (const char* name : {"ja-mecab", "ko-mecab"}) {
    ErrorKind kind = ErrorKind::kInternal;
    TokenizerOptions o;
    o.name = name;
    std::string msg = ErrorOf(o, &kind);
    CHECK(kind == ErrorKind::kUnavailable);
    CHECK_THAT(msg, Catch::Contains("built without MeCab"));
  }
}

#endif  // MTEVAL_HAVE_MECAB

}  // namespace mteval
