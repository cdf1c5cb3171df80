#!/bin/sh
# bench/02-scan.sh - `netra scan` against a plain Python keyword screener
# and `grep -c -F -i -f terms` on the same file, in the same run.
#
#   SCAN_POSTS=N     posts to generate (default 1000000, about 190 MB)
#   SCAN_BENCH_DIR   where the generated files live (default $BUILD/bench/scan)
#   SCAN_PYTHON=0    skip the Python screener (it takes the longest)
#
# The input comes from bench/gen_posts.c (deterministic: same N, same
# bytes).  The terms file is the lexicon's own terms (data/scan), plain
# forms only; terms shorter than 4 characters are left out because grep
# matches substrings and would hit them inside every line.  Each program
# reads the file and writes its per-post output to /dev/null (grep prints
# only its count).  Wall time
# depends on what else the machine runs (the load average is printed);
# CPU time (user + system) is printed too and is the steadier figure.
# Nothing here asserts a time: people compare the figures with the targets
# (>= 20x the Python screener, >= 0.5x grep, RSS < 100 MB).
set -u
BUILD=${BUILD:-build}
NETRA_BIN=${NETRA_BIN:-$BUILD/bin/netra}
POSTS=${SCAN_POSTS:-1000000}
WORK=${SCAN_BENCH_DIR:-$BUILD/bench/scan}
PY=${SCAN_PYTHON:-1}
CC=${CC:-cc}
TIME=/usr/bin/time

mkdir -p "$WORK" || exit 1
if [ ! -x "$TIME" ]; then
	echo "scan bench: /usr/bin/time is needed (apt-get install time)"
	exit 1
fi
"$CC" -O2 -std=c17 -o "$WORK/gen_posts" bench/gen_posts.c || exit 1

# regenerate only when the generator or N changed
stamp="$POSTS $(cksum <bench/gen_posts.c)"
if [ ! -f "$WORK/posts.jsonl" ] || [ "$(cat "$WORK/posts.stamp" 2>/dev/null)" != "$stamp" ]; then
	"$WORK/gen_posts" "$POSTS" >"$WORK/posts.jsonl" || exit 1
	echo "$stamp" >"$WORK/posts.stamp"
fi
POSTS_FILE=$WORK/posts.jsonl
BYTES=$(wc -c <"$POSTS_FILE")

{
	jq -r '.concepts[] | select(.cat != "ignore" and .cat != "negation") | .terms[]
		| if type == "string" then . else .t end' data/scan/lexicon.json
	jq -r '(.pairs[].names[], .parties[].terms[])' data/scan/candidates/*.json
} | sed 's/^[~#@]//' | grep -v '[<>]' | awk 'length($0) >= 4' | sort -u >"$WORK/terms.txt"
NTERMS=$(wc -l <"$WORK/terms.txt")

# measure NAME CMD...: wall, user, sys seconds and max RSS (KB) into $WORK/NAME.time
measure() {
	name=$1
	shift
	if [ "$name" = grep ]; then
		"$TIME" -f "%e %U %S %M" -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
	else
		"$TIME" -f "%e %U %S %M" -o "$WORK/$name.time" "$@" >/dev/null 2>"$WORK/$name.err"
	fi
	rc=$?
	if [ $rc -ne 0 ] && [ "$name" != grep ]; then
		echo "   $name failed (exit $rc): $(head -c 300 "$WORK/$name.err")"
	fi
	tail -n 1 "$WORK/$name.time"
}

echo "input: $POSTS posts, $(awk -v b="$BYTES" 'BEGIN { printf "%.1f MB", b / 1e6 }'), $NTERMS terms;" \
	"load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) CPUs"

T_NETRA=$(measure netra "$NETRA_BIN" scan --json --no-progress --stats "$POSTS_FILE")
T_NETRA1=$(measure netra1 "$NETRA_BIN" scan --json --no-progress --stats --jobs 1 "$POSTS_FILE")
T_GREP=$(LC_ALL=${LC_ALL:-C.UTF-8} measure grep grep -c -F -i -f "$WORK/terms.txt" "$POSTS_FILE")
if [ "$PY" = 1 ]; then
	T_PY=$(measure python python3 bench/scan_baseline.py "$WORK/terms.txt" "$POSTS_FILE")
else
	T_PY=""
fi

awk -v posts="$POSTS" -v bytes="$BYTES" -v netra="$T_NETRA" -v netra1="$T_NETRA1" \
	-v grepr="$T_GREP" -v py="$T_PY" \
	-v flagged="$(sed -n 's/.*dipindai, [0-9]* galat; \([0-9]*\) dugaan.*/\1/p' "$WORK/netra.err")" \
	-v grepcount="$(cat "$WORK/grep.out")" '
function field(s, i,   a) { split(s, a, " "); return a[i] }
function row(name, t,   wall, cpu) {
	wall = field(t, 1); cpu = field(t, 2) + field(t, 3)
	if (wall <= 0) wall = 0.001
	if (cpu <= 0) cpu = 0.001
	printf "%-26s %8.2f s wall %8.0f posts/s %7.1f MB/s | %6.2f s CPU %8.0f posts/s %7.1f MB/s | RSS %6.1f MB\n",
		name, wall, posts / wall, bytes / 1e6 / wall, cpu, posts / cpu, bytes / 1e6 / cpu, field(t, 4) / 1024
}
function ratio(label, a, b,   wa, wb, ca, cb) {
	wa = field(a, 1); wb = field(b, 1); ca = field(a, 2) + field(a, 3); cb = field(b, 2) + field(b, 3)
	if (wa <= 0 || ca <= 0) return
	printf "%-44s %6.2fx by wall time, %6.2fx by CPU time\n", label, wb / wa, cb / ca
}
BEGIN {
	row("netra scan (all CPUs)", netra)
	row("netra scan --jobs 1", netra1)
	row("grep -c -F -i -f terms", grepr)
	if (py != "") row("python keyword screener", py)
	print ""
	if (py != "") {
		ratio("netra / python (target >= 20x):", netra, py)
		ratio("netra --jobs 1 / python:", netra1, py)
	}
	ratio("netra / grep (target >= 0.5x):", netra, grepr)
	ratio("netra --jobs 1 / grep:", netra1, grepr)
	printf "netra max RSS: %.1f MB (target < 100 MB)\n", field(netra, 4) / 1024
	printf "netra flagged %d posts as possible_violation; grep matched %d lines\n", flagged, grepcount
}'
