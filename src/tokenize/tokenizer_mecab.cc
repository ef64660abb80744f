// sacreBLEU's ja-mecab and ko-mecab tokenizers through MeCab's C++ API.
//
// sacreBLEU (tokenizer_ja_mecab.py) does
//     tagger = MeCab.Tagger(ipadic.MECAB_ARGS + " -Owakati")   # -r /dev/null -d DIC
//     tagger.parse(line.strip()).strip()
// and checks that the dictionary is the IPA dictionary (392,126 entries) with
// no user dictionary; ko-mecab is the same with mecab-ko-dic (811,795
// entries). The signature is "ja-mecab-" + MeCab's version + "-IPA".
//
// Threads: one MeCab::Model and one Tagger are shared (Tagger::parse(Lattice*)
// is const and takes the model's reader lock); each call borrows a Lattice
// (the per-parse state) from a small pool, so concurrent calls never share
// one.

#include <memory>

#include <mteval/error.h>
#include "common/input_files.h"
#include "tokenize/builtin_tokenizers.h"

#ifdef MTEVAL_HAVE_MECAB

#include <mecab.h>
#include <sys/stat.h>

#include <cctype>
#include <mutex>
#include <vector>

#include "text/python_str.h"
#include "tokenize/mecab_dictionary_check.h"

namespace mteval {
namespace {

struct MecabFlavour {
  const char* name;           // "ja-mecab"
  const char* dic_label;      // "the IPA dictionary (mecab-ipadic-utf8)"
  const char* sig_suffix;     // "-IPA"
  // Dictionary sizes accepted: the one sacreBLEU's assert insists on (and
  // Debian's build of the same dictionary, which has one entry more).
  std::vector<unsigned int> entries;
  std::vector<std::string> default_dirs;
  const char* how_to_get;
};

const MecabFlavour& JaFlavour() {
  static const MecabFlavour f = {
      "ja-mecab",
      "the IPA dictionary in UTF-8",
      "-IPA",
      {392126, 392127},
      {"/var/lib/mecab/dic/ipadic-utf8", "/usr/lib/x86_64-linux-gnu/mecab/dic/ipadic-utf8",
       "/usr/local/lib/mecab/dic/ipadic-utf8", "/usr/local/lib/mecab/dic/ipadic", "/usr/lib/mecab/dic/ipadic"},
      "On Debian or Ubuntu: apt-get install mecab-ipadic-utf8 (it installs /var/lib/mecab/dic/ipadic-utf8); "
      "elsewhere pass the IPA dictionary's directory with --mecab-dic DIR"};
  return f;
}

const MecabFlavour& KoFlavour() {
  static const MecabFlavour f = {
      "ko-mecab",
      "mecab-ko-dic",
      "-KO",
      {811795},
      {"/usr/local/lib/mecab/dic/mecab-ko-dic", "/usr/lib/mecab/dic/mecab-ko-dic"},
      "ko-mecab needs mecab-ko-dic 2.1.1-20180720 (the dictionary sacreBLEU's ko-mecab uses), which no Debian "
      "package provides: build it from https://bitbucket.org/eunjeon/mecab-ko-dic (its ./configure && make && "
      "make install puts it in /usr/local/lib/mecab/dic/mecab-ko-dic), or use the compiled copy inside the "
      "mecab-ko-dic Python package (mecab_ko_dic/dictionary/), and pass that directory with --mecab-dic DIR"};
  return f;
}

bool HasSysDic(const std::string& dir) {
  struct stat st;
  return stat((dir + "/sys.dic").c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string FindDictionary(const MecabFlavour& f, const std::string& given) {
  std::vector<std::string> candidates;
  if (!given.empty()) {
    candidates.push_back(given);
  } else {
    candidates = f.default_dirs;
  }
  std::string looked;
  for (const std::string& dir : candidates) {
    if (HasSysDic(dir)) return dir;
    looked += "\n  " + dir + "/sys.dic";
  }
  throw Error(ErrorKind::kUnavailable, std::string("tokenizer '") + f.name + "' needs " + f.dic_label +
                                           ", which was not found; looked for:" + looked + "\n" + f.how_to_get);
}

bool IsUtf8Charset(const char* charset) {
  std::string c;
  for (const char* p = charset ? charset : ""; *p; ++p) {
    if (*p != '-' && *p != '_') c.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
  }
  return c == "utf8";
}

class TokenizerMecab final : public Tokenizer {
 public:
  TokenizerMecab(const MecabFlavour& flavour, const std::string& dic_option) {
    const std::string dic = FindDictionary(flavour, dic_option);
    NoteInputFilesIn(dic);  // MeCab reads the dictionary's files: never an output
    const std::string damage = FindMecabDictionaryDamage(dic);
    if (!damage.empty()) {
      throw Error(ErrorKind::kUnavailable, std::string("tokenizer '") + flavour.name + "': the dictionary in '" + dic +
                                               "' is damaged (" + damage +
                                               "), and MeCab would read outside its files; install it again. " +
                                               flavour.how_to_get);
    }
    // argv form, so that a directory with spaces needs no quoting; "-r
    // /dev/null" ignores any mecabrc, as sacreBLEU's ipadic.MECAB_ARGS does.
    std::vector<std::string> args = {"mteval", "-r", "/dev/null", "-d", dic, "-Owakati"};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    model_.reset(MeCab::createModel(static_cast<int>(argv.size()), argv.data()));
    if (!model_) {
      throw Error(ErrorKind::kUnavailable, std::string("tokenizer '") + flavour.name +
                                               "': MeCab cannot load the dictionary in '" + dic +
                                               "': " + MeCab::getLastError());
    }
    const MeCab::DictionaryInfo* info = model_->dictionary_info();
    bool size_ok = false;
    std::string sizes;
    for (unsigned int n : flavour.entries) {
      size_ok = size_ok || (info && info->size == n);
      sizes += (sizes.empty() ? "" : " or ") + std::to_string(n);
    }
    if (!info || !size_ok || info->next != nullptr || !IsUtf8Charset(info->charset)) {
      throw Error(ErrorKind::kUnavailable,
                  std::string("tokenizer '") + flavour.name + "' needs " + flavour.dic_label + " (" + sizes +
                      " entries, UTF-8, no user dictionary), as sacreBLEU " +
                      "checks; '" + dic + "' has " + (info ? std::to_string(info->size) : std::string("no")) +
                      " entries in " + (info && info->charset ? info->charset : "an unknown charset") +
                      (info && info->next ? " and more than one dictionary" : "") + ". " + flavour.how_to_get);
    }
    tagger_.reset(model_->createTagger());
    if (!tagger_) {
      throw Error(ErrorKind::kUnavailable,
                  std::string("tokenizer '") + flavour.name + "': MeCab cannot create a tagger: " + MeCab::getLastError());
    }
    signature_ = std::string(flavour.name) + "-" + MeCab::Model::version() + flavour.sig_suffix;
  }

  ~TokenizerMecab() override {
    free_.clear();
    tagger_.reset();
    model_.reset();
  }

  std::string Signature() const override { return signature_; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    std::string_view s = PyStrip(line);
    if (s.empty()) return;
    std::unique_ptr<MeCab::Lattice> lattice = Borrow();
    lattice->set_sentence(s.data(), s.size());
    if (!tagger_->parse(lattice.get())) {
      std::string what = lattice->what() ? lattice->what() : "unknown error";
      Return(std::move(lattice));
      throw Error(ErrorKind::kInternal, "MeCab failed to parse a line: " + what);
    }
    // -Owakati prints "tok tok ... tok \n"; the caller sees " ".join(
    // out.strip().split()) since BLEU splits on Python whitespace.
    const char* text = lattice->toString();
    if (text) {
      ForEachPyWord(text, [&](std::string_view w) {
        if (!out->empty()) out->push_back(' ');
        out->append(w);
      });
    }
    lattice->clear();
    Return(std::move(lattice));
  }

 private:
  std::unique_ptr<MeCab::Lattice> Borrow() const {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!free_.empty()) {
        std::unique_ptr<MeCab::Lattice> l = std::move(free_.back());
        free_.pop_back();
        return l;
      }
    }
    std::unique_ptr<MeCab::Lattice> l(model_->createLattice());
    if (!l) throw Error(ErrorKind::kInternal, "MeCab cannot create a lattice: " + std::string(MeCab::getLastError()));
    return l;
  }

  void Return(std::unique_ptr<MeCab::Lattice> l) const {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(l));
  }

  std::unique_ptr<MeCab::Model> model_;
  std::unique_ptr<MeCab::Tagger> tagger_;
  std::string signature_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<MeCab::Lattice>> free_;
};

}  // namespace

bool MecabAvailable() { return true; }

std::unique_ptr<Tokenizer> MakeTokenizerJaMecab(const TokenizerOptions& options) {
  return std::make_unique<TokenizerMecab>(JaFlavour(), options.mecab_dic);
}

std::unique_ptr<Tokenizer> MakeTokenizerKoMecab(const TokenizerOptions& options) {
  return std::make_unique<TokenizerMecab>(KoFlavour(), options.mecab_dic);
}

}  // namespace mteval

#else  // !MTEVAL_HAVE_MECAB

namespace mteval {
namespace {

[[noreturn]] void NotBuilt(const char* name) {
  throw Error(ErrorKind::kUnavailable,
              std::string("tokenizer '") + name +
                  "' is not available: this mteval was built without MeCab (its build printed a notice). "
                  "Install MeCab and the dictionary (apt-get install libmecab-dev mecab-ipadic-utf8), then "
                  "rebuild mteval.");
}

}  // namespace

bool MecabAvailable() { return false; }
std::unique_ptr<Tokenizer> MakeTokenizerJaMecab(const TokenizerOptions&) { NotBuilt("ja-mecab"); }
std::unique_ptr<Tokenizer> MakeTokenizerKoMecab(const TokenizerOptions&) { NotBuilt("ko-mecab"); }

}  // namespace mteval

#endif  // MTEVAL_HAVE_MECAB
