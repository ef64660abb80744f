#include "tokenize/model_files.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <mteval/error.h>
#include "common/input_files.h"

namespace mteval {

const std::vector<NamedSpmModel>& NamedSpmModels() {
  // sacreBLEU 2.6.0, SPM_MODELS. The cache file name is os.path.basename(url),
  // which for flores200's short link is "flores200sacrebleuspm".
  static const std::vector<NamedSpmModel> models = {
      {"flores101", "sacrebleu_tokenizer_spm.model",
       "https://dl.fbaipublicfiles.com/fairseq/models/flores/sacrebleu_tokenizer_spm.model", "flores101"},
      {"flores200", "flores200sacrebleuspm", "https://tinyurl.com/flores200sacrebleuspm", "flores200"},
      {"spBLEU-1K", "spbleu-1k_tokenizer_spm.model", "https://www.dlnlp.ai/spBLEU-1K/spbleu-1k_tokenizer_spm.model",
       "spBLEU-1K"},
  };
  return models;
}

const NamedSpmModel* FindNamedSpmModel(std::string_view name) {
  if (name == "spm") name = "flores101";  // sacreBLEU: 'spm' has been changed to 'flores101'
  for (const NamedSpmModel& m : NamedSpmModels()) {
    if (name == m.name) return &m;
  }
  return nullptr;
}

std::vector<ModelDir> ModelSearchDirs(const std::string& model_dir) {
  std::vector<ModelDir> dirs;
  if (!model_dir.empty()) dirs.push_back({model_dir, "--model-dir"});
  if (const char* env = std::getenv("MTEVAL_MODEL_DIR"); env && *env) dirs.push_back({env, "$MTEVAL_MODEL_DIR"});
  if (const char* env = std::getenv("SACREBLEU"); env && *env) {
    dirs.push_back({std::string(env) + "/models", "sacreBLEU's cache ($SACREBLEU/models)"});
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    dirs.push_back({std::string(home) + "/.sacrebleu/models", "sacreBLEU's cache"});
  }
  return dirs;
}

namespace {

bool IsRegularFile(const std::string& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

std::string ResolveNamedSpmModel(const NamedSpmModel& model, const std::string& model_dir) {
  std::vector<ModelDir> dirs = ModelSearchDirs(model_dir);
  std::string looked;
  for (const ModelDir& d : dirs) {
    std::string path = d.path + "/" + model.file_name;
    if (IsRegularFile(path)) return path;
    looked += "\n  " + path + "  (" + d.origin + ")";
  }
  if (dirs.empty()) looked = "\n  (nowhere: no --model-dir, $MTEVAL_MODEL_DIR or $HOME is set)";
  throw Error(ErrorKind::kUnavailable,
              std::string("the SentencePiece model for -tok ") + model.name + " was not found; looked for '" +
                  model.file_name + "' at:" + looked + "\nmteval never downloads models. Get the file from " +
                  model.url + " and save it as '" + model.file_name +
                  "' in one of those directories (or in a directory given with --model-dir or $MTEVAL_MODEL_DIR); "
                  "sacreBLEU keeps it in ~/.sacrebleu/models/ once it has used it.");
}

// ---- SHA-256 (FIPS 180-4) -------------------------------------------------

namespace {

class Sha256 {
 public:
  void Update(const unsigned char* p, size_t n) {
    total_ += n;
    while (n > 0) {
      size_t take = std::min(n, sizeof buf_ - used_);
      std::memcpy(buf_ + used_, p, take);
      used_ += take;
      p += take;
      n -= take;
      if (used_ == sizeof buf_) {
        Block(buf_);
        used_ = 0;
      }
    }
  }

  std::string HexDigest() {
    const uint64_t bits = total_ * 8;
    const unsigned char one = 0x80, zero = 0;
    Update(&one, 1);
    while (used_ != 56) Update(&zero, 1);
    unsigned char len[8];
    for (int i = 0; i < 8; ++i) len[i] = static_cast<unsigned char>(bits >> (56 - 8 * i));
    Update(len, 8);
    static const char* kHex = "0123456789abcdef";
    std::string out;
    for (uint32_t v : h_) {
      for (int s = 28; s >= 0; s -= 4) out.push_back(kHex[(v >> s) & 0xF]);
    }
    return out;
  }

 private:
  static uint32_t Rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

  void Block(const unsigned char* b) {
    static const uint32_t k[64] = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = (uint32_t{b[4 * i]} << 24) | (uint32_t{b[4 * i + 1]} << 16) | (uint32_t{b[4 * i + 2]} << 8) |
             uint32_t{b[4 * i + 3]};
    }
    for (int i = 16; i < 64; ++i) {
      uint32_t s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h_[0], bb = h_[1], c = h_[2], d = h_[3], e = h_[4], f = h_[5], g = h_[6], h = h_[7];
    for (int i = 0; i < 64; ++i) {
      uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
      uint32_t ch = (e & f) ^ (~e & g);
      uint32_t t1 = h + s1 + ch + k[i] + w[i];
      uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
      uint32_t maj = (a & bb) ^ (a & c) ^ (bb & c);
      uint32_t t2 = s0 + maj;
      h = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = bb;
      bb = a;
      a = t1 + t2;
    }
    h_[0] += a;
    h_[1] += bb;
    h_[2] += c;
    h_[3] += d;
    h_[4] += e;
    h_[5] += f;
    h_[6] += g;
    h_[7] += h;
  }

  uint32_t h_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  unsigned char buf_[64];
  size_t used_ = 0;
  uint64_t total_ = 0;
};

}  // namespace

std::string Sha256Hex(std::string_view data) {
  Sha256 h;
  h.Update(reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return h.HexDigest();
}

std::string FileSha256Hex(const std::string& path) {
  const int fd = OpenInput(path);
  Sha256 h;
  unsigned char buf[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n == 0) break;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw Error(ErrorKind::kInput, "cannot read '" + path + "': " + std::strerror(err));
    }
    h.Update(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return h.HexDigest();
}

std::string ShortFileHash(const std::string& path) { return FileSha256Hex(path).substr(0, 8); }

}  // namespace mteval
