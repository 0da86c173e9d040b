#!/bin/bash
# tests/compose/run.sh GISA - nothing executable from a hostile page
# survives into any post format, and front matter survives a title full of
# YAML syntax. Run from the repository root.
set -u
gisa=${1:?usage: run.sh path/to/gisa}
case $gisa in /*) ;; *) gisa=$(pwd)/$gisa ;; esac
page=tests/compose/hostile.html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for fmt in jekyll hugo html markdown json fragment; do
  for style in plain tistory; do
    out="$tmp/$fmt-$style"
    # Markdown and JSON cannot honour the tistory style: refused (issue #14)
    if [ $style = tistory ] && { [ $fmt = markdown ] || [ $fmt = json ]; }; then
      "$gisa" post -f "$fmt" -s "$style" "$page" >"$out" 2>"$out.err"
      rc=$?
      [ $rc -eq 2 ] || { echo "FAIL $fmt/$style: exit $rc, want 2 (usage)"; fail=1; }
      continue
    fi
    if ! "$gisa" post -f "$fmt" -s "$style" "$page" >"$out" 2>"$out.err"; then
      echo "FAIL $fmt/$style: gisa post failed: $(cat "$out.err")"; fail=1; continue
    fi
    # Executable markup may only appear as text: checked by parsing what
    # a browser or a Markdown renderer would parse.
    /usr/bin/python3 - "$fmt" "$out" <<'PY' || fail=1
import html.parser, json, re, sys
fmt, path = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
bad = []
class Scan(html.parser.HTMLParser):
    styles = 0
    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "frame"):
            bad.append(f"<{tag}>")
        if tag == "style":
            self.styles += 1
        for k, v in attrs:
            if k.startswith("on"):
                bad.append(f"{k}= on <{tag}>")
            if k in ("href", "src") and v and not re.match(r"https?://", v):
                bad.append(f"{k}={v[:30]} on <{tag}>")
if fmt == "json":
    def walk(o):
        if isinstance(o, dict):
            for k, v in o.items():
                if k in ("url", "image") and isinstance(v, str) and not re.match(r"https?://", v):
                    bad.append(f"{k}: {v[:30]}")
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(json.loads(text))
else:
    body = text.split("\n---\n", 1)[-1] if fmt in ("jekyll", "hugo") else text
    # Markdown passes raw HTML through: only unescaped markup counts
    s = Scan()
    s.feed(re.sub(r"\\<", "&lt;", body))
    if s.styles > (1 if fmt == "html" else 0):
        bad.append("<style> from the page")
    if re.search(r"\]\((?!https?://)", body):
        bad.append("a Markdown link or image to a non-http URL")
if bad:
    print(f"FAIL {fmt}: executable content survived: {bad[:3]}"); sys.exit(1)
PY
    grep -q '스크립트가 만든 문단' "$out" && { echo "FAIL $fmt/$style: script output became text"; fail=1; }
    grep -q '숨은 글' "$out" && { echo "FAIL $fmt/$style: hidden text kept"; fail=1; }
    grep -q '두 번째 문단' "$out" || { echo "FAIL $fmt/$style: body paragraph lost"; fail=1; }
  done
done
# The title, full of YAML syntax, reads back unchanged from the front matter.
"$gisa" post -f jekyll "$page" >"$tmp/post.md" 2>/dev/null
/usr/bin/python3 - "$tmp/post.md" <<'PY' || fail=1
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
m = re.match(r"---\n(.*?)\n---\n", text, re.S)
if not m:
    print("FAIL: no front matter"); sys.exit(1)
line = next(l for l in m.group(1).splitlines() if l.startswith("title:"))
value = line[len("title:"):].strip()
# YAML single- or double-quoted scalar, as libyaml emits it
if value.startswith("'"):
    value = value[1:-1].replace("''", "'")
elif value.startswith('"'):
    value = bytes(value[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
want = '*별표로 시작하는 제목: "따옴표"와 --- 그리고 # 해시'
if value != want:
    print(f"FAIL: title read back as {value!r}, want {want!r}"); sys.exit(1)
PY
[ $fail -eq 0 ] && echo "PASS: hostile page, 12 format/style pairs (2 refused), tricky title"
exit $fail
