#!/usr/bin/env bash
# Configures and builds mteval. Usage: scripts/build.sh [release|asan] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-release}"
shift || true
jobs="${MTEVAL_JOBS:-$(nproc)}"
case "$mode" in
  release) dir=build/release; args=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan)    dir=build/asan;    args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DMTEVAL_SANITIZE=ON -DMTEVAL_BUILD_BENCH=OFF) ;;
  *) echo "usage: $0 [release|asan]" >&2; exit 2 ;;
esac
cmake -S . -B "$dir" "${args[@]}" "$@" >/dev/null
cmake --build "$dir" -j "$jobs"
echo "$dir"
