#!/bin/sh
# tests/python/run.sh GISA BUILD_DIR - the Python binding: built against
# this build's libgisa.so (into BUILD_DIR/python, nothing written in the
# source tree but the bundled library), then its pytest suite; and `pip
# install ./python` into a fresh virtual environment with no package index.
set -u
gisa=${1:?usage: run.sh path/to/gisa build-dir}
build=${2:?usage: run.sh path/to/gisa build-dir}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
py=/usr/bin/python3
if ! $py -c 'import cffi, pytest, setuptools' 2>/dev/null; then
  echo "SKIP: /usr/bin/python3 lacks cffi, pytest or setuptools (scripts/bootstrap installs them)"
  exit 77
fi
[ -f "$build/libgisa.so" ] || { echo "SKIP: no libgisa.so in $build"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$build/python
# --force: the module bakes in the sizes of gisa.h's structs, so it is
# rebuilt whenever the library is (an option added to a struct changes them).
(cd python && GISA_LIB_DIR=$build $py setup.py -q build --force --build-base "$out" \
   >"$tmp/build.log" 2>&1) || { tail -20 "$tmp/build.log"; echo "FAIL: building the binding"; exit 1; }
lib=$(ls -d "$out"/lib* | head -1)
GISA_CLI=$gisa PYTHONPATH=$lib $py -m pytest -q -p no:cacheprovider --ignore=python/tests/test_dask.py python/tests || exit 1

# pip install ./python, offline, into a venv that sees Debian's cffi.
if $py -m venv --system-site-packages "$tmp/venv" >/dev/null 2>&1; then
  (GISA_LIB_DIR=$build "$tmp/venv/bin/pip" install -q --no-index ./python \
     >"$tmp/pip.log" 2>&1) || { tail -20 "$tmp/pip.log"; echo "FAIL: pip install ./python"; exit 1; }
  (cd "$tmp" && "$tmp/venv/bin/python" -c '
import gisa, sys
d = gisa.extract(open(sys.argv[1], "rb").read())
assert d["title"].startswith("올해 바다숲"), d["title"]
print("ok: pip install ./python; gisa.extract from the installed package")' "$OLDPWD/examples/korea-kr-release.html") || exit 1
else
  echo "note: python3 -m venv unavailable; pip install not tried"
fi
