#!/bin/sh
# tests/docs/samples.sh GISA SHARED - issue #17's acceptance on the shared
# HWP samples (read at run time, never copied): score-docs's mean F1 over
# character bigrams against the word processor's HTML export must be at
# least 0.95 for .hwp and for .hwpx, and no scored document below 0.5.
# Skipped (77) without ../shared.
set -u
gisa=$1
shared=$2
dir=$shared/data/hwp-samples
if [ ! -d "$dir" ] || [ ! -x "$shared/eval/score-docs" ]; then
  echo "SKIP: $dir or $shared/eval/score-docs is absent"
  exit 77
fi
out=$(/usr/bin/python3 "$shared/eval/score-docs" --per-doc \
      --cmd "$gisa extract --format text {}" "$dir") || exit 1
echo "$out" | grep -v "^[.f]" | sort -n | head -4
echo "$out" | grep -E '^\.|^f1='
echo "$out" | /usr/bin/python3 -c '
import sys
fail = 0
for line in sys.stdin:
    parts = line.split()
    if line.startswith((".hwp ", ".hwpx ")):
        if float(parts[5]) < 0.95:
            print("FAIL: mean F1 below 0.95:", line.strip()); fail = 1
    elif len(parts) == 2 and parts[1].endswith((".hwp", ".hwpx")) and float(parts[0]) < 0.5:
        print("FAIL: a document below 0.5:", line.strip()); fail = 1
sys.exit(fail)'
