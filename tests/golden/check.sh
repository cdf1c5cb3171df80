#!/bin/sh
# tests/golden/check.sh - conduct cases through `netra check --json`.
#
# Each line of tests/golden/check/cases.jsonl is one case:
#   {"name": "...", "input": {check request}, "env": {"NETRA_D8_LEVEL": "sedang"},
#    "expect": {verdict, level, top, items, applying, not_applying, covered,
#               route, recommending, date_source, forms_regime, nforms, flagged,
#               basis, not_basis, missing, readings, notes, explanation, pidana,
#               status, stage, modifiers, matched, error}}
# Only the fields named in "expect" are compared (tests/golden/check/expect.jq).
# Prints TAP; exits 1 when a case fails.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
DIR=tests/golden/check
n=0
failed=0
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	n=$((n + 1))
	name=$(printf '%s\n' "$line" | jq -r .name)
	input=$(printf '%s\n' "$line" | jq -c .input)
	envs=$(printf '%s\n' "$line" | jq -r '(.env // {}) | to_entries | map("\(.key)=\(.value)") | join(" ")')
	# shellcheck disable=SC2086 # envs is a list of NAME=VALUE words
	out=$(printf '%s\n' "$input" | env $envs "$NETRA_BIN" check --json 2>/dev/null)
	[ -n "$out" ] || out=null
	problems=$(jq -n -r --argjson c "$line" --argjson o "$out" -f "$DIR/expect.jq" 2>&1)
	if [ -z "$problems" ]; then
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name"
		printf '%s\n' "$problems" | sed 's/^/# /'
	fi
done <"$DIR/cases.jsonl"
echo "1..$n"
[ "$failed" -eq 0 ]
