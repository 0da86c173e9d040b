#!/bin/sh
# score.sh GISA [--issue N] - the per-kind recall and false-alarm table of
# gisa check over tests/check/manifest.tsv (see score.py). Measures only:
# exits 0 whatever the checker catches; run.sh is the ctest gate.
exec /usr/bin/python3 "$(dirname "$0")/score.py" "$@"
