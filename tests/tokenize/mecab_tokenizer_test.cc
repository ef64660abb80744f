// ja-mecab and ko-mecab. With MeCab built in, ja-mecab runs on Debian's
// mecab-ipadic-utf8 (its WMT22 parity is in tests/parity/); ko-mecab needs
// mecab-ko-dic, which no Debian package provides, so only its errors are
// tested here. Without MeCab, both report that they were not built.

#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>

#include <mteval/error.h>
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

namespace {

// Replaces the bytes of `path` at `offset` with `bytes`; returns the old ones.
std::string Patch(const std::string& path, uint64_t offset, const std::string& bytes) {
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  std::string old(bytes.size(), '\0');
  f.seekg(static_cast<std::streamoff>(offset));
  f.read(old.data(), static_cast<std::streamsize>(old.size()));
  f.seekp(static_cast<std::streamoff>(offset));
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  REQUIRE(f.good());
  return old;
}

std::string Le32(uint32_t v) {
  std::string s(4, '\0');
  std::memcpy(s.data(), &v, 4);
  return s;
}

uint32_t ReadLe32(const std::string& bytes, size_t at) {
  uint32_t v;
  std::memcpy(&v, bytes.data() + at, 4);
  return v;
}

}  // namespace

TEST_CASE("a damaged copy of the IPA dictionary is refused before MeCab reads it", "[mecab]") {
  // Each of these right-sized corruptions made libmecab read outside the
  // files (the first two crashed mteval with SIGSEGV) or pass unnoticed.
  const std::string installed = "/var/lib/mecab/dic/ipadic-utf8";
  const std::string dir = testing::MakeTempDir();
  for (const char* f : {"sys.dic", "unk.dic", "char.bin", "matrix.bin", "dicrc"}) {
    std::filesystem::copy_file(installed + "/" + f, dir + "/" + f);
  }
  TokenizerOptions o;
  o.name = "ja-mecab";
  o.mecab_dic = dir;
  CHECK(MakeTokenizer(o)->Tokenize("日本語の文章を解析します。") == "日本語 の 文章 を 解析 し ます 。");

  // Where things are in sys.dic: a 40-byte header, a 32-byte charset name,
  // the double array (8-byte units), the tokens (16 bytes), the features.
  const std::string sys = dir + "/sys.dic";
  std::ifstream in(sys, std::ios::binary);
  std::string head(72, '\0');
  in.read(head.data(), 72);
  const uint32_t dsize = ReadLe32(head, 24), tsize = ReadLe32(head, 28);
  const uint64_t units = dsize / 8, tokens = tsize / 16, token0 = 72 + dsize;
  std::string array(dsize, '\0');
  in.read(array.data(), dsize);
  uint64_t transition = 0, leaf = 0;
  for (uint64_t p = 1; p < units && (!transition || !leaf); ++p) {
    const uint32_t check = ReadLe32(array, p * 8 + 4);
    const auto base = static_cast<int32_t>(ReadLe32(array, p * 8));
    if (!transition && check < p && p - check <= 256) transition = p;
    if (!leaf && check == p && base < 0) leaf = p;
  }
  REQUIRE(transition > 0);
  REQUIRE(leaf > 0);
  struct Damage {
    std::string file;
    uint64_t offset;
    std::string bytes;
    std::string message;
  };
  std::ifstream char_bin(dir + "/char.bin", std::ios::binary);
  std::string categories(4, '\0');
  char_bin.read(categories.data(), 4);
  const uint64_t char_info = 4 + 32 * uint64_t{ReadLe32(categories, 0)};
  std::ifstream unk(dir + "/unk.dic", std::ios::binary);
  std::string unk_head(72, '\0');
  unk.read(unk_head.data(), 72);
  const uint64_t unk_token0 = 72 + uint64_t{ReadLe32(unk_head, 24)};
  const std::vector<Damage> damages = {
      {"sys.dic", 72, Le32(0x7fff0000), "sys.dic: double-array unit 0 has base 2147418112"},
      {"sys.dic", 72 + transition * 8, Le32(static_cast<uint32_t>(units)),
       "double-array unit " + std::to_string(transition) + " has base"},
      {"sys.dic", 72 + leaf * 8, Le32(~static_cast<uint32_t>((tokens << 8) | 1)),
       "double-array leaf " + std::to_string(leaf) + " names tokens " + std::to_string(tokens)},
      {"sys.dic", token0, std::string(2, '\xff'), "sys.dic: token 0 has connection ids 65535"},
      {"sys.dic", token0 + 8, Le32(0x7fffffff), "token 0 has feature offset 2147483647 outside the feature block"},
      {"sys.dic", 0, std::string(1, '\x01'), "its magic number does not match its size"},
      {"sys.dic", std::filesystem::file_size(sys) - 1, "x", "its feature block does not end with a NUL"},
      {"unk.dic", unk_token0 + 2, std::string(2, '\xff'), "unk.dic: token 0 has connection ids"},
      {"char.bin", char_info + 4 * 'A', Le32(0xffu << 18), "char.bin: code point 65 has default category 255 of 11"},
  };
  for (const Damage& d : damages) {
    INFO(d.message);
    const std::string path = dir + "/" + d.file;
    const std::string old = Patch(path, d.offset, d.bytes);
    ErrorKind kind = ErrorKind::kInternal;
    std::string msg = ErrorOf(o, &kind);
    CHECK(kind == ErrorKind::kUnavailable);
    CHECK_THAT(msg, Catch::Contains("the dictionary in '" + dir + "' is damaged (") && Catch::Contains(d.message) &&
                        Catch::Contains("mecab-ipadic-utf8"));
    Patch(path, d.offset, old);
  }
  // The restored copy works again, and the command line exits with 5.
  CHECK(MakeTokenizer(o)->Tokenize("解析します") == "解析 し ます");
  Patch(sys, 72, Le32(0x7fff0000));
  testing::WriteFile(dir + "/ja.txt", "日本語の文章を解析します。\n");
  auto r = testing::RunMteval("score '" + dir + "/ja.txt' -i '" + dir + "/ja.txt' -tok ja-mecab --mecab-dic '" + dir + "'");
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.err, Catch::Contains("is damaged (sys.dic: double-array unit 0"));
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
