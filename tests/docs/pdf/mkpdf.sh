#!/bin/sh
# mkpdf.sh [FILE.html...] - print the PDF fixtures from their HTML sources
# with headless Chromium (the PDFs are committed: the tests need no
# browser). Pages marked <meta name="print-header-footer" content="yes">
# get Chromium's own running header and footer (date, title, address,
# page "n/m"); the others none. Korean text needs fonts-nanum.
set -eu
cd "$(dirname "$0")"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "mkpdf.sh: chromium is not installed" >&2; exit 1; }
[ $# -gt 0 ] || set -- *.html
for html in "$@"; do
  pdf="${html%.html}.pdf"
  hf=--no-pdf-header-footer
  grep -q 'name="print-header-footer" content="yes"' "$html" && hf=
  "$browser" --headless --no-sandbox --disable-gpu $hf \
    --print-to-pdf="$PWD/$pdf" "file://$PWD/$html" >/dev/null 2>&1
  [ -s "$pdf" ] || { echo "mkpdf.sh: $html: no PDF written" >&2; exit 1; }
  echo "$pdf"
done
