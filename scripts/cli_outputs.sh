#!/usr/bin/env bash
# Writes what an mteval binary prints for a fixed set of commands on the
# WMT22 data (../shared/wmt22) into OUTDIR, one file per command, so that two
# builds can be compared byte for byte (diff -r) around a refactoring.
#
#   scripts/cli_outputs.sh BINARY OUTDIR
set -euo pipefail
bin="$(realpath "$1")"
out="$2"
cd "$(dirname "$0")/.."
w="${MTEVAL_SHARED_DIR:-../shared}/wmt22"
[ -d "$w" ] || { echo "cli_outputs: $w is absent" >&2; exit 2; }
mkdir -p "$out"
ref() { echo "$w/references/generaltest2022.$1.ref.$2.${1#*-}"; }
hyps() { ls "$w"/system-outputs/generaltest2022."$1".hyp.*."${1#*-}" | head -n "$2"; }
n=0
run() {  # run NAME ARGS...: stdout, stderr and the exit code
  local name="$1"; shift
  n=$((n + 1))
  set +e
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo $? >"$out/$name.rc"
  set -e
}
for pair in zh-en en-de en-ja en-zh cs-uk de-fr; do
  mapfile -t h < <(hyps "$pair" 3)
  run "$pair.corpus" score "$(ref "$pair" A)" -i "${h[@]}" -m bleu chrf ter -f json
  run "$pair.corpus1" score "$(ref "$pair" A)" -i "${h[0]}" -m bleu chrf ter -f json -w 4
  run "$pair.chrfpp" score "$(ref "$pair" A)" -i "${h[0]}" -m chrf --chrf-word-order 2 -f text
  for m in bleu chrf ter; do
    run "$pair.sentence-$m" score "$(ref "$pair" A)" -i "${h[0]}" -m "$m" -sl -f jsonl
  done
  run "$pair.paired" score "$(ref "$pair" A)" -i "${h[@]}" -m bleu chrf --paired-bs -f json
  run "$pair.ci" score "$(ref "$pair" A)" -i "${h[0]}" -m bleu ter --confidence -f json
  run "$pair.compare" compare "$(ref "$pair" A)" -i "${h[@]}" -m bleu chrf ter -f json
done
for xml in "$w"/xml/*.xml; do
  run "$(basename "$xml").ref" score "$xml" -i "$xml" --hyp-format wmt-xml -m bleu -f json || true
done
run release.terms terms --src corpora/release/workshop.zh --ref corpora/release/workshop.ref.en \
  --hyp corpora/release/mt-generic.en --glossary corpora/release/glossary.tsv -f json
echo "cli_outputs: $n commands into $out"
