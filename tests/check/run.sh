#!/bin/sh
# run.sh GISA - run `gisa check` on every pair in manifest.tsv.
# A "clean" pair passes when gisa exits 0 (no flag); a "flag" pair passes
# when gisa exits 5 and one flagged span ([[...]]) overlaps the changed
# fact written in column 4. Prints one line per failing pair and a tally;
# exits 1 if any pair fails. Run from anywhere; paths are repo-relative.
set -u
gisa=${1:?usage: run.sh path/to/gisa}
case $gisa in /*) ;; *) gisa=$(pwd)/$gisa ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 3
out=$(mktemp) || exit 3
trap 'rm -f "$out"' EXIT
pass=0 fail=0
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
    elif ! python3 - "$out" "$changed" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
changed = sys.argv[2]
spans = re.findall(r"\[\[(.+?)\]\]", text)
# a flagged span overlaps the change when one contains the other or they
# share a run of 2+ characters after dropping quotes and spaces
norm = lambda s: re.sub(r"[\s\"'“”‘’]", "", s)
c = norm(changed)
ok = any(norm(s) in c or c in norm(s) or
         any(norm(s)[i:i + 2] in c for i in range(len(norm(s)) - 1))
         for s in spans)
sys.exit(0 if ok else 1)
PY
    then
        why="flagged, but no flagged span covers '$changed'"
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $path: $why"
    fi
done < tests/check/manifest.tsv
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
