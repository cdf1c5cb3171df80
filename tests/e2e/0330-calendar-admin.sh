# 0330 admins maintain the calendar without a release: `netra calendar
# holiday add|import|list|remove` and `election add` on the database, each
# change in the audit chain; a running server sees a change made by the CLI
# without a restart; an open deadline is recomputed (and audited) when a
# holiday inside its span is added; the admin page's forms (add, CSV upload,
# remove, election JSON) with CSRF and Indonesian errors; the 90-day warning
# in `netra db status` and on the officers' pages.
. tests/e2e/lib.sh

setup_kaltim
netra office add bawaslu-ri --name "Bawaslu Republik Indonesia" --kind bawaslu --level ri --tz WIB >/dev/null
printf 'sandi-uji-admin_ri-2024\n' | netra user add admin_ri --role admin --office bawaslu-ri \
	--name "Admin Pusat" --password-stdin >/dev/null
netra token create admin_ri --name e2e | tail -n 1 | awk '{print $NF}' >"$T_TMP/tok_admin_ri"

# --- the CLI -----------------------------------------------------------------------------
out=$(netra calendar holiday add 2026-12-28 --kind cuti_bersama --name "Cuti Bersama Uji" \
	--basis "SKB uji 1/2026" --source https://example.go.id/skb 2>&1)
case "$out" in *"#1 ditambahkan"*) ok "holiday add prints the new row" ;; *) fail "holiday add prints the new row" "$out" ;; esac
out=$(netra calendar 2026-12-28 2>&1)
case "$out" in *"bukan hari kerja: cuti bersama: Uji"*) ok "the day is no longer a working day" ;; *) fail "the day is no longer a working day" "$out" ;; esac
if netra calendar holiday add 2026-12-29 --kind libur --name "" --basis x >"$T_TMP/o" 2>&1; then
	fail "an empty name is refused"
else
	grep -q "kolom name (nama hari libur) kosong" "$T_TMP/o" && ok "an empty name is refused in Indonesian" || fail "an empty name is refused in Indonesian" "$(cat "$T_TMP/o")"
fi
if netra calendar holiday add 2026-12-29 --kind liburan --name X --basis x >"$T_TMP/o" 2>&1; then
	fail "an unknown kind is refused"
else
	grep -q "pilih libur, cuti_bersama atau pemungutan" "$T_TMP/o" && ok "an unknown kind is refused" || fail "an unknown kind is refused" "$(cat "$T_TMP/o")"
fi
if netra calendar holiday add 2029-02-14 --kind pemungutan --name "Pemungutan Suara Pemilu 2029" --basis "Keppres uji" >"$T_TMP/o" 2>&1; then
	fail "one day in a year without data is refused"
else
	grep -q "data hari libur tahun 2029 belum dimuat" "$T_TMP/o" && ok "one day in a year without data is refused" || fail "one day in a year without data is refused" "$(cat "$T_TMP/o")"
fi
printf 'date,kind,name,basis,source_url\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB uji 2027,https://example.go.id/2027\n2027-13-01,libur_nasional,X,SKB,https://example.go.id/x\n' >"$T_TMP/bad.csv"
if netra calendar holiday import "$T_TMP/bad.csv" >"$T_TMP/o" 2>&1; then
	fail "a CSV with a bad line is refused"
else
	grep -q "bad.csv:3: tanggal \"2027-13-01\" tidak sah" "$T_TMP/o" && ok "import names file:line" || fail "import names file:line" "$(cat "$T_TMP/o")"
fi
netra calendar holiday list --year 2027 --json >"$T_TMP/body"
expect "nothing of the bad file was stored" "$(jq length "$T_TMP/body")" 0
printf 'date,kind,name,basis,source_url\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB uji 2027,https://example.go.id/2027\n2027-12-25,libur_nasional,Kelahiran Yesus Kristus,SKB uji 2027,https://example.go.id/2027\n' >"$T_TMP/good.csv"
netra calendar holiday import "$T_TMP/good.csv" >"$T_TMP/o" 2>&1 && ok "a good CSV imports" || fail "a good CSV imports" "$(cat "$T_TMP/o")"
netra deadline ppk.penyampaian_keputusan 2026-12-14 >"$T_TMP/o" 2>&1 && grep -q "jatuh tempo  : Kamis, 7 Januari 2027" "$T_TMP/o" && ok "netra deadline counts into the imported year and skips the admin cuti bersama" || fail "netra deadline counts into the imported year" "$(cat "$T_TMP/o")"
netra calendar holiday list --year 2027 --json >"$T_TMP/body"
check_json "list shows the imported rows as admin rows" 'length == 2 and all(.[]; .origin == "admin") and .[0].date == "2027-01-01"'
netra calendar holiday list --year 2026 --json >"$T_TMP/body"
check_json "list shows data rows and the admin row" '(map(select(.origin == "data")) | length) > 10 and (map(select(.origin == "admin" and .id == 1)) | length) == 1'
netra calendar holiday remove 1 >"$T_TMP/o" 2>&1 && ok "remove an admin row" || fail "remove an admin row" "$(cat "$T_TMP/o")"
out=$(netra calendar 2026-12-28 2>&1)
case "$out" in *"hari kerja"*) case "$out" in *"bukan"*) fail "removed holiday is a working day again" "$out" ;; *) ok "removed holiday is a working day again" ;; esac ;; *) fail "removed holiday is a working day again" "$out" ;; esac
if netra calendar holiday remove 1 >"$T_TMP/o" 2>&1; then fail "removing twice is refused"; else ok "removing twice is refused"; fi
cat >"$T_TMP/pilkada_psu2031.json" <<'J'
{"id": "pilkada_psu2031", "kind": "psu", "follows": "pilkada", "name": "PSU Pilkada uji 2031",
 "basis": "uji", "note": "Tanggal belum ditetapkan."}
J
netra calendar election add "$T_TMP/pilkada_psu2031.json" >"$T_TMP/o" 2>&1 && ok "election add (psu, dates not fixed)" || fail "election add" "$(cat "$T_TMP/o")"
netra calendar --json >"$T_TMP/body"
check_json "the election is listed with its kind, clocks and origin" 'map(select(.id == "pilkada_psu2031"))[0] | .kind == "psu" and .follows == "pilkada" and .origin == "admin"'
printf '{"id": "psu_x", "kind": "psu", "name": "X", "basis": "x", "note": "n"}' >"$T_TMP/psu_x.json"
if netra calendar election add "$T_TMP/psu_x.json" >"$T_TMP/o" 2>&1; then fail "psu without follows is refused"; else
	grep -q 'memerlukan "follows"' "$T_TMP/o" && ok "psu without follows is refused" || fail "psu without follows is refused" "$(cat "$T_TMP/o")"
fi
netra audit verify >"$T_TMP/o" 2>&1 && ok "audit chain intact after CLI changes" || fail "audit chain intact" "$(cat "$T_TMP/o")"
db_sql "SELECT kind FROM events WHERE kind LIKE 'hari_libur%' OR kind = 'pemilihan_ditambah' ORDER BY id" >"$T_TMP/kinds"
expect "each change is an audit event" "$(tr '\n' ' ' <"$T_TMP/kinds")" "hari_libur_ditambah hari_libur_diimpor hari_libur_dihapus pemilihan_ditambah "

# --- the 90-day warning --------------------------------------------------------------------
mkdir -p "$T_TMP/fresh"
FRESH_DB= # a database without the admin rows above: a new file, or a new PostgreSQL database
[ -n "$T_DBNAME" ] && FRESH_DB=$(sh tests/pg/newdb.sh "${T_DBNAME}_fresh")
"$NETRA_BIN" db migrate --data "$T_TMP/fresh" ${FRESH_DB:+--db "$FRESH_DB"} --log-level error >/dev/null
"$NETRA_BIN" db status --data "$T_TMP/fresh" ${FRESH_DB:+--db "$FRESH_DB"} --now 2026-12-07T09:00:00+07:00 --log-level error >"$T_TMP/o"
grep -q "Data hari libur berakhir 31 Desember 2026; muat data 2027 (SKB hari libur nasional dan cuti bersama) sebelum tanggal itu" "$T_TMP/o" && ok "db status warns on 2026-12-07" || fail "db status warns on 2026-12-07" "$(cat "$T_TMP/o")"
"$NETRA_BIN" db status --data "$T_TMP/fresh" ${FRESH_DB:+--db "$FRESH_DB"} --now 2026-06-01T09:00:00+07:00 --log-level error >"$T_TMP/o"
grep -q "PERINGATAN" "$T_TMP/o" && fail "no warning on 2026-06-01" "$(cat "$T_TMP/o")" || ok "no warning on 2026-06-01"
"$NETRA_BIN" db status --data "$T_TMP/fresh" ${FRESH_DB:+--db "$FRESH_DB"} --now 2026-12-07T09:00:00+07:00 --json --log-level error >"$T_TMP/body"
check_json "db status --json carries the end and the warning" '.holiday_data_end == "2026-12-31" and .holiday_data_warning == true and .holiday_data_days_left == 24'

# --- the server: changes without a restart ----------------------------------------------------
start_server --now 2026-12-14T10:00:00+08:00

# a deadline counted in working days across the end of the year
post_json - /api/v1/deadlines '{"rule": "ppk.penyampaian_keputusan", "start": "2026-12-14"}'
BEFORE=$(jget .due)
expect "a working-day deadline in December 2026" "$STATUS" 200

# an open case deadline: a report received on Monday 14 Dec 2026
kutim_laporan 2026-12-11 2026-12-12
expect "laporan accepted in December 2026" "$STATUS" 201
step() { post_json pengawas_kutim "/api/v1/cases/$ID/transitions" "{\"action\":\"$1\"${2:-}}"; }
step mulai_kajian_awal
step registrasi
step mulai_klarifikasi
step perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
check_json "an extension in working days (14 hari kerja)" '.deadlines_started[0].rule == "pemilu.tindak_lanjut_diperpanjang"'
as pengawas_kutim GET "/api/v1/cases/$ID"
jq '[.deadlines[] | select(.status == "open")]' "$T_TMP/body" >"$T_TMP/open_before.json"
OPEN_N=$(jq length "$T_TMP/open_before.json")
[ "$OPEN_N" -gt 0 ] && ok "the case has open deadlines" || fail "the case has open deadlines" "$(head -c 600 "$T_TMP/body")"

# a holiday added by the CLI while the server runs, on a working day inside the spans
netra calendar holiday add 2026-12-15 --kind libur --name "Libur Uji Nasional" --basis "Keppres uji 1/2026" >"$T_TMP/o" 2>&1 && ok "CLI adds a holiday beside the running server" || fail "CLI adds a holiday" "$(cat "$T_TMP/o")"
grep -q "bergeser" "$T_TMP/o" && ok "the CLI reports recomputed deadlines" || fail "the CLI reports recomputed deadlines" "$(cat "$T_TMP/o")"
as pengawas_kutim GET "/api/v1/cases/$ID"
jq '[.deadlines[] | select(.status == "open")]' "$T_TMP/body" >"$T_TMP/open_after.json"
if [ "$(jq -r '[.[].due_on] | join(",")' "$T_TMP/open_before.json")" != "$(jq -r '[.[].due_on] | join(",")' "$T_TMP/open_after.json")" ]; then
	ok "an open deadline moved with the new holiday"
else
	fail "an open deadline moved with the new holiday" "$(cat "$T_TMP/open_before.json")" "$(cat "$T_TMP/open_after.json")"
fi
N=$(db_sql "SELECT data FROM events WHERE kind = 'tenggat_dihitung_ulang' AND case_id = $ID" |
	jq -s '[.[] | select(.old_due != .new_due and (.why | contains("2026-12-15")))] | length')
[ "$N" -gt 0 ] && ok "each moved deadline is audited with old due, new due and why" || fail "moved deadlines audited" "$N"

# the server notices within a few seconds, without a restart
i=0
while [ $i -lt 40 ]; do
	post_json - /api/v1/deadlines '{"rule": "ppk.penyampaian_keputusan", "start": "2026-12-14"}'
	[ "$(jget .due)" != "$BEFORE" ] && break
	sleep 0.25
	i=$((i + 1))
done
AFTER=$(jget .due)
[ "$AFTER" != "$BEFORE" ] && ok "the running server computes with the new holiday ($BEFORE -> $AFTER)" || fail "the running server sees the CLI change" "$BEFORE $AFTER"
check_json "the new holiday is named among the skipped days" '.skipped | map(.reason) | any(test("Libur Uji Nasional"))'

# --- the API -------------------------------------------------------------------------------------
check_status "GET holidays is public" 200 GET "/api/v1/calendar/holidays?year=2026"
check_json "with origin, basis and the admin row" 'any(.holidays[]; .origin == "admin" and .name == "Libur Uji Nasional") and any(.holidays[]; .origin == "data") and .coverage.first == "2023-01-01"'
post_json admin /api/v1/calendar/holidays '{"date":"2026-12-30","kind":"libur","name":"X","basis":"Y"}'
expect "a provincial admin may not add by API" "$STATUS" 403
post_json admin_ri /api/v1/calendar/holidays '{"date":"2026-12-30","kind":"libur","name":"","basis":"Y"}'
expect "a bad holiday is 400" "$STATUS" 400
check_json "with a stable code and Indonesian text" '.code == "invalid_holiday" and (.detail | test("kosong"))'
post_json admin_ri /api/v1/calendar/holidays '{"date":"2026-12-30","kind":"pemungutan","name":"Pemungutan Uji","basis":"Keppres uji","source_url":"https://example.go.id/k"}'
expect "a national admin adds by API" "$STATUS" 201
APIID=$(jget .id)
post_json admin_ri /api/v1/calendar/holidays '{"date":"2026-12-30","kind":"pemungutan","name":"Pemungutan Uji","basis":"Keppres uji","source_url":"https://example.go.id/k"}'
expect "the same row twice is 409" "$STATUS" 409
check_json "code duplicate_holiday" '.code == "duplicate_holiday"'
check_status "GET shows it at once" 200 GET "/api/v1/calendar/holidays?year=2026"
check_json "as libur_pemilu" 'any(.holidays[]; .date == "2026-12-30" and .kind == "libur_pemilu" and .id == '"$APIID"')'
as admin_ri DELETE "/api/v1/calendar/holidays/$APIID"
expect "DELETE removes it" "$STATUS" 200
as admin_ri DELETE "/api/v1/calendar/holidays/$APIID"
expect "DELETE twice is 404" "$STATUS" 404
check_json "code unknown_holiday" '.code == "unknown_holiday"'

# --- the admin page ------------------------------------------------------------------------------
session admin_ri
page admin_ri GET "/kantor/admin/kalender?tahun=2026"
expect "admin page renders" "$STATUS" 200
check_body "lists the holidays with origin" "Libur Uji Nasional"
if grep -q "Data hari libur berakhir" "$T_TMP/body"; then fail "no warning while 2027 is loaded"; else ok "no warning while 2027 is loaded"; fi
form admin_ri /kantor/admin/kalender/libur "date=2026-12-30&kind=cuti_bersama&name=Cuti+Bersama+Halaman&basis=SKB+uji+halaman&source="
expect "add by form redirects" "$STATUS" 303
page admin_ri GET "/kantor/kalender?tahun=2026"
check_body "the officers' calendar shows it at once" "Cuti Bersama Halaman"
form admin_ri /kantor/admin/kalender/libur "date=2026-12-31&kind=cuti_bersama&name=&basis=x"
expect "a bad form answers 400" "$STATUS" 400
check_body "with an Indonesian error" "kolom name \(nama hari libur\) kosong"
page admin_ri POST /kantor/admin/kalender/libur --data "date=2026-12-31&kind=cuti_bersama&name=X&basis=x"
expect "a form without CSRF is refused" "$STATUS" 403
printf 'date,kind,name,basis,source_url\n2028-01-01,libur_nasional,Tahun Baru 2028 Masehi,SKB uji 2028,https://example.go.id/2028\n' >"$T_TMP/up.csv"
page admin_ri POST /kantor/admin/kalender/impor -F "csrf=$(cat "$T_TMP/csrf_admin_ri")" -F "file=@$T_TMP/up.csv;type=text/csv"
expect "CSV upload redirects" "$STATUS" 303
printf 'date,kind,name,basis,source_url\n2028-02-30,libur_nasional,X,SKB,https://example.go.id/x\n' >"$T_TMP/up_bad.csv"
page admin_ri POST /kantor/admin/kalender/impor -F "csrf=$(cat "$T_TMP/csrf_admin_ri")" -F "file=@$T_TMP/up_bad.csv;type=text/csv"
expect "a bad upload answers 400" "$STATUS" 400
check_body "naming file:line" "up_bad.csv:2: tanggal"
HID=$(db_sql "SELECT id FROM calendar_holidays WHERE name = 'Cuti Bersama Halaman'")
form admin_ri "/kantor/admin/kalender/libur/$HID/hapus" ""
expect "remove by form redirects" "$STATUS" 303
page admin_ri GET "/kantor/kalender?tahun=2026"
if grep -q "Cuti Bersama Halaman" "$T_TMP/body"; then fail "removed holiday gone from the calendar"; else ok "removed holiday gone from the calendar"; fi
page admin_ri POST /kantor/admin/kalender/pemilihan -F "csrf=$(cat "$T_TMP/csrf_admin_ri")" \
	-F 'json={"id": "pemilihan_ulang_uji", "kind": "pemilihan_ulang", "follows": "pilkada", "name": "Pemilihan Ulang Uji", "basis": "uji", "note": "Tanggal belum ditetapkan."}'
expect "election JSON by form redirects" "$STATUS" 303
page admin_ri GET "/kantor/kalender"
check_body "the calendar page lists the new election" "Pemilihan Ulang Uji"
session admin
page admin GET /kantor/admin/kalender
expect "a provincial admin may not change national holidays" "$STATUS" 403
netra audit verify >"$T_TMP/o" 2>&1 && ok "audit chain intact after page changes" || fail "audit chain intact after page changes" "$(cat "$T_TMP/o")"
stop_server

# without the 2027 rows the data ends on 31 Dec 2026: the warning shows on 2026-12-07
for id in $(db_sql "SELECT id FROM calendar_holidays WHERE date LIKE '2027-%' AND removed_at IS NULL"); do
	netra calendar holiday remove "$id" >/dev/null 2>&1
done
start_server --now 2026-12-07T10:00:00+08:00
session admin_ri
page admin_ri GET "/kantor/admin/kalender"
check_body "the admin page warns on 2026-12-07" "Data hari libur berakhir <time datetime=\"2026-12-31\">31 Desember 2026</time>; muat data 2027"
session pengawas_prov
page pengawas_prov GET "/kantor/dasbor"
check_body "the officers' dashboard warns too" "Data hari libur berakhir"
page pengawas_prov GET "/kantor/dasbor?lang=en"
stop_server
start_server --now 2026-06-01T10:00:00+08:00
session admin_ri
page admin_ri GET "/kantor/admin/kalender"
if grep -q "Data hari libur berakhir" "$T_TMP/body"; then fail "no page warning on 2026-06-01 (2027 loaded)"; else ok "no page warning on 2026-06-01"; fi
finish
