#!/bin/sh
# valgrind.sh BUILD_DIR - valgrind memcheck over a subset that runs in a
# few minutes: the unit tests, and gisa on the samples and on bad inputs
# (error paths are where a leak hides). Fails on any invalid read or
# write, use of uninitialised memory, or definite leak. Run by
# `make check-valgrind`; the sanitizer build (`make check-asan`) runs
# everything else. About a minute and a half on two cores.
set -u
BUILD=${1:?usage: valgrind.sh BUILD_DIR}
case $BUILD in /*) ;; *) BUILD=$(pwd)/$BUILD ;; esac
cd "$(dirname "$0")/.." || exit 2
command -v valgrind >/dev/null || { echo "valgrind.sh: valgrind is not installed (scripts/bootstrap)" >&2; exit 2; }
GISA=$BUILD/gisa
[ -x "$GISA" ] || { echo "valgrind.sh: no gisa in $BUILD" >&2; exit 2; }
TMP=$(mktemp -d) || exit 2
trap 'rm -rf "$TMP"' EXIT

# 99, not 1: gisa's own exit status 1 (bad input) is expected below.
VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
    --errors-for-leak-kinds=definite --num-callers=30 --log-file=$TMP/vg.log
    --suppressions=$(pwd)/tests/valgrind.supp"
# PCRE2's JIT code is opaque to valgrind (src/util/regex.c).
export GISA_NO_JIT=1
RUNS=0
FAILS=0

# Run one command under memcheck; a memcheck error fails it, and so does
# an exit status other than the expected one.
vg() { # want-rc what command...
    want=$1 what=$2
    shift 2
    RUNS=$((RUNS + 1))
    # shellcheck disable=SC2086
    $VG "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
    rc=$?
    if [ $rc = 99 ] || [ -s "$TMP/vg.log" ]; then
        FAILS=$((FAILS + 1))
        echo "FAIL (memcheck): $what"
        head -40 "$TMP/vg.log"
    elif [ $rc != "$want" ]; then
        FAILS=$((FAILS + 1))
        echo "FAIL (exit status $rc, want $want): $what: $(head -c 300 "$TMP/err")"
    else
        echo "ok: $what"
    fi
}

start=$(date +%s)

# --- unit tests ----------------------------------------------------------------
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    vg 0 "unit ${t##*/}" "$t"
done

# --- gisa on the samples ---------------------------------------------------------
for page in examples/*.html examples/release-dump.txt; do
    for f in text json markdown; do
        vg 0 "extract --format $f $page" "$GISA" extract --format "$f" "$page"
    done
done
vg 0 "extract --out (batch)" "$GISA" extract --out "$TMP/batch" examples/*.html
vg 0 "post korea-kr-release" "$GISA" post --date 2026-03-12 examples/korea-kr-release.html
# The newspaper and Naver samples reserve their rights: refused (6), or
# posted as a quoted summary with --allow-unlicensed.
vg 6 "post a page that reserves its rights" "$GISA" post examples/newspaper.html
vg 0 "post --format hugo --allow-unlicensed newspaper" \
    "$GISA" post --format hugo --allow-unlicensed examples/newspaper.html
vg 0 "post --out" "$GISA" post --out "$TMP/posts" examples/korea-kr-release.html
vg 6 "site --to (two pages refused)" "$GISA" site --quiet --to "$TMP/site" examples/*.html
vg 0 "site --to --allow-unlicensed" "$GISA" site --quiet --allow-unlicensed --to "$TMP/site" examples/*.html
vg 0 "analyze korea-kr-release" "$GISA" analyze examples/korea-kr-release.html
# PDF (poppler-glib loaded at the first PDF): two columns, a table, a
# release's header; refusals after poppler has been loaded
vg 0 "extract a two-column PDF" "$GISA" extract tests/docs/pdf/04-news-two-column-island.pdf
vg 0 "post a release PDF with a table" "$GISA" post tests/docs/pdf/05-release-budget-table.pdf
/usr/bin/python3 tests/docs/mkpdfs.py "$TMP/pdf" >/dev/null
vg 1 "extract an encrypted PDF" "$GISA" extract "$TMP/pdf/encrypted.pdf"
vg 1 "extract a damaged PDF" "$GISA" extract "$TMP/pdf/garbage.pdf"
vg 0 "analyze --format text release-dump" "$GISA" analyze --format text examples/release-dump.txt
"$GISA" post --no-check examples/korea-kr-release.html >"$TMP/faithful.md" 2>/dev/null
vg 0 "check a faithful post" "$GISA" check "$TMP/faithful.md" --source examples/korea-kr-release.html
sed 's/486억/999억/g' "$TMP/faithful.md" >"$TMP/altered.md"
vg 5 "check an altered post" "$GISA" check --format json "$TMP/altered.md" --source examples/korea-kr-release.html

# --- bad inputs: the error paths -------------------------------------------------
: >"$TMP/empty.html"
vg 1 "extract an empty file" "$GISA" extract "$TMP/empty.html"
gzip -c examples/newspaper.html | head -c 2000 >"$TMP/cut.html.gz"
vg 1 "extract a truncated gzip" "$GISA" extract "$TMP/cut.html.gz"
head -c 3000000 /dev/zero | gzip >"$TMP/bomb.gz"
vg 1 "extract a zip bomb over --max-bytes" "$GISA" extract --max-bytes 1000000 "$TMP/bomb.gz"
printf '<html><body><p>%s \377 %s</p></body></html>' "정부는 새 대책을 발표했다." \
    "대책은 내년부터 시행된다." >"$TMP/bad-utf8.html"
vg 1 "extract invalid UTF-8" "$GISA" extract "$TMP/bad-utf8.html"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 5000; i++) printf "<div>";
             printf "<p>깊은 곳의 문단이다.</p></body></html>" }' >"$TMP/deep.html"
vg 1 "extract 5,000-deep nesting" "$GISA" extract "$TMP/deep.html"
vg 1 "post 5,000-deep nesting" "$GISA" post "$TMP/deep.html"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 3000; i++) printf "<p>문단 %d</p>", i }' \
    >"$TMP/wide.html"
vg 1 "extract over the node limit" "$GISA" extract --max-nodes 1000 "$TMP/wide.html"
printf '<html><body><script>var a = 1;</script></body></html>' >"$TMP/scripts.html"
vg 1 "extract a page of scripts only" "$GISA" extract "$TMP/scripts.html"
vg 1 "analyze a page of scripts only" "$GISA" analyze "$TMP/scripts.html"
: >"$TMP/plain-file"
vg 3 "extract --out under a regular file" "$GISA" extract --out "$TMP/plain-file/x" examples/newspaper.html
vg 3 "extract a missing file" "$GISA" extract "$TMP/no-such.html"
vg 2 "an unknown option" "$GISA" extract --no-such-option examples/newspaper.html

# --- outputs that must not overwrite, and the store --------------------------------
mkdir -p "$TMP/a" "$TMP/b"
cp examples/newspaper.html "$TMP/a/x.html"
cp examples/naver-news.html "$TMP/b/x.html"
cp examples/release-dump.txt "$TMP/b/dump.txt"
vg 0 "extract --out of pages named alike and of a page in DIR" \
    "$GISA" extract --out "$TMP/b" "$TMP/a/x.html" "$TMP/b/x.html" "$TMP/b/dump.txt"
"$GISA" post --out "$TMP/taken" examples/korea-kr-release.html >/dev/null 2>&1
for f in "$TMP"/taken/*.md; do # now another article's post of the same name
    sed -i -e 's/^source_hash: .*/source_hash: 0000000000000000/' \
        -e 's|^source_url: .*|source_url: https://other.example/|' "$f"
done
vg 0 "post --out over another article's file (written as NAME-2)" \
    "$GISA" post --out "$TMP/taken" examples/korea-kr-release.html
"$GISA" site --quiet --to "$TMP/site2" examples/korea-kr-release.html >/dev/null 2>&1
vg 0 "site --to again (unchanged, the site lock)" \
    "$GISA" site --quiet --to "$TMP/site2" examples/korea-kr-release.html examples/korea-kr-release.euckr.html
export GISA_NO_TMPFILE=1
vg 0 "the fallback write (GISA_NO_TMPFILE)" "$GISA" post --out "$TMP/fallback" examples/korea-kr-release.html
unset GISA_NO_TMPFILE
vg 0 "ingest into a new store" "$GISA" ingest -q -j2 --db "$TMP/s.db" examples/
vg 0 "search" "$GISA" search --db "$TMP/s.db" 바다숲
vg 0 "dups" "$GISA" dups --db "$TMP/s.db"
: >"$TMP/empty.db"
vg 3 "search an empty file (not a store)" "$GISA" search --db "$TMP/empty.db" 바다숲
vg 3 "dups on a page (not SQLite)" "$GISA" dups --db examples/newspaper.html
vg 3 "ingest into a page (not SQLite)" "$GISA" ingest -q --db "$TMP/a/x.html" examples/newspaper.html

echo "valgrind: $((RUNS - FAILS)) of $RUNS runs clean in $(($(date +%s) - start)) s"
[ $FAILS = 0 ]
