#!/bin/sh
# tests/browser/run.sh GISA [ARTIFACTS] - the review desk in a real browser:
# playwright-core (npm, installed here into tests/browser/node_modules on
# first run) driving Debian's chromium headless against `gisa serve` on a
# temporary store of the examples. Screenshots go to ARTIFACTS (default
# build/browser). Exit 77 (skipped) where chromium, node or the npm
# package cannot be had.
set -eu
gisa=$1
out=${2:-build/browser}
here=$(cd "$(dirname "$0")" && pwd)
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "SKIP: no chromium (scripts/bootstrap installs Debian's)"; exit 77; }
command -v node >/dev/null 2>&1 || { echo "SKIP: no node"; exit 77; }
command -v jekyll >/dev/null 2>&1 || { echo "SKIP: no jekyll"; exit 77; }
if [ ! -f "$here/node_modules/playwright-core/package.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "SKIP: no npm to install playwright-core"; exit 77; }
  (cd "$here" && npm install --no-audit --no-fund --silent >/dev/null 2>&1) ||
    { echo "SKIP: npm could not install playwright-core (offline?)"; exit 77; }
fi

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

# A page of our own whose title holds markup: it must stay text.
cat >"$tmp/script-title.html" <<'HTML'
<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>&lt;script&gt;window.pwned=1&lt;/script&gt; 섬마을 보건소 새로 연다</title>
<meta property="og:title" content="&lt;script&gt;window.pwned=1&lt;/script&gt; 섬마을 보건소 새로 연다">
<meta property="article:published_time" content="2026-01-05T09:00:00+09:00">
</head><body><article>
<h1>&lt;script&gt;window.pwned=1&lt;/script&gt; 섬마을 보건소 새로 연다</h1>
<p>가상의 바다군은 다음 달부터 섬마을 세 곳에 보건소를 새로 연다고 5일 밝혔다.</p>
<p>새 보건소에는 간호사 두 명이 머물며 주민의 혈압과 혈당을 살핀다.</p>
<p>군은 배편이 끊기는 겨울에도 원격 진료를 받을 수 있도록 화상 장비를 함께 둔다.</p>
</article></body></html>
HTML

# A saved release page with its HWPX attachment beside it (ingest
# --attachments reads a file:// link beside its page).
mkdir -p "$tmp/saved"
/usr/bin/python3 "$here/../attach/make_hwpx.py" "$tmp/saved/release.hwpx"
cat >"$tmp/saved/river.html" <<'HTML'
<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>도시 하천 물길 되살린다</title>
<meta name="author" content="환경부"></head><body><article>
<h1>도시 하천 20곳 물길 되살린다</h1><p class="date">2025-04-07</p>
<p>환경부는 콘크리트로 덮인 도시 하천 20곳의 물길을 되살리는 생태 복원 사업을 올해부터 추진한다고 7일 밝혔다.</p>
<p>자세한 내용은 첨부파일을 참고하면 된다.</p>
<ul><li><a href="release.hwpx">보도자료.hwpx</a></li></ul>
</article></body></html>
HTML

"$gisa" ingest -q --db "$tmp/desk.db" examples/korea-kr-release.html \
  examples/korea-kr-release.euckr.html examples/naver-news.html examples/newspaper.html \
  "$tmp/script-title.html"
"$gisa" ingest -q --db "$tmp/desk.db" --attachments "$tmp/saved/river.html"
mkdir -p "$tmp/site"
"$gisa" serve --db "$tmp/desk.db" --site "$tmp/site" --listen 127.0.0.1:0 -q \
  >"$tmp/serve.out" 2>"$tmp/serve.err" &
pid=$!
url=
for _ in $(seq 50); do
  url=$(sed -n 's/^gisa serve: \(http:[^ ]*\) .*/\1/p' "$tmp/serve.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$tmp/serve.err"; echo "FAIL: gisa serve did not start"; exit 1; }
mkdir -p "$out"
CHROMIUM="$chromium" node "$here/desk.test.js" "$url" "$tmp/site" "$out"
