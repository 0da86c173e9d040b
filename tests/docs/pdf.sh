#!/bin/sh
# tests/docs/pdf.sh GISA [SHARED] - PDF documents (issue #17).
#
# The fixtures in pdf/ (HTML written for the project, printed by
# pdf/mkpdf.sh with headless Chromium; the PDFs are committed) are read
# whole: pdfcheck.py asserts every paragraph, heading and cell of the HTML
# stands whole on one line of the text (nothing broken at a line end), no
# running header, footer or page number in the body, a release's first-page
# block as title, date and publisher. With ../shared, score-docs over them
# must give a mean F1 of 0.98 or more. PDFs written byte by byte by
# mkpdfs.py check the rest: an owner password alone does not stop reading;
# a user password, a truncated file and bytes that only start like a PDF are
# refused with one line naming the input and the reason (exit 1).
set -u
gisa=$1
shared=${2:-}
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

/usr/bin/python3 "$here/pdfcheck.py" "$gisa" "$here"/pdf/*.html && ok "pdfcheck" || bad "pdfcheck"

if [ -n "$shared" ] && [ -x "$shared/eval/score-docs" ]; then
  "$shared/eval/score-docs" --cmd "$gisa extract --format text {}" "$here/pdf" >"$tmp/score" 2>&1
  cat "$tmp/score"
  f1=$(sed -n 's/^f1=//p' "$tmp/score")
  if [ -n "$f1" ] && awk "BEGIN { exit !($f1 >= 0.98) }"; then ok "score-docs f1=$f1 >= 0.98"
  else bad "score-docs f1=${f1:-none}, want >= 0.98"; fi
else
  echo "SKIP score-docs: no ../shared/eval/score-docs here"
fi

/usr/bin/python3 "$here/mkpdfs.py" "$tmp/d" "$here/pdf/03-release-farm-heat-multipage.pdf" || exit 1

# Read: an owner password only, a cross-reference table poppler rebuilds.
for f in plain.pdf owner-only.pdf badxref.pdf; do
  "$gisa" extract --format json "$tmp/d/$f" >"$tmp/out" 2>"$tmp/err" || { bad "$f: exit $? $(cat "$tmp/err")"; continue; }
  # (the rebuilt table of badxref.pdf loses its info dictionary: no title)
  { [ $f = badxref.pdf ] || grep -qF '"title": "Test release"' "$tmp/out"; } &&
    grep -qF 'Sea forests are coastal waters' "$tmp/out" &&
    ok "$f: read" || bad "$f: $(head -c 300 "$tmp/out")"
done

refuse() { # file reason
  "$gisa" extract "$tmp/d/$1" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -eq 1 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -qF "$tmp/d/$1: $2" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "$1: refused ($2)"
  else
    bad "$1: exit $rc, want 1 and one line with '$2': $(cat "$tmp/err")"
  fi
}
refuse encrypted.pdf "the PDF document is encrypted (it needs a password to open)"
refuse truncated.pdf "a truncated PDF document"
refuse garbage.pdf "a damaged PDF document"
refuse notext.pdf "no text in the document"

# Known by its bytes: a PDF named .html, and on standard input.
cp "$here/pdf/01-release-seaforest.pdf" "$tmp/release.html"
"$gisa" extract --format json "$tmp/release.html" 2>/dev/null | grep -qF '"input": "pdf"' &&
  ok "a PDF named .html is read as PDF" || bad "a PDF named .html"
"$gisa" extract - <"$here/pdf/01-release-seaforest.pdf" 2>/dev/null | grep -qF '바다숲은 해조류와 해초류가' &&
  ok "a PDF on standard input" || bad "a PDF on standard input"
# post and analyze take it as any page
"$gisa" post "$here/pdf/01-release-seaforest.pdf" >"$tmp/post" 2>"$tmp/err" &&
  grep -qF 'title: 올해 바다숲 54곳 조성…갯녹음 확산 막는다' "$tmp/post" &&
  ok "post from a PDF" || bad "post from a PDF: $(head -c 300 "$tmp/err")"
exit $fail
