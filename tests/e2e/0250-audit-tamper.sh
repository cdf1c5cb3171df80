# 0250 the audit chain detects an altered, a removed and a reordered entry,
# and says where, even when the attacker first switches off the triggers
# that keep the table append-only (the owner's rights); with them on, the
# table refuses changes.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00
for i in 1 2 3; do
	post_json - /api/v1/reports "{\"pemilihan\":\"pemilu2024\",\"pelapor\":{\"nama\":\"P$i\",\"alamat\":\"a\"},
	 \"terlapor\":[{\"nama\":\"T$i\",\"status\":\"PNS\"}],\"peristiwa\":{\"uraian\":\"u $i\",\"kode_wilayah\":\"64.08\",\"waktu_kejadian\":\"2024-02-07\"},
	 \"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://x.id/$i\"}]}"
	as pengawas_kutim GET "/api/v1/cases?q=$(jget .code)"
	post_json pengawas_kutim "/api/v1/cases/$(jget '.items[0].id')/transitions" '{"action":"mulai_kajian_awal"}'
done
stop_server

if netra audit verify >"$T_TMP/out"; then ok "intact chain verifies"; else fail "intact chain verifies" "$(cat "$T_TMP/out")"; fi
N=$(db_sql "SELECT count(*) FROM events")
[ "$N" -ge 6 ] && ok "$N events recorded" || fail "events recorded ($N)"

# The attacker has the owner's rights (the file on SQLite, the owner role on
# PostgreSQL): switching the append-only triggers off is the first step.
if [ -n "$T_DBNAME" ]; then
	UNGUARD="ALTER TABLE events DISABLE TRIGGER events_append_only_update;
		ALTER TABLE events DISABLE TRIGGER events_append_only_delete;"
else
	UNGUARD="DROP TRIGGER events_append_only_update; DROP TRIGGER events_append_only_delete;"
fi
db_save clean
tamper() { # tamper NAME SQL WANT-ID
	db_load clean
	db_sql "$UNGUARD $2" >/dev/null
	if netra audit verify --json >"$T_TMP/out"; then
		fail "$1 is detected" "$(cat "$T_TMP/out")"
	else
		got=$(jq -r .first_bad_id "$T_TMP/out")
		expect "$1 is detected at entry $3" "$got" "$3"
	fi
}
tamper "an altered entry" "UPDATE events SET data = replace(data, 'kajian_awal', 'selesai') WHERE id = 4" 4
tamper "a removed entry" "DELETE FROM events WHERE id = 3" 3
tamper "reordered entries" "UPDATE events SET id = -2 WHERE id = 2; UPDATE events SET id = 2 WHERE id = 5; UPDATE events SET id = 5 WHERE id = -2" 2
tamper "a removed last entry with a forged successor" "DELETE FROM events WHERE id = $N; INSERT INTO events SELECT $N, at, case_id, track_id, user_id, actor, kind, data, prev_hash, hash FROM events WHERE id = 1" "$N"

db_load clean
db_sql "UPDATE events SET data = '{}' WHERE id = 1" 2>"$T_TMP/err" && fail "the table refuses updates" || ok "the table refuses updates"
db_sql "DELETE FROM events WHERE id = 1" 2>"$T_TMP/err" && fail "the table refuses deletes" || ok "the table refuses deletes"
if [ -n "$T_DBNAME" ]; then
	db_sql "TRUNCATE events" 2>"$T_TMP/err" && fail "the table refuses TRUNCATE" || ok "the table refuses TRUNCATE"
	psql -X -q -v ON_ERROR_STOP=1 "${NETRA_PG_OWNER_URL}postgres" -c "DROP DATABASE ${T_DBNAME}_clean"
fi
netra audit verify >"$T_TMP/out" && ok "the untouched copy still verifies" || fail "the untouched copy still verifies" "$(cat "$T_TMP/out")"
finish
