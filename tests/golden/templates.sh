#!/bin/sh
# tests/golden/templates.sh - render every template fixture and compare the
# HTML byte for byte: tests/golden/templates/NAME.json is the context,
# NAME.html the expected page (NAME: TEMPLATE or TEMPLATE--variant,
# optionally suffixed .en for the English catalog; fingerprints of static
# URLs read ?v=HASH).  UPDATE=1 rewrites the
# expected files; review the diff in git.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
n=0
bad=0
for fx in tests/golden/templates/*.json; do
	[ -f "$fx" ] || continue
	name=$(basename "$fx" .json)
	lang=id
	case $name in *.en) lang=en ;; esac
	tmpl=${name%.en}
	tmpl=${tmpl%%--*}
	want=tests/golden/templates/$name.html
	n=$((n + 1))
	# static URLs carry the file's content hash (/static/F?v=HASH); the
	# golden pages name it HASH so a stylesheet edit does not touch them
	if ! got=$("$NETRA_BIN" render "$tmpl" --lang "$lang" <"$fx" 2>&1 |
		sed 's#\(/static/[A-Za-z0-9_.-]*\)?v=[0-9a-f]\{16\}#\1?v=HASH#g'); then
		echo "not ok $n - $name renders"
		echo "# $got"
		bad=$((bad + 1))
		continue
	fi
	if [ "${UPDATE:-0}" = 1 ]; then
		printf '%s' "$got" >"$want"
	fi
	if [ -f "$want" ] && [ "$got" = "$(cat "$want")" ]; then
		echo "ok $n - $name"
	else
		echo "not ok $n - $name matches $want"
		printf '%s' "$got" | diff "$want" - | head -n 20 | sed 's/^/# /'
		bad=$((bad + 1))
	fi
done
echo "1..$n"
[ "$bad" -eq 0 ]
