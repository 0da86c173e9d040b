#!/bin/sh
# tests/docs/run.sh GISA - HWP and HWPX documents (issue #17): the same
# press release as HWPX and HWP 5 (compressed and stored) gives the same
# article, its first-page block read as metadata; encrypted, distribution
# (DRM), damaged and hostile documents are refused with one line naming
# the input and the reason. The documents are made at run time by
# tests/docs/mkdocs.py (libgsf through python3-gi for the OLE2 files).
set -u
gisa=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! /usr/bin/python3 -c 'import gi; gi.require_version("Gsf", "1")' 2>/dev/null; then
  echo "SKIP: python3-gi and gir1.2-gsf-1 are needed to write the test documents"
  exit 77
fi
/usr/bin/python3 "$here/mkdocs.py" "$tmp/d" || exit 1
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# The release, as each format: same text, same metadata.
for f in release.hwpx release-stored.hwpx release.hwp release-stored.hwp; do
  "$gisa" extract --format json "$tmp/d/$f" >"$tmp/$f.json" 2>"$tmp/err" || { bad "$f: exit $? $(cat "$tmp/err")"; continue; }
  "$gisa" extract "$tmp/d/$f" >"$tmp/$f.txt"
  for want in '"title": "올해 바다숲 54곳 조성…갯녹음 확산 막는다"' '"date": "2026-03-12"' \
              '"publisher": "해양수산부"' '"author": "해양수산부"' '"department": "해양생태과"' \
              '"contact": "책임자 과장 김바다 (044-200-5000); 담당자 사무관 이갯벌 (044-200-5001)"'; do
    grep -qF "$want" "$tmp/$f.json" && ok "$f: $want" || bad "$f: no $want"
  done
  # The body: every paragraph, the table, the box, the footnote, the footer;
  # the release block and the headline are metadata, not body.
  for want in "새로 조성한다고 밝혔다.1)" "갯녹음: 연안 암반의 해조류가" \
              "$(printf '해역\t개소\t면적(ha)')" "$(printf '제주\t14\t800')" \
              "올해 사업비는 총 486억 원이며" "이 자료는 해양수산부의 보도자료입니다."; do
    grep -qF "$want" "$tmp/$f.txt" && ok "$f: body has $want" || bad "$f: body lacks $want"
  done
  for unwanted in "보도 일시" "담당자" "044-200" "올해 바다숲 54곳 조성…"; do
    grep -qF "$unwanted" "$tmp/$f.txt" && bad "$f: body has $unwanted" || ok "$f: body without $unwanted"
  done
done
cmp -s "$tmp/release.hwpx.txt" "$tmp/release.hwp.txt" && ok "HWP and HWPX give the same text" || bad "HWP and HWPX texts differ"
cmp -s "$tmp/release.hwp.txt" "$tmp/release-stored.hwp.txt" && ok "compressed and stored HWP give the same text" || bad "compressed and stored HWP differ"
grep -q '"input": "hwpx"' "$tmp/release.hwpx.json" && ok "input hwpx" || bad "input is not hwpx"
grep -q '"input": "hwp"' "$tmp/release.hwp.json" && ok "input hwp" || bad "input is not hwp"

# Named by their bytes, not their names.
cp "$tmp/d/release.hwpx" "$tmp/d/misnamed.html"
"$gisa" extract "$tmp/d/misnamed.html" | grep -q "해양수산부는 갯녹음" && ok "an HWPX named .html" || bad "an HWPX named .html"
"$gisa" extract - <"$tmp/d/release.hwp" | grep -q "해양수산부는 갯녹음" && ok "an HWP on stdin" || bad "an HWP on stdin"

# A plain document: text and tables, no release block; the other commands.
"$gisa" extract "$tmp/d/plain.hwp" | grep -q "둘째 문단입니다." && ok "plain.hwp" || bad "plain.hwp"
"$gisa" extract --format json "$tmp/d/plain.hwpx" | grep -q '"title": "보도자료 양식"' && ok "plain.hwpx: title from content.hpf" || bad "plain.hwpx: title"
"$gisa" post --date 2026-03-12 "$tmp/d/release.hwpx" >"$tmp/post" 2>"$tmp/err" && grep -q "^title: 올해 바다숲" "$tmp/post" && ok "post from an HWPX" || bad "post from an HWPX: $(cat "$tmp/err")"
"$gisa" analyze "$tmp/d/release.hwp" >/dev/null 2>"$tmp/err" && ok "analyze an HWP" || bad "analyze an HWP: $(cat "$tmp/err")"

# Refused, each with one line naming the input and the reason (exit 1).
refuse() { # file expected-text [options]
  f=$1 want=$2
  shift 2
  timeout 60 "$gisa" extract "$@" "$tmp/d/$f" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  lines=$(wc -l <"$tmp/err")
  if [ $rc -eq 1 ] && [ "$lines" -eq 1 ] && grep -qF "$tmp/d/$f: " "$tmp/err" &&
     grep -qF "$want" "$tmp/err" && [ ! -s "$tmp/out" ]; then
    ok "$f: $(cat "$tmp/err")"
  else
    bad "$f: exit $rc, $lines lines: $(cat "$tmp/err")"
  fi
}
refuse encrypted.hwp "encrypted (password-protected)"
refuse encrypted.hwpx "encrypted (password-protected)"
refuse distribution.hwp "distribution document (배포용 문서)"
refuse viewtext.hwp "distribution document (배포용 문서)"
refuse hwp3.hwp "only HWP 5"
refuse truncated.hwp "truncated"
refuse empty-section.hwp "no text in the document"
refuse truncated-deflate.hwp "truncated"
refuse garbage-deflate.hwp "corrupt compressed data"
refuse cut.hwp "not a readable OLE2 file"
refuse cut.hwpx "not a readable zip"
refuse notxml.hwpx "not well-formed XML"
refuse bomb.hwp "more than the limit of 500000 bytes" --max-bytes 500000
refuse bomb.hwpx "larger than the limit of 500000 bytes" --max-bytes 500000
refuse nested.hwp "the depth limit"
refuse nested.hwpx "section0.xml"
printf '%%PDF-1.4\n%%fake\n' >"$tmp/d/a.pdf"
refuse a.pdf "a truncated PDF document"
exit $fail
