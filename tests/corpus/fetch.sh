#!/bin/sh
# fetch.sh GISA - fetching and feeds against a local web site (server.py):
# private addresses refused, robots.txt, redirects, retries, time and size
# limits, the per-host delay, RSS/Atom items, conditional GET and posts.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: fetch.sh path/to/gisa}"
[ -x /usr/bin/python3 ] || { echo "corpus.fetch: /usr/bin/python3 not installed, skipped"; exit 77; }
command -v sqlite3 >/dev/null || { echo "corpus.fetch: sqlite3 not installed, skipped"; exit 77; }

/usr/bin/python3 tests/corpus/server.py "$TMP/port" "$TMP/log" 2>"$TMP/server.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
n=0
while [ ! -s "$TMP/port" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
[ -s "$TMP/port" ] || { echo "corpus.fetch: the test server did not start"; cat "$TMP/server.err"; exit 1; }
PORT=$(cat "$TMP/port")
S=http://127.0.0.1:$PORT
DB=$TMP/web.db
q() { sqlite3 "$DB" "$1"; }
requests() { grep -c " GET $1 " "$TMP/log"; } # how often the server saw a path

# --- without --allow-private nothing local is fetched --------------------
run ingest -q --db "$DB" "$S/news/release.html" "http://localhost:$PORT/news/paper.html"
expect_eq "$RC" 1 "private: exit status"
expect_present "$TMP/err" "$S/news/release.html: refused: 127.0.0.1 is a private, loopback or link-local address" \
    "private: 127.0.0.1 refused by its address"
expect_present "$TMP/err" "localhost:$PORT/news/paper.html: refused:" "private: a name resolving to loopback refused"
expect_eq "$(wc -l <"$TMP/log" | tr -d ' ')" 0 "private: the server saw no request"

# --- one polite run over every case --------------------------------------
printf '# a list may hold URLs\n%s\n%s\n' "$S/feed.rss" "$S/feed.atom" >"$TMP/list"
run ingest -j2 --db "$DB" --allow-private --delay 0.2 --timeout 2 --max-bytes 500000 \
    --list "$TMP/list" \
    "$S/news/release.html" "$S/news/release-euckr.html" "$S/private/secret.html" \
    "$S/private/open.html" "$S/hop/3" "$S/hop/9" "$S/flaky.html" "$S/broken.html" \
    "$S/slow.html" "$S/big.html" "$S/big-declared.html" "$S/feed-broken.rss"
expect_eq "$RC" 1 "fetch run: exit status (some URLs failed)"
expect_present "$TMP/err" "$S/private/secret.html: disallowed by robots.txt" "robots.txt Disallow"
expect_present "$TMP/err" "$S/hop/9: more than 5 redirects" "redirect chain too long"
expect_present "$TMP/err" "$S/broken.html: HTTP 503 (after 3 attempts)" "503 after retries"
expect_present "$TMP/err" "$S/slow.html: timed out after 2 s" "--timeout"
expect_present "$TMP/err" "$S/big.html: larger than the limit of 500000 bytes" "size limit, no Content-Length"
expect_present "$TMP/err" "$S/big-declared.html: larger than the limit" "size limit, Content-Length"
expect_present "$TMP/err" "$S/feed.rss: item 3 (링크가 없는 항목): no http(s) link" "bad feed item"
expect_present "$TMP/err" "$S/feed-broken.rss: not a well-formed feed" "truncated feed"
expect_eq "$(grep -c '^gisa: ' "$TMP/err")" 8 "one line per failure"
expect_present "$TMP/err" "8 failed (2 bad feed, 1 robots.txt, 1 HTTP error, 1 timeout, 2 too large, 1 too many redirects)" \
    "summary: failures by reason"
expect_present "$TMP/err" "9 stored" "summary: stored"
expect_present "$TMP/err" "0 new posts" "summary: posts"

# What was stored.
expect_eq "$(q 'select count(*) from articles')" 9 "articles: pages, feed items, redirect target"
expect_eq "$(q "select final_url from pages where url = '$S/hop/3'")" "$S/news/paper.html" "redirect: final URL stored"
expect_eq "$(q "select count(*) from articles where url = '$S/news/paper.html'")" 2 \
    "article URL is where redirects ended (and the Atom item's link)"
expect_eq "$(q "select title from articles where url = '$S/news/full-rss.html'")" "동해안 바다숲 올해 열두 곳 새로 조성" \
    "RSS content:encoded item stored without fetching"
expect_eq "$(q "select count(*) from articles where url = '$S/news/full-atom.html' and text like '%바다숲%'")" 1 \
    "Atom html content item stored without fetching"
expect_eq "$(q "select count(*) from articles where url = '$S/news/naver.html'")" 1 "RSS link item fetched"
expect_eq "$(q "select count(*) from articles where url = '$S/news/release-euckr.html' and text like '%바다숲%'")" 1 \
    "EUC-KR page decoded"
expect_eq "$(q "select count(*) from pages where etag is not null and last_modified is not null")" 7 \
    "ETag and Last-Modified stored"
expect_eq "$(q 'pragma user_version')" 5 "schema migrated"

# What the server saw.
expect_eq "$(requests /private/secret.html)" 0 "disallowed path never requested"
expect_eq "$(requests /private/open.html)" 1 "longer Allow beats Disallow"
expect_eq "$(requests /robots.txt)" 1 "robots.txt fetched once per host and run"
expect_eq "$(requests /news/full-rss.html)$(requests /news/full-atom.html)" 00 "full-text items not fetched"
expect_eq "$(grep -c ' GET /hop/[4-9] 302 ' "$TMP/log")" 6 "too long a chain: 5 redirects followed, no more"
expect_eq "$(requests /broken.html)" 3 "503: three attempts"
expect_eq "$(requests /slow.html)" 1 "slow page: asked once, not retried"
expect_eq "$(grep ' GET /flaky.html ' "$TMP/log" | cut -d' ' -f4 | tr '\n' ' ')" "429 200 " "429 then success"
gap=$(awk '/ GET \/flaky.html / { t[n++] = $1 } END { print (t[1] - t[0] >= 0.9) ? "ok" : t[1] - t[0] }' "$TMP/log")
expect_eq "$gap" ok "Retry-After: 1 honoured"
expect_eq "$(grep -vc ' gisa/0\.1\.0_(+' "$TMP/log")" 0 "default User-Agent"
# one host: every request about --delay after the one before (the server
# notes arrivals, so a little jitter is allowed; without the delay the gaps
# are a few milliseconds)
close=$(sort -n "$TMP/log" | awk 'NR > 1 && $1 - prev < 0.15 { printf "%s after %.3f s; ", $3, $1 - prev } { prev = $1 }')
expect_eq "$close" "" "--delay 0.2 between requests to one host"

# --- second run: conditional GET, nothing fetched again -------------------
: >"$TMP/log"
run ingest --db "$DB" --allow-private --delay 0.2 --user-agent "gisa-test/2 (+local)" \
    "$S/news/release.html" "$S/news/release-euckr.html" "$S/private/open.html" "$S/hop/3" "$S/feed.atom"
expect_eq "$RC" 0 "second run: exit status"
expect_present "$TMP/err" "0 stored" "second run: nothing new"
expect_present "$TMP/err" "1 unchanged, 5 not modified" "second run: 304s (and the full-text item unchanged)"
expect_eq "$(grep -c ' GET /[a-z]*/[a-z-]*\.html 200 ' "$TMP/log")" 0 "second run: no page sent again"
expect_eq "$(grep -c ' GET /[a-z]*/[a-z-]*\.html 304 "' "$TMP/log")" 5 "second run: If-None-Match sent, 304 received"
expect_eq "$(grep -vc ' gisa-test/2_(+local)$' "$TMP/log")" 0 "--user-agent"
expect_eq "$(q 'select count(*) from articles')" 9 "second run: store unchanged"

# --- another host (same server): its own robots.txt (a 404: all allowed)
# and its own delay; gzip transfer decoded ---------------------------------
: >"$TMP/log"
L=http://localhost:$PORT
run ingest -q --db "$DB" --allow-private --delay 0.2 "$L/private/secret.html" "$S/news/gzip.html"
expect_eq "$RC" 0 "robots.txt 404: exit status"
expect_eq "$(grep -c ' GET /robots.txt 404 ' "$TMP/log")" 1 "second host: its own robots.txt"
expect_eq "$(requests /private/secret.html)" 1 "robots.txt 404 allows all"
expect_eq "$(q "select count(*) from articles where url = '$S/news/gzip.html' and text like '%귀어%'")" 1 \
    "gzip Content-Encoding decoded"

# --- a third host: robots.txt 503 (nothing fetched), then Crawl-delay ---
if [ -s "$TMP/port.2" ]; then
    H=http://127.0.0.2:$(cat "$TMP/port.2")
    : >"$TMP/log"
    run ingest -q --db "$DB" --allow-private --delay 0.2 "$H/news/release.html"
    expect_present "$TMP/err" "$H/news/release.html: not fetched: robots.txt unavailable ($H/robots.txt: HTTP 503)" \
        "robots.txt 5xx: host left alone"
    expect_eq "$(grep -c ' GET /robots.txt 503 ' "$TMP/log")" 3 "robots.txt 5xx: retried, three attempts"
    expect_eq "$(grep -vc ' GET /robots.txt ' "$TMP/log")" 0 "robots.txt 5xx: no page requested"
    : >"$TMP/log"
    run ingest -q --db "$DB" --allow-private --delay 0.2 "$H/news/release.html" "$H/news/naver.html"
    expect_eq "$RC" 0 "Crawl-delay: exit status"
    slow=$(awk 'NR > 1 && $1 - prev < 0.55 { printf "%s after %.3f s; ", $3, $1 - prev } { prev = $1 }' "$TMP/log")
    expect_eq "$slow" "" "Crawl-delay 0.6 wins over --delay 0.2"
    expect_eq "$(wc -l <"$TMP/log" | tr -d ' ')" 3 "Crawl-delay: robots.txt and two pages"
else
    echo "corpus.fetch: 127.0.0.2 not available, robots.txt 5xx and Crawl-delay checks skipped"
fi

# --- a feed file with --posts; a malformed feed file ---------------------
cat >"$TMP/local.rss" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>local</title>
<item><title>링크 항목</title><link>$S/news/paper.html</link></item>
<item><title>파일 항목</title><link>relative/only.html</link></item>
</channel></rss>
EOF
printf '<?xml version="1.0"?>\n<rss version="2.0"><channel><item><title>x</title>' >"$TMP/cut.rss"
run ingest --db "$TMP/posts.db" --allow-private --delay 0.2 --posts "$TMP/local.rss" "$TMP/cut.rss" \
    examples/korea-kr-release.html
expect_eq "$RC" 1 "feed file: exit status"
expect_present "$TMP/err" "local.rss: item 2 (파일 항목): no http(s) link" "feed file: relative link without base"
expect_present "$TMP/err" "cut.rss: not a well-formed feed" "feed file: truncated"
expect_eq "$(sqlite3 "$TMP/posts.db" 'select count(*) from articles')" 2 "feed file: linked page and the page stored"
# the linked page is a newspaper's that reserves all rights: stored, no post
expect_eq "$(sqlite3 "$TMP/posts.db" "select count(*) from posts where format = 'jekyll' and text like '---%source_url:%'")" 1 \
    "--posts: a Jekyll post per new article the licence allows"
expect_present "$TMP/err" "1 new posts" "--posts: counted in the summary"
expect_present "$TMP/err" "reserves all rights" "--posts: the refused post is reported"
run ingest --db "$TMP/posts2.db" --allow-private --delay 0.2 --posts --allow-unlicensed \
    "$TMP/local.rss" examples/korea-kr-release.html
expect_eq "$(sqlite3 "$TMP/posts2.db" "select count(*) from posts where format = 'jekyll' and text like '---%source_url:%'")" 2 \
    "--posts --allow-unlicensed: a post of the newspaper's page too"
expect_eq "$(sqlite3 "$TMP/posts2.db" "select count(*) from posts where text like '%license: all-rights-reserved%> %'")" 1 \
    "--posts --allow-unlicensed: the newspaper's post is quoted"
expect_present "$TMP/err" "2 new posts" "--posts --allow-unlicensed: counted in the summary"

# --- Retry-After read strictly; errors after a redirect name input and hop -
: >"$TMP/log"
run ingest -q --db "$TMP/strict.db" --allow-private --delay 0.1 \
    "$S/retry-bad.html" "$S/moved-missing.html" "$S/moved-private.html"
expect_eq "$RC" 1 "strict run: exit status"
gaps=$(awk '/ GET \/retry-bad.html / { t[n++] = $1 } END { printf "%.1f %.1f", t[1] - t[0], t[2] - t[1] }' "$TMP/log")
g1=${gaps% *}
g2=${gaps#* }
expect_eq "$(awk -v g="$g1" 'BEGIN { print (g >= 0.9) ? "ok" : g }')" ok \
    "Retry-After: nan is no Retry-After (1 s backoff, not none)"
expect_eq "$(awk -v g="$g2" 'BEGIN { print (g >= 1.9 && g < 2.8) ? "ok" : g }')" ok \
    "Retry-After: 0x3 is no Retry-After (2 s backoff, not 3 s)"
expect_eq "$(sqlite3 "$TMP/strict.db" "select count(*) from articles where url = '$S/retry-bad.html'")" 1 \
    "Retry-After: the third attempt stored"
expect_present "$TMP/err" "$S/moved-missing.html (redirect 1: $S/missing.html): HTTP 404" \
    "an error after a redirect names the input and the hop"
expect_present "$TMP/err" "$S/moved-private.html (redirect 1: $S/private/secret.html): disallowed by robots.txt" \
    "robots.txt after a redirect: input and hop named"

# --- robots.txt unreachable: nothing fetched from that host ---------------
kill $SERVER 2>/dev/null
wait $SERVER 2>/dev/null
run crawl -q --db "$TMP/down.db" --allow-private "$S/news/release.html"
expect_eq "$RC" 1 "server down: exit status (crawl is ingest)"
expect_present "$TMP/err" "$S/news/release.html: not fetched: robots.txt unavailable" "server down: robots.txt unreachable"

finish corpus.fetch
