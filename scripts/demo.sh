#!/usr/bin/env bash
# Quick start: installs what is missing, builds, and scores the bundled
# translated release (corpora/release) for three MT systems, then writes
# the comparison report (HTML, with significance and terminology) and
# prints its path.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release -DMTEVAL_BUILD_TESTS=OFF -DMTEVAL_BUILD_BENCH=OFF >/dev/null
bin=build/release/mteval
c=corpora/release
echo
echo "Scoring three MT systems (BLEU, chrF, TER) on a translated press release ($c):"
echo
"$bin" score "$c/workshop.ref.en" -i "$c/mt-glossary.en" "$c/mt-generic.en" "$c/mt-literal.en" \
  -m bleu chrf ter -f text
echo
echo "Terminology of the generic MT system against the sample glossary ($c/glossary.tsv),"
echo "and the release checks that need no glossary:"
echo
"$bin" terms --src "$c/workshop.zh" --ref "$c/workshop.ref.en" --hyp "$c/mt-generic.en" \
  --glossary "$c/glossary.tsv" -f text
echo
echo "Writing the comparison report (ranking with 95% intervals, paired bootstrap and clusters,"
echo "charts, n-grams, examples, terminology against the glossary, release checks):"
report=build/demo-report.html
"$bin" compare "$c/workshop.ref.en" -i "$c/mt-glossary.en" "$c/mt-generic.en" "$c/mt-literal.en" \
  --src "$c/workshop.zh" --glossary "$c/glossary.tsv" --release-checks -m bleu chrf ter -o "$report" --force >/dev/null
echo "$(pwd)/$report"
