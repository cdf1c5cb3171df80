#!/bin/sh
# tests/golden/rules.sh - the rule catalog as data: `netra rules lint` on
# deliberately broken copies of data/rules (tests/golden/rules/mutations.jsonl)
# must name the file and line of each problem; list/show/readings; start-up
# stops on a malformed catalog; readable answers (tests/golden/rules/text/,
# rewritten with UPDATE=1).  Prints TAP; exits 1 when a test fails.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
DIR=tests/golden/rules
TMP=$(mktemp -d "${TMPDIR:-/tmp}/netra-golden-rules.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
n=0
failed=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}

# replace_nth FILE FROM TO NTH: replace the NTH occurrence (one per line) of
# the literal FROM by TO.
replace_nth() {
	awk -v from="$2" -v to="$3" -v nth="$4" '
		{ i = index($0, from)
		  if (i > 0 && ++seen == nth)
			$0 = substr($0, 1, i - 1) to substr($0, i + length(from))
		  print }' "$1" >"$1.new" && mv "$1.new" "$1"
}

# --- lint on broken catalogs -------------------------------------------------
while IFS= read -r line; do
	case $line in '' | '#'*) continue ;; esac
	name=$(printf '%s\n' "$line" | jq -r .name)
	file=$(printf '%s\n' "$line" | jq -r .file)
	from=$(printf '%s\n' "$line" | jq -r .from)
	to=$(printf '%s\n' "$line" | jq -r .to)
	nth_from=$(printf '%s\n' "$line" | jq -r '.nth_from // 1')
	line_of=$(printf '%s\n' "$line" | jq -r .line_of)
	nth=$(printf '%s\n' "$line" | jq -r '.nth // 1')
	plus=$(printf '%s\n' "$line" | jq -r '.plus // 0')
	msg=$(printf '%s\n' "$line" | jq -r .message)
	k="$TMP/k"
	rm -rf "$k"
	mkdir -p "$k"
	cp -r data/rules "$k/rules"
	replace_nth "$k/rules/$file" "$from" "$to" "$nth_from"
	if cmp -s "data/rules/$file" "$k/rules/$file"; then
		not_ok "lint: $name" "the mutation did not apply to $file"
		continue
	fi
	at=$(grep -n -F -- "$line_of" "$k/rules/$file" | sed -n "${nth}p" | cut -d: -f1)
	at=$((at + plus))
	"$NETRA_BIN" rules lint --knowledge-dir "$k" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	want="$k/rules/$file:$at: "
	if [ "$rc" -ne 1 ]; then
		not_ok "lint: $name" "exit status $rc, want 1" "$(cat "$TMP/err")"
	elif ! grep -F -- "$want" "$TMP/err" | grep -q -F -- "$msg"; then
		not_ok "lint: $name" "want a line starting '$want' containing '$msg'" "got:" "$(cat "$TMP/err")"
	else
		ok "lint: $name"
	fi
done <"$DIR/mutations.jsonl"

# --- the built-in catalog ------------------------------------------------------
if "$NETRA_BIN" rules lint >"$TMP/out" 2>"$TMP/err" && grep -q "sah (0 peringatan)" "$TMP/out"; then
	ok "lint: built-in catalog is valid and every example is recognised"
else
	not_ok "lint: built-in catalog" "$(cat "$TMP/out" "$TMP/err")"
fi
mkdir -p "$TMP/copy"
cp -r data/rules "$TMP/copy/rules"
if "$NETRA_BIN" rules lint --knowledge-dir "$TMP/copy" >/dev/null 2>&1; then
	ok "lint: an unchanged copy in --knowledge-dir is valid"
else
	not_ok "lint: unchanged copy"
fi

"$NETRA_BIN" rules list --json >"$TMP/list.json"
if jq -e '([.items[] | select(.family == "KE")] | length) == 7 and
	([.items[] | select(.family == "D")] | length) == 12 and
	([.items[] | select(.family == "PP94")] | length) == 7 and
	([.items[] | select(.family == "boleh")] | length) >= 4 and
	([.items[].id] | index("D-12")) != null and
	([.statuses[].id] | sort) == (["CPNS","PNS","PPPK","Polri","TNI","kepala_desa","non_asn","unknown"] | sort) and
	([.readings[] | "\(.id)=\(.value)"] | sort) == ["d8_level=berat","d9_reading=split","pp94_angka1_level=sedang"]' \
	"$TMP/list.json" >/dev/null; then
	ok "rules list --json: 7 KE, 12 D, 7 PP94 items, the statuses and default readings"
else
	not_ok "rules list --json" "$(head -c 600 "$TMP/list.json")"
fi
if "$NETRA_BIN" rules show d-8 --json | jq -e '.id == "D-8" and .level == "berat" and
	.level_rule.reading == "d8_level" and (.legal_basis | length) > 0 and
	(.file | endswith("items_2_skb2022_disiplin.json")) and .line > 1' >/dev/null; then
	ok "rules show D-8 --json: reading-dependent level, legal basis, data location"
else
	not_ok "rules show D-8 --json"
fi
if NETRA_D8_LEVEL=sedang "$NETRA_BIN" rules show D-8 --json | jq -e '.level == "sedang"' >/dev/null; then
	ok "d8_level=sedang changes the level of D-8"
else
	not_ok "d8_level=sedang"
fi
if NETRA_D8_LEVEL=ringan "$NETRA_BIN" rules list >/dev/null 2>"$TMP/err"; then
	not_ok "an unknown reading value is refused"
elif grep -q "d8_level" "$TMP/err"; then
	ok "an unknown reading value is refused with its name"
else
	not_ok "unknown reading value message" "$(cat "$TMP/err")"
fi
if "$NETRA_BIN" rules show X-9 >/dev/null 2>&1; then
	not_ok "rules show of an unknown id fails"
else
	ok "rules show of an unknown id fails"
fi

# --- start-up stops on a malformed catalog ---------------------------------------------
mkdir -p "$TMP/bad"
cp -r data/rules "$TMP/bad/rules"
cp -r data/calendars "$TMP/bad/calendars"
replace_nth "$TMP/bad/rules/items_2_skb2022_disiplin.json" '"level": "ptdh"' '"level": "pecat"' 1
at=$(grep -n -F '"pecat"' "$TMP/bad/rules/items_2_skb2022_disiplin.json" | cut -d: -f1)
want="$TMP/bad/rules/items_2_skb2022_disiplin.json:$at:"
echo '{"text": "PNS memasang spanduk"}' | "$NETRA_BIN" check --json --knowledge-dir "$TMP/bad" >/dev/null 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q -F -- "$want" "$TMP/err"; then
	ok "netra check stops with file:line on a malformed catalog"
else
	not_ok "netra check on a malformed catalog" "status $rc" "$(cat "$TMP/err")"
fi
timeout 20 "$NETRA_BIN" serve --data "$TMP/var" --listen 127.0.0.1:0 --knowledge-dir "$TMP/bad" \
	>"$TMP/serve.out" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q -F -- "$want" "$TMP/serve.out"; then
	ok "netra serve refuses to start with file:line on a malformed catalog"
else
	not_ok "netra serve on a malformed catalog" "status $rc" "$(tail -n 5 "$TMP/serve.out")"
fi

# --- readable answers (whole output; UPDATE=1 rewrites) -----------------------------
for args in "$DIR"/text/*.args; do
	[ -f "$args" ] || continue
	base=${args%.args}
	# each .args file holds the arguments of `netra check`, one per line
	set --
	while IFS= read -r a; do set -- "$@" "$a"; done <"$args"
	"$NETRA_BIN" check "$@" >"$TMP/text.out" 2>&1
	if [ "${UPDATE:-0}" = 1 ]; then
		cp "$TMP/text.out" "$base.out"
	fi
	if cmp -s "$TMP/text.out" "$base.out"; then
		ok "text answer: $(basename "$base")"
	else
		not_ok "text answer: $(basename "$base")" "$(diff "$base.out" "$TMP/text.out" | head -n 20)"
	fi
done

echo "1..$n"
[ "$failed" -eq 0 ]
