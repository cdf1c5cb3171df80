# 0040 what a new user types first: commands on a data directory without a
# database say so (with the path) and exit 1 instead of creating an empty
# one; only `db migrate`, `serve` and `demo` create it.  `audit verify` on
# a new database passes with 0 entries; `check` without text is a usage
# error.  On PostgreSQL the same promises for a database URL: a database
# the server does not have, or one without netra's tables, is "no_database"
# and stays as it was; an unreachable server is "db_unreachable"; `db
# migrate` as the owner fills an empty database.
. tests/e2e/lib.sh

if [ -n "$T_DBNAME" ]; then
	# the data directory never holds a database on PostgreSQL: the file
	# cases below are SQLite's; these are their counterparts
	nx() { "$NETRA_BIN" "$@" --log-level error; }
	PG_MISSING=${T_DBNAME}_tidak_ada
	PG_EMPTY=${T_DBNAME}_kosong
	PG_OLD=${T_DBNAME}_lama
	DEAD_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	DEAD_URL="postgres://netra_web@127.0.0.1:$DEAD_PORT/netra"
	owner_sql() { # owner_sql DB SQL
		psql -X -q -At -v ON_ERROR_STOP=1 "$NETRA_PG_OWNER_URL$1" -c "$2"
	}
	owner_sql postgres "CREATE DATABASE $PG_EMPTY OWNER netra_owner" &&
		owner_sql postgres "CREATE DATABASE $PG_OLD OWNER netra_owner" &&
		owner_sql "$PG_OLD" "CREATE TABLE t(x int); INSERT INTO t VALUES (1)"
	expect "an empty and an old (non-netra) database exist" "$?" 0
	pg_state() { # what the databases hold: is the missing one there, tables of the empty one
		echo "$(owner_sql postgres "SELECT count(*) FROM pg_database WHERE datname = '$PG_MISSING'")" \
			"$(owner_sql "$PG_EMPTY" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")"
	}

	# no_db NAME ARGS...: exit status 1, the database named, nothing created,
	# for a database the server lacks and for one without netra's tables
	no_db() {
		name=$1
		shift
		for d in "$PG_MISSING" "$PG_EMPTY"; do
			nx "$@" --data "$DATA" --db "$NETRA_PG_APP_URL$d" >"$T_TMP/out" 2>"$T_TMP/err" </dev/null
			rc=$?
			if [ "$d" = "$PG_MISSING" ]; then want="belum ada basis data PostgreSQL $NETRA_PG_APP_URL$d"; else
				want="basis data $NETRA_PG_APP_URL$d belum dimigrasi"
			fi
			if [ "$rc" -eq 1 ] && grep -q -F "$want" "$T_TMP/err" && [ "$(pg_state)" = "0 0" ]; then
				ok "$name on ${d#"${T_DBNAME}"_}: no database, exit 1, nothing created"
			else
				fail "$name on ${d#"${T_DBNAME}"_} (exit $rc, state $(pg_state))" "$(cat "$T_TMP/err")"
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

	# the stable codes, in --json
	nx db status --json --db "$NETRA_PG_APP_URL$PG_MISSING" >"$T_TMP/body" 2>"$T_TMP/err"
	expect "db status --json on a missing database exits 1" "$?" 1
	check_json "and answers {error: {code: no_database}} with an Indonesian message" \
		'.error.code == "no_database" and (.error.message | test("belum ada basis data"))'
	nx db status --json --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/body" 2>"$T_TMP/err"
	check_json "a database without netra's tables is no_database too" \
		'.error.code == "no_database" and (.error.message | test("belum dimigrasi"))'
	nx db status --db "$DEAD_URL" >"$T_TMP/out" 2>"$T_TMP/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q -F "tidak dapat terhubung ke PostgreSQL $DEAD_URL" "$T_TMP/err"; then
		ok "db status on an unreachable server: exit 1, says so with the URL"
	else
		fail "db status on an unreachable server (exit $rc)" "$(cat "$T_TMP/out" "$T_TMP/err")"
	fi
	nx db status --json --db "$DEAD_URL" >"$T_TMP/body" 2>"$T_TMP/err"
	check_json "db status --json on an unreachable server: db_unreachable" \
		'.error.code == "db_unreachable" and (.error.message | test("tidak dapat terhubung"))'
	nx audit verify --db "$DEAD_URL" >"$T_TMP/out" 2>"$T_TMP/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "tidak dapat terhubung" "$T_TMP/err"; then
		ok "audit verify on an unreachable server: exit 1, says so"
	else
		fail "audit verify on an unreachable server (exit $rc)" "$(cat "$T_TMP/err")"
	fi

	# db migrate as the owner fills the empty database; then db status and
	# audit verify work as the application role
	if nx db migrate --data "$DATA" --db "$NETRA_PG_OWNER_URL$PG_EMPTY" >"$T_TMP/out" 2>&1 &&
		[ "$(owner_sql "$PG_EMPTY" "SELECT count(*) > 0 FROM schema_migrations")" = t ]; then
		ok "db migrate as the owner migrates the empty database"
	else
		fail "db migrate migrates the empty database" "$(cat "$T_TMP/out")"
	fi
	nx db status --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/out" 2>&1
	expect "db status on the new database exits 0" "$?" 0
	nx audit verify --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/out" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ] && grep -q "0 entri" "$T_TMP/out"; then
		ok "audit verify on a new database: intact, 0 entries"
	else
		fail "audit verify on a new database (exit $rc)" "$(cat "$T_TMP/out")"
	fi
	nx audit verify --json --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/body" 2>&1
	check_json "audit verify --json: intact, checked 0" '.intact == true and .checked == 0'

	# what db status says about the server
	SERVER_VERSION=$(owner_sql "$PG_EMPTY" "SHOW server_version")
	nx db status --json --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/body" 2>&1
	check_json "db status --json: engine, server version, size, connections, replication" \
		".engine == \"postgresql\" and .server_version == \"$SERVER_VERSION\" and .size_bytes > 0
		 and .connections >= 1 and .replication == \"primary, no standby\" and .integrity_ok == true
		 and .schema_version == .latest_version and .path == \"$NETRA_PG_APP_URL$PG_EMPTY\""
	nx db status --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/out" 2>&1
	if grep -q -F "engine:     PostgreSQL $SERVER_VERSION" "$T_TMP/out" &&
		grep -q '^connections: [1-9]' "$T_TMP/out" &&
		grep -q '^replication: primary, no standby' "$T_TMP/out" &&
		grep -q '^size:       [1-9][0-9]* bytes' "$T_TMP/out" && ! grep -q '^journal:' "$T_TMP/out"; then
		ok "db status text: engine and version, size, connections, replication"
	else
		fail "db status text on PostgreSQL" "$(cat "$T_TMP/out")"
	fi
	# a second session on the database shows in the count
	psql -X -q "$NETRA_PG_APP_URL$PG_EMPTY" -c "SELECT pg_sleep(5)" >/dev/null 2>&1 &
	SLEEPER=$!
	i=0
	while [ $i -lt 50 ] && [ "$(owner_sql "$PG_EMPTY" "SELECT count(*) FROM pg_stat_activity WHERE datname = '$PG_EMPTY' AND query LIKE '%pg_sleep(5)%' AND pid <> pg_backend_pid()")" != 1 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	nx db status --json --data "$DATA" --db "$NETRA_PG_APP_URL$PG_EMPTY" >"$T_TMP/body" 2>&1
	check_json "connections counts another session on the database" '.connections >= 2'
	kill "$SLEEPER" 2>/dev/null
	wait "$SLEEPER" 2>/dev/null
	owner_sql postgres "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$PG_EMPTY'" >/dev/null

	# a database that exists but was never migrated
	nx audit verify --data "$DATA" --db "$NETRA_PG_APP_URL$PG_OLD" >"$T_TMP/out" 2>"$T_TMP/err"
	rc=$?
	if [ "$rc" -eq 1 ] && grep -q "belum dimigrasi" "$T_TMP/err" && ! grep -q "does not exist\|kesalahan basis data" "$T_TMP/err"; then
		ok "audit verify on a non-migrated database names it, no SQL error"
	else
		fail "audit verify on a non-migrated database (exit $rc)" "$(cat "$T_TMP/err")"
	fi
	expect "the non-migrated database is left as it was" \
		"$(owner_sql "$PG_OLD" "SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'")" "t"
	owner_sql postgres "DROP DATABASE $PG_EMPTY WITH (FORCE)" && owner_sql postgres "DROP DATABASE $PG_OLD WITH (FORCE)"

else

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
	nx db status --json --data "$MISSING" >"$T_TMP/body" 2>&1
	check_json "db status --json: engine sqlite, the file, no server fields" \
		'.engine == "sqlite" and .journal_mode == "wal" and .size_bytes > 0 and .integrity_ok == true
		 and (has("server_version") | not) and (has("connections") | not)'
	nx db status --json --data "$EMPTY" >"$T_TMP/body" 2>/dev/null
	check_json "db status --json without a database: {error: {code: no_database}}" \
		'.error.code == "no_database" and (.error.message | test("belum ada basis data"))'

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
