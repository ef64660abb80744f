#include "terms/stemmer.h"

#include <dlfcn.h>
#include <libstemmer.h>

#include <mteval/error.h>

// libstemmer is opened with dlopen on first use instead of being linked: its
// tables of pointers (about 330 KB) would otherwise be relocated, page by
// page, at every start of the static mteval executable, although only
// `--stem` needs them. The header still supplies the C interface's types.
#ifndef MTEVAL_STEMMER_SONAME
#define MTEVAL_STEMMER_SONAME "libstemmer.so.0d"
#endif

namespace mteval {
namespace {

struct StemmerLibrary {
  decltype(&sb_stemmer_list) list = nullptr;
  decltype(&sb_stemmer_new) create = nullptr;
  decltype(&sb_stemmer_delete) destroy = nullptr;
  decltype(&sb_stemmer_stem) stem = nullptr;
  decltype(&sb_stemmer_length) length = nullptr;
};

StemmerLibrary Load() {
  // Never closed: the library stays loaded for the life of the process.
  void* handle = dlopen(MTEVAL_STEMMER_SONAME, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    throw Error(ErrorKind::kUnavailable, std::string("stemming (--stem) needs the Snowball library " MTEVAL_STEMMER_SONAME
                                                     ", which could not be loaded: ") +
                                             (why ? why : "dlopen failed") +
                                             "\nInstall it with: apt-get install libstemmer0d");
  }
  StemmerLibrary lib;
  lib.list = reinterpret_cast<decltype(lib.list)>(dlsym(handle, "sb_stemmer_list"));
  lib.create = reinterpret_cast<decltype(lib.create)>(dlsym(handle, "sb_stemmer_new"));
  lib.destroy = reinterpret_cast<decltype(lib.destroy)>(dlsym(handle, "sb_stemmer_delete"));
  lib.stem = reinterpret_cast<decltype(lib.stem)>(dlsym(handle, "sb_stemmer_stem"));
  lib.length = reinterpret_cast<decltype(lib.length)>(dlsym(handle, "sb_stemmer_length"));
  if (!lib.list || !lib.create || !lib.destroy || !lib.stem || !lib.length) {
    dlclose(handle);
    throw Error(ErrorKind::kUnavailable, "the library " MTEVAL_STEMMER_SONAME
                                         " lacks the sb_stemmer_* functions; reinstall libstemmer0d");
  }
  return lib;
}

// Loaded once, thread-safely (a function-local static); a failed load throws
// again on the next use.
const StemmerLibrary& Library() {
  static const StemmerLibrary lib = Load();
  return lib;
}

}  // namespace

std::vector<std::string> StemmerLanguages() {
  std::vector<std::string> out;
  for (const char** p = Library().list(); *p != nullptr; ++p) out.emplace_back(*p);
  return out;
}

struct Stemmer::Impl {
  const StemmerLibrary* lib = nullptr;
  sb_stemmer* stemmer = nullptr;
};

Stemmer::Stemmer(const std::string& language) : impl_(new Impl) {
  impl_->lib = &Library();
  impl_->stemmer = impl_->lib->create(language.c_str(), "UTF_8");
  if (impl_->stemmer == nullptr) {
    std::string list;
    for (const auto& l : StemmerLanguages()) list += (list.empty() ? "" : ", ") + l;
    throw Error(ErrorKind::kUnavailable,
                "no Snowball stemmer for language '" + language + "' (available: " + list + ")");
  }
}

Stemmer::~Stemmer() {
  if (impl_ && impl_->stemmer) impl_->lib->destroy(impl_->stemmer);
}

std::string Stemmer::Stem(std::string_view word) {
  const StemmerLibrary& lib = *impl_->lib;
  const sb_symbol* s =
      lib.stem(impl_->stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (s == nullptr) throw Error(ErrorKind::kInternal, "Snowball stemmer out of memory");
  return std::string(reinterpret_cast<const char*>(s), static_cast<size_t>(lib.length(impl_->stemmer)));
}

}  // namespace mteval
