#!/bin/sh
# jsonl.sh GISA - `gisa ingest --jsonl FILE`: one JSON object a line for each
# article stored, the fields of `gisa extract --format json` plus page URL,
# WARC record id and hashes; gzip by the name; the file appears whole at the
# end of the run; a run that stores nothing new writes an empty file.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: jsonl.sh path/to/gisa}"
py=/usr/bin/python3

record() { # URL ID FILE: one WARC response record with a record id
    {
        printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'
        cat "$3"
    } >"$TMP/block"
    len=$(wc -c <"$TMP/block" | tr -d ' ')
    printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n' "$1"
    printf 'WARC-Record-ID: <urn:uuid:%s>\r\n' "$2"
    printf 'WARC-Date: 2026-03-12T09:00:00Z\r\nContent-Length: %s\r\n\r\n' "$len"
    cat "$TMP/block"
    printf '\r\n\r\n'
}
{
    record https://example.org/news examples-0001 examples/newspaper.html
    record https://example.org/naver examples-0002 examples/naver-news.html
    record https://www.korea.kr/a examples-0003 examples/korea-kr-release.html
} >"$TMP/in.warc"

"$GISA" ingest -q --db "$TMP/s.db" --jsonl "$TMP/out.jsonl.gz" "$TMP/in.warc" 2>"$TMP/err" ||
    fail "ingest --jsonl failed: $(cat "$TMP/err")"
[ -f "$TMP/out.jsonl.gz" ] || fail "no JSONL file"
ls "$TMP" | grep -q '\.tmp\.' && fail "a temporary file was left: $(ls "$TMP")"
gzip -t "$TMP/out.jsonl.gz" || fail "the .gz output is not gzip"

for page in newspaper naver-news korea-kr-release; do
    "$GISA" extract --format json "examples/$page.html" >"$TMP/$page.json" || fail "extract $page"
done
$py - "$TMP" <<'PY' || fail "JSONL content"
import gzip, json, sqlite3, sys
tmp = sys.argv[1]
lines = gzip.open(f"{tmp}/out.jsonl.gz", "rt", encoding="utf-8").read().split("\n")
assert lines[-1] == "", "the file ends with a newline"
rows = [json.loads(l) for l in lines[:-1]]
assert len(rows) == 3, len(rows)
want = {"https://example.org/news": ("newspaper", "<urn:uuid:examples-0001>"),
        "https://example.org/naver": ("naver-news", "<urn:uuid:examples-0002>"),
        "https://www.korea.kr/a": ("korea-kr-release", "<urn:uuid:examples-0003>")}
db = sqlite3.connect(f"{tmp}/s.db")
for row, url in zip(rows, want):   # input order
    page, rid = want[url]
    assert row["page_url"] == url, (row["page_url"], url)
    assert row["warc_record_id"] == rid, row["warc_record_id"]
    assert row["fetched"] == "2026-03-12T09:00:00Z"
    ref = json.load(open(f"{tmp}/{page}.json", encoding="utf-8"))
    for key in ("title", "date", "author", "license", "text", "blocks"):
        assert row[key] == ref[key], (page, key)
    stored = db.execute("SELECT a.simhash FROM articles a JOIN pages p ON p.id = a.page_id"
                        " WHERE p.url = ?", (url,)).fetchone()
    assert stored, url
    assert int(row["simhash"], 16) == stored[0] % (1 << 64), (row["simhash"], stored[0])
    assert len(row["content_hash"]) > 0
print("ok: 3 articles, fields as gisa extract, record ids, SimHash as stored")
PY

# Again on the same store: nothing new is stored, so nothing is written;
# the earlier file is replaced by an empty one only when the run ends.
"$GISA" ingest -q --db "$TMP/s.db" --jsonl "$TMP/again.jsonl" "$TMP/in.warc" ||
    fail "second ingest failed"
[ -f "$TMP/again.jsonl" ] && [ ! -s "$TMP/again.jsonl" ] || fail "second run: $(wc -c <"$TMP/again.jsonl") bytes"

# Unwritable target: exit 3, one line naming the file, no store damage.
"$GISA" ingest -q --db "$TMP/s2.db" --jsonl "$TMP/no/such/dir/x.jsonl" "$TMP/in.warc" \
    >/dev/null 2>"$TMP/err"
rc=$?
[ $rc -eq 3 ] || fail "unwritable --jsonl: exit $rc, want 3"
grep -q 'no/such/dir/x.jsonl' "$TMP/err" || fail "error does not name the file: $(cat "$TMP/err")"
[ "$(wc -l <"$TMP/err")" -eq 1 ] || fail "more than one line: $(cat "$TMP/err")"
echo "ok: ingest --jsonl"
