#!/bin/sh
# korean.sh GISA - Korean analysis (issue #3): `gisa split` against
# hand-written expected sentences (korean/<name>.txt -> <name>.expected),
# and the invariants of `gisa summarize` on the sample release: K lines,
# each a sentence of the article, in document order.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: korean.sh path/to/gisa}"

for in in tests/golden/korean/*.txt; do
    want=${in%.txt}.expected
    run split "$in"
    expect_eq "$RC" 0 "split $in: exit status"
    ok
    if ! cmp -s "$want" "$TMP/out"; then
        fail "split $in differs from $want:"
        diff -u "$want" "$TMP/out" | head -40
    fi
done

# Summaries: the release as "title, blank line, body".
{
    echo "올해 바다숲 54곳 조성…갯녹음 확산 막는다"
    echo
    # Prose only: the table's rows (tab-separated) are not sentences.
    "$GISA" extract examples/korea-kr-release.html 2>/dev/null | grep -v '	'
} >"$TMP/article.txt"
"$GISA" split "$TMP/article.txt" >"$TMP/sentences" 2>/dev/null
for k in 1 3 5; do
    run summarize -n "$k" "$TMP/article.txt"
    expect_eq "$RC" 0 "summarize -n $k: exit status"
    n=$(grep -c . "$TMP/out")
    expect_eq "$n" "$k" "summarize -n $k: lines"
    last=0
    while IFS= read -r s; do
        ok
        # The first occurrence after the previous pick (a sentence may repeat).
        all=$(grep -n -x -F -- "$s" "$TMP/sentences" | cut -d: -f1)
        at=$(printf '%s\n' $all | awk -v l="$last" '$1 > l {print; exit}')
        if [ -z "$all" ]; then
            fail "summarize -n $k: not a sentence of the article: $s"
        elif [ -z "$at" ]; then
            fail "summarize -n $k: sentences out of document order"
        else
            last=$at
        fi
    done <"$TMP/out"
done
# Deterministic.
run summarize -n 3 "$TMP/article.txt"
cp "$TMP/out" "$TMP/first"
run summarize -n 3 "$TMP/article.txt"
ok
cmp -s "$TMP/first" "$TMP/out" || fail "summarize: two runs differ"
run summarize -n 0 "$TMP/article.txt"
expect_eq "$RC" 2 "summarize -n 0: usage error"
run split "$TMP/missing.txt"
expect_eq "$RC" 3 "split of a missing file"

finish korean
