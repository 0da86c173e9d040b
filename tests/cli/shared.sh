#!/bin/sh
# shared.sh GISA SHARED_DIR - issue #2 on the real scraped press release in
# the shared data (never copied here): every body paragraph of the release
# exactly once, and none of its comment rules or news lists. The lines to
# look for are read from the file at run time. Skips (77) without the data.
. "$(dirname "$0")/lib.sh"
SHARED=${2:-../shared}
case $SHARED in /*) ;; *) SHARED=$(pwd)/$SHARED ;; esac
setup "$0" "${1:?usage: shared.sh path/to/gisa SHARED_DIR}"
DUMP=$SHARED/examples/press-release-page.txt
if [ ! -f "$DUMP" ]; then
    echo "SKIP: $DUMP not found (the shared data set is not mounted)"
    exit 77
fi

run extract "$DUMP"
expect_eq "$RC" 0 "extract: exit status"
OUT=$TMP/out.txt
cp "$TMP/out" "$OUT"

# Body paragraphs: the lines that start with "□ ", without the bullet and
# the closing "<끝>" mark; the page prints them twice.
grep '^□ ' "$DUMP" | sed 's/^□ //; s/ *<끝>$//' | sort -u >"$TMP/paras"
# Comment rules: "- 1. ..." lines. News lists: the item after each lone
# "-", and "- ..." items under a "최신 뉴스" heading.
grep -E '^- [0-9]+\. ' "$DUMP" | sed 's/^- [0-9]*\. //' >"$TMP/rules"
awk 'prev == "-" {print} {prev = $0}' "$DUMP" >"$TMP/news"
awk '/^최신 뉴스$/ {on=1; next} on && /^- / {sub(/^- /, ""); print; next} on {on=0}' "$DUMP" \
    >>"$TMP/news"

np=$(wc -l <"$TMP/paras" | tr -d ' ')
nr=$(wc -l <"$TMP/rules" | tr -d ' ')
nn=$(wc -l <"$TMP/news" | tr -d ' ')
ok
[ "$np" -ge 3 ] && [ "$nr" -ge 3 ] && [ "$nn" -ge 3 ] ||
    fail "the shared page no longer has the expected shape ($np paragraphs, $nr rules, $nn news)"

while IFS= read -r p; do
    expect_once "$OUT" "$p" "body paragraph"
done <"$TMP/paras"
while IFS= read -r r; do
    expect_absent "$OUT" "$r" "comment rule"
done <"$TMP/rules"
while IFS= read -r n; do
    [ ${#n} -ge 8 ] && expect_absent "$OUT" "$n" "news list"
done <"$TMP/news"
expect_absent "$OUT" "게시물 운영원칙" "comment rules heading"
expect_absent "$OUT" "<끝>" "end mark"

run extract --format json "$DUMP"
expect_present "$TMP/out" '"date": "2026-01-30"' "json: date"
expect_present "$TMP/out" '"publisher": "국방부"' "json: publisher"
expect_present "$TMP/out" '"license": "KOGL-1"' "json: licence"

finish shared
