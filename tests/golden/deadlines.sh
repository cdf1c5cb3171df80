#!/bin/sh
# tests/golden/deadlines.sh - deadline cases worked out by hand from
# data/calendars/holidays.csv, run through `netra deadline --json`.
#
# Each line of tests/golden/deadlines/cases.jsonl is one case:
#   {"name", "input": {request}, "env": {NETRA_*: value}?,
#    "due", "unit", "skipped": [dates], "start_date"?, "zone"?, "count"?}
# or, for a refusal, {"name", "input", "error": "stable_code"}.
# Only the fields a case names are compared.  Prints TAP.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
CASES=tests/golden/deadlines/cases.jsonl
n=0
failed=0
tmp=$(mktemp "${TMPDIR:-/tmp}/netra-golden.XXXXXX")
trap 'rm -f "$tmp"' EXIT

while IFS= read -r line; do
	[ -n "$line" ] || continue
	n=$((n + 1))
	name=$(printf '%s' "$line" | jq -r '.name')
	input=$(printf '%s' "$line" | jq -c '.input')
	envs=$(printf '%s' "$line" | jq -r '(.env // {}) | to_entries[] | "\(.key)=\(.value)"')
	# shellcheck disable=SC2086
	printf '%s\n' "$input" | env $envs "$NETRA_BIN" deadline --json >"$tmp" 2>&1
	rc=$?
	out=$(cat "$tmp")
	if printf '%s' "$line" | jq -e 'has("error")' >/dev/null; then
		want=$(printf '%s' "$line" | jq -r '.error')
		got=$(printf '%s' "$out" | jq -r '.error.code // "none"' 2>/dev/null)
		if [ "$rc" -eq 1 ] && [ "$got" = "$want" ]; then
			echo "ok $n - $name"
		else
			echo "not ok $n - $name"
			echo "# want error $want (exit 1), got $got (exit $rc)"
			echo "# $out"
			failed=$((failed + 1))
		fi
		continue
	fi
	check=$(jq -n -c --argjson c "$line" --argjson o "$out" '
		[ ($c | to_entries[] | select(.key != "name" and .key != "input" and .key != "env"))
		  | .key as $k | .value as $v
		  | if $k == "skipped" then
			select([$o.skipped[].date] != $v)
			| "skipped: want \($v | join(" ")), got \([$o.skipped[].date] | join(" "))"
		    else
			select($o[$k] != $v) | "\($k): want \($v), got \($o[$k])"
		    end ]
		+ (if ($o.explanation | test("Hari mulai tidak dihitung")) then [] else
			["explanation lacks the counting convention"] end)
		+ (if ([$o.skipped[].reason | select(length == 0)] | length) == 0 then [] else
			["a skipped day has no reason"] end)' 2>&1)
	if [ "$rc" -eq 0 ] && [ "$check" = "[]" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name"
		echo "# exit $rc: $check"
		echo "# $(printf '%s' "$out" | head -c 600)"
		failed=$((failed + 1))
	fi
done <"$CASES"

echo "1..$n"
[ "$failed" -eq 0 ]
