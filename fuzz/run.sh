#!/bin/bash
# fuzz/run.sh SECONDS - build the libFuzzer targets and run each for SECONDS
# (default 60) on a scratch corpus grown from the committed seeds. Crashes
# are left as fuzz/crash-* for turning into regression tests.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
build=${FUZZ_BUILD:-build-fuzz}
CC=clang cmake -S . -B "$build" -DGISA_FUZZ=ON -DGISA_SANITIZE=ON \
  -DCMAKE_BUILD_TYPE=Debug >/dev/null
targets="extract textdump post check analyze warc robots feed http hwp hwpx pdf serve html5_tokenizer html5_tree html5_invariants rewrite url"
cmake --build "$build" -j2 --target $(printf 'fuzz_%s ' $targets) >/dev/null
# Leaks inside third-party libraries (libgsf) are listed, and only those;
# full stacks on allocation so the listed libgsf function is seen.
export LSAN_OPTIONS="suppressions=$PWD/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
for t in $targets; do
  work="$build/fuzz-corpus/$t"
  mkdir -p "$work"
  echo "== fuzz_$t for ${secs}s"
  "$build/fuzz/fuzz_$t" "$work" "fuzz/corpus/$t" -max_total_time="$secs" \
    -max_len=65536 -rss_limit_mb=2048 -timeout=10 -artifact_prefix=fuzz/ \
    -print_final_stats=1 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|==|SUMMARY)|ERROR' || true
  if ls fuzz/crash-* fuzz/leak-* fuzz/timeout-* >/dev/null 2>&1; then
    echo "fuzz_$t: found a failing input (fuzz/crash-*, leak-* or timeout-*)" >&2
    exit 1
  fi
done
