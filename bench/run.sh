#!/bin/sh
# bench/run.sh - run every benchmark and print its figures.
#   BUILD=dir   the build to measure (default build)
# Benchmarks are C programs bench/bench_*.c (built by make) and shell
# scripts bench/[0-9]*.sh; each prints its own figures.  Nothing here
# asserts a time: targets are compared by people reading the output.
set -u
BUILD=${BUILD:-build}
export BUILD NETRA_BIN="$BUILD/bin/netra"
for b in "$BUILD"/bench/bench_*; do
	[ -x "$b" ] || continue
	echo "== $(basename "$b")"
	"$b" || echo "   (exited with status $?)"
done
for s in bench/[0-9]*.sh; do
	[ -f "$s" ] || continue
	echo "== $(basename "$s" .sh)"
	sh "$s" || echo "   (exited with status $?)"
done
