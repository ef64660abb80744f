// SentencePiece tokenizers with a model trained at test time: output equals
// " ".join(EncodeAsPieces(line)) as in sacreBLEU, signatures, model look-up
// (--model-dir, $MTEVAL_MODEL_DIR, $SACREBLEU, ~/.sacrebleu/models) and the
// errors for missing models. Needs nothing from ../shared.

#include <sentencepiece_processor.h>
#include <stdlib.h>

#include <catch2/catch.hpp>
#include <fstream>

#include <mteval/error.h>
#include <mteval/metrics.h>
#include "support/test_paths.h"
#include "support/tiny_spm_model.h"
#include "support/tokenizer_threads.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/model_files.h"
#include "tokenize/tokenizer.h"
#include "tokenize/tokenizer_cache.h"

namespace mteval {
namespace {

using testing::TinySpmModelPath;
using testing::TinySpmSentences;

std::string Expected(const sentencepiece::SentencePieceProcessor& sp, const std::string& line) {
  std::vector<std::string> pieces;
  REQUIRE(sp.Encode(line, &pieces).ok());
  std::string out;
  for (const auto& p : pieces) out += (out.empty() ? "" : " ") + p;
  return out;
}

void CopyFile(const std::string& from, const std::string& to) {
  std::ifstream in(from, std::ios::binary);
  std::ofstream out(to, std::ios::binary);
  out << in.rdbuf();
  REQUIRE(out.good());
}

// Sets (or with nullptr unsets) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    if (value) setenv(name, value, 1);
    else unsetenv(name);
  }
  ~ScopedEnv() {
    if (had_) setenv(name_, old_.c_str(), 1);
    else unsetenv(name_);
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

ErrorKind KindOf(const std::function<void()>& f, std::string* message) {
  try {
    f();
  } catch (const Error& e) {
    *message = e.what();
    return e.kind();
  }
  FAIL("no error thrown");
  return ErrorKind::kInternal;
}

}  // namespace

TEST_CASE("SHA-256 of known inputs", "[spm]") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("spm --spm-model tokenizes as sacreBLEU's \" \".join(EncodeAsPieces(line))", "[spm]") {
  const std::string model = TinySpmModelPath();
  sentencepiece::SentencePieceProcessor sp;
  REQUIRE(sp.Load(model).ok());
  TokenizerOptions o;
  o.name = "spm";
  o.spm_model = model;
  auto tok = MakeTokenizer(o);
  CHECK(tok->Signature() == "spm-" + FileSha256Hex(model).substr(0, 8));
  CHECK(tok->Signature().size() == 12);
  std::vector<std::string> lines = TinySpmSentences(300);
  lines.push_back("");
  lines.push_back("unseen wörds ☃ and 𝄞 symbols\tafter a tab");
  lines.push_back("  leading and trailing spaces  ");
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(tok->Tokenize(line) == Expected(sp, line));
  }
  CHECK(tok->Tokenize("") == "");
}

TEST_CASE("spm tokenizer is safe to share across threads", "[spm]") {
  TokenizerOptions o;
  o.name = "spm";
  o.spm_model = TinySpmModelPath();
  auto tok = MakeTokenizer(o);
  std::vector<std::string> lines = TinySpmSentences(2000);
  std::vector<std::string> want;
  for (const auto& l : lines) want.push_back(tok->Tokenize(l));
  // SentencePiece itself (no output cache), and through the cache.
  CHECK(testing::ConcurrentMismatches(*MakeTokenizerSpm("spm", o), lines, want) == 0);
  CHECK(testing::ConcurrentMismatches(*MakeTokenizer(o), lines, want) == 0);
}

TEST_CASE("BLEU with spm: signature carries the model hash", "[spm]") {
  MetricOptions o;
  o.bleu.tokenize = "spm";
  o.bleu.spm_model = TinySpmModelPath();
  auto bleu = MakeMetric("bleu", o);
  CHECK(bleu->GetSignature(1).Format(false).find("|tok:spm-" + ShortFileHash(TinySpmModelPath()) + "|") !=
        std::string::npos);
}

TEST_CASE("named SentencePiece models are found under sacreBLEU's file names", "[spm]") {
  const std::string dir = testing::MakeTempDir();
  const std::string home = testing::MakeTempDir();
  ScopedEnv no_model_dir("MTEVAL_MODEL_DIR", nullptr);
  ScopedEnv no_sacrebleu("SACREBLEU", nullptr);
  ScopedEnv fake_home("HOME", home.c_str());

  SECTION("--model-dir") {
    CopyFile(TinySpmModelPath(), dir + "/sacrebleu_tokenizer_spm.model");
    TokenizerOptions o;
    o.name = "flores101";
    o.model_dir = dir;
    auto tok = MakeTokenizer(o);
    CHECK(tok->Signature() == "flores101");
    CHECK_FALSE(tok->Tokenize("the model translates").empty());
    o.name = "spm";  // sacreBLEU's old name for flores101
    CHECK(MakeTokenizer(o)->Signature() == "flores101");
  }
  SECTION("$MTEVAL_MODEL_DIR") {
    CopyFile(TinySpmModelPath(), dir + "/flores200sacrebleuspm");
    ScopedEnv env("MTEVAL_MODEL_DIR", dir.c_str());
    TokenizerOptions o;
    o.name = "flores200";
    CHECK(MakeTokenizer(o)->Signature() == "flores200");
  }
  SECTION("~/.sacrebleu/models and $SACREBLEU/models") {
    REQUIRE(system(("mkdir -p '" + home + "/.sacrebleu/models' '" + dir + "/models'").c_str()) == 0);
    CopyFile(TinySpmModelPath(), home + "/.sacrebleu/models/spbleu-1k_tokenizer_spm.model");
    TokenizerOptions o;
    o.name = "spBLEU-1K";
    CHECK(MakeTokenizer(o)->Signature() == "spBLEU-1K");
    CopyFile(TinySpmModelPath(), dir + "/models/sacrebleu_tokenizer_spm.model");
    ScopedEnv env("SACREBLEU", dir.c_str());
    o.name = "flores101";
    CHECK(MakeTokenizer(o)->Signature() == "flores101");
  }
  SECTION("search order: --model-dir first") {
    std::vector<ModelDir> dirs;
    {
      ScopedEnv env("MTEVAL_MODEL_DIR", "/env/dir");
      ScopedEnv sb("SACREBLEU", "/sb");
      dirs = ModelSearchDirs("/given");
    }
    REQUIRE(dirs.size() == 4);
    CHECK(dirs[0].path == "/given");
    CHECK(dirs[1].path == "/env/dir");
    CHECK(dirs[2].path == "/sb/models");
    CHECK(dirs[3].path == home + "/.sacrebleu/models");
  }
  SECTION("a missing model names the file, every place looked and the URL") {
    TokenizerOptions o;
    o.name = "flores200";
    o.model_dir = dir;
    std::string msg;
    CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kUnavailable);
    CHECK_THAT(msg, Catch::Contains("flores200sacrebleuspm"));
    CHECK_THAT(msg, Catch::Contains(dir + "/flores200sacrebleuspm"));
    CHECK_THAT(msg, Catch::Contains(home + "/.sacrebleu/models/flores200sacrebleuspm"));
    CHECK_THAT(msg, Catch::Contains("https://tinyurl.com/flores200sacrebleuspm"));
    CHECK_THAT(msg, Catch::Contains("never downloads"));
    o.name = "spBLEU-1K";
    CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kUnavailable);
    CHECK_THAT(msg, Catch::Contains("https://www.dlnlp.ai/spBLEU-1K/spbleu-1k_tokenizer_spm.model"));
    o.name = "flores101";
    CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kUnavailable);
    CHECK_THAT(msg, Catch::Contains("sacrebleu_tokenizer_spm.model"));
  }
}

TEST_CASE("spm option errors", "[spm]") {
  std::string msg;
  TokenizerOptions o;
  o.name = "spm";
  o.spm_model = "/nonexistent/model.spm";
  CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kInput);
  CHECK_THAT(msg, Catch::Contains("/nonexistent/model.spm"));
  o.name = "flores101";
  o.spm_model = TinySpmModelPath();
  CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kUsage);
  o.name = "13a";
  CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kUsage);
  const std::string dir = testing::MakeTempDir();
  testing::WriteFile(dir + "/bad.model", "not a model");
  o.name = "spm";
  o.spm_model = dir + "/bad.model";
  CHECK(KindOf([&] { MakeTokenizer(o); }, &msg) == ErrorKind::kInput);
  CHECK_THAT(msg, Catch::Contains("cannot load SentencePiece model"));
}

TEST_CASE("mteval score -tok spm --spm-model on the command line", "[spm][cli]") {
  const std::string dir = testing::MakeTempDir();
  std::string text;
  for (const auto& s : TinySpmSentences(50)) text += s + "\n";
  testing::WriteFile(dir + "/ref", text);
  testing::WriteFile(dir + "/hyp", text);
  auto r = testing::RunMteval("score '" + dir + "/ref' -i '" + dir + "/hyp' -tok spm --spm-model '" +
                              TinySpmModelPath() + "'");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"score\": 100.0"));
  CHECK_THAT(r.out, Catch::Contains("tok:spm-" + ShortFileHash(TinySpmModelPath())));
  const std::string home = testing::MakeTempDir();
  r = testing::RunMteval("score '" + dir + "/ref' -i '" + dir + "/hyp' -tok flores200 --model-dir '" + dir + "'");
  CHECK(r.exit_code == 5);
  CHECK_THAT(r.err, Catch::Contains(dir + "/flores200sacrebleuspm"));
}

}  // namespace mteval
