#!/bin/sh
# run.sh GISA - compare gisa's output on every sample with the golden files,
# byte for byte; print a diff for each mismatch. Exit 0 when all match.
# Regenerate with tests/golden/update.sh (and review the diff).
GISA=${1:?usage: run.sh path/to/gisa}
case $GISA in /*) ;; *) GISA=$(pwd)/$GISA ;; esac
cd "$(dirname "$0")/../.." || exit 1
. tests/golden/lib.sh

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail=0
total=0
for f in $(golden_samples); do
    name=$(golden_name "$f")
    base=$(golden_derived_from "$name")
    for fmt in $GOLDEN_FORMATS; do
        total=$((total + 1))
        got=$tmp/$name.$fmt.got
        golden_produce "$GISA" "$f" "$fmt" "$got"
        if [ -n "$base" ]; then
            want=$tmp/$name.$fmt.want
            src=tests/golden/$base.$fmt.expected
            if [ ! -f "$src" ]; then
                echo "golden: $src missing (run tests/golden/update.sh)"
                fail=$((fail + 1))
                continue
            fi
            sed "s|\"source\": \"examples/$base\.html\"|\"source\": \"$f\"|; /^  \"encoding\": /d; /^ *source_hash: /d" \
                "$src" >"$want"
            sed '/^  "encoding": /d; /^ *source_hash: /d' "$got" >"$got.cmp"
            got=$got.cmp
        else
            want=tests/golden/$name.$fmt.expected
        fi
        if [ ! -f "$want" ]; then
            echo "golden: $want missing (run tests/golden/update.sh)"
            fail=$((fail + 1))
        elif ! cmp -s "$want" "$got"; then
            echo "golden: $f ($fmt) differs from $want:"
            diff -u "$want" "$got" | head -60
            fail=$((fail + 1))
        fi
    done
done
echo "golden: $((total - fail)) of $total outputs match"
[ $fail -eq 0 ]
