# tests/e2e/lib.sh - helpers for end-to-end tests against the real binary.
#
# A test script sources this file, calls start_server, drives the server
# with curl, and reports TAP lines through ok/fail/check_*.  stop_server
# sends SIGTERM and requires a clean exit (status 0) within 10 s.
#   NETRA_BIN   binary to test (set by tests/run.sh)
#   NETRA_TEST_PG=1  the PostgreSQL pass of tests/run.sh: the test gets its
#               own database (tests/pg/newdb.sh) and NETRA_DB, which the
#               binary reads as --db, names it; --data still holds files
# db_sql SQL runs one query on the test's database whichever the engine;
# db_dump FILE writes all it stores (for greps), db_save/db_load NAME copy
# it while no server runs.  A test never opens $DATA/netra.db itself.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
T_N=0
T_FAILED=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/netra-e2e.XXXXXX")
SERVER_PID=
PORT=
BASE=
DATA=$T_TMP/data
mkdir -p "$DATA"
T_DBNAME=
if [ "${NETRA_TEST_PG:-0}" = 1 ]; then
	T_DBNAME=t_$(basename "$0" .sh | tr -c 'a-z0-9\n' '_')_$$
	if ! NETRA_DB=$(sh tests/pg/newdb.sh "$T_DBNAME"); then
		echo "not ok 1 - a fresh PostgreSQL database for the test"
		exit 1
	fi
	export NETRA_DB
fi
netra() { "$NETRA_BIN" "$@" --data "$DATA" --log-level error; }

# db_sql SQL: one statement on the test's database as its owner, one row
# a line, columns separated by '|' (sqlite3 and psql -At alike)
db_sql() {
	if [ -n "$T_DBNAME" ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$NETRA_PG_OWNER_URL$T_DBNAME" -c "$1"
	else
		sqlite3 "$DATA/netra.db" "$1"
	fi
}

# db_dump FILE: everything the database stores, for grepping: the SQLite
# files as they are on disk (main file, WAL), or pg_dump's plain SQL of the
# test's database on PostgreSQL (its files are the server's, shared)
db_dump() {
	if [ -n "$T_DBNAME" ]; then
		pg_dump --no-owner --no-privileges -d "$NETRA_PG_OWNER_URL$T_DBNAME" >"$1"
	else
		cat "$DATA"/netra.db* >"$1"
	fi
}

# db_empty: the test's database starts empty, as on a first run (SQLite:
# no file yet; PostgreSQL: recreated without tables, as a DBA's createdb
# leaves it).  MIGRATE_DB then holds the URL `netra db migrate --db` needs
# (the owner's on PostgreSQL: the application role may not create tables).
MIGRATE_DB=
db_empty() {
	if [ -n "$T_DBNAME" ]; then
		psql -X -q -v ON_ERROR_STOP=1 "${NETRA_PG_OWNER_URL}postgres" \
			-c "DROP DATABASE $T_DBNAME" -c "CREATE DATABASE $T_DBNAME OWNER netra_owner"
		MIGRATE_DB=$NETRA_PG_OWNER_URL$T_DBNAME
	else
		rm -f "$DATA"/netra.db*
	fi
}

# dump_has FILE STRING: STRING is in the dump as text, or as the hex of a
# bytea column (pg_dump writes bytea as \x followed by hex)
dump_has() {
	grep -a -q -F -- "$2" "$1" && return 0
	grep -a -q -F -- "$(printf '%s' "$2" | od -An -v -tx1 | tr -d ' \n')" "$1"
}

# db_save NAME / db_load NAME: a copy of the whole database while no server
# runs, and back (a file copy, or a database made from it as a template)
db_save() {
	if [ -n "$T_DBNAME" ]; then
		psql -X -q -v ON_ERROR_STOP=1 "${NETRA_PG_OWNER_URL}postgres" \
			-c "SET client_min_messages = warning" -c "DROP DATABASE IF EXISTS ${T_DBNAME}_$1" \
			-c "CREATE DATABASE ${T_DBNAME}_$1 TEMPLATE $T_DBNAME OWNER netra_owner"
	else
		cp "$DATA/netra.db" "$T_TMP/saved_$1.db"
	fi
}
db_load() {
	if [ -n "$T_DBNAME" ]; then
		psql -X -q -v ON_ERROR_STOP=1 "${NETRA_PG_OWNER_URL}postgres" \
			-c "DROP DATABASE $T_DBNAME" \
			-c "CREATE DATABASE $T_DBNAME TEMPLATE ${T_DBNAME}_$1 OWNER netra_owner"
	else
		rm -f "$DATA/netra.db-wal" "$DATA/netra.db-shm"
		cp "$T_TMP/saved_$1.db" "$DATA/netra.db"
	fi
}

ok() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
fail() {
	T_N=$((T_N + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# start_server [extra args...]: fresh data dir, free port.
start_server() {
	rm -f "$T_TMP/port"
	"$NETRA_BIN" serve --data "$DATA" --listen 127.0.0.1:0 --port-file "$T_TMP/port" "$@" \
		>"$T_TMP/server.log" 2>&1 &
	SERVER_PID=$!
	i=0
	while [ ! -s "$T_TMP/port" ] && [ $i -lt 200 ]; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$T_TMP/port" ]; then
		fail "server started" "$(tail -n 20 "$T_TMP/server.log")"
		finish
	fi
	PORT=$(cat "$T_TMP/port")
	BASE="http://127.0.0.1:$PORT"
}

# stop_server: SIGTERM and expect exit status 0.
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null
	i=0
	while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -9 "$SERVER_PID" 2>/dev/null
		fail "server exits within 10 s of SIGTERM"
	else
		wait "$SERVER_PID"
		rc=$?
		if [ "$rc" -eq 0 ]; then ok "clean exit on SIGTERM"; else
			fail "clean exit on SIGTERM (status $rc)" "$(tail -n 20 "$T_TMP/server.log")"
		fi
	fi
	if grep -q -E 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$T_TMP/server.log"; then
		fail "no sanitizer report in the server log" "$(grep -E -A5 'Sanitizer|runtime error' "$T_TMP/server.log" | head -20)"
	fi
	SERVER_PID=
}

# req METHOD PATH [curl args...]: sets STATUS, BODY (file $T_TMP/body), HDRS
req() {
	m=$1
	p=$2
	shift 2
	STATUS=$(curl -s -o "$T_TMP/body" -D "$T_TMP/headers" -w '%{http_code}' -X "$m" "$@" "$BASE$p")
	BODY=$(cat "$T_TMP/body")
}

# check_status NAME EXPECTED METHOD PATH [curl args...]
check_status() {
	name=$1
	want=$2
	shift 2
	req "$@"
	if [ "$STATUS" = "$want" ]; then ok "$name"; else
		fail "$name (status $STATUS, want $want)" "$(head -c 400 "$T_TMP/body")"
	fi
}

# check_json NAME JQ-EXPR: jq -e on the last body
check_json() {
	if jq -e "$2" "$T_TMP/body" >/dev/null 2>&1; then ok "$1"; else
		fail "$1 ($2)" "$(head -c 400 "$T_TMP/body")"
	fi
}

# check_header NAME REGEX: grep -i on the last response headers
check_header() {
	if grep -qiE "$2" "$T_TMP/headers"; then ok "$1"; else
		fail "$1 (header /$2/)" "$(cat "$T_TMP/headers")"
	fi
}

check_body() {
	if grep -qE "$2" "$T_TMP/body"; then ok "$1"; else
		fail "$1 (body /$2/)" "$(head -c 400 "$T_TMP/body")"
	fi
}

# session USER: log in through /masuk into $T_TMP/jar_USER, take the CSRF token
session() {
	rm -f "$T_TMP/jar_$1"
	curl -s -o /dev/null -c "$T_TMP/jar_$1" -b "$T_TMP/jar_$1" -X POST "$BASE/masuk" \
		--data "username=$1&password=sandi-uji-$1-2024&next=/kantor"
	curl -s -b "$T_TMP/jar_$1" "$BASE/kantor" -o "$T_TMP/page_$1"
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T_TMP/page_$1" | head -n 1 >"$T_TMP/csrf_$1"
}
# page USER METHOD PATH [curl args]: with USER's cookie
page() {
	u=$1
	shift
	m=$1
	p=$2
	shift 2
	req "$m" "$p" -b "$T_TMP/jar_$u" "$@"
}
# form USER PATH DATA: a form POST with USER's cookie and CSRF token
form() {
	page "$1" POST "$2" --data "csrf=$(cat "$T_TMP/csrf_$1")&$3"
}

# kutim_laporan OCCURRED KNOWN: a complete Pemilu 2029 laporan about a
# kepala bidang in Kutai Timur, filed publicly; sets CODE and ID (the case as
# pengawas_kutim finds it)
kutim_laporan() {
	post_json - /api/v1/reports "{\"jenis\":\"laporan\",\"pemilihan\":\"pemilu2029\",
 \"pelapor\":{\"nama\":\"Siti Rahmawati\",\"alamat\":\"Sangatta\"},
 \"terlapor\":[{\"nama\":\"Ahmad Yani\",\"instansi\":\"Dinas Pendidikan Kutai Timur\",\"jabatan\":\"Kepala Bidang\",\"status\":\"PNS\"}],
 \"peristiwa\":{\"uraian\":\"Kepala bidang mengajak guru memilih calon tertentu di grup WhatsApp sekolah pada rapat dinas.\",\"tempat\":\"Sangatta\",\"kode_wilayah\":\"64.08\",\"waktu_kejadian\":\"$1\",\"waktu_diketahui\":\"$2\"},
 \"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://facebook.com/x/1\"}]}"
	[ "$STATUS" = 201 ] || return 0
	CODE=$(jget .code)
	as pengawas_kutim GET "/api/v1/cases?q=$CODE"
	ID=$(jget '.items[0].id')
	STATUS=201
}

# setup_kaltim: offices of Kalimantan Timur (province, Kutai Timur,
# Balikpapan), BKN, two PPK offices, a sealing key on the province office,
# one user per role, and a bearer token for each in $T_TMP/tok_<user>.
SEAL_PASSPHRASE="frasa sandi kustodian uji 2024"
setup_kaltim() {
	netra db migrate >/dev/null
	netra office add bawaslu-64 --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu \
		--level provinsi --region 64 --tz WITA >/dev/null
	netra office add bawaslu-64.08 --name "Bawaslu Kabupaten Kutai Timur" --kind bawaslu \
		--level kabkota --region 64.08 --parent bawaslu-64 --tz WITA >/dev/null
	netra office add bawaslu-64.71 --name "Bawaslu Kota Balikpapan" --kind bawaslu \
		--level kabkota --region 64.71 --parent bawaslu-64 --tz WITA >/dev/null
	netra office add bkn --name "Badan Kepegawaian Negara" --kind bkn --level ri --tz WIB >/dev/null
	netra office add ppk-64.08 --name "Bupati Kutai Timur" --kind ppk --level kabkota \
		--region 64.08 --tz WITA >/dev/null
	netra office add ppk-64.71 --name "Wali Kota Balikpapan" --kind ppk --level kabkota \
		--region 64.71 --tz WITA >/dev/null
	printf '%s\n' "$SEAL_PASSPHRASE" | netra key init --office bawaslu-64 --passphrase-stdin >/dev/null
	for spec in pengawas_prov:pengawas:bawaslu-64 pengawas_kutim:pengawas:bawaslu-64.08 \
		pengawas_bpp:pengawas:bawaslu-64.71 analis_bkn:analis:bkn ppk_kutim:ppk:ppk-64.08 \
		ppk_bpp:ppk:ppk-64.71 custodian_prov:custodian:bawaslu-64 \
		custodian_bpp:custodian:bawaslu-64.71 auditor_prov:auditor:bawaslu-64 \
		auditor_bpp:auditor:bawaslu-64.71 admin:admin:bawaslu-64; do
		u=${spec%%:*}
		rest=${spec#*:}
		role=${rest%%:*}
		office=${rest#*:}
		printf 'sandi-uji-%s-2024\n' "$u" | netra user add "$u" --role "$role" \
			--office "$office" --name "Petugas $u" --password-stdin >/dev/null
		netra token create "$u" --name e2e | tail -n 1 | awk '{print $NF}' >"$T_TMP/tok_$u"
	done
}

# as USER METHOD PATH [curl args...]: a request with USER's bearer token
as() {
	u=$1
	shift
	m=$1
	p=$2
	shift 2
	req "$m" "$p" -H "Authorization: Bearer $(cat "$T_TMP/tok_$u")" "$@"
}

# post_json USER|- PATH JSON: POST JSON as USER (- for the public)
post_json() {
	if [ "$1" = "-" ]; then
		shift
		req POST "$1" -H 'Content-Type: application/json' --data-binary "$2"
	else
		u=$1
		shift
		as "$u" POST "$1" -H 'Content-Type: application/json' --data-binary "$2"
	fi
}

# jget EXPR: jq -r on the last body
jget() { jq -r "$1" "$T_TMP/body"; }

# expect NAME ACTUAL WANTED
expect() {
	if [ "$2" = "$3" ]; then ok "$1"; else fail "$1 (got '$2', want '$3')" "$(head -c 600 "$T_TMP/body")"; fi
}

finish() {
	[ -n "$SERVER_PID" ] && stop_server
	echo "1..$T_N"
	# a failing test shows the server's errors (the store names the query)
	if [ "$T_FAILED" -ne 0 ] && [ -f "$T_TMP/server.log" ]; then
		grep -E ' (error|warn) ' "$T_TMP/server.log" | sort -u | head -n 30 | sed 's/^/# server: /'
	fi
	rm -rf "$T_TMP"
	[ "$T_FAILED" -eq 0 ] || exit 1
	exit 0
}
