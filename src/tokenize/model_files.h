#pragma once
// Where tokenizer model files come from. mteval never downloads anything: the
// named SentencePiece models (flores101, flores200, spBLEU-1K) are looked up
// under sacreBLEU's own file names in a list of directories, so a user who
// already has sacreBLEU's cache (~/.sacrebleu/models/) needs nothing else.

#include <string>
#include <string_view>
#include <vector>

namespace mteval {

// A SentencePiece model that sacreBLEU 2.6.0 knows by name
// (sacrebleu/tokenizers/tokenizer_spm.py, SPM_MODELS).
struct NamedSpmModel {
  const char* name;       // the -tok value: "flores101", ...
  const char* file_name;  // sacreBLEU's cache file name: basename of the URL
  const char* url;        // where sacreBLEU downloads it from
  const char* signature;  // the tok: signature value
};

// The entry for `name` ("spm" is sacreBLEU's old alias of flores101), or
// nullptr.
const NamedSpmModel* FindNamedSpmModel(std::string_view name);

// The named models in help order: flores101, flores200, spBLEU-1K.
const std::vector<NamedSpmModel>& NamedSpmModels();

// The directories searched for named models, in order, each with a short
// description of where it came from:
//   1. `model_dir` (--model-dir), when not empty;
//   2. $MTEVAL_MODEL_DIR, when set;
//   3. $SACREBLEU/models, when $SACREBLEU is set (sacreBLEU's own override);
//   4. $HOME/.sacrebleu/models (sacreBLEU's default cache).
struct ModelDir {
  std::string path;
  std::string origin;  // e.g. "--model-dir", "$MTEVAL_MODEL_DIR"
};
std::vector<ModelDir> ModelSearchDirs(const std::string& model_dir);

// The path of the first existing `model.file_name` in ModelSearchDirs();
// throws Error(kUnavailable) naming every path looked at and the URL from
// which the file can be obtained.
std::string ResolveNamedSpmModel(const NamedSpmModel& model, const std::string& model_dir);

// Lower-case hex SHA-256 of `data`, and of a file's bytes (throws
// Error(kInput) when the file cannot be read).
std::string Sha256Hex(std::string_view data);
std::string FileSha256Hex(const std::string& path);

// The first 8 hex digits of the file's SHA-256: what a custom --spm-model adds
// to the signature (tok:spm-1a2b3c4d). `sha256sum FILE | cut -c1-8` gives the
// same digits.
std::string ShortFileHash(const std::string& path);

}  // namespace mteval
