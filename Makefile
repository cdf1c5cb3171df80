# netra - the one entry point for building, running and testing.
#
#   make run     install missing packages, build, create ./var with demo data, serve :8080
#   make test    install missing packages, build, run every test; ends "N passed, M failed"
#   make asan    the same tests on an ASan+UBSan build (build/asan)
#   make check   clang-format check, cppcheck, clang-tidy
#   make fuzz    libFuzzer builds of every parser, FUZZ_SECONDS each
#   make bench   benchmarks with their figures printed
#   make format  apply clang-format
#   make deps    apt-get install what is missing (quiet when all is there)
#
# Knobs: DEV=1 adds -Werror (CI sets it); SANITIZE=1 builds with
# -fsanitize=address,undefined; BUILD=dir puts objects elsewhere;
# LISTEN=addr:port is where `make run` serves (default 127.0.0.1:8080).

ifeq ($(origin CC),default)
CC := gcc
endif
BUILD    ?= build
DEV      ?= 0
SANITIZE ?= 0
FUZZ_SECONDS ?= 20
LISTEN   ?= 127.0.0.1:8080

# Debian packages (ARCHITECTURE.md); `make deps` installs the missing ones.  The lists are
# complete for a bare Debian 12 (debootstrap minbase; tools/fresh-root.sh proves it): every
# -l of LIBS_ALL has its -dev package here, including those a .pc file names without its
# package depending on them (xlsxwriter.pc lists -lz, libxlsxwriter-dev lacks zlib1g-dev).
#   build: compiler, headers and libraries of the link line (libpq-dev: the PostgreSQL
#          engine); curl, jq, sqlite3 for e2e
#   test:  clang + libFuzzer runtime (make fuzz), chromium + Java (Nu HTML checker) for the
#          browser tests, unzip (XLSX export check), python3, ca-certificates for npm,
#          postgresql + postgresql-contrib (pg_trgm) for the tests on PostgreSQL (tests/pg/)
#   bench: wrk, hyperfine, bc, pkill (procps), python3 (bench/scan_baseline.py)
DEB_BUILD := gcc libc6-dev make pkg-config libmicrohttpd-dev libsqlite3-dev libjansson-dev \
	libsodium-dev libstemmer-dev libcsv-dev libxlsxwriter-dev zlib1g-dev libqrencode-dev \
	libmagic-dev libinih-dev libxml2-dev libcmocka-dev libpq-dev curl jq sqlite3
DEB_TEST  := clang libclang-rt-14-dev chromium default-jre-headless python3 unzip ca-certificates \
	postgresql postgresql-contrib
DEB_BENCH := wrk hyperfine bc procps python3
DEB_CHECK := clang-format clang-tidy cppcheck

PKGS := libmicrohttpd sqlite3 libpq jansson libsodium libqrencode xlsxwriter inih libmagic libxml-2.0 zlib

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wmissing-declarations -Wpointer-arith -Wcast-qual -Wwrite-strings -Wformat=2 -Wvla \
	-Wsign-compare -Wimplicit-fallthrough -fno-common
STD  := -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE

ifeq ($(SANITIZE),1)
OPT := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LDOPT := -fsanitize=address,undefined
else
OPT := -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE
LDOPT := -pie -Wl,-z,relro,-z,now
endif
ifeq ($(DEV),1)
WARN += -Werror
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS_ALL = $(STD) $(OPT) $(WARN) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) -MMD -MP $(CFLAGS)
LIBS_ALL   = $(PKG_LIBS) -lstemmer -lcsv -lpthread -lm $(LIBS)

# Sources: every module under src/, main.c alone in the binary.
LIB_SRC  := $(sort $(wildcard src/*/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/assets.o
MAIN_OBJ := $(BUILD)/obj/src/main.o
LIB      := $(BUILD)/libnetra.a
BIN      := $(BUILD)/bin/netra

# Embedded assets: templates/static/i18n from assets/, SQL migrations, the
# legal knowledge base from data/.  NAME=PATH pairs for tools/embed.c.
# Migrations: src/store/sql/ (SQLite) are assets sql/NNNN_name.sql, names
# recorded in existing databases; src/store/pgsql/ (PostgreSQL, the same
# numbers and names) are pgsql/NNNN_name.sql.
ASSET_FILES := $(sort $(shell find assets -type f 2>/dev/null))
SQL_FILES   := $(sort $(wildcard src/store/sql/*.sql))
PGSQL_FILES := $(sort $(wildcard src/store/pgsql/*.sql))
DATA_FILES  := $(sort $(shell find data -type f 2>/dev/null))
EMBED_ARGS  := $(foreach f,$(ASSET_FILES),$(f:assets/%=%)=$(f)) \
	$(foreach f,$(SQL_FILES),$(f:src/store/%=%)=$(f)) \
	$(foreach f,$(PGSQL_FILES),$(f:src/store/%=%)=$(f)) \
	$(foreach f,$(DATA_FILES),$(f)=$(f))

UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
FUZZ_SRC  := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY := $(FUZZ_SRC:tests/fuzz/%.c=$(BUILD)/fuzz-replay/%)
BENCH_SRC := $(sort $(wildcard bench/bench_*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(BUILD)/bench/%)
BENCH_TOOLS := $(patsubst bench/%.c,$(BUILD)/bench/%,$(sort $(wildcard bench/tool_*.c)))

# keep test objects: they are intermediates of the test binaries
.SECONDARY:

.PHONY: all run test asan check fuzz bench format format-check cppcheck clang-tidy clean deps \
	deps-test deps-bench deps-check test-bin

all: $(BIN)

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(@D)
	$(CC) -std=c17 -O2 -Wall -Wextra -o $@ $<

$(BUILD)/gen/assets.c: $(BUILD)/tools/embed $(ASSET_FILES) $(SQL_FILES) $(PGSQL_FILES) $(DATA_FILES) \
		Makefile
	@mkdir -p $(@D)
	$(BUILD)/tools/embed $@ $(EMBED_ARGS)

$(BUILD)/obj/gen/assets.o: $(BUILD)/gen/assets.c
	@mkdir -p $(@D)
	$(CC) $(STD) $(OPT) -Isrc -c -o $@ $<

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN): $(MAIN_OBJ) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(OPT) $(LDOPT) -o $@ $(MAIN_OBJ) $(LIB) $(LIBS_ALL) $(LDFLAGS)

# Unit tests (cmocka), one binary per module.
$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(OPT) $(LDOPT) -o $@ $< $(LIB) -lcmocka $(LIBS_ALL) $(LDFLAGS)

# Fuzz targets replayed over their corpora and crashers by a plain main().
$(BUILD)/fuzz-replay/%: $(BUILD)/obj/tests/fuzz/%.o $(BUILD)/obj/tests/fuzz/replay.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(OPT) $(LDOPT) -o $@ $< $(BUILD)/obj/tests/fuzz/replay.o $(LIB) $(LIBS_ALL) $(LDFLAGS)

$(BUILD)/bench/%: $(BUILD)/obj/bench/%.o $(LIB)
	@mkdir -p $(@D)
	$(CC) $(OPT) $(LDOPT) -o $@ $< $(LIB) $(LIBS_ALL) $(LDFLAGS)

test-bin: $(BIN) $(UNIT_BIN) $(FUZZ_REPLAY)

# --- the two commands of the README ----------------------------------------

run: deps $(BIN)
	@mkdir -p var
	$(BIN) db migrate --data var
	$(BIN) demo --data var --if-empty
	$(BIN) serve --data var --listen $(LISTEN)

test: deps deps-test test-bin
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build/asan SANITIZE=1 test

# --- quality ----------------------------------------------------------------

C_SOURCES = $(shell find src tests tools bench -name '*.c' -o -name '*.h' | grep -v /gen/)

format:
	clang-format -i $(C_SOURCES)

format-check: deps-check
	@clang-format --dry-run --Werror $(C_SOURCES) && echo "format: ok"

cppcheck: deps-check
	cppcheck --quiet --std=c11 --enable=warning,portability,performance --inline-suppr \
		--error-exitcode=1 --suppress=missingIncludeSystem --suppress=unknownMacro -Isrc src tools

clang-tidy: deps-check $(BUILD)/gen/assets.c
	clang-tidy --quiet $(LIB_SRC) src/main.c -- $(STD) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS)

check: format-check cppcheck clang-tidy

# --- fuzzing (clang + libFuzzer) -------------------------------------------

FUZZ_BUILD := build/fuzz
fuzz: deps deps-test
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=clang SANITIZE=1 CFLAGS=-fsanitize=fuzzer-no-link $(FUZZ_BUILD)/libnetra.a
	@mkdir -p $(FUZZ_BUILD)/bin
	@set -e; for src in $(FUZZ_SRC); do \
		t=$$(basename $$src .c); \
		clang $(STD) -g -O1 -fsanitize=fuzzer,address,undefined -Isrc $(PKG_CFLAGS) \
			-o $(FUZZ_BUILD)/bin/$$t $$src $(FUZZ_BUILD)/libnetra.a $(LIBS_ALL); \
		mkdir -p $(FUZZ_BUILD)/corpus/$$t; \
		echo "fuzz: $$t for $(FUZZ_SECONDS)s"; \
		$(FUZZ_BUILD)/bin/$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
			-artifact_prefix=tests/fuzz/regress/$$t/ \
			$(FUZZ_BUILD)/corpus/$$t tests/fuzz/corpus/$$t 2>&1 | tail -n 3; \
	done

# --- benchmarks -------------------------------------------------------------

bench: deps deps-bench $(BIN) $(BENCH_BIN) $(BENCH_TOOLS)
	@BUILD=$(BUILD) sh bench/run.sh

# --- packages -----------------------------------------------------------------

define apt_install
	@missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "deps: installing" $$missing; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends \
			$$missing >/dev/null; \
	fi
endef

deps:
	$(call apt_install,$(DEB_BUILD))

deps-test:
	$(call apt_install,$(DEB_TEST))
	@# node may come from another repository (with its own npm): only install Debian's if absent.
	@# Debian 12's own Node.js is 18: tests/browser/package.json pins what still runs on it.
	@command -v npm >/dev/null 2>&1 || { echo "deps: installing nodejs npm"; \
		SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			--no-install-recommends nodejs npm >/dev/null; }
	@# exactly the lock file; --ignore-scripts: vnu-jar's postinstall would fetch a Java
	@# runtime when none is found, and the tests use Debian's (default-jre-headless)
	@if [ -f tests/browser/package-lock.json ] && ! node tests/browser/deps-ok.mjs; then \
		echo "deps: npm ci (tests/browser)"; \
		(cd tests/browser && npm ci --ignore-scripts --no-audit --no-fund --silent); \
	fi

deps-bench:
	$(call apt_install,$(DEB_BENCH))

deps-check:
	$(call apt_install,$(DEB_CHECK))

clean:
	rm -rf build

-include $(shell find $(BUILD)/obj -name '*.d' 2>/dev/null)
