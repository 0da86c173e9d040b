#!/bin/sh
# golden.sh GISA [update] - `gisa post` on every page in pages/, byte for
# byte against golden/NAME.post.expected (NAME: the page's file name
# without .html or .txt). A refused page is recorded as its exit status
# and one-line message, "[exit N] <message>", after whatever was printed.
# With "update", rewrite the golden files instead; then READ the diff
# (`git diff tests/post-quality/golden`): a golden post must hold what a
# person would publish.
GISA=${1:?usage: golden.sh path/to/gisa [update]}
MODE=${2:-compare}
case $GISA in /*) ;; *) GISA=$(pwd)/$GISA ;; esac
cd "$(dirname "$0")/../.." || exit 1
[ -x "$GISA" ] || { echo "golden.sh: $GISA is not an executable gisa" >&2; exit 2; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# Paths stay relative to the repository root, so messages naming the
# page are the same on every machine.
post_of() { # page out
    "$GISA" post "$1" >"$2" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ]; then
        printf '[exit %d] %s\n' "$rc" "$(cat "$tmp/err")" >>"$2"
    fi
}

fail=0
total=0
for page in tests/post-quality/pages/*.html tests/post-quality/pages/*.txt; do
    [ -f "$page" ] || continue
    name=${page##*/}
    name=${name%.html}
    name=${name%.txt}
    want=tests/post-quality/golden/$name.post.expected
    total=$((total + 1))
    if [ "$MODE" = update ]; then
        post_of "$page" "$want"
        continue
    fi
    post_of "$page" "$tmp/got"
    if [ ! -f "$want" ]; then
        echo "post-quality: $want missing (run tests/post-quality/golden.sh GISA update)"
        fail=$((fail + 1))
    elif ! cmp -s "$want" "$tmp/got"; then
        echo "post-quality: $page differs from $want:"
        diff -u "$want" "$tmp/got" | head -80
        fail=$((fail + 1))
    fi
done
if [ "$MODE" = update ]; then
    git --no-pager diff --stat -- tests/post-quality/golden 2>/dev/null
    echo "golden.sh: $total golden posts rewritten; review 'git diff tests/post-quality/golden'"
    exit 0
fi
echo "post-quality: $((total - fail)) of $total golden posts match"
[ $fail -eq 0 ]
