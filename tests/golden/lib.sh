# lib.sh - what run.sh and update.sh share: the cases and how each output
# is made. Sourced, not run. Paths are relative to the repository root so
# the "source" field in JSON is stable.

# Every sample in examples/, by name without its extension.
golden_samples() {
    for f in examples/*.html examples/*.txt; do
        [ -f "$f" ] && printf '%s\n' "$f"
    done
}

golden_name() {
    b=${1##*/}
    b=${b%.html}
    b=${b%.txt}
    printf '%s\n' "$b"
}

# extract formats, then post formats and styles (issue #5)
# post-unlicensed: what --allow-unlicensed makes of a page that reserves
# all rights (the same as post for every other page)
GOLDEN_FORMATS="text markdown json post post-hugo post-html post-markdown post-json post-tistory post-summary post-unlicensed"

# Write the output of one case to $3: stdout, then on failure a last line
# "[exit N] <stderr>" so a page that stops extracting shows up as a diff.
golden_produce() { # gisa file format out
    gp_err=$(mktemp)
    case $3 in
        post) "$GISA" post "$2" >"$4" 2>"$gp_err" ;;
        post-tistory) "$GISA" post --style tistory "$2" >"$4" 2>"$gp_err" ;;
        post-summary) "$GISA" post --format hugo --mode summary -n 3 "$2" >"$4" 2>"$gp_err" ;;
        post-unlicensed) "$GISA" post --allow-unlicensed "$2" >"$4" 2>"$gp_err" ;;
        post-*) "$GISA" post --format "${3#post-}" "$2" >"$4" 2>"$gp_err" ;;
        *) "$GISA" extract --format "$3" "$2" >"$4" 2>"$gp_err" ;;
    esac
    gp_rc=$?
    if [ $gp_rc -ne 0 ]; then
        printf '[exit %d] %s\n' "$gp_rc" "$(cat "$gp_err")" >>"$4"
    fi
    rm -f "$gp_err"
}

# The EUC-KR page has no files of its own: its expected output is the
# UTF-8 page's, with its own path as "source" (the JSON "encoding" and the
# post's source_hash, a hash of the raw bytes, are left out of the
# comparison, as is the encoding a post's JSON names; tests/unit/test_encoding.c
# checks the encoding name).
golden_derived_from() { # name -> name of the page it must equal, or ""
    case $1 in
        *.euckr) printf '%s\n' "${1%.euckr}" ;;
        *) printf '\n' ;;
    esac
}
