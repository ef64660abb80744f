#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan, whole library
# instrumented) and runs each one from its seed corpus.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30); with MTEVAL_FUZZ_RUNS=N, each target
# stops after N executions or SECONDS, whichever comes first. Without TARGET, every fuzz/*_fuzzer.cc. New inputs go to
# build/fuzz/corpus/<target>/, crashes to build/fuzz/artifacts/. Exits
# non-zero on the first finding (crash, sanitizer report, leak, timeout or
# out-of-memory), after printing the reproducer's path. Prints one line per
# target: executions, seconds, and the corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
jobs="${MTEVAL_JOBS:-$(nproc)}"
dir=build/fuzz
CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTEVAL_BUILD_FUZZERS=ON \
  -DMTEVAL_BUILD_TESTS=OFF -DMTEVAL_BUILD_BENCH=OFF >/dev/null
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in fuzz/*_fuzzer.cc; do targets+=("$(basename "$src" .cc)"); done
fi
cmake --build "$dir" -j "$jobs" --target "${targets[@]}" >/dev/null
mkdir -p "$dir/artifacts"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
limit=(-max_total_time="$seconds")
if [ -n "${MTEVAL_FUZZ_RUNS:-}" ]; then limit+=(-runs="$MTEVAL_FUZZ_RUNS"); fi
for t in "${targets[@]}"; do
  seeds="fuzz/seeds/${t%_fuzzer}"
  corpus="$dir/corpus/$t"
  mkdir -p "$corpus"
  log="$dir/$t.log"
  start=$(date +%s)
  if ! "$dir/fuzz/$t" "${limit[@]}" -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$dir/artifacts/$t-" "$corpus" "$seeds" >"$log" 2>&1; then
    tail -40 "$log" >&2
    echo "fuzz: $t FOUND A BUG (log $log; reproducer under $dir/artifacts/)" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "fuzz: $t ${runs:-?} executions in $(( $(date +%s) - start )) s, no finding; corpus $(ls "$corpus" | wc -l) inputs"
done
