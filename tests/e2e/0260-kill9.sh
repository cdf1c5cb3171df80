# 0260 nothing acknowledged is lost: reports are posted concurrently, the
# server is killed with SIGKILL in the middle, restarted, and every code that
# got a 201 must be there.  KILL_RUNS (default 3) repeats it.
. tests/e2e/lib.sh

setup_kaltim
RUNS=${KILL_RUNS:-3}
BODY='{"pemilihan":"pemilu2024","pelapor":{"nama":"P","alamat":"a"},"terlapor":[{"nama":"T","status":"PNS"}],
"peristiwa":{"uraian":"uraian","kode_wilayah":"64.08","waktu_kejadian":"2024-02-07"},"bukti":[{"jenis":"tautan","url":"https://x.id"}]}'
echo "$BODY" >"$T_TMP/body.json"
total=0
for run in $(seq 1 "$RUNS"); do
	NETRA_INTAKE_RATE_PER_MIN=0 start_server --now 2024-02-09T10:00:00+08:00
	: >"$T_TMP/acked"
	for w in 1 2 3 4 5 6 7 8; do
		(
			while :; do
				out=$(curl -s -m 5 -w '\n%{http_code}' -H 'Content-Type: application/json' \
					--data-binary "@$T_TMP/body.json" "$BASE/api/v1/reports") || exit 0
				code=$(echo "$out" | tail -n 1)
				[ "$code" = 201 ] && echo "$out" | head -n 1 | jq -r .code >>"$T_TMP/acked"
			done
		) &
	done
	sleep 1.5
	kill -9 "$SERVER_PID"
	wait "$SERVER_PID" 2>/dev/null
	SERVER_PID=
	sleep 0.3
	kill $(jobs -p) 2>/dev/null
	wait 2>/dev/null
	n=$(wc -l <"$T_TMP/acked")
	total=$((total + n))
	missing=0
	for c in $(cat "$T_TMP/acked"); do
		[ "$(db_sql "SELECT count(*) FROM cases WHERE code = '$c'")" = 1 ] || missing=$((missing + 1))
	done
	expect "run $run: all $n acknowledged reports survive SIGKILL" "$missing" 0
done
[ "$total" -gt 0 ] && ok "reports were acknowledged during the runs ($total)" || fail "reports were acknowledged"
start_server
check_status "the server restarts on the killed database" 200 GET /healthz
if netra db status >/dev/null 2>&1; then ok "integrity_check after the kills"; else fail "integrity_check after the kills"; fi
stop_server
finish
