# 0336 a clock started by the server between a calendar change made by the
# CLI and the server loading that change: it was counted on the old
# calendar, so once the server publishes the new one it recounts every
# deadline started since the change (ids above the change's deadlines_upto)
# and audits the move.  The check interval is set long
# (NETRA_CALENDAR_REFRESH) so the window is certain, and SIGHUP loads the
# change at once.  On PostgreSQL the change is announced to the server, so
# the window closes by itself; that is checked instead.
. tests/e2e/lib.sh

setup_kaltim
NETRA_CALENDAR_REFRESH=3600 start_server --now 2026-12-14T10:00:00+08:00

kutim_laporan 2026-12-11 2026-12-12
expect "laporan accepted on 14 Dec 2026" "$STATUS" 201
step() { post_json pengawas_kutim "/api/v1/cases/$ID/transitions" "{\"action\":\"$1\"${2:-}}"; }
step mulai_kajian_awal
step registrasi
step mulai_klarifikasi
expect "in clarification" "$(jget .state)" klarifikasi

# the CLI adds a holiday inside the coming extension's span
netra calendar holiday add 2026-12-30 --kind libur --name "Libur Uji Nasional" --basis "Keppres uji 2/2026" >"$T_TMP/o" 2>&1 &&
	ok "the CLI adds 30 Dec 2026 beside the running server" || fail "CLI holiday add" "$(cat "$T_TMP/o")"

if [ "${NETRA_TEST_PG:-0}" = 1 ]; then
	# PostgreSQL: the CLI's change is announced (LISTEN/NOTIFY) and the
	# server loads it at once, so there is no window: the extension is
	# counted on the new calendar from the start and nothing is recounted
	i=0
	until grep -q "calendar: reloaded" "$T_TMP/server.log" || [ $i -gt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	step perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
	check_json "the announced change is in force at once (due 6 Jan 2027)" '.deadlines_started[0].rule == "pemilu.tindak_lanjut_diperpanjang" and .deadlines_started[0].due == "2027-01-06"'
	N=$(db_sql "SELECT count(*) FROM events WHERE kind = 'tenggat_dihitung_ulang' AND case_id = $ID")
	expect "nothing needed a recount" "$N" 0
	as auditor_prov GET /api/v1/audit/verify
	check_json "audit chain intact" '.intact == true'
	stop_server
	finish
fi

# the server has not loaded it yet: the extension is counted without it
step perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
check_json "the extension is counted on the calendar in force (due 5 Jan 2027)" '.deadlines_started[0].rule == "pemilu.tindak_lanjut_diperpanjang" and .deadlines_started[0].due == "2027-01-05"'

# SIGHUP: the server loads the change and recounts what it started meanwhile
kill -HUP "$SERVER_PID"
i=0
due=
while [ $i -lt 50 ]; do
	as pengawas_kutim GET "/api/v1/cases/$ID"
	due=$(jget '[.deadlines[] | select(.rule == "pemilu.tindak_lanjut_diperpanjang")][0].due_on')
	[ "$due" = "2027-01-06" ] && break
	sleep 0.1
	i=$((i + 1))
done
expect "after the reload the extension skips the new holiday" "$due" "2027-01-06"
N=$(db_sql "SELECT data FROM events WHERE kind = 'tenggat_dihitung_ulang' AND case_id = $ID" |
	jq -s '[.[] | select(.old_due == "2027-01-05" and .new_due == "2027-01-06" and (.why | contains("diterbitkan")))] | length')
expect "the recount is audited once, with its reason" "$N" 1
grep -q "calendar: reloaded" "$T_TMP/server.log" && ok "the server says it reloaded" || fail "reload logged" "$(tail -5 "$T_TMP/server.log")"
as auditor_prov GET /api/v1/audit/verify
check_json "audit chain intact" '.intact == true'
stop_server
finish
