#!/usr/bin/env bash
# Installs the Debian packages mteval needs, only those that are missing.
# Safe to run repeatedly; needs root (or sudo) only when something is missing.
set -euo pipefail

# The -dev packages of ICU, zlib, MeCab, libstemmer, pugixml and RE2 also hold
# the static archives that the mteval executable links (MTEVAL_STATIC_CLI).
PACKAGES=(
  g++ cmake make pkg-config
  libicu-dev zlib1g-dev nlohmann-json3-dev
  libsentencepiece-dev libeigen3-dev
  libmecab-dev mecab-ipadic-utf8
  libstemmer-dev libpugixml-dev libre2-dev
  catch2 libbenchmark-dev
  # the libFuzzer targets (scripts/fuzz.sh): clang and its sanitizer runtimes
  clang libclang-rt-14-dev
  # the report's browser test (headless Chromium) and a CJK font for it
  chromium fonts-wqy-microhei
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#PACKAGES[@]} Debian packages are installed"
  exit 0
fi

echo "setup: installing missing Debian packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
