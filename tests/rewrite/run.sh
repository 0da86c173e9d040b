#!/bin/sh
# run.sh GISA - gisa rewrite and gisa post --rewrite (issue #16), against
# a stub chat-completions server on 127.0.0.1 (stub_llm.py, started here)
# and a deterministic --rewriter (paraphrase.py):
#  - faithful answers, and answers carrying each kind of error the check
#    knows (invented name, changed number, flipped negation, swapped role,
#    invented claim): the post states no flagged fact, records each retry
#    and replacement, equals its golden file; --strict exits 5 when a
#    sentence fails twice;
#  - a timeout, 429 with Retry-After, 500, a 50 MB answer, invalid JSON,
#    an empty answer, a cut answer, a refused connection: each a clear
#    warning, exit 0, the post written from the source's sentences;
#  - the API key: sent, never shown; usage errors; licences.
# REWRITE_UPDATE=1 rewrites the golden files (review the diff).
. "$(dirname "$0")/../cli/lib.sh"
setup "$0" "$1"
DIR=tests/rewrite
SRC=$DIR/release.txt
PY=/usr/bin/python3
[ -x $PY ] || { echo "rewrite: $PY missing: skipped"; exit 77; }

$PY $DIR/stub_llm.py "$TMP/port" "$TMP/stub.log" 2>"$TMP/stub.err" &
STUB=$!
trap 'kill $STUB 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
[ -s "$TMP/port" ] || { echo "rewrite: the stub server did not start"; cat "$TMP/stub.err"; exit 1; }
URL=http://127.0.0.1:$(cat "$TMP/port")/v1
PARA="$PY $DIR/paraphrase.py"

golden() { # name file
    if [ -n "$REWRITE_UPDATE" ]; then
        cp "$2" "$DIR/golden/$1.md"
    elif ! cmp -s "$DIR/golden/$1.md" "$2"; then
        fail "$1: the post differs from $DIR/golden/$1.md"
        diff "$DIR/golden/$1.md" "$2" | head -20
    fi
}

# The post states nothing the source does not.
clean() { # name file
    ok
    "$GISA" check "$2" --source $SRC >"$TMP/check.out" 2>&1 ||
        fail "$1: the published post fails gisa check: $(grep -A1 '^FLAG' "$TMP/check.out" | head -4)"
}

field() { # file key -> the value under rewrite:
    sed -n "/^rewrite:/,/^[^ ]/s/^  $2: //p" "$1"
}

expect_counts() { # name file rewritten retried replaced
    ok
    got="$(field "$2" rewritten) $(field "$2" retried) $(field "$2" replaced)"
    [ "$got" = "$3 $4 $5" ] || fail "$1: front matter counts '$got', wanted '$3 $4 $5'"
}

"$GISA" post $SRC >"$TMP/plain.md" 2>/dev/null || fail "gisa post of the fixture failed"

# ---------------------------------------------------------------- faithful
ok
"$GISA" rewrite --rewriter "$PARA" $SRC >"$TMP/rw.md" 2>"$TMP/rw.err" || fail "rewriter: exit $?"
golden rewriter "$TMP/rw.md"
clean rewriter "$TMP/rw.md"
expect_counts rewriter "$TMP/rw.md" 11 0 0
ok
grep -q '^  model: python3 paraphrase.py$' "$TMP/rw.md" || fail "rewriter: the model is not recorded"
grep -q '^  voice: blog$' "$TMP/rw.md" || fail "rewriter: the voice is not recorded"

ok
"$GISA" rewrite --rewriter "$PARA --slip" --report "$TMP/slip.json" $SRC >"$TMP/slip.md" 2>/dev/null ||
    fail "rewriter --slip: exit $?"
golden rewriter-slip "$TMP/slip.md"
clean rewriter-slip "$TMP/slip.md"
expect_counts rewriter-slip "$TMP/slip.md" 11 1 0
ok
$PY - "$TMP/slip.json" <<'PYEOF' || fail "rewriter --slip: the report does not show the retry"
import json, sys
r = json.load(open(sys.argv[1]))
d = [x for x in r["decisions"] if x["decision"] == "retried"]
assert len(d) == 1 and d[0]["facts"][0]["text"] == "1만 5천 명", d
assert d[0]["facts"][0]["source_text"] == "1만 2천 명"
assert "1만 2천 명" in d[0]["retry"] and d[0]["retry_facts"] == []
PYEOF

# the same through the stub server, and through gisa post --rewrite
ok
"$GISA" rewrite --llm "$URL" --model faithful $SRC >"$TMP/llm.md" 2>/dev/null || fail "llm faithful: exit $?"
golden llm-faithful "$TMP/llm.md"
clean llm-faithful "$TMP/llm.md"
ok
"$GISA" post --rewrite --llm "$URL" --model faithful $SRC >"$TMP/post.md" 2>/dev/null
cmp -s "$TMP/llm.md" "$TMP/post.md" || fail "gisa post --rewrite differs from gisa rewrite"

# ------------------------------------------------- each kind of error
# kind  wrong-text  counts (fixed on retry)  counts (stubborn)
for row in "name|이정민|11 1 0|10 1 1" "number|1만 5천 명|11 1 0|10 1 1" \
           "negation|새로 도입하기로|11 1 0|10 1 1" "role|김서진 기상청장|11 1 0|10 1 1" \
           "claim|임금을 올리기로|13 2 0|11 2 2"; do
    kind=${row%%|*}; rest=${row#*|}
    wrong=${rest%%|*}; rest=${rest#*|}
    fixed=${rest%%|*}; stubborn=${rest#*|}
    for m in $kind $kind-stubborn; do
        ok
        "$GISA" rewrite --llm "$URL" --model $m --report "$TMP/$m.json" $SRC >"$TMP/$m.md" 2>"$TMP/$m.err" ||
            fail "$m: exit $? ($(cat "$TMP/$m.err"))"
        golden llm-$m "$TMP/$m.md"
        clean $m "$TMP/$m.md"
        ok
        grep -q -F -- "$wrong" "$TMP/$m.md" && fail "$m: the post still says '$wrong'"
        ok
        grep -q -F -- "$wrong" "$TMP/$m.json" || fail "$m: the report does not name '$wrong'"
        if [ $m = $kind ]; then
            expect_counts $m "$TMP/$m.md" $fixed
            # --strict publishes what passed on its retry
            ok
            "$GISA" rewrite --strict --llm "$URL" --model $m $SRC >/dev/null 2>&1 ||
                fail "$m --strict: exit $?, wanted 0 (the retry passed)"
        else
            expect_counts $m "$TMP/$m.md" $stubborn
            ok
            "$GISA" rewrite --strict --llm "$URL" --model $m --report "$TMP/strict.json" $SRC \
                >"$TMP/strict.out" 2>"$TMP/strict.err"
            rc=$?
            [ $rc -eq 5 ] || fail "$m --strict: exit $rc, wanted 5"
            ok
            [ -s "$TMP/strict.out" ] && fail "$m --strict: a post was printed"
            grep -q -- '--strict' "$TMP/strict.err" || fail "$m --strict: no message: $(cat "$TMP/strict.err")"
            ok
            [ -s "$TMP/strict.json" ] || fail "$m --strict: no report"
        fi
    done
done

# the title and the excerpt are gated too: a title with a changed figure
# and an excerpt with an invented claim, both unchanged when sent back
ok
"$GISA" rewrite --llm "$URL" --model headline --report "$TMP/hl.json" $SRC >"$TMP/hl.md" 2>/dev/null ||
    fail "headline: exit $?"
golden llm-headline "$TMP/hl.md"
clean headline "$TMP/hl.md"
expect_counts headline "$TMP/hl.md" 10 2 2
ok
grep -q '^title: 봄철 산불 감시 인력 1만 2천 명 배치$' "$TMP/hl.md" || fail "headline: the release's title is not back"
ok
grep -q -e '1만 5천 명' -e '임금을' "$TMP/hl.md" && fail "headline: a flagged title or excerpt was published"
ok
$PY - "$TMP/hl.json" <<'PYEOF' || fail "headline: the report does not show the title and excerpt decisions"
import json, sys
r = json.load(open(sys.argv[1]))
parts = {(d.get("part"), d["decision"]) for d in r["decisions"]}
assert ("title", "replaced") in parts and ("excerpt", "dropped") in parts, parts
PYEOF

# an invented figure repeated (the excerpt restating the lead) is flagged
# in every sentence that says it, at the gate, not only where it is first
ok
"$GISA" rewrite --llm "$URL" --model repeat --report "$TMP/rp.json" $SRC >"$TMP/rp.md" 2>/dev/null ||
    fail "repeat: exit $?"
clean repeat "$TMP/rp.md"
ok
$PY - "$TMP/rp.json" <<'PYEOF' || fail "repeat: the excerpt's repeat was not caught at the gate"
import json, sys
r = json.load(open(sys.argv[1]))
ex = [d for d in r["decisions"] if d.get("part") == "excerpt" and "1만 5천 명" in d["sentence"]]
assert ex and all(d["decision"] in ("replaced", "dropped") and d["retry"] for d in ex), ex
assert r["retried"] == 3 and r["replaced"] == 3, (r["retried"], r["replaced"])  # the lead, the title, the excerpt
PYEOF

# ----------------------------------------- the model fails: source kept
source_kept() { # name file err pattern
    ok
    grep -q -- "$4" "$3" || fail "$1: no clear warning ('$4'): $(cat "$3")"
    ok
    sed '/^rewrite:/,/^  replaced:/d' "$2" >"$2.plain"
    cmp -s "$TMP/plain.md" "$2.plain" || fail "$1: the post is not the source's sentences"
    expect_counts "$1" "$2" 0 0 0
}
for row in "slow|no answer within 1 s" "busy-always|HTTP 429" "error|HTTP 500: the model crashed" \
           "huge|over 1048576 bytes" "garbage|not JSON" "empty|the answer is empty" \
           "cut|token limit"; do
    m=${row%%|*}; want=${row#*|}
    ok
    timeout 60 "$GISA" rewrite --llm "$URL" --model $m --timeout 1 --retries 1 $SRC \
        >"$TMP/$m.md" 2>"$TMP/$m.err" || fail "$m: exit $?"
    source_kept $m "$TMP/$m.md" "$TMP/$m.err" "$want"
done
# a timeout stops asking: one request, not one per section
ok
[ "$(grep -c '^slow ' "$TMP/stub.log")" = 1 ] || fail "slow: asked $(grep -c '^slow ' "$TMP/stub.log") times"
ok
[ "$(grep -c '^busy-always ' "$TMP/stub.log")" = 4 ] ||
    fail "busy-always: $(grep -c '^busy-always ' "$TMP/stub.log") requests, wanted 2 sections x 2 tries"

# 429 with Retry-After: 1, then an answer
ok
"$GISA" rewrite --llm "$URL" --model busy $SRC >"$TMP/busy.md" 2>"$TMP/busy.err" || fail "busy: exit $?"
sed 's/^  model: busy$/  model: faithful/' "$TMP/busy.md" | cmp -s - "$TMP/llm.md" ||
    fail "busy: after the 429 the post is not the faithful one: $(cat "$TMP/busy.err")"

# connection refused: a port nothing listens on
DEAD=$($PY -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ok
"$GISA" rewrite --llm "http://127.0.0.1:$DEAD/v1" --model x $SRC >"$TMP/dead.md" 2>"$TMP/dead.err" ||
    fail "refused: exit $?"
source_kept refused "$TMP/dead.md" "$TMP/dead.err" "Couldn't connect"

# --rewriter failures
ok
"$GISA" rewrite --rewriter "/nonexistent/model-program" $SRC >"$TMP/nx.md" 2>"$TMP/nx.err" || fail "no program: exit $?"
source_kept no-program "$TMP/nx.md" "$TMP/nx.err" "cannot run '/nonexistent/model-program'"
ok
timeout 60 "$GISA" rewrite --rewriter "sleep 30" --timeout 1 $SRC >"$TMP/sl.md" 2>"$TMP/sl.err" || fail "rewriter timeout: exit $?"
source_kept rewriter-timeout "$TMP/sl.md" "$TMP/sl.err" "no answer within 1 s: killed"
ok
"$GISA" rewrite --rewriter "false" $SRC >"$TMP/f.md" 2>"$TMP/f.err" || fail "rewriter false: exit $?"
source_kept rewriter-exit "$TMP/f.md" "$TMP/f.err" "exit status 1"
ok
"$GISA" rewrite --rewriter "head -c 3000000 /dev/zero" $SRC >"$TMP/z.md" 2>"$TMP/z.err" || fail "rewriter huge: exit $?"
source_kept rewriter-huge "$TMP/z.md" "$TMP/z.err" "over 1048576 bytes"

# ------------------------------------------------------------ the API key
ok
GISA_TEST_KEY=sekrit-key-0042 "$GISA" rewrite --llm "$URL" --model faithful \
    --api-key-env GISA_TEST_KEY --report "$TMP/key.json" $SRC >"$TMP/key.md" 2>"$TMP/key.err" ||
    fail "api key: exit $?"
ok
[ "$(tail -1 "$TMP/stub.log")" = "faithful section auth" ] || fail "api key: not sent"
ok
grep -q sekrit "$TMP/key.md" "$TMP/key.err" "$TMP/key.json" && fail "api key: shown"
ok
GISA_TEST_KEY=sekrit-key-0042 "$GISA" rewrite --llm "http://127.0.0.1:$DEAD/v1" --model x \
    --api-key-env GISA_TEST_KEY $SRC >/dev/null 2>"$TMP/key2.err"
grep -q sekrit "$TMP/key2.err" && fail "api key: shown in an error"

# --------------------------------------------------- the prompt template
ok
sed 's/^당신은 정부 보도자료를/CUSTOM-PROMPT 당신은 정부 보도자료를/' src/rewrite/prompt.txt >"$TMP/prompt.txt"
"$GISA" rewrite --prompt "$TMP/prompt.txt" --voice news --rewriter "$PARA --save $TMP/seen" $SRC \
    >"$TMP/p.md" 2>/dev/null || fail "--prompt: exit $?"
ok
grep -q CUSTOM-PROMPT "$TMP/seen" || fail "--prompt: the template was not used"
ok
grep -q '신문 기사처럼' "$TMP/seen" || fail "--voice news: not in the prompt"
ok
grep -q '^  voice: news$' "$TMP/p.md" || fail "--voice news: not recorded"
ok
grep -q '반드시 그대로 지킬 사실:' "$TMP/seen" && grep -q '^- 1만 2천 명' "$TMP/seen" ||
    fail "the prompt does not carry the facts to keep"

# ------------------------------------------------------- usage and input
usage() { # expected-exit message-pattern args...
    want=$1; pat=$2; shift 2
    ok
    "$GISA" "$@" >"$TMP/u.out" 2>"$TMP/u.err"
    rc=$?
    [ $rc -eq "$want" ] || fail "gisa $*: exit $rc, wanted $want"
    ok
    grep -q -- "$pat" "$TMP/u.err" || fail "gisa $*: message lacks '$pat': $(cat "$TMP/u.err")"
}
usage 2 "needs a model" rewrite $SRC
usage 2 "needs --model" rewrite --llm "$URL" $SRC
usage 2 "not both" rewrite --llm "$URL" --model m --rewriter cat $SRC
usage 2 "need --rewrite" post --llm "$URL" --model m $SRC
usage 2 "--voice wants" rewrite --voice shouting --rewriter cat $SRC
usage 2 "not set" rewrite --llm "$URL" --model m --api-key-env GISA_UNSET_VAR_X $SRC
usage 2 "http:// or https://" rewrite --llm "ftp://127.0.0.1/" --model m $SRC
usage 2 "not closed" rewrite --rewriter "cat 'oops" $SRC
printf '[system]\nx\n[section]\n{{sourse}}\n[retry]\ny\n' >"$TMP/bad1.txt"
usage 2 'unknown placeholder "{{sourse}}"' rewrite --prompt "$TMP/bad1.txt" --rewriter cat $SRC
printf '[system]\nx\n[section]\n{{source}}\n' >"$TMP/bad2.txt"
usage 2 "no \[retry\] part" rewrite --prompt "$TMP/bad2.txt" --rewriter cat $SRC
usage 3 "missing-prompt" rewrite --prompt "$TMP/missing-prompt" --rewriter cat $SRC
sed 's/공공누리 제1유형 출처표시의/공공누리 제4유형 출처표시+상업적 이용금지+변경금지의/' $SRC >"$TMP/nd.txt"
usage 1 "allows only verbatim use" rewrite --rewriter "$PARA" "$TMP/nd.txt"

# ----------------------------------------------------------- other formats
ok
"$GISA" rewrite --format hugo --rewriter "$PARA" $SRC >"$TMP/h.md" 2>/dev/null || fail "hugo: exit $?"
ok
grep -q '^  rewritten: 11$' "$TMP/h.md" || fail "hugo: no rewrite record"
ok
"$GISA" rewrite --format html --rewriter "$PARA" $SRC >"$TMP/h.html" 2>/dev/null || fail "html: exit $?"
grep -q '밝혔어요' "$TMP/h.html" || fail "html: not rewritten"

# ------------------------------------------------------ gisa site --rewrite
ok
"$GISA" site -q --to "$TMP/site" --rewrite --rewriter "$PARA" $SRC examples/korea-kr-release.html \
    2>"$TMP/site.err" || fail "site --rewrite: exit $? ($(cat "$TMP/site.err"))"
ok
cmp -s "$DIR/golden/rewriter.md" "$TMP"/site/_posts/2026-02-20-*.md ||
    fail "site --rewrite: the post differs from gisa rewrite's"
ok
grep -q '^  model: python3 paraphrase.py$' "$TMP"/site/_posts/2026-03-12-*.md ||
    fail "site --rewrite: the second page is not rewritten"
ok
grep -q 'gisa site: 2 added, 0 updated, 0 unchanged, 0 failed' "$TMP/site.err" ||
    fail "site --rewrite: $(cat "$TMP/site.err")"
# resumable: a post already there is not sent to the model again (a
# rewriter that would fail is never run)
ok
"$GISA" site -q --to "$TMP/site" --rewrite --rewriter "$PARA --save $TMP/site-seen" $SRC \
    examples/korea-kr-release.html 2>"$TMP/site2.err" || fail "site --rewrite again: exit $?"
ok
[ -e "$TMP/site-seen" ] && fail "site --rewrite again: the model was asked for a post already there"
ok
grep -q '0 added, 0 updated, 2 unchanged' "$TMP/site2.err" || fail "site again: $(cat "$TMP/site2.err")"
ok
"$GISA" site -q --to "$TMP/site3" --rewrite --strict --llm "$URL" --model number-stubborn $SRC \
    2>"$TMP/site3.err"
rc=$?
[ $rc -eq 5 ] || fail "site --rewrite --strict: exit $rc, wanted 5"
ok
ls "$TMP"/site3/_posts/*.md >/dev/null 2>&1 && fail "site --strict: a refused post was written"
# -j 4: the same site as one page after another (posts written in input
# order), the same counts; an article given twice is written once
ok
"$GISA" site -q --to "$TMP/sj1" --rewrite --rewriter "$PARA --slip" $SRC examples/korea-kr-release.html \
    examples/release-dump.txt examples/korea-kr-release.euckr.html 2>"$TMP/sj1.err"
"$GISA" site -q --to "$TMP/sj4" -j 4 --rewrite --rewriter "$PARA --slip" $SRC examples/korea-kr-release.html \
    examples/release-dump.txt examples/korea-kr-release.euckr.html 2>"$TMP/sj4.err" || fail "site -j 4: exit $?"
diff -r "$TMP/sj1" "$TMP/sj4" >/dev/null || fail "site -j 4: the site differs from -j 1's"
ok
cmp -s "$TMP/sj1.err" "$TMP/sj4.err" || fail "site -j 4: $(cat "$TMP/sj4.err") against $(cat "$TMP/sj1.err")"
ok
grep -q '3 added, 0 updated, 1 unchanged, 0 failed' "$TMP/sj4.err" || fail "site -j 4: $(cat "$TMP/sj4.err")"
ok
"$GISA" site -q --to "$TMP/sj5" -j 2 --rewrite --llm "$URL" --model faithful $SRC examples/korea-kr-release.html \
    2>"$TMP/sj5.err" || fail "site -j 2 --llm: exit $?"
cmp -s "$DIR/golden/llm-faithful.md" "$TMP"/sj5/_posts/2026-02-20-*.md || fail "site -j 2 --llm: not the golden post"
usage 2 "--jobs is for --rewrite" site --to "$TMP/site5" -j 2 $SRC
usage 2 "--jobs wants" site --to "$TMP/site5" -j 0 --rewrite --rewriter cat $SRC
usage 2 "--report is for one page" site --to "$TMP/site4" --rewrite --rewriter cat --report x $SRC

# ------------------------------------------- gisa ingest --posts --rewrite
# the posts stored are the model's, gated, one model per worker; a second
# run stores nothing and asks no model (the pages are known)
cat >"$TMP/counting.sh" <<EOF2
#!/bin/sh
echo x >>"$TMP/calls"
exec $PARA "\$@"
EOF2
chmod +x "$TMP/counting.sh"
ok
"$GISA" ingest -q -j 2 --db "$TMP/rw.db" --posts --rewrite --rewriter "$TMP/counting.sh" \
    $SRC examples/korea-kr-release.html 2>"$TMP/ing.err" || fail "ingest --rewrite: exit $? ($(cat "$TMP/ing.err"))"
$PY - "$TMP/rw.db" <<'PYEOF' || fail "ingest --rewrite: the stored posts"
import sqlite3, sys
posts = [r[0] for r in sqlite3.connect(sys.argv[1]).execute("SELECT text FROM posts")]
assert len(posts) == 2, len(posts)
for p in posts:
    assert "rewrite:" in p and "model: " in p, p[:400]
PYEOF
ok
[ -s "$TMP/calls" ] || fail "ingest --rewrite: the model was never asked"
n=$(wc -l <"$TMP/calls")
"$GISA" ingest -q -j 2 --db "$TMP/rw.db" --posts --rewrite --rewriter "$TMP/counting.sh" \
    $SRC examples/korea-kr-release.html 2>"$TMP/ing2.err" || fail "ingest --rewrite again: exit $?"
ok
[ "$(wc -l <"$TMP/calls")" -eq "$n" ] || fail "ingest --rewrite again: the model was asked again"
usage 2 "give --posts too" ingest --db "$TMP/x.db" --rewrite --rewriter cat $SRC
usage 2 "--report is for one page" ingest --db "$TMP/x.db" --posts --rewrite --rewriter cat --report x $SRC
usage 2 "need --rewrite" ingest --db "$TMP/x.db" --posts --rewriter cat $SRC

finish rewrite
