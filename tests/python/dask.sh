#!/bin/sh
# tests/python/dask.sh GISA BUILD_DIR - gisa.dask on a LocalCluster and on
# a scheduler plus two workers started by the test: the merged store equals
# one gisa ingest, a killed worker's shard is retried, a killed run resumes.
# The binding is the one tests/python/run.sh built (BUILD_DIR/python).
set -u
gisa=${1:?usage: dask.sh path/to/gisa build-dir}
build=${2:?usage: dask.sh path/to/gisa build-dir}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
case $gisa in /*) ;; *) gisa=$(pwd)/$gisa ;; esac
py=/usr/bin/python3
if ! $py -c 'import cffi, pytest, setuptools, distributed' 2>/dev/null; then
  echo "SKIP: /usr/bin/python3 lacks cffi, pytest, setuptools or distributed (scripts/bootstrap installs them)"
  exit 77
fi
[ -f "$build/libgisa.so" ] || { echo "SKIP: no libgisa.so in $build"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A build of its own (python.binding may be building BUILD_DIR/python at
# the same moment under ctest -j).
(cd python && GISA_LIB_DIR=$build $py setup.py -q build --force --build-base "$tmp/py" \
   >"$tmp/build.log" 2>&1) || { tail -20 "$tmp/build.log"; echo "FAIL: building the binding"; exit 1; }
lib=$(ls -d "$tmp"/py/lib* | head -1)
# Workers started by the tests import gisa from PYTHONPATH too.
GISA_CLI=$gisa PYTHONPATH=$lib DASK_DISTRIBUTED__LOGGING__DISTRIBUTED=error \
  $py -m pytest -q -p no:cacheprovider --basetemp "$tmp/t" python/tests/test_dask.py
