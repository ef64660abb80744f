#!/usr/bin/env bash
# The whole test suite from a clean clone: installs missing Debian packages,
# builds from scratch in Release mode and with ASan+UBSan, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [ -n "${MTEVAL_SHARED_DIR:-}" ] || [ -e ../shared ]; then
  # The shared data is meant to be there (CI has it): a test that finds no
  # parity data there fails instead of skipping (tests/support/shared_data.h),
  # and a parity test that checks no line fails.
  export MTEVAL_REQUIRE_SHARED_DATA=1
else
  echo "NOTE: ../shared is absent: ctest reports the tests that need it as skipped; tests/golden still checks sacreBLEU's figures."
fi
rm -rf build/release build/asan build/fuzz

echo "== Release build =="
scripts/build.sh release
(cd build/release && ctest --output-on-failure -j "${MTEVAL_JOBS:-$(nproc)}")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer build =="
scripts/build.sh asan
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build/asan && ctest --output-on-failure -j "${MTEVAL_JOBS:-$(nproc)}")

echo "== libFuzzer targets (clang, ASan + UBSan): ${MTEVAL_FUZZ_SECONDS:-30} s each =="
scripts/fuzz.sh "${MTEVAL_FUZZ_SECONDS:-30}"
