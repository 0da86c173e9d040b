#!/bin/sh
# corpus.sh GISA SHARED_DIR [N] - robustness on real pages: batch-extract
# N (default 150) WCXB pages, every 10th, and post each. Nothing may
# crash (under the sanitizer build this is where memory errors show): the
# exit status must be 0 or 1 and every error one line naming its page.
# Skips (77) without the shared data.
. "$(dirname "$0")/lib.sh"
SHARED=${2:-../shared}
case $SHARED in /*) ;; *) SHARED=$(pwd)/$SHARED ;; esac
N=${3:-150}
setup "$0" "${1:?usage: corpus.sh path/to/gisa SHARED_DIR [N]}"
HTML=$SHARED/data/wcxb-dev/html
if [ ! -d "$HTML" ]; then
    echo "SKIP: $HTML not found (the shared data set is not mounted)"
    exit 77
fi

ls "$HTML" | awk 'NR % 10 == 1' | head -n "$N" | sed "s|^|$HTML/|" >"$TMP/pages"
n=$(wc -l <"$TMP/pages" | tr -d ' ')
# shellcheck disable=SC2046
"$GISA" extract --out "$TMP/out" $(cat "$TMP/pages") 2>"$TMP/err"
rc=$?
ok
[ $rc -eq 0 ] || [ $rc -eq 1 ] || fail "batch extract of $n pages: exit status $rc"
ok
bad=$(grep -v -e '^gisa: /' -e '^gisa extract: [0-9]* of [0-9]* pages' "$TMP/err" | head -3)
[ -z "$bad" ] || fail "batch extract: unexpected stderr lines: $bad"
done_n=$(ls "$TMP/out" | grep -c '\.json$')
echo "extracted $done_n of $n pages"

while IFS= read -r page; do
    "$GISA" post --date 2026-01-01 "$page" >/dev/null 2>"$TMP/perr"
    rc=$?
    ok
    case $rc in
        0) ;;
        1|6) [ "$(wc -l <"$TMP/perr" | tr -d ' ')" = 1 ] && grep -q -F "$page" "$TMP/perr" ||
               fail "post $page: error is not one line naming the page: $(cat "$TMP/perr")" ;;
        *) fail "post $page: exit status $rc: $(head -3 "$TMP/perr")" ;;
    esac
done <"$TMP/pages"

finish corpus
