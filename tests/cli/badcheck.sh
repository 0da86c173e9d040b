#!/bin/sh
# badcheck.sh GISA - `gisa check` on inputs made to slip past it (issue #22
# items 3 and 9): texts longer than any internal limit, and characters
# that look like one thing and are another. Every row runs under
# `timeout 120` and asserts the exit status and the flagged span; all
# inputs are made here.
. "$(dirname "$0")/lib.sh"
setup "$0" "${1:?usage: badcheck.sh path/to/gisa}"

ROW=
row() { ROW=$1; echo "row: $1"; }

# Run gisa check; stdout/stderr to $TMP/out, $TMP/err; sets RC.
check() {
    timeout 120 "$GISA" check "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
    ok
    [ "$RC" -lt 124 ] || fail "$ROW: exit $RC (a hang or a signal)"
    ok
    grep -q -e 'Sanitizer' -e 'runtime error:' "$TMP/err" && fail "$ROW: sanitizer report"
    return 0
}

flagged() { # span
    expect_eq "$RC" 5 "$ROW: exit status"
    expect_present "$TMP/out" "[[$1]]" "$ROW: flagged span"
}

# A release of N numbered sentences, each with its own figure, as a text
# dump (title, date, paragraphs) or as a post (front matter); a post may
# end with one more sentence.
long_text() { # kind n file [last sentence]
    /usr/bin/python3 - "$@" <<'PY'
import sys
kind, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
last = sys.argv[4] if len(sys.argv) > 4 else None
with open(path, "w", encoding="utf-8") as f:
    if kind == "post":
        f.write("---\ntitle: 연안 정비 사업 보고\ndate: 2026-03-12\n---\n\n")
    else:
        f.write("연안 정비 사업 보고\n2026년 3월 12일\n\n")
    for i in range(n):
        f.write(f"해양수산부는 {i + 1}번째 구역에서 방파제 {i * 7 + 13}m를 보수했다.\n\n")
    if last:
        f.write(last + "\n")
PY
}

row "an invented person after sentence 25,000"
long_text text 25000 "$TMP/long.txt"
long_text post 25000 "$TMP/long.md" "해양수산부는 신원식 해양수산부 장관이 도쿄에서 이를 발표했다고 밝혔다."
check "$TMP/long.md" --source "$TMP/long.txt"
flagged 신원식

row "an invented figure after 4,000 figures"
long_text text 4500 "$TMP/figures.txt"
long_text post 4500 "$TMP/figures.md" "해양수산부는 방파제 99999m를 새로 쌓았다."
check "$TMP/figures.md" --source "$TMP/figures.txt"
flagged "99999m"

row "more sentence pairs than the check's limit"
long_text text 30000 "$TMP/wide.txt"
long_text post 40000 "$TMP/wide.md"
check "$TMP/wide.md" --source "$TMP/wide.txt"
expect_eq "$RC" 1 "$ROW: exit status"
expect_eq "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$ROW: one-line error"
expect_present "$TMP/err" "wide.md" "$ROW: the error names the input"
expect_present "$TMP/err" "limit of 1000000000 sentence pairs" "$ROW: the error names the limit"

row "more predicate comparisons than the check's limit"
long_text text 1000 "$TMP/deeds.txt"
/usr/bin/python3 - "$TMP/deeds.md" <<'PY'
import sys
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write("---\ntitle: 연안 정비 사업 보고\ndate: 2026-03-12\n---\n\n")
    for i in range(1100):
        f.write(f"해양수산부는 {i + 1}번째 구역에서 방파제를 이미 보수했다고 전했다.\n\n")
PY
check "$TMP/deeds.md" --source "$TMP/deeds.txt"
expect_eq "$RC" 1 "$ROW: exit status"
expect_eq "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "$ROW: one-line error"
expect_present "$TMP/err" "deeds.md" "$ROW: the error names the input"
expect_present "$TMP/err" "limit of 1000000 comparisons" "$ROW: the error names the limit"

# A short release and posts about it, for the character rows.
cat >"$TMP/release.txt" <<'TXT'
연안 정비 사업 확대
2026년 3월 12일

해양수산부는 올해 연안 정비 사업에 총 486억 원을 투입한다고 2026년 3월 12일 밝혔다.

한서진 해양수산부 장관은 이날 부산에서 사업 계획을 발표했다.
TXT
post() { # file body
    printf -- '---\ntitle: 연안 정비 사업 확대\ndate: 2026-03-12\n---\n\n%s\n' "$2" >"$1"
}

row "full-width digits are the same figures"
post "$TMP/wide-digits.md" "해양수산부는 올해 연안 정비 사업에 총 ４８６억 원을 투입한다고 ２０２６년 3월 12일 밝혔다."
check "$TMP/wide-digits.md" --source "$TMP/release.txt"
expect_eq "$RC" 0 "$ROW: exit status"

row "full-width digits in the source"
sed 's/486억/４８６억/' "$TMP/release.txt" >"$TMP/release-wide.txt"
post "$TMP/plain.md" "해양수산부는 올해 연안 정비 사업에 총 486억 원을 투입한다."
check "$TMP/plain.md" --source "$TMP/release-wide.txt"
expect_eq "$RC" 0 "$ROW: exit status"

row "a bidi override inside a figure"
post "$TMP/bidi.md" "$(printf '해양수산부는 올해 연안 정비 사업에 총 \342\200\256999\342\200\254억 원을 투입한다.')"
check "$TMP/bidi.md" --source "$TMP/release.txt"
flagged "999억 원"

row "a Hangul filler inside a name"
post "$TMP/filler.md" "$(printf '신\343\205\244원식 해양수산부 장관은 이날 부산에서 사업 계획을 발표했다.')"
check "$TMP/filler.md" --source "$TMP/release.txt"
flagged "신원식"

finish badcheck
