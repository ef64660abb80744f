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

set(MTEVAL_DEP_LIBS ICU::uc ICU::i18n ICU::data ZLIB::ZLIB nlohmann_json::nlohmann_json Threads::Threads)
set(MTEVAL_DEP_DEFS "")

if(MTEVAL_BUILD_TESTS)
  find_package(Catch2 2 QUIET)
  mteval_require(Catch2_FOUND "Catch2 v2 (tests)" "catch2")
endif()
if(MTEVAL_BUILD_BENCH)
  find_package(benchmark QUIET)
  mteval_require(benchmark_FOUND "Google Benchmark" "libbenchmark-dev")
endif()
