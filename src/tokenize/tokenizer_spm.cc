// sacreBLEU's SentencePiece tokenizers (tokenizer_spm.py):
//     " ".join(sp.EncodeAsPieces(line))
// with the named models flores101 (alias spm), flores200 and spBLEU-1K, plus
// mteval's own `-tok spm --spm-model PATH` for any model file.
//
// SentencePiece itself lives in the plugin libmteval_spm.so (spm_plugin.h,
// spm_plugin.cc), loaded with dlopen on first use: Debian has SentencePiece
// only as a shared library built against the shared libstdc++, while the
// mteval executable links libstdc++ statically for a fast start-up. Only the
// plugin's C interface crosses that boundary. SentencePieceProcessor::Encode
// is const and thread-safe, so one model is shared by every thread.

#include <dlfcn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <new>
#include <string>
#include <vector>

#include <mteval/error.h>
#include "common/input_files.h"
#include "text/python_str.h"
#include "tokenize/builtin_tokenizers.h"
#include "tokenize/model_files.h"
#include "tokenize/spm_plugin.h"

// Set by CMake for this file: the plugin's file name, the directory
// `cmake --install` puts it in, and that directory relative to the installed
// executable's.
#ifndef MTEVAL_SPM_PLUGIN_NAME
#define MTEVAL_SPM_PLUGIN_NAME "libmteval_spm.so"
#endif
#ifndef MTEVAL_PLUGIN_INSTALL_DIR
#define MTEVAL_PLUGIN_INSTALL_DIR ""
#endif
#ifndef MTEVAL_PLUGIN_DIR_FROM_BINDIR
#define MTEVAL_PLUGIN_DIR_FROM_BINDIR ""
#endif

namespace mteval {
namespace {

struct SpmPlugin {
  mteval_spm_open_fn open = nullptr;
  mteval_spm_encode_fn encode = nullptr;
  mteval_spm_close_fn close = nullptr;
};

// Where the plugin is looked for, in order: $MTEVAL_PLUGIN_DIR; the
// directory of the running executable (where the build puts the plugin); the
// install directory relative to the executable's (an installed tree moved
// elsewhere); the configured install directory. Never a directory that only
// the build knew (a build tree under /tmp could hold a planted library when
// an installed mteval runs as root). secure_getenv ignores the variable in a
// setuid or setgid process, as the dynamic loader ignores LD_LIBRARY_PATH
// there; otherwise whoever sets a process's environment controls it anyway
// (LD_PRELOAD).
std::vector<std::string> PluginCandidates() {
  std::vector<std::string> dirs;
  if (const char* env = secure_getenv("MTEVAL_PLUGIN_DIR"); env && *env) dirs.push_back(env);
  std::string exe(4096, '\0');
  ssize_t n = readlink("/proc/self/exe", exe.data(), exe.size());
  if (n > 0 && static_cast<size_t>(n) < exe.size()) {
    exe.resize(static_cast<size_t>(n));
    size_t slash = exe.rfind('/');
    if (slash != std::string::npos) {
      const std::string exe_dir = slash == 0 ? "/" : exe.substr(0, slash);
      dirs.push_back(exe_dir);
      if (*MTEVAL_PLUGIN_DIR_FROM_BINDIR) dirs.push_back(exe_dir + "/" + MTEVAL_PLUGIN_DIR_FROM_BINDIR);
    }
  }
  if (*MTEVAL_PLUGIN_INSTALL_DIR) dirs.push_back(MTEVAL_PLUGIN_INSTALL_DIR);
  std::vector<std::string> paths;
  for (std::string& dir : dirs) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    std::string path = (dir == "/" ? dir : dir + "/") + MTEVAL_SPM_PLUGIN_NAME;
    bool seen = false;
    for (const std::string& p : paths) seen = seen || p == path;
    if (!seen) paths.push_back(path);
  }
  return paths;
}

// Why a plugin file that another user could have put there is not loaded:
// it must belong to root or to this process's user, and not be writable by
// everyone. "" when it may be loaded (or is absent: dlopen says so).
std::string UntrustedPlugin(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return "";
  if (st.st_uid != 0 && st.st_uid != geteuid()) {
    return "not loaded: it belongs to another user (uid " + std::to_string(st.st_uid) + ")";
  }
  if (st.st_mode & S_IWOTH) return "not loaded: anyone may write it";
  return "";
}

SpmPlugin LoadSpmPlugin() {
  std::string tried;
  for (const std::string& path : PluginCandidates()) {
    std::string problem = UntrustedPlugin(path);
    // Never closed: the plugin stays loaded for the life of the process.
    if (void* handle = problem.empty() ? dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL) : nullptr) {
      auto version = reinterpret_cast<mteval_spm_abi_version_fn>(dlsym(handle, "mteval_spm_abi_version"));
      SpmPlugin plugin;
      plugin.open = reinterpret_cast<mteval_spm_open_fn>(dlsym(handle, "mteval_spm_open"));
      plugin.encode = reinterpret_cast<mteval_spm_encode_fn>(dlsym(handle, "mteval_spm_encode"));
      plugin.close = reinterpret_cast<mteval_spm_close_fn>(dlsym(handle, "mteval_spm_close"));
      if (!version || !plugin.open || !plugin.encode || !plugin.close) {
        problem = "not an mteval SentencePiece plugin (missing mteval_spm_* symbols)";
      } else if (version() != MTEVAL_SPM_ABI_VERSION) {
        problem = "plugin interface version " + std::to_string(version()) + ", this mteval needs " +
                  std::to_string(MTEVAL_SPM_ABI_VERSION) + " (a plugin from another build)";
      } else {
        return plugin;
      }
      dlclose(handle);
    } else if (problem.empty()) {
      const char* why = dlerror();
      problem = why ? why : "dlopen failed";
      // glibc starts the message with the path, which is already named.
      if (problem.compare(0, path.size() + 2, path + ": ") == 0) problem.erase(0, path.size() + 2);
    }
    tried += "\n  " + path + ": " + problem;
  }
  throw Error(ErrorKind::kUnavailable,
              "the SentencePiece tokenizers need the plugin " MTEVAL_SPM_PLUGIN_NAME
              ", which could not be loaded; tried:" +
                  tried +
                  "\nRebuild mteval (the build puts the plugin next to the mteval executable), or set "
                  "MTEVAL_PLUGIN_DIR to the directory that holds " MTEVAL_SPM_PLUGIN_NAME
                  " (it needs libsentencepiece: apt-get install libsentencepiece-dev)");
}

// Loaded once per process; a failed load is retried on the next use.
const SpmPlugin& GetSpmPlugin() {
  static const SpmPlugin plugin = LoadSpmPlugin();
  return plugin;
}

// Receives the pieces of one line from the plugin: joins them with spaces
// and notes whether any holds Python whitespace. Must not throw (it is called
// from the plugin's frames).
struct PieceSink {
  std::string* out;
  bool plain = true;
  bool failed = false;
};

int AppendPiece(void* context, const char* data, size_t size) {
  auto* sink = static_cast<PieceSink*>(context);
  if (size == 0) return 0;
  try {
    if (!sink->out->empty()) sink->out->push_back(' ');
    sink->out->append(data, size);
  } catch (...) {
    sink->failed = true;
    return 1;
  }
  for (size_t i = 0; i < size && sink->plain;) {
    if (PySpaceLengthAt(data + i, data + size)) sink->plain = false;
    i += Utf8SequenceLength(static_cast<unsigned char>(data[i]));
  }
  return 0;
}

class TokenizerSpm final : public Tokenizer {
 public:
  TokenizerSpm(const std::string& path, std::string signature)
      : plugin_(GetSpmPlugin()), signature_(std::move(signature)) {
    char error[1024] = "";
    NoteInputFile(path);  // SentencePiece reads it: never an output
    model_ = plugin_.open(path.c_str(), error, sizeof error);
    if (!model_) throw Error(ErrorKind::kInput, "cannot load SentencePiece model '" + path + "': " + error);
  }
  ~TokenizerSpm() override { plugin_.close(model_); }
  TokenizerSpm(const TokenizerSpm&) = delete;
  TokenizerSpm& operator=(const TokenizerSpm&) = delete;

  std::string Signature() const override { return signature_; }

  void Tokenize(std::string_view line, std::string* out) const override {
    out->clear();
    PieceSink sink{out};
    char error[1024] = "";
    int rc = plugin_.encode(model_, line.data(), line.size(), AppendPiece, &sink, error, sizeof error);
    if (sink.failed) throw std::bad_alloc();
    if (rc != 0) throw Error(ErrorKind::kInternal, std::string("SentencePiece failed to encode a line: ") + error);
    // BLEU then calls str.split(); pieces hold no Python whitespace with the
    // usual normalisation rules, but a model with identity normalisation can
    // keep some, so split the joined text the way Python would.
    if (!sink.plain) *out = PyNormalizeSpaces(*out);
  }

 private:
  const SpmPlugin& plugin_;
  mteval_spm_model* model_ = nullptr;
  std::string signature_;
};

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::unique_ptr<Tokenizer> MakeTokenizerSpm(const std::string& name, const TokenizerOptions& options) {
  if (name == "spm" && !options.spm_model.empty()) {
    if (!IsRegularFile(options.spm_model)) {
      throw Error(ErrorKind::kInput, "SentencePiece model '" + options.spm_model + "' (--spm-model) does not exist");
    }
    // A model of the user's own: the signature carries a short hash of the
    // file, so a score can be traced to the exact model.
    return std::make_unique<TokenizerSpm>(options.spm_model, "spm-" + ShortFileHash(options.spm_model));
  }
  if (!options.spm_model.empty()) {
    throw Error(ErrorKind::kUsage, "--spm-model is used only with -tok spm; -tok " + name +
                                       " uses its own model (looked up in --model-dir, $MTEVAL_MODEL_DIR, "
                                       "~/.sacrebleu/models)");
  }
  const NamedSpmModel* model = FindNamedSpmModel(name);
  if (!model) throw Error(ErrorKind::kUsage, "unknown SentencePiece tokenizer '" + name + "'");
  return std::make_unique<TokenizerSpm>(ResolveNamedSpmModel(*model, options.model_dir), model->signature);
}

}  // namespace mteval
