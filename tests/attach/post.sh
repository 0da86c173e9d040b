#!/bin/sh
# post.sh GISA - gisa post and a release's attachment (issue #17): a page
# whose body is only a summary of its .hwpx gives the post of the
# attachment, credited to the page (golden), fetched from a local web
# server or found beside a saved page; --from-attachment; --no-attachment;
# a full page downloads nothing; a gone, oversized or unreadable
# attachment leaves the page's own post with one line saying why.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: post.sh path/to/gisa}"
. tests/attach/lib.sh
GOLDEN=tests/attach/attach-post.golden

# --- the summary page by URL: the post of its attachment ------------------
run post --allow-private --delay 0 "$S/news/release.html"
expect_eq "$RC" 0 "summary page: exit status ($(head -c 300 "$TMP/err"))"
normalize "$TMP/out" >"$TMP/got"
if [ -n "$GISA_UPDATE_GOLDEN" ]; then cp "$TMP/got" "$GOLDEN"; fi
ok
cmp -s "$TMP/got" "$GOLDEN" || fail "summary page: post differs from $GOLDEN: $(diff "$GOLDEN" "$TMP/got" | head -20)"
expect_present "$TMP/err" "the page gives only a summary of its attachment; composing from its attachment \"0407(보도자료) 도시 하천 생태 복원.hwpx\", credited to the page" \
    "summary page: said on stderr"
expect_eq "$(requests /files/0407-release.hwpx)" 1 "summary page: the attachment fetched once"
# credited to the page, the department and contact from the press block
expect_present "$TMP/out" "source_url: https://www.korea.kr/briefing/pressReleaseView.do?newsId=156712345" "credit: the page's URL"
expect_present "$TMP/out" "license: KOGL-1" "credit: the page's licence covers its attachment"
expect_present "$TMP/out" "source_org: 환경부" "credit: the ministry"
expect_present "$TMP/out" "물환경정책과, 책임자 과장 한여울 (044-201-7000)" "credit: department and contact"
expect_present "$TMP/out" "섭씨 1.5도가량" "the full release, not the summary"

# --- a page with no body of its own, or nothing at all: the attachment ------
for page in bare empty; do
    before=$(requests /news/$page.html)
    run post --allow-private --delay 0 "$S/news/$page.html"
    expect_eq "$RC" 0 "$page page: exit status ($(head -c 300 "$TMP/err"))"
    normalize "$TMP/out" >"$TMP/got"
    ok
    cmp -s "$TMP/got" "$GOLDEN" || fail "$page page: post differs from $GOLDEN: $(diff "$GOLDEN" "$TMP/got" | head -10)"
    expect_eq "$(requests /news/$page.html)" $((before + 1)) "$page page: fetched once"
done
expect_present "$TMP/err" "the page has no body text; composing from its attachment" "empty page: said"
run post --allow-private --delay 0 --no-attachment "$S/news/empty.html"
expect_eq "$RC" 1 "empty page, --no-attachment: refused as before"
expect_present "$TMP/err" "$S/news/empty.html: no article text found" "empty page, --no-attachment: why"

# --- a summary in words of its own: the page is kept (conservative) --------
run post --allow-private --delay 0 "$S/news/reworded.html"
expect_eq "$RC" 0 "reworded summary: exit status"
expect_present "$TMP/out" "올해 예산으로 모두 1,240억 원을 쓴다." "reworded summary: the page's post"
expect_absent "$TMP/err" "composing from" "reworded summary: not from the attachment"

# --- --no-attachment: the page as it is -----------------------------------
before=$(requests /files/0407-release.hwpx)
run post --allow-private --delay 0 --no-attachment "$S/news/release.html"
expect_eq "$RC" 0 "--no-attachment: exit status"
expect_present "$TMP/out" "자세한 내용은 첨부파일을 참고하시기 바랍니다." "--no-attachment: the page's own text"
expect_absent "$TMP/out" "섭씨 1.5도가량" "--no-attachment: not the attachment"
expect_eq "$(requests /files/0407-release.hwpx)" "$before" "--no-attachment: nothing downloaded"
expect_eq "$(wc -c <"$TMP/err" | tr -d ' ')" 0 "--no-attachment: nothing said"

# --- a saved page with its attachment beside it: no network ----------------
run post "$SITE/saved/release.html"
expect_eq "$RC" 0 "saved page: exit status ($(head -c 300 "$TMP/err"))"
normalize "$TMP/out" >"$TMP/got"
ok
cmp -s "$TMP/got" "$GOLDEN" || fail "saved page: post differs from $GOLDEN: $(diff "$GOLDEN" "$TMP/got" | head -20)"

# --- --from-attachment DOC PAGE (files) ------------------------------------
run post --from-attachment "$SITE/files/0407-release.hwpx" tests/attach/summary-page.html
expect_eq "$RC" 0 "--from-attachment: exit status ($(head -c 300 "$TMP/err"))"
normalize "$TMP/out" >"$TMP/got"
ok
cmp -s "$TMP/got" "$GOLDEN" || fail "--from-attachment: post differs from $GOLDEN: $(diff "$GOLDEN" "$TMP/got" | head -20)"
# --from-attachment by URL
run post --allow-private --delay 0 --from-attachment "$S/files/0407-release.hwpx" "$S/news/release.html"
expect_eq "$RC" 0 "--from-attachment URL: exit status ($(head -c 300 "$TMP/err"))"
normalize "$TMP/out" >"$TMP/got"
ok
cmp -s "$TMP/got" "$GOLDEN" || fail "--from-attachment URL: post differs from $GOLDEN"
run post --from-attachment "$SITE/files/0407-release.hwpx" --no-attachment tests/attach/summary-page.html
expect_eq "$RC" 2 "--from-attachment with --no-attachment: usage error"

# --- a page that is the whole release: the page's post ---------------------
run post --allow-private --delay 0 "$S/news/full.html"
expect_eq "$RC" 0 "full page: exit status"
expect_present "$TMP/out" "갯녹음" "full page: the page's post"
expect_absent "$TMP/err" "composing from its attachment" "full page: not from the attachment"
# a body longer than any summary: the attachment is not even downloaded
before=$(requests /files/0407-release.hwpx)
run post --allow-private --delay 0 "$S/news/long.html"
expect_eq "$RC" 0 "long page: exit status"
expect_present "$TMP/out" "주민 설명회를 32차례" "long page: the page's post"
expect_eq "$(requests /files/0407-release.hwpx)" "$before" "long page: the attachment not downloaded"

# --- a gone, oversized or unreadable attachment: the page's post -----------
for case in "gone:HTTP 404" "big:larger than the limit" "notdoc:not an HWP, HWPX or PDF document"; do
    name=${case%%:*}
    msg=${case#*:}
    run post --allow-private --delay 0 --max-bytes 200000 "$S/news/$name.html"
    expect_eq "$RC" 0 "$name attachment: the page's post (exit status)"
    expect_present "$TMP/out" "자세한 내용은 첨부파일을 참고하시기 바랍니다." "$name attachment: the page's own text"
    expect_eq "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$name attachment: one line on stderr"
    expect_present "$TMP/err" "$S/news/$name.html: its attachment could not be read:" "$name attachment: names the page"
    expect_present "$TMP/err" "$msg" "$name attachment: says why"
done

finish post.attachment
