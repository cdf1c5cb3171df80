#!/bin/sh
# tests/golden/scan.sh - golden tests of `netra scan`.
#
# Every input under tests/golden/scan/ is screened and its whole output
# (stdout, then stderr lines as "# stderr: ...", then "# exit N") is
# compared with NAME.expected:
#   NAME.jsonl, NAME.xml, NAME.atom, NAME.txt   netra scan --json [NAME.args] NAME.*
#   explain_NAME.txt                            netra scan --explain < explain_NAME.txt
#   summary_NAME.jsonl                          netra scan [NAME.args] (Indonesian summary)
# plus a few checks that need a generated input (knowledge directory,
# stdin, thread count, an over-long line) and the evaluation of the
# labelled set (tests/data/scan_labelled.jsonl).
# Prints TAP.  UPDATE=1 rewrites the .expected files: review the diff.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
DIR=tests/golden/scan
UPDATE=${UPDATE:-0}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/netra-golden-scan.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
n=0
failed=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

notok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do echo "# $l"; done
}

# compare NAME ACTUAL EXPECTED
compare() {
	if [ "$UPDATE" = 1 ]; then
		cp "$2" "$3"
		ok "$1 (updated)"
		return
	fi
	if [ ! -f "$3" ]; then
		notok "$1" "missing $3 (run with UPDATE=1)"
		return
	fi
	if cmp -s "$2" "$3"; then
		ok "$1"
		return
	fi
	notok "$1" "output differs from $3:"
	diff "$3" "$2" | head -n 20 | sed 's/^/# /'
	# for JSON lines: which items changed label or score
	if grep -q '^{"id"' "$3" 2>/dev/null; then
		jq -r -s --slurpfile want "$3" '
			[.[] | select(type == "object")] as $got
			| ($want | map(select(type == "object"))) as $w
			| range(0; [($got | length), ($w | length)] | min) as $i
			| select($got[$i].label != $w[$i].label or $got[$i].score != $w[$i].score
				 or $got[$i].items != $w[$i].items)
			| "# \($w[$i].id): expected \($w[$i].label) \($w[$i].score) \($w[$i].items), got \($got[$i].label) \($got[$i].score) \($got[$i].items)"' \
			"$2" 2>/dev/null | head -n 10
	fi
}

# run_case NAME -- command...: capture stdout, stderr and exit status
capture() {
	out=$1
	shift
	"$@" >"$TMP/stdout" 2>"$TMP/stderr"
	rc=$?
	{
		cat "$TMP/stdout"
		sed 's/^/# stderr: /' "$TMP/stderr"
		echo "# exit $rc"
	} >"$out"
}

for input in "$DIR"/*.jsonl "$DIR"/*.xml "$DIR"/*.atom "$DIR"/*.txt; do
	[ -f "$input" ] || continue
	base=${input%.*}
	name=$(basename "$base")
	args=""
	[ -f "$base.args" ] && args=$(cat "$base.args")
	case $name in
	explain_*)
		capture "$TMP/actual" "$NETRA_BIN" scan --explain <"$input"
		;;
	summary_*)
		# the Indonesian summary; the totals line carries a time: drop it
		# shellcheck disable=SC2086 # args are words on purpose
		capture "$TMP/actual" "$NETRA_BIN" scan --jobs 1 --no-progress $args "$input"
		grep -v '^# stderr: netra scan: .* item dipindai' "$TMP/actual" >"$TMP/actual2"
		mv "$TMP/actual2" "$TMP/actual"
		;;
	*)
		# shellcheck disable=SC2086 # args are words on purpose
		capture "$TMP/actual" "$NETRA_BIN" scan --json --jobs 1 --no-progress $args "$input"
		;;
	esac
	compare "$name" "$TMP/actual" "$base.expected"
done

# the evaluation of the labelled set: metrics and confusion matrix
capture "$TMP/actual" "$NETRA_BIN" scan --eval tests/data/scan_labelled.jsonl --json
compare "eval of tests/data/scan_labelled.jsonl" "$TMP/actual" "$DIR/eval_labelled.expected"

# the same answers whatever the number of threads, and from stdin
"$NETRA_BIN" scan --json --jobs 1 tests/data/scan_labelled.jsonl >"$TMP/j1" 2>/dev/null
"$NETRA_BIN" scan --json --jobs 3 tests/data/scan_labelled.jsonl >"$TMP/j3" 2>/dev/null
if cmp -s "$TMP/j1" "$TMP/j3" && [ -s "$TMP/j1" ]; then
	ok "--jobs 3 gives the output of --jobs 1, in input order"
else
	notok "--jobs 3 gives the output of --jobs 1, in input order"
fi
"$NETRA_BIN" scan --json <tests/data/scan_labelled.jsonl >"$TMP/stdin" 2>/dev/null
if cmp -s "$TMP/j1" "$TMP/stdin"; then
	ok "standard input, format sniffed from the first byte"
else
	notok "standard input, format sniffed from the first byte"
fi

# legal staff change data without a rebuild: --knowledge-dir
mkdir -p "$TMP/k"
cp -r data/scan "$TMP/k/scan"
cp -r data/rules "$TMP/k/rules"
jq '.threshold = 0.99' data/scan/model.json >"$TMP/k/scan/model.json"
line='{"id":"k1","text":"Camat ikut kampanye paslon nomor 2"}'
a=$(echo "$line" | "$NETRA_BIN" scan --json | jq -r .label)
b=$(echo "$line" | "$NETRA_BIN" scan --json --knowledge-dir "$TMP/k" | jq -r .label)
if [ "$a" = possible_violation ] && [ "$b" = neutral_mention ]; then
	ok "--knowledge-dir: the threshold in DIR/scan/model.json applies"
else
	notok "--knowledge-dir: the threshold in DIR/scan/model.json applies" "embedded: $a, dir: $b"
fi
b=$(echo "$line" | "$NETRA_BIN" scan --json --election pilkada2024 | jq -r .label)
if [ "$b" = possible_violation ]; then
	ok "--election pilkada2024 loads"
else
	notok "--election pilkada2024 loads" "got $b"
fi

# an over-long line is reported and skipped; the next line is screened
awk 'BEGIN { printf "{\"id\":\"big\",\"text\":\""; for (i = 0; i < 1100000; i++) printf "a"; print "\"}";
	print "{\"id\":\"after\",\"text\":\"Camat ikut kampanye paslon 02\"}" }' >"$TMP/long.jsonl"
"$NETRA_BIN" scan --json --jobs 2 "$TMP/long.jsonl" >"$TMP/long.out" 2>"$TMP/long.err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'long.jsonl:1: baris lebih dari' "$TMP/long.err" &&
	[ "$(jq -r .id "$TMP/long.out")" = after ]; then
	ok "a line over 1 MiB is reported (exit 1) and skipped"
else
	notok "a line over 1 MiB is reported (exit 1) and skipped" "exit $rc" "$(head -c 300 "$TMP/long.err")"
fi

# usage errors exit 2
"$NETRA_BIN" scan --min-label bogus </dev/null >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "--min-label bogus: exit 2"; else notok "--min-label bogus: exit 2" "exit $rc"; fi
"$NETRA_BIN" scan --threshold 1.5 </dev/null >/dev/null 2>&1
rc=$?
if [ $rc -eq 2 ]; then ok "--threshold 1.5: exit 2"; else notok "--threshold 1.5: exit 2" "exit $rc"; fi
"$NETRA_BIN" scan --json "$TMP/does-not-exist.jsonl" >/dev/null 2>"$TMP/err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'tidak dapat membuka' "$TMP/err"; then
	ok "a missing file: Indonesian message, exit 1"
else
	notok "a missing file: Indonesian message, exit 1" "exit $rc"
fi

echo "1..$n"
[ "$failed" -eq 0 ]
