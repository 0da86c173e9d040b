# Convenience targets over CMake. The two a new machine needs:
#   make demo    bootstrap, build, turn a sample page into a post
#   make check   bootstrap, build, run every test
BUILD ?= build
ASAN_BUILD ?= build-asan
VALGRIND_BUILD ?= build-valgrind
JOBS ?= 2
SAMPLE ?= examples/korea-kr-release.html
PREFIX ?= /usr/local

.PHONY: all bootstrap build demo check check-asan check-valgrind install python clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(BUILD) -j$(JOBS)

demo: build
	@echo "== gisa post $(SAMPLE)"
	@$(BUILD)/gisa post --out demo/_posts $(SAMPLE)

check: build
	@cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

check-asan: bootstrap
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DGISA_SANITIZE=ON >/dev/null
	@cmake --build $(ASAN_BUILD) -j$(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
		ctest --output-on-failure -j$(JOBS)

# valgrind memcheck over a subset (unit tests, gisa on the samples and on
# bad inputs): fails on an invalid read or write or a definite leak.
check-valgrind: bootstrap
	@cmake -S . -B $(VALGRIND_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	@cmake --build $(VALGRIND_BUILD) -j$(JOBS)
	@tests/valgrind.sh $(VALGRIND_BUILD)

# libgisa.so, gisa.h, gisa.pc, the gisa tool and its man page under PREFIX.
install: build
	@cmake --install $(BUILD) --prefix $(PREFIX)

# The Python package (python/) over this build's libgisa.so, pip-installed
# without any package index into a virtual environment that also sees
# Debian's cffi and dask: $(VENV)/bin/python -c 'import gisa'.
VENV ?= $(BUILD)/venv
python: build
	@test -x $(VENV)/bin/pip || /usr/bin/python3 -m venv --system-site-packages $(VENV)
	@GISA_LIB_DIR=$(abspath $(BUILD)) $(VENV)/bin/pip install -q --no-index ./python
	@echo "gisa for Python installed in $(VENV): $(VENV)/bin/python -c 'import gisa'"

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(VALGRIND_BUILD) demo
