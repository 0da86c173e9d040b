#!/bin/sh
# run.sh GISA - the post-quality checker (check.py) over the sample pages
# in examples/ and the golden pages in tests/post-quality/pages/, from the
# repository root. Failures listed in known-failures.tsv (page, rule, why)
# are known and must shrink: one that passes fails the run.
set -u
gisa=${1:?usage: run.sh path/to/gisa}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root" || exit 3
set -- examples/*.html examples/*.txt
for page in tests/post-quality/pages/*.html tests/post-quality/pages/*.txt; do
    [ -e "$page" ] && set -- "$@" "$page"
done
exec /usr/bin/python3 tests/post-quality/check.py --gisa "$gisa" \
    --known tests/post-quality/known-failures.tsv "$@"
