# 0611 moving up: `netra db copy --to postgres://...` takes an office's
# embedded store (demo data, sealed identities) into an empty PostgreSQL
# database: every table's count and contents equal, the audit chain
# verifies there with the same head, the custodian still opens a sealed
# identity with the passphrase, new reports get new ids; a second copy is
# refused; then a round trip pg_dump -> pg_restore into a second database
# keeps every row.  Needs the PostgreSQL of tests/run.sh's pg pass
# (NETRA_PG_OWNER_URL, PGPORT; tests/pg/up.sh), else it is skipped.
. tests/e2e/lib.sh
if [ -z "${NETRA_PG_OWNER_URL:-}" ] || [ -z "${PGPORT:-}" ]; then
	echo "1..0 # SKIP no PostgreSQL (the pg pass of tests/run.sh sets NETRA_PG_OWNER_URL)"
	rm -rf "$T_TMP"
	exit 0
fi
unset NETRA_DB # the source is the embedded store
OWNER=$NETRA_PG_OWNER_URL
APP=${NETRA_PG_APP_URL:-$NETRA_PG_OWNER_URL}
DB1=t0611_copy_$$
DB2=t0611_back_$$
pg_owner() { psql -X -q -At -v ON_ERROR_STOP=1 "${OWNER}$1" -c "$2"; }
pg_owner postgres "CREATE DATABASE $DB1" && pg_owner postgres "CREATE DATABASE $DB2" ||
	{ fail "two fresh databases"; finish; }
TABLES="settings offices users sessions api_tokens agencies persons cases tracks witnesses evidence deadlines notes events watch_accounts screened_items calendar_holidays calendar_elections calendar_version"
# counts DB: "table=count ..." of every table (sqlite for "", else that PG database)
counts() {
	for t in $TABLES; do
		if [ -z "$1" ]; then n=$(sqlite3 "$DATA/netra.db" "SELECT count(*) FROM $t"); else
			n=$(pg_owner "$1" "SELECT count(*) FROM $t"); fi
		printf '%s=%s ' "$t" "$n"
	done
}

# --- the office's embedded store -----------------------------------------------
"$NETRA_BIN" demo --data "$DATA" --cases 60 --log-level warn >"$T_TMP/demo.out" 2>&1
expect "demo data in SQLite" "$?" 0
PHRASE=$(sed -n '/simpan di tempat aman/{n;p;}' "$T_TMP/demo.out" | tr -d ' ')
[ -n "$PHRASE" ] && ok "the sealing passphrase is printed" || fail "the sealing passphrase is printed"
netra token create kustodian --name e2e | tail -n 1 | awk '{print $NF}' >"$T_TMP/tok_kustodian"
ID=$(sqlite3 "$DATA/netra.db" "SELECT c.id FROM cases c JOIN offices o ON o.id = c.sealed_office WHERE c.pelapor_sealed IS NOT NULL AND o.code = 'bawaslu-64' ORDER BY c.id LIMIT 1")
[ -n "$ID" ] && ok "a case with a sealed identity ($ID)" || fail "a case with a sealed identity"
OPEN="{\"reason\":\"klarifikasi pelapor sesuai surat tugas 12/2024\",\"passphrase\":\"$PHRASE\"}"
start_server
post_json kustodian "/api/v1/cases/$ID/pelapor" "$OPEN"
expect "on SQLite the custodian opens it" "$STATUS" 200
NAME=$(jget .pelapor.nama)
stop_server
SRC_COUNTS=$(counts "")
SRC_HEAD=$(netra audit verify --json | jq -r .head)

# --- copy --------------------------------------------------------------------------
netra db copy --to "${OWNER}$DB1" --json >"$T_TMP/copy.json" 2>"$T_TMP/err"
expect "db copy exits 0" "$?" 0
jq -e '.equal and .migrations_applied > 0 and .rows > 0' "$T_TMP/copy.json" >/dev/null &&
	ok "it migrated the empty target and copied $(jq .rows "$T_TMP/copy.json") rows" ||
	fail "it migrated the empty target and copied rows" "$(cat "$T_TMP/copy.json" "$T_TMP/err")"
expect "every table: source and target counts and contents equal" \
	"$(jq '[.tables[] | select(.source != .target or (.same_rows | not))] | length' "$T_TMP/copy.json")" 0
expect "it reports every table" "$(jq '.tables | length' "$T_TMP/copy.json")" "$(echo $TABLES | wc -w | tr -d ' ')"
expect "the counts in PostgreSQL are SQLite's" "$(counts "$DB1")" "$SRC_COUNTS"
expect "blobs arrive byte for byte" \
	"$(pg_owner "$DB1" "SELECT md5(string_agg(encode(pelapor_sealed, 'hex'), '' ORDER BY id)) FROM cases")" \
	"$(sqlite3 "$DATA/netra.db" "SELECT lower(hex(pelapor_sealed)) FROM cases WHERE pelapor_sealed IS NOT NULL ORDER BY id" | tr -d '\n' | md5sum | cut -d' ' -f1)"
expect "the identity sequences are past the highest id" \
	"$(pg_owner "$DB1" "SELECT (SELECT last_value FROM cases_id_seq) = (SELECT max(id) FROM cases) AND (SELECT last_value FROM events_id_seq) = (SELECT max(id) FROM events)")" t
netra db copy --to "${OWNER}$DB1" >"$T_TMP/out" 2>&1
expect "a second copy into the same database exits 1" "$?" 1
grep -q "sudah berisi data" "$T_TMP/out" && ok "the target is refused because it has rows" || fail "the target is refused because it has rows" "$(cat "$T_TMP/out")"
expect "and it is left as it was" "$(counts "$DB1")" "$SRC_COUNTS"
netra db copy --to "sqlite:$T_TMP/x.db" >/dev/null 2>&1
expect "--to must be PostgreSQL" "$?" 2

# --- on PostgreSQL ------------------------------------------------------------------
netra audit verify --db "${APP}$DB1" --json >"$T_TMP/out" 2>&1
expect "audit verify passes on PostgreSQL" "$(jq -r .intact "$T_TMP/out")" true
expect "with the same head as on SQLite" "$(jq -r .head "$T_TMP/out")" "$SRC_HEAD"
start_server --db "${APP}$DB1" --now 2026-12-07T10:00:00+08:00
post_json kustodian "/api/v1/cases/$ID/pelapor" "$OPEN"
expect "on PostgreSQL the custodian still opens the sealed identity" "$STATUS" 200
expect "and reads the same name" "$(jget .pelapor.nama)" "$NAME"
post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2029","pelapor":{"nama":"Pelapor Baru","alamat":"Sangatta"},
 "terlapor":[{"nama":"Terlapor Baru","instansi":"Dinas Pendidikan Kutai Timur","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Kepala bidang mengajak guru memilih calon tertentu di grup WhatsApp sekolah pada rapat dinas.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2026-12-03","waktu_diketahui":"2026-12-04"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/x/1"}]}'
expect "a new report is accepted on PostgreSQL" "$STATUS" 201
stop_server
expect "it took the next id" "$(pg_owner "$DB1" "SELECT count(*) FROM cases WHERE id > $(sqlite3 "$DATA/netra.db" 'SELECT max(id) FROM cases')")" 1
netra audit verify --db "${APP}$DB1" >/dev/null 2>&1
expect "the chain still verifies after new writes" "$?" 0

# --- round trip: pg_dump, pg_restore ------------------------------------------------
netra db backup "$T_TMP/pg.dump" --db "${OWNER}$DB1" --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "db backup on PostgreSQL exits 0" "$?" 0
expect "through pg_dump (custom format)" "$(head -c 5 "$T_TMP/pg.dump")" PGDMP
expect "it names the engine" "$(jq -r .engine "$T_TMP/out")" postgresql
netra db restore "$T_TMP/pg.dump" --db "${OWNER}$DB2" --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "db restore into a second database exits 0" "$?" 0
expect "every table's count equal after the round trip" "$(counts "$DB2")" "$(counts "$DB1")"
netra audit verify --db "${APP}$DB2" >/dev/null 2>&1
expect "audit verify passes on the restored database" "$?" 0
netra db restore "$T_TMP/pg.dump" --db "${OWNER}$DB2" --json >"$T_TMP/out" 2>/dev/null
expect "restoring over cases needs --force" "$(jq -r .code "$T_TMP/out")" db_not_empty
netra db restore "$T_TMP/pg.dump" --db "${OWNER}$DB2" --force >/dev/null 2>&1
expect "with --force it restores again" "$?" 0
expect "still every row" "$(counts "$DB2")" "$(counts "$DB1")"

# --- a copy that does not arrive whole is refused and leaves nothing --------------
DB3=t0611_bad_$$
pg_owner postgres "CREATE DATABASE $DB3"
netra db migrate --db "${OWNER}$DB3" >/dev/null 2>&1
pg_owner "$DB3" "CREATE FUNCTION mangle() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN NEW.name := NEW.name || '!'; RETURN NEW; END \$\$;
 CREATE TRIGGER mangle BEFORE INSERT ON witnesses FOR EACH ROW EXECUTE FUNCTION mangle()"
netra db copy --to "${OWNER}$DB3" --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "a copy whose rows arrive altered exits 1" "$?" 1
expect "it names the table whose contents differ" \
	"$(jq -r '[.tables[] | select(.same_rows | not) | .table] | join(",")' "$T_TMP/out")" witnesses
grep -q "penyalinan gagal: isi tujuan berbeda" "$T_TMP/err" && ok "and says so in Indonesian" || fail "and says so in Indonesian" "$(cat "$T_TMP/err")"
expect "nothing of it is committed" "$(pg_owner "$DB3" "SELECT (SELECT count(*) FROM cases) + (SELECT count(*) FROM events)")" 0

pg_owner postgres "DROP DATABASE $DB1" && pg_owner postgres "DROP DATABASE $DB2" && pg_owner postgres "DROP DATABASE $DB3"
finish
