#!/bin/sh
# tests/golden/ident.sh - `netra ident` and `netra region` against case files.
#
#   tests/golden/ident/cases.tsv     NAME<TAB>NUMBER<TAB>EXIT<TAB>JQ: runs
#       `netra ident NUMBER --json`, wants exit status EXIT and JQ true
#   tests/golden/ident/regions.tsv   NAME<TAB>ARGS<TAB>EXIT<TAB>JQ: runs
#       `netra region ARGS --json` (ARGS split on spaces)
#   tests/golden/ident/explain/N.in  one number per file; N.out is the exact
#       readable output of `netra ident NUMBER`; UPDATE=1 rewrites the .out
# Every run pins the clock (--now) so "today" checks are reproducible.
# Prints TAP; exits 1 when a case fails.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
DIR=tests/golden/ident
NOW=2025-06-01T09:00:00+07:00
TAB=$(printf '\t')
n=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/netra-golden-ident.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do echo "# $l"; done
}

# check NAME WANT_EXIT GOT_EXIT JQ: judge the JSON in $tmp/out
check() {
	if [ "$3" != "$2" ]; then
		not_ok "$1" "exit status $3, want $2" "$(head -c 600 "$tmp/out")" \
			"$(head -c 300 "$tmp/err")"
	elif ! jq -e "$4" "$tmp/out" >/dev/null 2>&1; then
		not_ok "$1" "jq false: $4" "$(head -c 600 "$tmp/out")"
	else
		ok "$1"
	fi
}

while IFS="$TAB" read -r name number want expr; do
	case $name in '' | '#'*) continue ;; esac
	"$NETRA_BIN" ident "$number" --json --now "$NOW" >"$tmp/out" 2>"$tmp/err"
	check "ident: $name" "$want" "$?" "$expr"
done <"$DIR/cases.tsv"

set -f
while IFS="$TAB" read -r name args want expr; do
	case $name in '' | '#'*) continue ;; esac
	# shellcheck disable=SC2086 # ARGS are split on purpose
	"$NETRA_BIN" region $args --json >"$tmp/out" 2>"$tmp/err"
	check "region: $name" "$want" "$?" "$expr"
done <"$DIR/regions.tsv"
set +f

for in in "$DIR"/explain/*.in; do
	[ -f "$in" ] || continue
	base=${in%.in}
	name=$(basename "$base")
	"$NETRA_BIN" ident "$(cat "$in")" --now "$NOW" >"$tmp/out" 2>&1
	echo "exit $?" >>"$tmp/out"
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$tmp/out" "$base.out"
		ok "explain: $name (updated)"
	elif [ ! -f "$base.out" ]; then
		not_ok "explain: $name" "missing $base.out (run with UPDATE=1)"
	elif cmp -s "$tmp/out" "$base.out"; then
		ok "explain: $name"
	else
		not_ok "explain: $name" "$(diff "$base.out" "$tmp/out" | head -n 20)"
	fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
