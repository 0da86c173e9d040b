# lib.sh - the test site of tests/attach: a korea.kr-style release page
# whose body is only a summary, its .hwpx attachment (made by
# make_hwpx.py) and a local web server (server.py) on a free port.
# Sourced after tests/cli/lib.sh's setup; sets SITE, PORT, S and LOG.
[ -x /usr/bin/python3 ] || { echo "attach: /usr/bin/python3 not installed, skipped"; exit 77; }

SITE=$TMP/site
LOG=$TMP/log
mkdir -p "$SITE/news" "$SITE/files" "$SITE/saved"
/usr/bin/python3 tests/attach/make_hwpx.py "$SITE/files/0407-release.hwpx" || exit 2
cp tests/attach/summary-page.html "$SITE/news/release.html"
# the same page linking an attachment that is gone, one too large for
# --max-bytes and one that is not a document (a web page served instead)
sed 's|/files/0407-release.hwpx|/files/gone.hwpx|' tests/attach/summary-page.html >"$SITE/news/gone.html"
sed 's|/files/0407-release.hwpx|/files/big.hwpx|' tests/attach/summary-page.html >"$SITE/news/big.html"
sed 's|/files/0407-release.hwpx|/files/page.hwpx|' tests/attach/summary-page.html >"$SITE/news/notdoc.html"
cp "$SITE/files/0407-release.hwpx" "$SITE/files/big.hwpx"
head -c 300000 /dev/zero >>"$SITE/files/big.hwpx"
cp tests/attach/summary-page.html "$SITE/files/page.hwpx"
# a page that is the whole release (short: its attachment is read and
# compared), and one longer than any summary (its attachment is not read)
cp examples/korea-kr-release.html "$SITE/news/full.html"
i=0
while [ $i -lt 40 ]; do
    i=$((i + 1))
    printf '<p>하천 복원 구간 %s곳째에서는 주민 설명회를 %s차례 열어 산책로와 징검다리의 자리를 함께 정했다.</p>\n' $i $((i + 2))
done >"$TMP/more"
sed "/자세한 내용은/r $TMP/more" tests/attach/summary-page.html >"$SITE/news/long.html"
# a page with no body of its own (the extractor finds only the byline and
# headline), one with nothing at all but its links, and a summary that
# words the release its own way (not contained in it: the page is kept)
sed '/<div class="article_body">/,/<\/div>/c\
      <div class="article_body"></div>' tests/attach/summary-page.html >"$SITE/news/bare.html"
sed -e 's|<p class="source_remark">.*</p>||' -e 's|<div class="info">.*</div>||' \
    -e 's|<span class="source">환경부</span>||' "$SITE/news/bare.html" >"$SITE/news/empty.html"
sed 's|올해 사업비는 모두 1,240억 원이다.|올해 예산으로 모두 1,240억 원을 쓴다.|' tests/attach/summary-page.html >"$SITE/news/reworded.html"
# a page saved with its attachment beside it, under the link's name
cp tests/attach/summary-page.html "$SITE/saved/release.html"
cp "$SITE/files/0407-release.hwpx" "$SITE/saved/0407(보도자료) 도시 하천 생태 복원.hwpx"

/usr/bin/python3 tests/attach/server.py "$SITE" "$TMP/port" "$LOG" 2>"$TMP/server.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$TMP"' EXIT
n=0
while [ ! -s "$TMP/port" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
[ -s "$TMP/port" ] || { echo "attach: the test server did not start"; cat "$TMP/server.err"; exit 1; }
PORT=$(cat "$TMP/port")
S=http://127.0.0.1:$PORT
requests() { grep -c " $1 " "$LOG"; } # how often the server saw a path

# The post with the server's port and the attachment's host made fixed:
# the page's links lead to the site it was fetched from.
normalize() { # file
    sed -e "s|http://127.0.0.1:$PORT/files/|ATTACHMENTS/|g" \
        -e "s|https://www.korea.kr/files/|ATTACHMENTS/|g" "$1"
}
