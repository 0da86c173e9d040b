#!/bin/sh
# tests/serve/api.sh GISA - gisa serve's JSON API and its defences, with
# curl against a server on a temporary store of the examples: routes and
# methods, the Host check, CSRF and Origin, size limits, paths that would
# leave the site or the assets, keyset pages, filters, publishing, Add.
set -u
gisa=${1:?usage: api.sh path/to/gisa}
command -v curl >/dev/null || { echo "SKIP: no curl"; exit 77; }
tmp=$(mktemp -d)
pid=
fails=0
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fails=$((fails + 1)); }
expect() { # expect WHAT GOT WANT
  if [ "$2" = "$3" ]; then ok "$1"; else bad "$1: got '$2', want '$3'"; fi
}
has() { # has WHAT FILE STRING
  if grep -qF -- "$3" "$2"; then ok "$1"; else bad "$1: '$3' not in $(head -c 300 "$2")"; fi
}

"$gisa" ingest -q --db "$tmp/desk.db" examples/korea-kr-release.html \
  examples/korea-kr-release.euckr.html examples/naver-news.html examples/newspaper.html

# --- usage errors ----------------------------------------------------------
"$gisa" serve --db "$tmp/desk.db" --listen nowhere >/dev/null 2>"$tmp/err"
expect "a bad --listen: exit 2" "$?" 2
has "a bad --listen: said" "$tmp/err" "--listen 'nowhere': expected ADDRESS:PORT"
printf 'not a store' >"$tmp/junk.db"
"$gisa" serve --db "$tmp/junk.db" --listen 127.0.0.1:0 >/dev/null 2>"$tmp/err"
expect "a file that is not a store: exit 3" "$?" 3

start() { # start [OPTIONS]: a server on a free port (store $DB); sets $U
  # Emptied here, not only by the redirection below: that one runs in the
  # background job, so the loop could read the last server's address first.
  : >"$tmp/serve.out"
  "$gisa" serve --db "${DB:-$tmp/desk.db}" --listen 127.0.0.1:0 -q "$@" >"$tmp/serve.out" 2>"$tmp/serve.err" &
  pid=$!
  U=
  for _ in $(seq 50); do
    U=$(sed -n 's/^gisa serve: \(http:[^ ]*\) .*/\1/p' "$tmp/serve.out")
    [ -n "$U" ] && return 0
    sleep 0.1
  done
  cat "$tmp/serve.err"
  echo "FAIL: gisa serve did not start"
  exit 1
}
stop() { # SIGTERM: a clean stop, nothing said by a sanitizer
  kill "$pid"
  wait "$pid"
  expect "the server stops cleanly on SIGTERM" "$?" 0
  pid=
  if grep -q 'Sanitizer\|runtime error' "$tmp/serve.err"; then
    bad "the server's sanitizer report: $(grep -m3 'Sanitizer\|runtime error\|#[0-9] ' "$tmp/serve.err")"
  fi
}
code() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }

# --- without --site: reading works, Publish is refused ---------------------
start
expect "GET /api/articles" "$(code "${U}api/articles")" 200
has "the inbox holds the release" "$tmp/body" '"title":"올해 바다숲 54곳 조성…갯녹음 확산 막는다"'
expect "GET / gives the page" "$(code -c "$tmp/jar" "$U")" 200
tok=$(sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
expect "the page carries a 32-digit token" "${#tok}" 32
P() { code -b "$tmp/jar" -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' "$@"; }
expect "Publish without --site: 409" "$(P --data '{"text":"x"}' "${U}api/publish/1")" 409
has "Publish without --site: said" "$tmp/body" "start gisa serve with --site DIR"
stop

mkdir -p "$tmp/site"
start --site "$tmp/site" --max-body 20000
expect "GET / (second server)" "$(code -c "$tmp/jar" "$U")" 200
tok=$(sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' "$tmp/body")

# --- routes ------------------------------------------------------------------
expect "unknown path: 404" "$(code "${U}nothing")" 404
expect "unknown API: 404" "$(code "${U}api/nothing")" 404
expect "GET on a POST route: 405" "$(code "${U}api/publish/1")" 405
expect "POST on a GET route: 405" "$(code -X POST "${U}api/articles")" 405
expect "an ID that is no number: 400" "$(code "${U}api/article/1x")" 400
expect "an ID of 19 digits: 400" "$(code "${U}api/article/1234567890123456789")" 400
expect "no such article: 404" "$(code "${U}api/article/999")" 404
expect "an asset: 200" "$(code "${U}assets/app.js")" 200
expect "an asset path climbing out: 404" "$(code --path-as-is "${U}assets/../../etc/passwd")" 404
expect "an encoded climb: 404" "$(code "${U}assets/..%2f..%2fetc%2fpasswd")" 404
expect "HEAD /: 200" "$(code -I "$U")" 200

# --- the Host check (DNS rebinding) -------------------------------------------
port=${U#http://127.0.0.1:}
port=${port%/}
expect "Host: localhost:PORT is ours" "$(code -H "Host: localhost:$port" "${U}api/facets")" 200
expect "Host: another name: 421" "$(code -H "Host: attacker.example:$port" "${U}api/articles")" 421
expect "Host: another port: 421" "$(code -H "Host: 127.0.0.1:1" "${U}api/articles")" 421
expect "no Host at all: refused" "$(code -H 'Host:' --http1.0 "${U}api/articles")" 421

# --- CSRF and Origin -----------------------------------------------------------
P() { code -b "$tmp/jar" -H "X-CSRF-Token: $tok" -H 'Content-Type: application/json' "$@"; }
expect "POST without the token: 403" \
  "$(code -b "$tmp/jar" --data '{"status":"refused"}' "${U}api/status/1")" 403
expect "POST with a wrong token: 403" "$(code -b "$tmp/jar" -H "X-CSRF-Token: 0123456789abcdef0123456789abcdef" \
  --data '{"status":"refused"}' "${U}api/status/1")" 403
expect "POST with the token but no session cookie: 403" \
  "$(code -H "X-CSRF-Token: $tok" --data '{"status":"refused"}' "${U}api/status/1")" 403
expect "POST from another origin: 403" \
  "$(P -H 'Origin: http://attacker.example' --data '{"status":"refused"}' "${U}api/status/1")" 403
expect "POST with the token: 200" "$(P --data '{"status":"refused"}' "${U}api/status/1")" 200
expect "the refusal is listed" "$(code "${U}api/articles?status=refused")" 200
has "the refusal is listed: the release" "$tmp/body" '"status":"refused"'
expect "status back to new" "$(P --data '{"status":"new"}' "${U}api/status/1")" 200
expect "published is Publish's alone: 400" "$(P --data '{"status":"published"}' "${U}api/status/1")" 400

# --- bodies ------------------------------------------------------------------------
expect "not JSON: 400" "$(P --data 'nonsense' "${U}api/check")" 400
expect "JSON but not an object: 400" "$(P --data '[1]' "${U}api/check")" 400
expect "a NUL in the text: 400" "$(P --data '{"id":1,"text":"a\u0000b"}' "${U}api/check")" 400
expect "a bad id: 400" "$(P --data '{"id":-3,"text":"x"}' "${U}api/check")" 400
head -c 30000 /dev/zero | tr '\0' 'a' >"$tmp/big"
expect "a body over --max-body: 413" "$(P --data-binary @"$tmp/big" "${U}api/check")" 413
expect "an unknown format: 400" "$(P --data '{"format":"wordpress"}' "${U}api/post/1")" 400
expect "recompose as Hugo: 200" "$(P --data '{"format":"hugo","mode":"summary"}' "${U}api/post/1")" 200
has "recompose as Hugo: its file name" "$tmp/body" '"filename":"'

# --- keyset pages: every article once, in order ------------------------------------------
cursor=
: >"$tmp/ids"
for _ in 1 2 3 4 5 6; do
  code "${U}api/articles?limit=1${cursor:+&cursor=$cursor}" >/dev/null
  printf '%s ' "$(sed -n 's/.*"articles":\[{"id":\([0-9]*\).*/\1/p' "$tmp/body")" >>"$tmp/ids"
  next=$(sed -n 's/.*"next":"\([^"]*\)".*/\1/p' "$tmp/body")
  [ -n "$next" ] || break
  cursor=$(printf '%s' "$next" | sed 's/|/%7C/; s/+/%2B/g; s/:/%3A/g')
done
expect "pages of one: the three originals, newest first" "$(cat "$tmp/ids")" "1 4 3 "
expect "a bad cursor: 400" "$(code "${U}api/articles?cursor=nonsense")" 400
expect "search: 200" "$(code "${U}api/articles?q=%EA%B7%80%EC%96%B4%EC%9D%B8")" 200
has "search finds 귀어인" "$tmp/body" '청년 귀어인이 바꿨다'
expect "search with a licence filter: 200" \
  "$(code "${U}api/articles?q=%EA%B7%80%EC%96%B4%EC%9D%B8&license=KOGL-1")" 200
has "search with a licence filter: nothing" "$tmp/body" '"articles":[]'
expect "filter by organisation" "$(code "${U}api/articles?org=%ED%95%B4%EC%96%91%EC%88%98%EC%82%B0%EB%B6%80")" 200
has "filter by organisation: the release" "$tmp/body" '"org":"해양수산부"'
expect "filter by dates" "$(code "${U}api/articles?from=2026-02-01&to=2026-02-28")" 200
if grep -q '바다숲' "$tmp/body"; then bad "the date filter keeps March out"; else ok "the date filter keeps March out"; fi
expect "to= a day: the whole day" "$(code "${U}api/articles?to=2026-02-27&from=2026-02-27")" 200
has "to= a day: an article dated that day with a time" "$tmp/body" '"date":"2026-02-27T06:00:00+09:00"'
expect "an organisation and a licence together" \
  "$(code "${U}api/articles?org=%ED%95%B4%EC%96%91%EC%88%98%EC%82%B0%EB%B6%80&license=none&limit=1")" 200
has "an organisation and a licence together: nothing" "$tmp/body" '"articles":[]'
expect "an FTS syntax error is no crash" "$(code "${U}api/articles?q=%22%22%22")" 200

# --- Add -----------------------------------------------------------------------------------------
expect "Add a private address: 403" "$(P --data "{\"url\":\"http://127.0.0.1:$port/\"}" "${U}api/add")" 403
has "Add a private address: said" "$tmp/body" "private"
expect "Add something not a URL: 400" "$(P --data '{"url":"file:///etc/passwd"}' "${U}api/add")" 400
expect "upload of a .exe: 415" "$(P --data-binary 'MZ' "${U}api/add?name=x.exe")" 415
expect "upload named ../../x.html stays in the uploads" \
  "$(P -H 'Content-Type: application/octet-stream' --data-binary @examples/newspaper.html \
      "${U}api/add?name=..%2F..%2Fx.html")" 200
[ -e "$tmp/x.html" ] && bad "the upload left its directory" || ok "the upload did not leave its directory"
ls "$tmp/desk.db.uploads" | grep -q -- '-_._x.html$\|x.html$' && ok "the upload is kept beside the store" ||
  bad "the upload is kept beside the store: $(ls "$tmp/desk.db.uploads")"

# --- Publish --------------------------------------------------------------------------------------
code "${U}api/article/1" >/dev/null
/usr/bin/python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
t = d["post"]["text"]
json.dump({"id": 1, "text": t}, open(sys.argv[2], "w"))
json.dump({"id": 1, "text": t.replace("바다숲은 해조류와", "박철수 장관은 \"바다숲은 해조류와", 1)
           .replace("기후위기 대응에도 기여한다.", "기후위기 대응에도 기여한다\"고 말했다.", 1)},
          open(sys.argv[3], "w"))' "$tmp/body" "$tmp/good.json" "$tmp/bad.json"
expect "check the invented minister: 200" "$(P --data-binary @"$tmp/bad.json" "${U}api/check" -H 'Content-Type: application/json')" 200
has "the invented minister is unsupported" "$tmp/body" '"verdict":"unsupported","note":null'
expect "publish it: 409" "$(P --data-binary @"$tmp/bad.json" "${U}api/publish/1")" 409
[ -z "$(find "$tmp/site" -name '*.md')" ] && ok "nothing written" || bad "nothing written"
# a _posts that is a link out of the site is not followed
mkdir -p "$tmp/outside"
ln -s "$tmp/outside" "$tmp/site/_posts"
expect "publish through a link out of the site: 403" "$(P --data-binary @"$tmp/good.json" "${U}api/publish/1")" 403
[ -z "$(ls "$tmp/outside")" ] && ok "nothing written outside" || bad "nothing written outside"
rm "$tmp/site/_posts"
expect "publish the faithful post: 200" "$(P --data-binary @"$tmp/good.json" "${U}api/publish/1")" 200
has "publish: the path" "$tmp/body" '"path":"_posts/2026-03-12-'
f=$(find "$tmp/site/_posts" -name '*.md' | head -1)
[ -n "$f" ] && head -1 "$f" | grep -qx -- '---' && ok "the post is in the site with front matter" ||
  bad "the post is in the site with front matter"
expect "publish again: 200" "$(P --data-binary @"$tmp/good.json" "${U}api/publish/1")" 200
expect "publishing twice writes one file" "$(find "$tmp/site/_posts" -name '*.md' | wc -l | tr -d ' ')" 1
expect "the article is published" "$(code "${U}api/articles?status=published")" 200
has "the article is published: listed" "$tmp/body" '"id":1'
stop

# --- attachments: a saved release page and the documents beside it --------
# (ingest --attachments reads a file:// link beside its page); the page
# lists them, each opens as its own article, which names its page
command -v /usr/bin/python3 >/dev/null || { echo "SKIP: no python3 for the HWPX fixture"; exit 77; }
mkdir -p "$tmp/saved"
/usr/bin/python3 tests/attach/make_hwpx.py "$tmp/saved/release.hwpx" || exit 2
cp tests/docs/pdf/02-release-hydrogen-bus.pdf "$tmp/saved/bus.pdf"
cat >"$tmp/saved/release.html" <<'EOF_PAGE'
<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8"><title>도시 하천 복원</title>
<meta name="author" content="환경부"></head>
<body><article><h1>도시 하천 20곳 물길 되살린다 &lt;script&gt;alert(1)&lt;/script&gt;</h1>
<p class="date">2026-04-07</p>
<p>환경부는 콘크리트로 덮인 도시 하천 20곳의 물길을 되살리는 생태 복원 사업을 올해부터 추진한다고 7일 밝혔다. 사업비는 모두 1,240억 원이다.</p>
<p>자세한 내용은 첨부파일을 참고하면 된다. 환경부는 주민 설명회를 열어 산책로와 징검다리의 자리를 함께 정할 계획이다.</p>
<ul><li><a href="release.hwpx">0407 보도자료.hwpx</a></li><li><a href="bus.pdf">수소버스 보급.pdf</a></li></ul>
</article></body></html>
EOF_PAGE
DB=$tmp/att.db
"$gisa" ingest -q --db "$DB" --attachments "$tmp/saved/release.html" 2>"$tmp/err"
expect "ingest --attachments of a saved page: exit 0 ($(head -c 200 "$tmp/err"))" "$?" 0
start --max-upload 90000
code -c "$tmp/jar" "$U" >/dev/null
tok=$(sed -n 's/.*name="csrf-token" content="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
expect "the page: 200" "$(code "${U}api/article/1")" 200
/usr/bin/python3 - "$tmp/body" >"$tmp/att" <<'EOF_PY'
import json, sys
s = json.load(open(sys.argv[1]))["source"]
print(s["title"])
for a in s["attachments"]:
    print(a["kind"], a["name"], a["id"], a["url"].rsplit("/", 1)[-1])
EOF_PY
has "the title stays as the page wrote it (escaped by the page, not here)" "$tmp/att" \
  '도시 하천 20곳 물길 되살린다 <script>alert(1)</script>'
has "the page lists its HWPX attachment and its article" "$tmp/att" "HWPX release.hwpx 2 release.hwpx"
has "the page lists its PDF attachment and its article" "$tmp/att" "PDF bus.pdf 3 bus.pdf"
expect "the HWPX's own article: 200" "$(code "${U}api/article/2")" 200
has "the attachment names its page" "$tmp/body" '"attachment_of":{"url":"file:///'
has "the attachment's page is article 1" "$tmp/body" '"id":1}'
has "the release's department" "$tmp/body" '"department":"물환경정책과"'
has "the release's contact" "$tmp/body" '"contact":"책임자 과장 한여울 (044-201-7000); 담당자 사무관 배냇물 (044-201-7011)"'
has "an attachment has no attachments" "$tmp/body" '"attachments":[]'

# --- Add: documents uploaded, judged by their bytes ---------------------------
U8() { P -H 'Content-Type: application/octet-stream' --data-binary @"$1" "${U}api/add?name=$2"; }
if "$gisa" extract tests/docs/pdf/05-release-budget-table.pdf >/dev/null 2>"$tmp/err"; then
  expect "upload a PDF: 200" "$(U8 tests/docs/pdf/05-release-budget-table.pdf budget.pdf)" 200
  id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$tmp/body")
  expect "the PDF's article" "$(code "${U}api/article/$id")" 200
  has "the PDF's article: its title" "$tmp/body" '"title":"2027년도 과학기술정보통신부 예산안'
  expect "a PDF named as a download page: 200" \
    "$(U8 tests/docs/pdf/06-news-library-headerfooter.pdf fileDownload.do)" 200
  ls "$DB.uploads" | grep -q -- '-fileDownload.do.pdf$' && ok "kept under its format's extension" ||
    bad "kept under its format's extension: $(ls "$DB.uploads")"
  head -c 10000 tests/docs/pdf/09-news-english-hyphen.pdf >"$tmp/cut.pdf"
  expect "a truncated PDF: 422" "$(U8 "$tmp/cut.pdf" cut.pdf)" 422
  has "a truncated PDF: said, naming the upload" "$tmp/body" '"error":"cut.pdf: a truncated PDF document'
else
  echo "SKIP the PDF uploads: $(head -c 200 "$tmp/err")"
fi
expect "upload an HWPX: 200" "$(U8 "$tmp/saved/release.hwpx" %EB%B3%B4%EB%8F%84.hwpx)" 200
id=$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$tmp/body")
expect "the HWPX's article" "$(code "${U}api/article/$id")" 200
has "the HWPX's article: its department" "$tmp/body" '"department":"물환경정책과"'
expect "a page named .pdf: 415" "$(U8 "$tmp/saved/release.html" fake.pdf)" 415
has "a page named .pdf: said" "$tmp/body" 'fake.pdf is not a PDF document'
printf 'PK\003\004 not a zip' >"$tmp/fake.hwpx"
expect "junk named .hwpx: 415" "$(U8 "$tmp/fake.hwpx" fake.hwpx)" 415
has "junk named .hwpx: said" "$tmp/body" 'fake.hwpx is not an HWPX document'
expect "a document over --max-upload: 413" \
  "$(U8 tests/docs/pdf/03-release-farm-heat-multipage.pdf big.pdf)" 413
stop

if [ "$fails" -gt 0 ]; then echo "$fails check(s) failed"; exit 1; fi
echo "all checks passed"
