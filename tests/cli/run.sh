#!/bin/sh
# run.sh GISA - the command-line contract: exit codes, one-line errors that
# name the input, batch mode going past bad pages, atomic post writing.
# Bad inputs are made here, in a temporary directory.
. "$(dirname "$0")/lib.sh"
setup "$0" "${1:?usage: run.sh path/to/gisa}"

GOOD=examples/newspaper.html

# An input error: exit status $1, and stderr one line naming the input.
expect_input_error() { # want-rc path what
    run extract "$2"
    expect_eq "$RC" "$1" "$3: exit status"
    ok
    [ "$(wc -l <"$TMP/err" | tr -d ' ')" = 1 ] ||
        fail "$3: stderr should be one line, is: $(cat "$TMP/err")"
    ok
    grep -q -F -- "$2" "$TMP/err" || fail "$3: error does not name $2: $(cat "$TMP/err")"
    ok
    [ -s "$TMP/out" ] && fail "$3: printed output despite the error"
    # The same through post.
    run post "$2"
    expect_eq "$RC" "$1" "$3 (post): exit status"
    ok
    grep -q -F -- "$2" "$TMP/err" || fail "$3 (post): error does not name $2"
}

# --- bad inputs ---------------------------------------------------------
: >"$TMP/empty.html"
expect_input_error 1 "$TMP/empty.html" "empty file"

printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\003\000>\000' >"$TMP/prog.bin"
head -c 3000 "$GISA" >>"$TMP/prog.bin"
expect_input_error 1 "$TMP/prog.bin" "binary file"

gzip -c <"$GOOD" >"$TMP/whole.html.gz"
size=$(wc -c <"$TMP/whole.html.gz")
head -c $((size / 2)) "$TMP/whole.html.gz" >"$TMP/cut.html.gz"
expect_input_error 1 "$TMP/cut.html.gz" "truncated gzip"

gzip -c </dev/null >"$TMP/empty.gz"
expect_input_error 1 "$TMP/empty.gz" "gzip of nothing"

# Mostly valid UTF-8 Korean with stray bytes and no charset declaration.
{ sed -n '1,60p' "$GOOD" | grep -v charset; printf '\377\376 broken \300\n'; sed -n '61,$p' "$GOOD"; } \
    >"$TMP/bad-utf8.html"
expect_input_error 1 "$TMP/bad-utf8.html" "invalid UTF-8"

expect_input_error 3 "$TMP/no-such-file.html" "missing path"
mkdir "$TMP/a-directory"
expect_input_error 3 "$TMP/a-directory" "directory"

# A gzipped page reads like the page itself.
run extract "$TMP/whole.html.gz"
expect_eq "$RC" 0 "gzip input: exit status"
"$GISA" extract "$GOOD" >"$TMP/plain.txt" 2>/dev/null
ok
cmp -s "$TMP/out" "$TMP/plain.txt" || fail "gzip input: text differs from the plain page's"

# Standard input.
run extract - <"$GOOD"
expect_eq "$RC" 0 "stdin: exit status"
ok
cmp -s "$TMP/out" "$TMP/plain.txt" || fail "stdin: text differs from the file's"

# --- usage --------------------------------------------------------------
run
expect_eq "$RC" 2 "no arguments"
run frobnicate "$GOOD"
expect_eq "$RC" 2 "unknown command"
expect_present "$TMP/err" "frobnicate" "unknown command message"
run extract --no-such-option "$GOOD"
expect_eq "$RC" 2 "unknown option"
expect_present "$TMP/err" "--no-such-option" "unknown option message"
run extract --format yaml "$GOOD"
expect_eq "$RC" 2 "unknown format"
run extract
expect_eq "$RC" 2 "extract without input"
run extract "$GOOD" "$GOOD"
expect_eq "$RC" 2 "two inputs without --out"
run post --date 2026-13 "$GOOD"
expect_eq "$RC" 2 "post --date malformed"
run post --no-such-option "$GOOD"
expect_eq "$RC" 2 "post unknown option"
# issue #14: a style a format cannot honour is refused, never dropped
for fmt in markdown json; do
    run post --format $fmt --style tistory "$GOOD"
    expect_eq "$RC" 2 "post --format $fmt --style tistory"
    expect_present "$TMP/err" "tistory" "post --format $fmt --style tistory message"
done

for args in "--help" "-h" "--version" "extract --help" "post --help" "help extract"; do
    # shellcheck disable=SC2086
    run $args
    expect_eq "$RC" 0 "gisa $args: exit status"
    ok
    [ -s "$TMP/out" ] || fail "gisa $args: printed nothing on stdout"
done
run --version
ok
grep -q '^gisa [0-9][0-9.]*' "$TMP/out" || fail "--version: $(cat "$TMP/out")"

# --- batch mode ---------------------------------------------------------
cp examples/newspaper.html "$TMP/one.html"
cp examples/korea-kr-release.html "$TMP/three.html"
run extract --out "$TMP/batch" "$TMP/one.html" "$TMP/empty.html" "$TMP/three.html" "$TMP/cut.html.gz"
expect_eq "$RC" 1 "batch with bad pages: exit status"
for id in one three; do
    ok
    [ -s "$TMP/batch/$id.txt" ] && [ -s "$TMP/batch/$id.json" ] ||
        fail "batch: $id.txt/$id.json not written"
done
ok
cmp -s "$TMP/batch/one.txt" "$TMP/plain.txt" || fail "batch: one.txt differs from extract's text"
ok
[ -e "$TMP/batch/empty.txt" ] && fail "batch: wrote output for the empty page"
expect_present "$TMP/err" "$TMP/empty.html" "batch: error for the empty page"
expect_present "$TMP/err" "$TMP/cut.html.gz" "batch: error for the truncated page"
expect_present "$TMP/err" "2 of 4" "batch: summary"
ok
ls "$TMP/batch" | grep -q '\.tmp\.' && fail "batch: temporary files left: $(ls "$TMP/batch")"

# --- licences: a page that reserves all rights (issue #14) ---------------
for page in examples/newspaper.html examples/naver-news.html tests/post-quality/pages/paper-ledger.html; do
    run post "$page"
    expect_eq "$RC" 6 "post $page (all rights reserved): exit status"
    expect_eq "$(wc -l <"$TMP/err" | tr -d ' ')" 1 "post $page (all rights reserved): one-line error"
    expect_present "$TMP/err" "$page: the page reserves all rights" "post $page: message names the page"
    expect_eq "$(wc -c <"$TMP/out" | tr -d ' ')" 0 "post $page (all rights reserved): nothing printed"
done
run post --allow-unlicensed examples/newspaper.html
expect_eq "$RC" 0 "post --allow-unlicensed: exit status"
expect_present "$TMP/err" "warning: examples/newspaper.html: the page reserves all rights" "post --allow-unlicensed: warning"
expect_present "$TMP/out" "license: all-rights-reserved" "post --allow-unlicensed: the licence in the front matter"
expect_absent "$TMP/out" "image:" "post --allow-unlicensed: no photo"
expect_present "$TMP/out" "저작권은 동해신문에 있습니다" "post --allow-unlicensed: credit"
expect_eq "$(grep -c '^> ' "$TMP/out")" 3 "post --allow-unlicensed: three quoted sentences"
expect_eq "$(grep -v -e '^> ' -e '^$' -e '^---$' -e '^\*\*출처' -e '^이 글은' "$TMP/out" | sed -n '/^source_hash:/,$p' | wc -l | tr -d ' ')" 1 \
    "post --allow-unlicensed: nothing but quotes and credit in the body"
run post --allow-unlicensed --mode full examples/newspaper.html
expect_eq "$(grep -c '^> ' "$TMP/out")" 3 "post --allow-unlicensed --mode full: still the quoted summary only"

# --- a page that states no licence and names no publisher or site ---------
cat >"$TMP/nolicence.html" <<'EOF2'
<!doctype html><html lang="en"><head><title>Harbour lights return</title>
<link rel="canonical" href="https://www.harbour-notes.example/2026/lights">
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><article><h1>Harbour lights return</h1>
<p>The old harbour lights were switched on again on Monday after a winter of repairs to their wiring and lenses.</p>
<p>Volunteers cleaned each of the twelve lamps by hand and replaced the cracked glass on four of them.</p>
<p>The lights will stay on from dusk to midnight every day until the end of October this year.</p>
</article></body></html>
EOF2
run post "$TMP/nolicence.html"
expect_eq "$RC" 0 "post (no licence stated): exit status"
expect_present "$TMP/err" "warning: $TMP/nolicence.html: the page states no licence" "post (no licence stated): warning"
expect_present "$TMP/out" "**Source**: harbour-notes.example, " "post (no organisation named): credited to the URL's host"
expect_present "$TMP/out" "The source states no licence; its copyright remains with harbour-notes.example." \
    "post (no licence stated): the credit says so"

# A Creative Commons page: the licence in its own form, with its deed.
sed 's|</head>|<link rel="license" href="https://creativecommons.org/licenses/by-sa/4.0/"></head>|' \
    "$TMP/nolicence.html" >"$TMP/cc.html"
run post "$TMP/cc.html"
expect_eq "$RC" 0 "post (CC BY-SA): exit status"
expect_present "$TMP/out" "Used under the Creative Commons licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)." \
    "post (CC BY-SA): the credit names the licence and links its deed"
run post -f html "$TMP/cc.html"
expect_present "$TMP/out" "Creative Commons licence CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).</p></footer>" \
    "post -f html (CC BY-SA): the same in the footer"

# --- --url and --org: what a saved page does not say (issue #14) -----------
run post --url https://www.mnd.example.kr/mnd/view.do?nttId=521007 --org 국방부 tests/post-quality/pages/mnd-release.html
expect_eq "$RC" 0 "post --url --org: exit status"
expect_present "$TMP/out" "source_url: https://www.mnd.example.kr/mnd/view.do?nttId=521007" "post --url: source_url"
expect_present "$TMP/out" "<https://www.mnd.example.kr/mnd/view.do?nttId=521007>" "post --url: the credit's link"
run extract --format json --org 환경부 --url https://www.me.example.kr/a tests/post-quality/pages/dump-notitle.txt
expect_present "$TMP/out" '"url": "https://www.me.example.kr/a"' "extract --url on a text dump"
expect_present "$TMP/out" '"publisher": "환경부"' "extract --org: the page's own notice names the same"
run extract --org 산림청 --format json examples/newspaper.html
expect_present "$TMP/out" '"publisher": "산림청"' "extract --org where the page names no organisation"
run extract --format json --url https://elsewhere.example/x examples/korea-kr-release.html
expect_present "$TMP/out" '"url": "https://www.korea.kr/' "extract --url: the page's own canonical URL wins"
run post --url javascript:alert tests/post-quality/pages/mnd-release.html
expect_eq "$RC" 2 "post --url not http(s): usage error"
run extract --url https://a.example/ examples/newspaper.html examples/naver-news.html
expect_eq "$RC" 2 "extract --url with two pages: usage error"
run post --allow-unlicensed tests/post-quality/pages/naver-allrights.html
expect_present "$TMP/out" "date: 2026-06-17 14:05:00 +0900" "post: the time of article:published_time kept"

# --- post writes atomically --------------------------------------------
run post --out "$TMP/site/_posts" examples/korea-kr-release.html
expect_eq "$RC" 0 "post --out: exit status"
n=$(ls "$TMP/site/_posts" 2>/dev/null | wc -l | tr -d ' ')
expect_eq "$n" 1 "post --out: files in the directory (no temporary files left)"
f=$(ls "$TMP/site/_posts" 2>/dev/null | head -1)
ok
case $f in 2026-03-12-*.md) ;; *) fail "post --out: file name '$f'" ;; esac
ok
cmp -s "$TMP/site/_posts/$f" "$TMP/out" || fail "post --out: file differs from what was printed"
# Writing again replaces the file, still without leftovers.
run post --out "$TMP/site/_posts" examples/korea-kr-release.html
n=$(ls -a "$TMP/site/_posts" | grep -v '^\.\.\?$' | wc -l | tr -d ' ')
expect_eq "$n" 1 "post --out twice: files in the directory"
# A target that cannot be a directory: an I/O error, nothing half-written.
: >"$TMP/not-a-dir"
run post --out "$TMP/not-a-dir" examples/korea-kr-release.html
expect_eq "$RC" 3 "post --out onto a file: exit status"
expect_present "$TMP/err" "$TMP/not-a-dir" "post --out onto a file: message"
if [ "$(id -u)" != 0 ]; then
    mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
    run post --out "$TMP/ro" examples/korea-kr-release.html
    expect_eq "$RC" 3 "post --out read-only dir: exit status"
    n=$(ls -a "$TMP/ro" | grep -v '^\.\.\?$' | wc -l | tr -d ' ')
    expect_eq "$n" 0 "post --out read-only dir: files left"
    chmod 755 "$TMP/ro"
fi

finish cli
