#!/usr/bin/env bash
# Installs the built library into a temporary prefix, builds examples/
# against it with find_package (shared and static) and with pkg-config, and
# checks that the programs print what the mteval executable prints.
#
#   install_test.sh BUILD_DIR SOURCE_DIR [FLAGS]
#
# FLAGS (e.g. the sanitizer flags of a sanitized build) go to every compile
# and link of the examples.
set -euo pipefail
build=$1
src=$2
flags=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >/dev/null

# Only public headers are installed, and each compiles on its own.
test -f "$prefix/include/mteval/mteval.h"
if find "$prefix/include" -type f | grep -v '/include/mteval/[a-z_]*\.h$'; then
  echo "install_test: unexpected installed header (above)" >&2; exit 1
fi
for h in "$prefix"/include/mteval/*.h; do
  echo "#include <mteval/$(basename "$h")>" > "$work/one.cc"
  c++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I"$prefix/include" "$work/one.cc"
done
libdir=$(dirname "$(find "$prefix" -name 'libmteval.so.0' | head -1)")
test -f "$libdir/libmteval.a"
test -L "$libdir/libmteval.so"

hyp=$src/tests/golden/wmt22/generaltest2022.zh-en.hyp.AISP-SJTU.en
refa=$src/tests/golden/wmt22/generaltest2022.zh-en.ref.A.en
refb=$src/tests/golden/wmt22/generaltest2022.zh-en.ref.B.en
"$build/mteval" score "$refa" "$refb" -i "$hyp" -m bleu chrf ter -f json > "$work/expected.json"
rel=$src/corpora/release
"$build/mteval" terms --src "$rel/workshop.zh" --hyp "$rel/mt-generic.en" --glossary "$rel/glossary.tsv" -f json \
  > "$work/terms.json"
expected_accuracy=$(python3 -c 'import json,sys; g=json.load(open(sys.argv[1]))["glossary"]; print("%d of %d" % (g["correct"], g["term_occurrences"]))' "$work/terms.json")

check() {  # check DIR: run both examples built in DIR
  local dir=$1
  LD_LIBRARY_PATH=$libdir "$dir/score_corpus" "$hyp" "$refa" "$refb" > "$work/got.json"
  if ! cmp -s "$work/expected.json" "$work/got.json"; then
    echo "install_test: $dir/score_corpus differs from mteval score:" >&2
    diff "$work/expected.json" "$work/got.json" >&2 || true
    exit 1
  fi
  LD_LIBRARY_PATH=$libdir "$dir/check_glossary" "$rel/glossary.tsv" "$rel/workshop.zh" "$rel/mt-generic.en" \
    > "$work/glossary.txt"
  if ! grep -q "^term accuracy: $expected_accuracy " "$work/glossary.txt"; then
    echo "install_test: $dir/check_glossary does not report $expected_accuracy:" >&2
    cat "$work/glossary.txt" >&2
    exit 1
  fi
  echo "install_test: $(basename "$dir"): score_corpus and check_glossary agree with mteval"
}

for kind in shared static; do
  static=OFF; [ $kind = static ] && static=ON
  cmake -S "$src/examples" -B "$work/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" -DMTEVAL_EXAMPLES_STATIC=$static \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >/dev/null
  cmake --build "$work/cmake-$kind" >/dev/null
  check "$work/cmake-$kind"
done

export PKG_CONFIG_PATH=$libdir/pkgconfig
mkdir -p "$work/pkg-config"
for example in score_corpus check_glossary; do
  # shellcheck disable=SC2046
  c++ -O1 $flags $(pkg-config --cflags mteval) "$src/examples/$example.cc" -o "$work/pkg-config/$example" \
    $(pkg-config --libs mteval)
done
check "$work/pkg-config"
