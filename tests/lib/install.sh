#!/bin/sh
# tests/lib/install.sh GISA BUILD_DIR - libgisa as a library: `cmake
# --install` into a fresh prefix (what `make install PREFIX=...` runs), then
# the documented example is built with nothing but pkg-config and run; the
# shared library exports the public API and no internal helper.
set -u
gisa=${1:?usage: install.sh path/to/gisa build-dir}
build=${2:?usage: install.sh path/to/gisa build-dir}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

[ -f "$build/libgisa.so" ] || { echo "SKIP: no libgisa.so in $build (GISA_SHARED=OFF)"; exit 77; }
command -v pkg-config >/dev/null || fail "pkg-config not found"

cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log" 2>&1 ||
  fail "cmake --install: $(tail -3 "$tmp/install.log")"
pcdir=$(dirname "$(find "$tmp/prefix" -name gisa.pc | head -1)")
[ -f "$pcdir/gisa.pc" ] || fail "gisa.pc not installed"
for f in include/gisa.h bin/gisa; do
  [ -e "$tmp/prefix/$f" ] || fail "$f not installed"
done
find "$tmp/prefix" -name 'gisa.1' | grep -q . || fail "man page not installed"
so=$(find "$tmp/prefix" -name 'libgisa.so.*.*.*' | head -1)
[ -n "$so" ] || fail "libgisa.so.VERSION not installed"
soname=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libgisa.so.0" ] || fail "soname is '$soname', want libgisa.so.0"

# Only gisa_* symbols leave the library (and not gisa_fail, an internal).
leaked=$(nm -D --defined-only "$so" | awk '$2 ~ /^[TDBRW]$/ { print $3 }' |
         sed 's/@.*//' | grep -v '^gisa_' | grep -v '^GISA_0$' | head -5)
[ -z "$leaked" ] || fail "internal symbols exported: $leaked"
nm -D --defined-only "$so" | grep -q ' gisa_fail$\| gisa_fail@' &&
  fail "gisa_fail is exported"

# The installed tool runs from its prefix, finding its own library.
"$tmp/prefix/bin/gisa" --version >/dev/null || fail "installed gisa does not run"

# The documented example, built as the docs say.
export PKG_CONFIG_PATH="$pcdir"
# shellcheck disable=SC2046
cc -Wall -Wextra -Werror ${EXAMPLE_CFLAGS:-} docs/examples/first-post.c \
   $(pkg-config --cflags --libs gisa) -o "$tmp/first-post" 2>"$tmp/cc.log" ||
  fail "example does not build: $(head -5 "$tmp/cc.log")"
"$tmp/first-post" examples/korea-kr-release.html >"$tmp/out" 2>"$tmp/err" ||
  fail "example failed: $(cat "$tmp/err")"
head -1 "$tmp/out" | grep -q '바다숲 54곳' || fail "example printed: $(head -1 "$tmp/out")"
grep -q '^source_org: 해양수산부' "$tmp/out" || fail "example's post lacks its front matter"
"$tmp/first-post" /nonexistent >/dev/null 2>"$tmp/err" && fail "example read a missing file"
grep -q nonexistent "$tmp/err" || fail "error does not name the input: $(cat "$tmp/err")"
echo "ok: installed under a fresh prefix; soname $soname; example built with pkg-config"
