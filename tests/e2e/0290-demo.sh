# 0290 netra demo (what `make run` loads): offices, users with one-time
# passwords, the sealing key, cases in many states, a few merged duplicates,
# an intact audit chain; a second run with --if-empty changes nothing; a
# demo user can sign in and sees only their region.
. tests/e2e/lib.sh

"$NETRA_BIN" demo --data "$DATA" --cases 80 --log-level warn >"$T_TMP/demo.out" 2>&1
expect "demo exits 0" "$?" 0
grep -q "netra demo: .* 0 gagal" "$T_TMP/demo.out" && ok "no failed steps" || fail "no failed steps" "$(tail -5 "$T_TMP/demo.out")"
states=$(db_sql "SELECT count(DISTINCT state) FROM cases")
[ "$states" -ge 6 ] && ok "cases in $states states" || fail "cases in many states ($states)"
tstates=$(db_sql "SELECT count(DISTINCT state) FROM tracks")
[ "$tstates" -ge 6 ] && ok "tracks in $tstates states" || fail "tracks in many states ($tstates)"
merged=$(db_sql "SELECT count(*) FROM cases WHERE merged_into IS NOT NULL")
[ "$merged" -ge 1 ] && ok "merged duplicates ($merged)" || fail "merged duplicates"
sealed=$(db_sql "SELECT count(*) FROM cases WHERE pelapor_sealed IS NOT NULL")
[ "$sealed" -ge 1 ] && ok "identities sealed ($sealed)" || fail "identities sealed"
netra audit verify >/dev/null && ok "audit chain intact" || fail "audit chain intact"
PASS=$(awk '$1 == "pengawas_08" {print $4}' "$T_TMP/demo.out")
[ -n "$PASS" ] && ok "a one-time password is printed" || fail "a one-time password is printed"
before=$(db_sql "SELECT count(*) FROM cases")
"$NETRA_BIN" demo --data "$DATA" --if-empty --log-level warn | grep -q "sudah ada" && ok "--if-empty leaves existing data alone" || fail "--if-empty leaves existing data alone"
expect "no cases added by the second run" "$(db_sql "SELECT count(*) FROM cases")" "$before"

start_server
req POST /api/v1/session -H 'Content-Type: application/json' --data-binary "{\"username\":\"pengawas_08\",\"password\":\"$PASS\"}" -c "$T_TMP/jar"
expect "a demo user signs in" "$STATUS" 201
req GET "/api/v1/cases?limit=500" -b "$T_TMP/jar"
check_json "Kutai Timur's pengawas sees only Kutai Timur" '[.items[].region_code | startswith("64.08")] | all'
stop_server
finish
