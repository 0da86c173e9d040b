#!/bin/sh
# run.sh GISA - the corpus stage: WARC and directory ingest, counts, search,
# near-duplicates, bad WARC records, and resuming after kill -9.
# Every input is built here, in a temporary directory, from examples/.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: run.sh path/to/gisa}"
command -v sqlite3 >/dev/null || { echo "corpus: sqlite3 not installed, skipped"; exit 77; }

CRLF=$(printf '\r\n')

# warc_record URL FILE: one WARC response record (HTTP headers + FILE).
warc_record() {
    {
        printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'
        cat "$2"
    } >"$TMP/block"
    len=$(wc -c <"$TMP/block" | tr -d ' ')
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n' "$1"
    printf 'WARC-Date: 2026-03-12T09:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n'
    printf 'Content-Length: %s\r\n\r\n' "$len"
    cat "$TMP/block"
    printf '\r\n\r\n'
}

warcinfo() {
    printf 'WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 14\r\n\r\nsoftware: test\r\n\r\n'
}

PAGES="korea-kr-release.html naver-news.html newspaper.html korea-kr-release.euckr.html"

# --- a WARC with a bad record in the middle and a cut one at the end -----
W=$TMP/small.warc
{
    warcinfo
    warc_record https://example.org/a examples/newspaper.html
    # malformed: Content-Length is not a number
    printf 'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n'
    warc_record https://example.org/b examples/naver-news.html
    # truncated: claims more bytes than follow before the next record
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/cut\r\nContent-Length: 99999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut'
    printf '\r\n\r\n'
    warc_record https://example.org/c examples/korea-kr-release.html
} >"$W"
run ingest -q --db "$TMP/small.db" "$W"
expect_eq "$RC" 1 "WARC with bad records: exit status"
expect_eq "$(grep -c 'record .* at offset' "$TMP/err")" 2 "one error line per bad record"
expect_present "$TMP/err" "missing or invalid Content-Length" "malformed record"
expect_present "$TMP/err" "small.warc: record" "errors name the WARC file"
expect_eq "$(sqlite3 "$TMP/small.db" 'select count(*) from articles')" 3 "records after bad ones still stored"
expect_eq "$(sqlite3 "$TMP/small.db" "select count(*) from articles where url='https://example.org/c'")" 1 \
    "record after the truncated one"

# The same records gzipped member by member, one member corrupted.
G=$TMP/small.warc.gz
{
    warcinfo | gzip -c
    warc_record https://example.org/a examples/newspaper.html | gzip -c
    warc_record https://example.org/b examples/naver-news.html | gzip -c >"$TMP/m.gz"
    head -c 200 "$TMP/m.gz"   # a member cut short
    warc_record https://example.org/c examples/korea-kr-release.html | gzip -c
} >"$G"
run ingest -q --db "$TMP/gz.db" "$G"
expect_eq "$RC" 1 "gzip WARC with a cut member: exit status"
expect_eq "$(sqlite3 "$TMP/gz.db" 'select count(*) from articles')" 2 "gzip members around the cut one"
expect_eq "$(grep -c 'small.warc.gz: record' "$TMP/err")" 1 "one error for the cut member"

# --- a directory of a few hundred pages --------------------------------
D=$TMP/pages
mkdir -p "$D/sub"
i=0
while [ $i -lt 240 ]; do
    for p in $PAGES; do
        dest=$D/p$i-$p
        [ $((i % 3)) = 0 ] && dest=$D/sub/p$i-$p
        # a line of its own in each copy: same article, different bytes
        sed "s|</body>|<!-- copy $i --></body>|" "examples/$p" >"$dest"
        i=$((i + 1))
    done
done
gzip "$D/sub/p0-korea-kr-release.html"
NPAGES=$i

run ingest -q -j2 --db "$TMP/ref.db" "$D"
expect_eq "$RC" 0 "directory ingest: exit status"
articles() { sqlite3 "$1" 'select count(*) from articles'; }
expect_eq "$(articles "$TMP/ref.db")" "$NPAGES" "one article per page"
expect_eq "$(sqlite3 "$TMP/ref.db" 'select count(*) from articles where dup_of is null')" 3 \
    "copies are near-duplicates (the two encodings of the release are one)"
expect_eq "$(sqlite3 "$TMP/ref.db" 'pragma user_version')" 5 "schema version"
expect_eq "$(sqlite3 "$TMP/ref.db" 'pragma journal_mode')" wal "WAL mode"

# Search: ranked, with snippets, prefix matching of Korean words.
run search --db "$TMP/ref.db" -n 3 바다숲
expect_eq "$RC" 0 "search: exit status"
expect_eq "$(grep -c '^[0-9]*\. ' "$TMP/out")" 3 "search: --limit results"
expect_present "$TMP/out" "[바다숲" "search: snippet marks the (prefix) match"
run search --db "$TMP/ref.db" 없는낱말xyz
expect_eq "$RC" 1 "search without results: exit status"
run search --db "$TMP/ref.db" --raw 'AND AND'
expect_eq "$RC" 2 "bad --raw query: exit status"

# Dups: three clusters.
run dups --db "$TMP/ref.db"
expect_eq "$RC" 0 "dups: exit status"
expect_eq "$(grep -c '^[^ ]' "$TMP/out")" 3 "dups: one block per cluster"

# Running again stores nothing new.
run ingest --db "$TMP/ref.db" "$D"
expect_present "$TMP/err" "0 stored" "second run stores nothing"
expect_present "$TMP/err" "$NPAGES unchanged" "second run: all unchanged"

# --- kill -9 in the middle, run again: same store ------------------------
dump() {
    sqlite3 "$1" "select a.page_id, a.url, a.title, a.date, a.text, a.simhash,
                  a.distance, o.url from articles a left join articles o on o.page_id = a.dup_of
                  order by a.url; select count(*) from pages;
                  select count(*) from articles_fts where articles_fts match '바다숲*';"
}
dump "$TMP/ref.db" >"$TMP/ref.dump"
"$GISA" ingest -q -j2 --db "$TMP/kill.db" "$D" 2>/dev/null &
pid=$!
n=0
while [ "$n" -lt 40 ] && kill -0 $pid 2>/dev/null; do
    n=$(sqlite3 "$TMP/kill.db" 'select count(*) from articles' 2>/dev/null || echo 0)
    [ -n "$n" ] || n=0
    sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
killed=$?
stored=$(articles "$TMP/kill.db")
ok
[ "$killed" = 137 ] && [ "$stored" -lt "$NPAGES" ] ||
    echo "note: the run ended before the kill ($stored of $NPAGES stored)"
run ingest -q -j2 --db "$TMP/kill.db" "$D"
expect_eq "$RC" 0 "resumed run: exit status"
dump "$TMP/kill.db" >"$TMP/kill.dump"
ok
cmp -s "$TMP/ref.dump" "$TMP/kill.dump" || fail "store after kill -9 and resume differs from an uninterrupted run"
expect_eq "$(sqlite3 "$TMP/kill.db" "insert into articles_fts(articles_fts) values('integrity-check')" 2>&1)" "" \
    "full-text index consistent after resume"

# --- a list of inputs ----------------------------------------------------
# (URLs in lists are fetched: tests/corpus/fetch.sh; a private one is refused.)
printf '# pages\n%s\n\nexamples/naver-news.html\nhttp://127.0.0.1:9/page\n' "$W" >"$TMP/list"
run ingest -q --db "$TMP/list.db" --list "$TMP/list"
expect_eq "$RC" 1 "list with a private URL: exit status"
expect_present "$TMP/err" "http://127.0.0.1:9/page: refused: 127.0.0.1 is a private" "list: private URL refused"
expect_eq "$(articles "$TMP/list.db")" 4 "list: the WARC's records and the page"

# --- errors -------------------------------------------------------------
run ingest --db "$TMP/e.db" "$TMP/missing.warc"
expect_eq "$RC" 1 "missing input: exit status"
expect_present "$TMP/err" "missing.warc" "missing input named"
printf 'not a database, just text that is long enough to be a header\n' >"$TMP/bad.db"
run ingest --db "$TMP/bad.db" "$W"
expect_eq "$RC" 3 "not a store: exit status"
expect_eq "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "not a store: one line"
run search --db "$TMP/none.db" x
expect_eq "$RC" 3 "search without a store: exit status"

finish corpus
