#!/bin/sh
# tests/run.sh - run every test layer and tally the results.
#
# Each layer prints TAP ("ok N - name" / "not ok N - name"); this script
# counts them and ends with "N passed, M failed".  It exits non-zero when
# anything failed or when a test program died without reporting.
#   BUILD=dir          which build to test (default build)
#   TESTS="unit e2e"   only these layers (unit golden fuzz e2e browser)
set -u
BUILD=${BUILD:-build}
LAYERS=${TESTS:-"unit golden fuzz e2e browser"}
export BUILD
export NETRA_BIN="$BUILD/bin/netra"
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
OUT=$(mktemp -d "${TMPDIR:-/tmp}/netra-test.XXXXXX")
pass=0
fail=0
failed_names=""
echo "tests: $LAYERS"

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

for layer in $LAYERS; do
	case $layer in
	unit)
		for t in "$BUILD"/tests/test_*; do
			[ -x "$t" ] || continue
			run_tap "unit/$(basename "$t")" "$t"
		done
		;;
	golden)
		for t in tests/golden/*.sh; do
			[ -f "$t" ] || continue
			run_tap "golden/$(basename "$t" .sh)" sh "$t"
		done
		;;
	fuzz)
		for t in "$BUILD"/fuzz-replay/fuzz_*; do
			[ -x "$t" ] || continue
			n=$(basename "$t")
			run_tap "fuzz/$n" "$t" "tests/fuzz/corpus/$n" "tests/fuzz/regress/$n"
		done
		;;
	e2e)
		for t in tests/e2e/[0-9]*.sh; do
			[ -f "$t" ] || continue
			run_tap "e2e/$(basename "$t" .sh)" sh "$t"
		done
		;;
	browser)
		if [ -f tests/browser/run.sh ]; then
			run_tap "browser" sh tests/browser/run.sh
		fi
		;;
	esac
done

echo "logs: $OUT"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
