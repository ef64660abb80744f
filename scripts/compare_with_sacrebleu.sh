#!/usr/bin/env bash
# Differential check of the CLI against a local sacreBLEU (not needed for the
# test suite; CI has no sacreBLEU). Runs both with the same arguments and
# diffs the output with the version strings and mteval's extra JSON fields
# removed.
#   SACREBLEU="python3 -m sacrebleu" scripts/compare_with_sacrebleu.sh REF -i HYP -m bleu chrf -f text
set -euo pipefail
SACREBLEU=${SACREBLEU:-"python3 -m sacrebleu"}
MTEVAL=${MTEVAL:-"$(cd "$(dirname "$0")/.." && pwd)/build/release/mteval"}
normalise() {
  sed -E 's/version:(2\.[0-9.]+|mteval-[0-9.]+)/version:V/g; s/v:(2\.[0-9.]+|mteval-[0-9.]+)/v:V/g; s/"version": "[^"]*"/"version": "V"/' |
  python3 -c '
import json, sys
text = sys.stdin.read()
try:
    data = json.loads(text)
except ValueError:
    sys.stdout.write(text); sys.exit()
extra = ["counts", "totals", "precisions", "sys_len", "ref_len", "bp", "char_order", "word_order", "beta", "num_edits", "ref_length"]
items = data if isinstance(data, list) else [data]
for item in items:
    for k in extra:
        item.pop(k, None)
dump = lambda o: json.dumps(o, indent=1, ensure_ascii=False)
print("[\n" + ",\n".join(dump(i) for i in items) + "\n]" if isinstance(data, list) else dump(data))
'
}
if diff <($SACREBLEU "$@" 2>/dev/null | normalise) <("$MTEVAL" score "$@" | normalise); then
  echo "identical: $*"
else
  echo "DIFFERENT: $*" >&2
  exit 1
fi
