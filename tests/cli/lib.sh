# lib.sh - helpers for the shell tests. Sourced, not run.
# Each check prints "FAIL: ..." and counts; finish() sets the exit status.

FAILS=0
CHECKS=0

fail() {
    FAILS=$((FAILS + 1))
    printf 'FAIL: %s\n' "$*"
}

ok() { CHECKS=$((CHECKS + 1)); }

# Make the gisa path absolute and move to the repository root.
setup() { # script-path gisa
    GISA=$2
    case $GISA in /*) ;; *) GISA=$(pwd)/$GISA ;; esac
    [ -x "$GISA" ] || { echo "no gisa executable at $GISA" >&2; exit 2; }
    cd "$(dirname "$1")/../.." || exit 2
    TMP=$(mktemp -d) || exit 2
    trap 'rm -rf "$TMP"' EXIT
}

# How many times does fixed string $2 occur in file $1?
count_in() {
    grep -o -F -- "$2" "$1" | wc -l | tr -d ' '
}

expect_once() { # file string what
    ok
    n=$(count_in "$1" "$2")
    [ "$n" = 1 ] || fail "$3: expected once, found $n times: $2"
}

expect_absent() { # file string what
    ok
    grep -q -F -- "$2" "$1" && fail "$3: should not contain: $2"
    return 0
}

expect_present() { # file string what
    ok
    grep -q -F -- "$2" "$1" || fail "$3: missing: $2"
    return 0
}

expect_eq() { # got want what
    ok
    [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"
}

# Run gisa with stdout/stderr to $TMP/out and $TMP/err; sets RC.
run() {
    "$GISA" "$@" >"$TMP/out" 2>"$TMP/err"
    RC=$?
}

finish() { # name
    echo "$1: $((CHECKS - FAILS)) of $CHECKS checks passed"
    [ "$FAILS" -eq 0 ]
    exit $?
}
