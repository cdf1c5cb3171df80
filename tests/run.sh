#!/bin/sh
# tests/run.sh - run every test layer and tally the results.
#
# Each layer prints TAP ("ok N - name" / "not ok N - name"); this script
# counts them and ends with "N passed, M failed".  It exits non-zero when
# anything failed or when a test program died without reporting.
#   BUILD=dir          which build to test (default build)
#   TESTS="unit e2e"   only these layers (unit golden fuzz e2e browser)
#   ENGINES="sqlite"   only these store engines (sqlite pg; default both)
#   E2E_ONLY="tests/e2e/0336-*.sh"  only these e2e tests
#
# Engines: every layer runs on SQLite.  With pg, a throwaway PostgreSQL
# server (tests/pg/up.sh, stopped by tests/pg/down.sh on exit) serves a
# second pass: tests/pg/rls.sh and the store unit tests (test_store*) with
# the unit layer, the whole e2e layer with the e2e layer; each e2e test gets
# its own database (tests/e2e/lib.sh, NETRA_TEST_PG=1).  Golden, fuzz and
# browser tests do not touch the engine and run once.  Until the binary
# has the PostgreSQL engine (`netra db migrate` refuses a postgres:// URL),
# only rls.sh runs on PostgreSQL and the pass says what it skipped.
set -u
BUILD=${BUILD:-build}
LAYERS=${TESTS:-"unit golden fuzz e2e browser"}
ENGINES=${ENGINES:-"sqlite pg"}
export BUILD
export NETRA_BIN="$BUILD/bin/netra"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/netra-test.XXXXXX")
pass=0
fail=0
failed_names=""
echo "tests: $LAYERS; engines: $ENGINES"

# run_tap NAME CMD...: run a TAP producer, count its results.
run_tap() {
	name=$1
	shift
	log="$OUT/$(echo "$name" | tr '/ ' '__').log"
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	# cmocka reports a skipped test as "not ok N # SKIP": a skip, not a failure
	k=$(grep -c '^not ok [0-9]* # SKIP' "$log")
	f=$(($(grep -c '^not ok ' "$log") - k))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc without a failing test" >>"$log"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ]; then
		failed_names="$failed_names $name"
		echo "FAIL $name ($p passed, $f failed)"
		grep -E '^not ok|^# |ERROR|Sanitizer|runtime error' "$log" | head -n 40 | sed 's/^/    /'
	else
		if [ "$k" -gt 0 ]; then
			echo "ok   $name ($p passed, $k skipped)"
		else
			echo "ok   $name ($p passed)"
		fi
	fi
}

# run_layers ENGINE: the layers of LAYERS that run on ENGINE; TAP names
# carry "@pg" on PostgreSQL.
run_layers() {
	engine=$1
	at=
	[ "$engine" = pg ] && at=@pg
	for layer in $LAYERS; do
		case $engine:$layer in
		sqlite:unit)
			for t in "$BUILD"/tests/test_*; do
				[ -x "$t" ] || continue
				run_tap "unit/$(basename "$t")" "$t"
			done
			;;
		pg:unit)
			run_tap "unit@pg/rls" sh tests/pg/rls.sh
			# the dialect comparison empties its tables: a database of its
			# own, reached as the owner
			if sh tests/pg/newdb.sh unit_dialect >/dev/null 2>>"$OUT/pg-up.log"; then
				export NETRA_TEST_PG_URL="${NETRA_PG_OWNER_URL}unit_dialect"
			fi
			for t in "$BUILD"/tests/test_store*; do
				[ -x "$t" ] && [ "$NETRA_PG_TEMPLATE" = netra ] || continue
				run_tap "unit@pg/$(basename "$t")" "$t"
			done
			;;
		sqlite:golden)
			for t in tests/golden/*.sh; do
				[ -f "$t" ] || continue
				run_tap "golden/$(basename "$t" .sh)" sh "$t"
			done
			;;
		sqlite:fuzz)
			for t in "$BUILD"/fuzz-replay/fuzz_*; do
				[ -x "$t" ] || continue
				n=$(basename "$t")
				run_tap "fuzz/$n" "$t" "tests/fuzz/corpus/$n" "tests/fuzz/regress/$n"
			done
			;;
		*:e2e)
			[ "$engine" = sqlite ] || [ "$NETRA_PG_TEMPLATE" = netra ] || continue
			for t in ${E2E_ONLY:-tests/e2e/[0-9]*.sh}; do
				[ -f "$t" ] || continue
				run_tap "e2e$at/$(basename "$t" .sh)" sh "$t"
			done
			;;
		sqlite:browser)
			if [ -f tests/browser/run.sh ]; then
				run_tap "browser" sh tests/browser/run.sh
			fi
			;;
		esac
	done
}

# pg_up: start the PostgreSQL server of the pg pass; 1 when it did not start
PG_DIR=
pg_up() {
	PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/netra-pg.XXXXXX")
	t0=$(date +%s%N)
	if ! sh tests/pg/up.sh "$PG_DIR" >"$OUT/pg-up.env" 2>"$OUT/pg-up.log"; then
		fail=$((fail + 1))
		failed_names="$failed_names pg/up"
		echo "FAIL pg/up: the PostgreSQL test server did not start"
		sed 's/^/    /' "$OUT/pg-up.log" | head -n 20
		rm -rf "$PG_DIR"
		PG_DIR=
		return 1
	fi
	eval "$(cat "$OUT/pg-up.env")"
	export NETRA_PG_DIR PGHOST PGPORT NETRA_PG_OWNER_URL NETRA_PG_APP_URL NETRA_PG_TEMPLATE
	export NETRA_TEST_PG=1
	echo "pg: server on 127.0.0.1:$PGPORT up in $(ms_since "$t0") ms (template by $NETRA_PG_TEMPLATE)"
	if [ "$NETRA_PG_TEMPLATE" != netra ]; then
		echo "pg: $NETRA_BIN refuses postgres:// (no PostgreSQL engine yet):" \
			"only tests/pg/rls.sh runs on PostgreSQL; store unit tests and e2e skipped"
	fi
}
pg_down() {
	[ -n "$PG_DIR" ] || return 0
	t0=$(date +%s%N)
	sh tests/pg/down.sh "$PG_DIR" || echo "pg: tests/pg/down.sh failed for $PG_DIR"
	echo "pg: server down in $(ms_since "$t0") ms"
	PG_DIR=
	unset NETRA_TEST_PG
}
ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }
trap pg_down EXIT
trap 'exit 130' INT TERM

for engine in $ENGINES; do
	case $engine in
	sqlite) run_layers sqlite ;;
	pg)
		case " $LAYERS " in
		*" unit "* | *" e2e "*) pg_up && run_layers pg ;;
		esac
		pg_down
		;;
	*)
		echo "unknown engine $engine (sqlite pg)"
		fail=$((fail + 1))
		;;
	esac
done

echo "logs: $OUT"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
