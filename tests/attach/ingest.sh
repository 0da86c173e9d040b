#!/bin/sh
# ingest.sh GISA - gisa ingest --attachments (issue #17) against a local web
# server: the documents the pages link are fetched once each, politely and
# within --max-bytes, and stored as articles linked to their pages
# (pages.parent_url), with the press block's department and contact; a gone,
# oversized or unreadable attachment is one error line; a second run stores
# nothing twice.
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "${1:?usage: ingest.sh path/to/gisa}"
command -v sqlite3 >/dev/null || { echo "corpus.attach: sqlite3 not installed, skipped"; exit 77; }
. tests/attach/lib.sh
DB=$TMP/attach.db
q() { sqlite3 "$DB" "$1"; }
A=$S/files/0407-release.hwpx

# --- two pages linking one release, and three bad attachments --------------
run ingest -j2 --db "$DB" --allow-private --delay 0 --max-bytes 200000 --attachments \
    "$S/news/release.html" "$S/news/long.html" "$S/news/gone.html" "$S/news/big.html" \
    "$S/news/notdoc.html"
expect_eq "$RC" 1 "ingest --attachments: exit status (three attachments fail)"
expect_present "$TMP/err" "$S/files/gone.hwpx: HTTP 404 (an attachment of $S/news/gone.html)" "gone attachment"
expect_present "$TMP/err" "$S/files/big.hwpx: larger than the limit of 200000 bytes" "oversized attachment"
expect_present "$TMP/err" "$S/files/page.hwpx: not an HWP, HWPX or PDF document" "unreadable attachment"
expect_eq "$(grep -c '^gisa: ' "$TMP/err")" 3 "one line per failed attachment"
expect_present "$TMP/err" "1 attachments stored" "summary: attachments"
expect_eq "$(requests /files/0407-release.hwpx)" 1 "an attachment two pages link is fetched once"
# the store: the attachment a page of its own, linked to the first page
expect_eq "$(q "select parent_url from pages where url = '$A'")" "$S/news/release.html" "pages.parent_url"
# (fetch failures are reported, not stored, as for any URL; a document
# that could not be read is stored with its error)
expect_eq "$(q "select count(*) from pages where parent_url is not null")" 2 "attachments read have their page"
expect_eq "$(q "select parent_url from pages where url = '$S/files/page.hwpx' and error like '%not an HWP, HWPX or PDF%'")" \
    "$S/news/notdoc.html" "an unreadable attachment: its error and its page"
expect_eq "$(q "select count(*) from pages where parent_url is null")" 5 "the pages"
expect_eq "$(q "select department || ' | ' || contact from articles where url = '$A'")" \
    "물환경정책과 | 책임자 과장 한여울 (044-201-7000); 담당자 사무관 배냇물 (044-201-7011)" \
    "articles.department and contact"
expect_eq "$(q "select title || ' | ' || license || ' | ' || publisher from articles where url = '$A'")" \
    "도시 하천 20곳 물길 되살린다…콘크리트 걷어 내고 생태 복원 | KOGL-1 | 환경부" \
    "the attachment credited to its page (title, licence, ministry)"
expect_eq "$(q "select count(*) from articles where url = '$A' and text like '%섭씨 1.5도가량%'")" 1 \
    "the attachment's full text is stored"
expect_eq "$(q "select p.url from pages a join pages p on p.url = a.parent_url join articles x on x.page_id = a.id where a.url = '$A'")" \
    "$S/news/release.html" "the link joins attachment to page"
expect_eq "$(q 'pragma user_version')" 5 "schema 5 (4: attachments)"

# --- search finds the release's full text ---------------------------------
run search --db "$DB" 징검다리
expect_present "$TMP/out" "$A" "search: the attachment's text is indexed"

# --- a second run: nothing stored twice -----------------------------------
run ingest -q --db "$DB" --allow-private --delay 0 --attachments "$S/news/release.html"
expect_eq "$RC" 0 "second run: exit status ($(head -c 200 "$TMP/err"))"
expect_eq "$(q "select count(*) from pages where url = '$A'")" 1 "second run: the attachment stored once"

# --- without --attachments nothing is fetched -----------------------------
before=$(grep -c ' /files/' "$LOG")
run ingest -q --db "$TMP/plain.db" --allow-private --delay 0 "$S/news/release.html"
expect_eq "$RC" 0 "without --attachments: exit status"
expect_eq "$(grep -c ' /files/' "$LOG")" "$before" "without --attachments: no attachment fetched"

# --- a document's URL given itself: read by its bytes, whatever its type ---
run ingest -q --db "$TMP/doc.db" --allow-private --delay 0 "$A"
expect_eq "$RC" 0 "a document by URL: exit status ($(head -c 200 "$TMP/err"))"
expect_eq "$(sqlite3 "$TMP/doc.db" "select department from articles where url = '$A'")" "물환경정책과" \
    "a document by URL: stored (served as application/octet-stream)"
expect_eq "$(sqlite3 "$TMP/doc.db" "select count(*) from pages where parent_url is not null")" 0 \
    "a document by URL: no page to link"

finish corpus.attach
