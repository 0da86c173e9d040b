#!/bin/bash
# tests/site/payload.sh GISA SRC_DIR - issue #22, items 1 and 2: a page full
# of template and markup payloads (Liquid, Hugo shortcodes, kramdown
# extensions, <script>, javascript: links) in its title, site name, URL and
# body goes through every post format and style into real Jekyll and Hugo
# sites that hold a secret (tests/site/payload/). Both builds must succeed;
# the built pages must show every payload as text, never the secret, and
# hold nothing that runs.
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
page="$src/tests/site/payload/page.html"

# Each style into a site of its own (the posts share a title, so a name).
for style in plain tistory; do
  cp -r "$src/tests/site/payload/jekyll" "$tmp/jekyll-$style"
  cp -r "$src/tests/site/payload/hugo" "$tmp/hugo-$style"
  "$gisa" site -q --to "$tmp/jekyll-$style" --style "$style" "$page"
  "$gisa" site -q --to "$tmp/hugo-$style" --format hugo --style "$style" "$page"
done
# Item 7: titles YAML 1.1 or 1.2 would read as booleans, null, numbers,
# dates or symbols (Jekyll showed "true", "31", "Null") must come out as
# written.
yaml_titles=(yes null 0x1F 2026-03-01 true off 1_000 :sym)
for t in "${yaml_titles[@]}"; do
  printf '<html><head><meta charset="utf-8"><title>%s</title>
<meta property="article:published_time" content="2026-03-12T09:00:00+09:00"></head>
<body><article><p>이 글의 제목은 %s 입니다. 제목은 쓴 그대로 보여야 합니다.</p>
<p>둘째 문단은 평범한 설명으로, 제목이 숫자나 참거짓으로 읽히면 안 된다는 것을 확인합니다.</p>
</article></body></html>\n' "$t" "$t" >"$tmp/title-${t//[^a-z0-9]/_}.html"
done
"$gisa" site -q --to "$tmp/jekyll-plain" "$tmp"/title-*.html
"$gisa" site -q --to "$tmp/hugo-plain" --format hugo "$tmp"/title-*.html

# The body-only formats, as a user would drop them into a site: Markdown
# under front matter of their own, the HTML page as a Jekyll page.
{ printf -- '---\ntitle: markdown\n---\n'; "$gisa" post -f markdown "$page"; } \
  >"$tmp/jekyll-plain/markdown.md"
{ printf -- '---\ntitle: markdown\n---\n'; "$gisa" post -f markdown "$page"; } \
  >"$tmp/hugo-plain/content/markdown.md"
{ printf -- '---\nlayout: null\n---\n'; "$gisa" post -f html "$page"; } \
  >"$tmp/jekyll-plain/standalone.html"

for style in plain tistory; do
  (cd "$tmp/jekyll-$style" && jekyll build --quiet -d _site) >"$tmp/jekyll.log" 2>&1 ||
    { head -3 "$tmp/jekyll.log"; echo "FAIL: jekyll build ($style)"; exit 1; }
  hugo --quiet -s "$tmp/hugo-$style" -d "$tmp/hugo-$style/public" >"$tmp/hugo.log" 2>&1 ||
    { head -3 "$tmp/hugo.log"; echo "FAIL: hugo ($style)"; exit 1; }
done

/usr/bin/python3 - "$tmp" "${yaml_titles[@]}" <<'PY'
import html.parser, os, re, sys
tmp, yaml_titles = sys.argv[1], sys.argv[2:]
secrets = ("SECRET-JEKYLL-7f3a9c", "SECRET-HUGO-41d7e2")
# Each must be read as text in every built post.
payloads = [
    "{{ site.secret_token }}",
    "{% for p in site.posts %}[{{ p.title }}]{% endfor %}",
    "{% include ../../../../etc/passwd %}",
    "{{< param secret >}}",
    "{{% param secret %}}",
    '{{% include "x" %}}',
    "{::comment}숨김{:/}",
    '{: onclick="alert(3)"}',
    "수식 $$x+1$$",
    "<script>alert(1)</script>",
    "[클릭](javascript:alert(1))",
    "<img src=x onerror=alert(2)>",
    "코드 {{ site.secret_token }} {% raw %}끝{% endraw %}",
]

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.bad = [], []
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed"):
            self.bad.append(f"<{tag}>")
        for k, v in attrs:
            if k.startswith("on"):
                self.bad.append(f"{k}= on <{tag}>")
            if k in ("href", "src") and v and not re.match(r"https?://", v):
                self.bad.append(f"{k}={v[:40]} on <{tag}>")
    def handle_data(self, data):
        self.text.append(data)

failed = 0
built = 0
titles_seen = set()
for site in ("jekyll-plain/_site", "jekyll-tistory/_site", "hugo-plain/public", "hugo-tistory/public"):
    for d, _, files in os.walk(os.path.join(tmp, site)):
        for f in files:
            if not f.endswith(".html"):
                continue
            path = os.path.join(d, f)
            raw = open(path, encoding="utf-8").read()
            name = os.path.relpath(path, tmp)
            for s in secrets:
                if s in raw:
                    print(f"FAIL {name}: the site's secret {s} is in the built page"); failed += 1
            m = re.search(r'<h1 class="post-title">(.*?)</h1>', raw, re.S)
            if m and "이 글의 제목은" in raw:
                shown = html.unescape(m.group(1)).strip()
                titles_seen.add(shown)
                if f"이 글의 제목은 {shown} 입니다" not in raw:
                    print(f"FAIL {name}: a title shown as {shown!r}"); failed += 1
                continue
            # posts (gisa's credit line is on each); lists: the secret check
            if "gisa payload site" in raw and "출처" not in raw:
                continue
            p = Page()
            p.feed(raw)
            text = re.sub(r"\s+", " ", "".join(p.text))
            for b in p.bad:
                print(f"FAIL {name}: live markup {b}"); failed += 1
            if "출처" in raw:
                built += 1
                print(f"ok {name}")
                for want in payloads:
                    if want not in text:
                        print(f"FAIL {name}: payload not shown as text: {want}"); failed += 1
for t in yaml_titles:
    if t not in titles_seen:
        print(f"FAIL: no built page shows the title {t!r} as written"); failed += 1
if built < 7:
    print(f"FAIL: {built} built posts found, want 7 (4 sites, markdown twice, html)"); failed += 1
print(f"{'FAIL' if failed else 'PASS'}: {built} built posts, {failed} problems")
sys.exit(1 if failed else 0)
PY
