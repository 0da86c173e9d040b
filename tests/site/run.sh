#!/bin/bash
# tests/site/run.sh GISA SRC_DIR - build a real Jekyll site and a real Hugo
# site from the sample pages with `gisa site`, then check that the built
# HTML holds each post's title, date and body paragraphs, Korean intact.
set -euo pipefail
gisa=$1
src=$2
for tool in jekyll hugo; do
  if ! command -v "$tool" >/dev/null; then
    echo "SKIP: $tool is not installed (scripts/bootstrap installs it)"
    exit 77
  fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pages=("$src/examples/korea-kr-release.html" "$src/examples/naver-news.html"
       "$src/examples/newspaper.html" "$src/examples/release-dump.txt")

cp -r "$src/tests/site/jekyll" "$tmp/jekyll"
cp -r "$src/tests/site/hugo" "$tmp/hugo"
# The newspapers reserve their rights: by default the site refuses them
# (exit 6); with --allow-unlicensed they become quoted summaries.
rc=0
"$gisa" site -q --to "$tmp/refused" "${pages[@]}" 2>"$tmp/refused.err" || rc=$?
[ $rc = 6 ] || { cat "$tmp/refused.err"; echo "FAIL: site with all-rights-reserved pages: exit $rc, want 6"; exit 1; }
[ "$(grep -c 'reserves all rights' "$tmp/refused.err")" = 2 ] ||
  { cat "$tmp/refused.err"; echo "FAIL: site: the two newspapers are not reported as refused"; exit 1; }
"$gisa" site -q --allow-unlicensed --to "$tmp/jekyll" "${pages[@]}" 2>/dev/null
"$gisa" site -q --allow-unlicensed --to "$tmp/hugo" --format hugo --style tistory "${pages[@]}" 2>/dev/null
(cd "$tmp/jekyll" && jekyll build --quiet -d _site) >"$tmp/jekyll.log" 2>&1 ||
  { cat "$tmp/jekyll.log"; echo "FAIL: jekyll build"; exit 1; }
hugo --quiet -s "$tmp/hugo" -d "$tmp/hugo/public" >"$tmp/hugo.log" 2>&1 ||
  { cat "$tmp/hugo.log"; echo "FAIL: hugo"; exit 1; }

for p in "${pages[@]}"; do
  "$gisa" extract --format json "$p" >"$tmp/$(basename "$p").json"
done
/usr/bin/python3 - "$tmp" "${pages[@]}" <<'PY'
import html, json, os, re, sys
tmp, pages = sys.argv[1], sys.argv[2:]

OUTLINE = re.compile(r"^(○|◦|ㅇ|-|–|·|•|∙|▷|▸|▪|[가-하]\.|\(?\d{1,2}[.)]|[①-⑳]) (?=\S)")

def squash(s):
    return re.sub(r"\s+", " ", s).strip()

def built(root):
    out = {}  # title -> texts of the pages with that title
    for d, _, files in os.walk(root):
        for f in files:
            if f.endswith(".html"):
                text = open(os.path.join(d, f), encoding="utf-8").read()
                m = re.search(r'<h1 class="post-title">(.*?)</h1>', text, re.S)
                if m:
                    key = html.unescape(m.group(1)).strip()
                    out.setdefault(key, []).append(squash(html.unescape(re.sub(r"<[^>]+>", " ", text))))
    return out

failed = 0
for site in ("jekyll/_site", "hugo/public"):
    posts = built(os.path.join(tmp, site))
    for p in pages:
        doc = json.load(open(os.path.join(tmp, os.path.basename(p) + ".json"), encoding="utf-8"))
        title = doc["title"] or next(b["text"] for b in doc["blocks"] if b["type"] == "paragraph")
        candidates = posts.get(title, [])
        if not candidates:
            print(f"FAIL {site}: no built page titled {title!r} (from {p})"); failed += 1; continue
        # a release's outline markers (○, -, 가.) become list structure
        paras = [squash(OUTLINE.sub("", b["text"])) for b in doc["blocks"] if b["type"] == "paragraph"]
        want = [] if doc["license"] == "all-rights-reserved" else paras
        if doc["date"]:
            want.append(doc["date"][:10])
        if not want and candidates:  # quoted: a few sentences, never the article
            whole = [w for w in paras if w in candidates[0] and len(w) > 80]
            if len(whole) > 3:
                print(f"FAIL {site}: {p}: {len(whole)} whole paragraphs of a rights-reserved page"); failed += 1
        # pages may share a title (a release and its text dump): one must hold it all
        best = min(([w for w in want if w not in page] for page in candidates), key=len)
        for w in best:
            print(f"FAIL {site}: {p}: missing from the built page: {w[:60]}"); failed += 1
        if not best:
            print(f"ok {site}: {os.path.basename(p)}: {title[:40]}")
print(f"{'FAIL' if failed else 'PASS'}: {failed} problems")
sys.exit(1 if failed else 0)
PY
