#!/bin/sh
# run.sh GISA - run `gisa check` on every pair in manifest.tsv.
# A "clean" pair passes when gisa exits 0 (no flag); a "flag" pair passes
# when gisa exits 5 and one flagged span ([[...]]) overlaps the changed
# fact written in column 4. Prints one line per failing pair and a tally;
# exits 1 if any pair fails. Run from anywhere; paths are repo-relative.
# Pairs listed in known-misses.tsv (path, tab, why the checker misses it)
# are reported as known misses ("skipped" in the tally) and do not fail
# the run; a listed pair that passes does, so the list only ever shrinks.
set -u
gisa=${1:?usage: run.sh path/to/gisa}
case $gisa in /*) ;; *) gisa=$(pwd)/$gisa ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 3
out=$(mktemp) || exit 3
trap 'rm -f "$out"' EXIT
pass=0 fail=0 misses=0 clean_ok=0 clean_n=0 flag_ok=0 flag_n=0
tab=$(printf '\t')
while IFS="$tab" read -r path sources expect changed _; do
    set -- "$path"
    old_ifs=$IFS; IFS=,
    for s in $sources; do set -- "$@" --source "$s"; done
    IFS=$old_ifs
    "$gisa" check "$@" >"$out" 2>&1
    rc=$?
    why=
    if [ "$expect" = clean ]; then
        [ $rc -eq 0 ] || why="exit $rc, expected 0: $(grep -c '^FLAG' "$out") flagged sentence(s)"
    elif [ $rc -ne 5 ]; then
        why="exit $rc, expected 5 (changed: $changed)"
    elif ! /usr/bin/python3 tests/check/overlap.py "$out" "$changed"
    then
        why="flagged, but no flagged span covers '$changed'"
    fi
    known=$(grep -F "$path$tab" tests/check/known-misses.tsv 2>/dev/null | cut -f2)
    if [ -z "$why" ] && [ -n "$known" ]; then
        fail=$((fail + 1))
        echo "FAIL $path: passes now; remove it from known-misses.tsv"
    elif [ -z "$why" ]; then
        pass=$((pass + 1))
    elif [ -n "$known" ]; then
        misses=$((misses + 1))
        echo "known miss $path: $known"
    else
        fail=$((fail + 1))
        echo "FAIL $path: $why"
    fi
    [ "$expect" = clean ] && [ -z "$why" ] && clean_ok=$((clean_ok + 1))
    [ "$expect" = clean ] && clean_n=$((clean_n + 1))
    [ "$expect" = flag ] && [ -z "$why" ] && flag_ok=$((flag_ok + 1))
    [ "$expect" = flag ] && flag_n=$((flag_n + 1))
done < tests/check/manifest.tsv
echo "faithful without a flag: $clean_ok of $clean_n; altered and flagged: $flag_ok of $flag_n"
echo "$pass passed, $fail failed, $misses skipped"
[ $fail -eq 0 ]
