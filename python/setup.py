"""Build and install the gisa Python package over libgisa.

    pip install ./python            (no package index needed: setuptools and
                                     cffi come from Debian, and without a
                                     pyproject.toml pip builds in place)
    make python                     (the same, for the in-tree tests)

libgisa is found, in this order: $GISA_LIB_DIR (a directory holding
libgisa.so; the header from $GISA_INCLUDE_DIR or the repository),
pkg-config (an installed libgisa: `make install`), the repository's build/
directory; failing all three, libgisa is built here with CMake. A library
from a build directory is copied into the package and found beside the
module ($ORIGIN), so the installed package does not depend on the tree.
"""
import glob
import os
import shutil
import subprocess

from setuptools import setup

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PKG = os.path.join(HERE, "gisa")


def pkg_config(*args):
    try:
        out = subprocess.run(["pkg-config", *args, "gisa"], check=True,
                             capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.strip()


def build_here():
    build = os.path.join(HERE, "build-libgisa")
    subprocess.run(["cmake", "-S", REPO, "-B", build,
                    "-DCMAKE_BUILD_TYPE=RelWithDebInfo"], check=True)
    subprocess.run(["cmake", "--build", build, "--target", "gisa_shared",
                    "-j2"], check=True)
    return build


def bundle(libdir):
    """Copy libgisa.so.N from a build directory into the package."""
    found = sorted(glob.glob(os.path.join(libdir, "libgisa.so.[0-9]")))
    if not found:
        raise SystemExit(f"gisa: no libgisa.so.N in {libdir}; run `make build` first")
    for old in glob.glob(os.path.join(PKG, "libgisa.so*")):
        os.remove(old)
    shutil.copy2(found[-1], os.path.join(PKG, os.path.basename(found[-1])))
    return ["libgisa.so.[0-9]"]


package_data = []
if os.environ.get("GISA_LIB_DIR"):
    libdir = os.environ["GISA_LIB_DIR"]
    os.environ.setdefault("GISA_INCLUDE_DIR", os.path.join(REPO, "include"))
    package_data = bundle(libdir)
    os.environ["GISA_RPATH"] = "$ORIGIN"
elif pkg_config("--exists") is not None and not os.path.exists(
        os.path.join(REPO, "include", "gisa.h")):
    # Installed libgisa, and no source tree around: link the installed one.
    os.environ["GISA_INCLUDE_DIR"] = pkg_config("--variable=includedir")
    os.environ["GISA_LIB_DIR"] = pkg_config("--variable=libdir")
    os.environ["GISA_RPATH"] = os.environ["GISA_LIB_DIR"]
else:
    libdir = os.path.join(REPO, "build")
    if not os.path.exists(os.path.join(libdir, "libgisa.so")):
        libdir = build_here()
    os.environ["GISA_INCLUDE_DIR"] = os.path.join(REPO, "include")
    os.environ["GISA_LIB_DIR"] = libdir
    package_data = bundle(libdir)
    os.environ["GISA_RPATH"] = "$ORIGIN"

setup(
    name="gisa",
    version="0.1.0",
    description="News and press-release pages to clean articles, faithful posts and fact checks",
    packages=["gisa", "gisa.dask"],
    entry_points={"console_scripts": ["gisa-dask = gisa.dask.cli:main"]},
    package_data={"gisa": package_data},
    cffi_modules=["gisa/_build.py:ffibuilder"],
    python_requires=">=3.9",
    zip_safe=False,
)
