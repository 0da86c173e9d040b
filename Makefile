# Convenience targets over CMake. The two a new machine needs:
#   make demo    bootstrap, build, turn a sample page into a post
#   make check   bootstrap, build, run every test
BUILD ?= build
ASAN_BUILD ?= build-asan
VALGRIND_BUILD ?= build-valgrind
JOBS ?= 2
SAMPLE ?= examples/korea-kr-release.html
PREFIX ?= /usr/local

.PHONY: all bootstrap build demo check check-asan check-valgrind install clean

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

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(VALGRIND_BUILD) demo
