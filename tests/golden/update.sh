#!/bin/sh
# update.sh [GISA] - regenerate the golden files from the current gisa
# (default build/gisa). Review `git diff tests/golden` before committing:
# a golden file must hold what the output *should* be, not just what it is.
GISA=${1:-build/gisa}
case $GISA in /*) ;; *) GISA=$(pwd)/$GISA ;; esac
cd "$(dirname "$0")/../.." || exit 1
[ -x "$GISA" ] || { echo "update.sh: $GISA is not an executable gisa" >&2; exit 2; }
. tests/golden/lib.sh

for f in $(golden_samples); do
    name=$(golden_name "$f")
    [ -n "$(golden_derived_from "$name")" ] && continue
    for fmt in $GOLDEN_FORMATS; do
        golden_produce "$GISA" "$f" "$fmt" "tests/golden/$name.$fmt.expected"
    done
done
git --no-pager diff --stat -- tests/golden 2>/dev/null
echo "update.sh: golden files rewritten; review 'git diff tests/golden' before committing"
