# 0040 what a new user types first: commands on a data directory without a
# database say so (with the path) and exit 1 instead of creating an empty
# one; only `db migrate`, `serve` and `demo` create it.  `audit verify` on
# a new database passes with 0 entries; `check` without text is a usage
# error.
. tests/e2e/lib.sh

MISSING=$T_TMP/tidak-ada
EMPTY=$T_TMP/kosong
mkdir -p "$EMPTY"
nx() { "$NETRA_BIN" "$@" --log-level error; }

# no_db NAME ARGS...: exit status 1, "belum ada basis data" and the path, nothing created
no_db() {
	name=$1
	shift
	for d in "$MISSING" "$EMPTY"; do
		nx "$@" --data "$d" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
		rc=$?
		if [ "$rc" -eq 1 ] && grep -q "belum ada basis data di $d/netra.db" "$T_TMP/err" &&
			[ ! -e "$d/netra.db" ] && { [ "$d" = "$EMPTY" ] || [ ! -e "$d" ]; }; then
			ok "$name on $(basename "$d"): no database, exit 1, nothing created"
		else
			fail "$name on $(basename "$d") (exit $rc)" "$(cat "$T_TMP/err")" "$(ls -la "$d" 2>&1)"
		fi
	done
}
no_db "db status" db status
no_db "db status --json" db status --json
no_db "audit verify" audit verify
no_db "export" export --as admin
no_db "user list" user list
no_db "office list" office list
no_db "token list" token list someone
no_db "key init" key init --office bawaslu-64
no_db "registry search" registry search budi
no_db "accounts list" accounts list
no_db "report add" report add -
no_db "monitor" monitor "$T_TMP/none.jsonl"

# db migrate creates it; then db status and audit verify work
if nx db migrate --data "$MISSING" >"$T_TMP/out" 2>&1 && [ -s "$MISSING/netra.db" ]; then
	ok "db migrate creates the directory and the database"
else
	fail "db migrate creates the database" "$(cat "$T_TMP/out")"
fi
nx db status --data "$MISSING" >"$T_TMP/out" 2>&1
expect "db status on the new database exits 0" "$?" 0
nx audit verify --data "$MISSING" >"$T_TMP/out" 2>&1
rc=$?
if [ "$rc" -eq 0 ] && grep -q "0 entri" "$T_TMP/out"; then
	ok "audit verify on a new database: intact, 0 entries"
else
	fail "audit verify on a new database (exit $rc)" "$(cat "$T_TMP/out")"
fi
nx audit verify --json --data "$MISSING" >"$T_TMP/body" 2>&1
check_json "audit verify --json: intact, checked 0" '.intact == true and .checked == 0'

# a database that exists but was never migrated
OLD=$T_TMP/lama
mkdir -p "$OLD"
sqlite3 "$OLD/netra.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1);"
nx audit verify --data "$OLD" >"$T_TMP/out" 2>"$T_TMP/err"
rc=$?
if [ "$rc" -eq 1 ] && grep -q "belum dimigrasi" "$T_TMP/err" && ! grep -q "no such table" "$T_TMP/err"; then
	ok "audit verify on a non-migrated database names it, no SQL error"
else
	fail "audit verify on a non-migrated database (exit $rc)" "$(cat "$T_TMP/err")"
fi

# check without text
nx check </dev/null >"$T_TMP/out" 2>"$T_TMP/err"
rc=$?
if [ "$rc" -eq 2 ] && grep -q "tidak ada teks untuk diperiksa" "$T_TMP/err" && grep -q "^usage: netra check" "$T_TMP/err"; then
	ok "check with empty input is a usage error (exit 2)"
else
	fail "check with empty input (exit $rc)" "$(cat "$T_TMP/out" "$T_TMP/err")"
fi
nx check "   " </dev/null >"$T_TMP/out" 2>"$T_TMP/err"
expect "check with blank TEXT is a usage error" "$?" 2
printf '\n\n' | nx check >"$T_TMP/out" 2>"$T_TMP/err"
expect "check with only blank lines is a usage error" "$?" 2
echo "camat memasang spanduk calon" | nx check --status PNS --date 2024-01-10 --election pemilu2024 >"$T_TMP/out" 2>&1
expect "check with a line of text still answers" "$?" 0
finish
