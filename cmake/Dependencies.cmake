# Finds mteval's dependencies. Each missing one stops configuration with the
# Debian package that provides it, because users build on fresh Debian boxes.

function(mteval_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR
      "mteval: ${what} was not found. Install it with:\n"
      "    apt-get install ${package}\n"
      "(or run scripts/setup.sh, which installs every dependency).")
  endif()
endfunction()

find_package(ICU COMPONENTS uc i18n data QUIET)
mteval_require(ICU_FOUND "ICU (Unicode library)" "libicu-dev")

find_package(ZLIB QUIET)
mteval_require(ZLIB_FOUND "zlib (gzip input)" "zlib1g-dev")

find_package(nlohmann_json 3 QUIET)
mteval_require(nlohmann_json_FOUND "nlohmann-json (JSON I/O)" "nlohmann-json3-dev")

find_package(Threads REQUIRED)

find_package(PkgConfig QUIET)
mteval_require(PKG_CONFIG_FOUND "pkg-config" "pkg-config")

# Eigen: resampling and statistics as matrix work (header-only).
find_package(Eigen3 3.3 NO_MODULE QUIET)
mteval_require(Eigen3_FOUND "Eigen 3 (matrix statistics)" "libeigen3-dev")

# SentencePiece: the spm/flores/spBLEU tokenizers (and the trainer for tests).
pkg_check_modules(SENTENCEPIECE QUIET IMPORTED_TARGET sentencepiece)
mteval_require(SENTENCEPIECE_FOUND "SentencePiece" "libsentencepiece-dev")

# pugixml: WMT XML, XLIFF, TMX, TBX and SGML readers.
find_package(pugixml QUIET)
mteval_require(pugixml_FOUND "pugixml (XML reader)" "libpugixml-dev")

# RE2: --subset REGEX, matched in linear time without recursion (a long
# document id must not exhaust the stack, as std::regex did).
pkg_check_modules(RE2 QUIET IMPORTED_TARGET re2)
mteval_require(RE2_FOUND "RE2 (regular expressions)" "libre2-dev")

# Snowball stemmers: inflection-aware terminology matching.
find_path(LIBSTEMMER_INCLUDE_DIR libstemmer.h)
find_library(LIBSTEMMER_LIBRARY stemmer)
if(LIBSTEMMER_INCLUDE_DIR AND LIBSTEMMER_LIBRARY)
  set(LIBSTEMMER_FOUND TRUE)
endif()
mteval_require(LIBSTEMMER_FOUND "Snowball libstemmer" "libstemmer-dev")
# Not linked: metrics/terms/stemmer.cc opens the shared library with dlopen on
# first use (its pointer tables would cost every start-up their relocation),
# so only the header and the library's soname are needed here.
add_library(mteval_libstemmer INTERFACE)
target_include_directories(mteval_libstemmer INTERFACE ${LIBSTEMMER_INCLUDE_DIR})
set(MTEVAL_STEMMER_SONAME "libstemmer.so.0d")
if(CMAKE_OBJDUMP AND LIBSTEMMER_LIBRARY MATCHES "\\.so")
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${LIBSTEMMER_LIBRARY} OUTPUT_VARIABLE stemmer_dump ERROR_QUIET)
  if(stemmer_dump MATCHES "SONAME +([^\n ]+)")
    set(MTEVAL_STEMMER_SONAME "${CMAKE_MATCH_1}")
  endif()
endif()
message(STATUS "mteval: --stem opens ${MTEVAL_STEMMER_SONAME} on first use")

# Header-only and system dependencies of mteval_core.
set(MTEVAL_DEP_LIBS nlohmann_json::nlohmann_json Threads::Threads Eigen3::Eigen ${CMAKE_DL_LIBS})
set(MTEVAL_DEP_DEFS "")
# Compiled libraries, as shared libraries (tests, benchmarks, a dynamic CLI)
# and as the static archives the CLI links with MTEVAL_STATIC_CLI. Static
# order matters: users before the libraries they use. SentencePiece is in
# neither: only the plugin libmteval_spm.so (and the tests) link it.
set(MTEVAL_SHARED_DEP_LIBS ICU::uc ICU::i18n ICU::data ZLIB::ZLIB pugixml::pugixml PkgConfig::RE2 mteval_libstemmer)
set(MTEVAL_STATIC_DEP_NAMES pugixml re2)

# MeCab is optional: the ja-mecab and ko-mecab tokenizers are built when it is
# found, and otherwise report that they were not built.
find_program(MECAB_CONFIG mecab-config)
find_path(MECAB_INCLUDE_DIR mecab.h)
find_library(MECAB_LIBRARY mecab)
if(MECAB_INCLUDE_DIR AND MECAB_LIBRARY)
  add_library(mteval_mecab INTERFACE)
  target_include_directories(mteval_mecab INTERFACE ${MECAB_INCLUDE_DIR})
  target_link_libraries(mteval_mecab INTERFACE ${MECAB_LIBRARY})
  list(APPEND MTEVAL_SHARED_DEP_LIBS mteval_mecab)
  list(APPEND MTEVAL_STATIC_DEP_NAMES mecab)
  list(APPEND MTEVAL_DEP_DEFS MTEVAL_HAVE_MECAB=1)
  message(STATUS "mteval: MeCab found (${MECAB_LIBRARY}): ja-mecab and ko-mecab are built")
else()
  message(NOTICE "mteval: MeCab was not found, so the ja-mecab and ko-mecab tokenizers are not built "
                 "(they will report this when used). To build them: apt-get install libmecab-dev mecab-ipadic-utf8")
endif()

list(APPEND MTEVAL_STATIC_DEP_NAMES icui18n icuuc icudata z)

# The static CLI needs the static archive of each compiled library (from the
# same -dev packages as the shared ones). Sanitizer runtimes are shared
# libraries, so a sanitized build links dynamically; so does a machine
# without the archives.
set(MTEVAL_STATIC_CLI_ACTIVE OFF)
if(MTEVAL_STATIC_CLI AND MTEVAL_SANITIZE)
  message(NOTICE "mteval: MTEVAL_SANITIZE=ON, so the mteval executable is linked dynamically (MTEVAL_STATIC_CLI ignored)")
elseif(MTEVAL_STATIC_CLI)
  set(MTEVAL_STATIC_DEP_LIBS "")
  set(missing "")
  foreach(name ${MTEVAL_STATIC_DEP_NAMES})
    find_library(MTEVAL_STATIC_LIB_${name} NAMES lib${name}.a)
    if(MTEVAL_STATIC_LIB_${name})
      list(APPEND MTEVAL_STATIC_DEP_LIBS ${MTEVAL_STATIC_LIB_${name}})
    else()
      list(APPEND missing lib${name}.a)
    endif()
  endforeach()
  if(missing)
    list(JOIN missing ", " missing)
    message(NOTICE "mteval: static archives not found (${missing}), so the mteval executable is linked "
                   "dynamically and starts slower. They come with libicu-dev zlib1g-dev libpugixml-dev "
                   "libre2-dev libmecab-dev (scripts/setup.sh installs them); or set -DMTEVAL_STATIC_CLI=OFF.")
  else()
    list(APPEND MTEVAL_STATIC_DEP_LIBS ${CMAKE_DL_LIBS} Threads::Threads m)
    set(MTEVAL_STATIC_CLI_ACTIVE ON)
    message(STATUS "mteval: the mteval executable links libstdc++, ICU, zlib, pugixml, RE2 and MeCab statically")
  endif()
endif()

if(MTEVAL_BUILD_TESTS)
  find_package(Catch2 2 QUIET)
  mteval_require(Catch2_FOUND "Catch2 v2 (tests)" "catch2")
endif()
if(MTEVAL_BUILD_BENCH)
  find_package(benchmark QUIET)
  mteval_require(benchmark_FOUND "Google Benchmark" "libbenchmark-dev")
endif()
