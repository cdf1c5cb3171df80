# 0335 the Pemilu 2029 path at today's date, past the end of the holiday
# data (2023-2026): received Monday 7 Dec 2026 (WITA), the clocks of 2026
# exact; two weeks later (21 Dec 2026) BKN verifies and the PPK records a
# sanction, whose 14 hari kerja delivery clock reaches 2027 and is stored
# provisional.  The flag and its reason show in the API (case detail,
# public status, inbox) and in words on the officer's case page, the public
# status page and the inbox, in Indonesian and English.  When the 2027
# holidays are imported later, beside the running server, the open
# provisional clock is counted again, exactly, and the change is audited.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2026-12-07T10:00:00+08:00

post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2029",
 "pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta"},
 "terlapor":[{"nama":"Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan Kutai Timur","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Kepala bidang mengunggah foto bersama bakal calon anggota DPR dengan pose dua jari dan ajakan memilih di grup WhatsApp guru.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2026-12-03","waktu_diketahui":"2026-12-04"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/x/2029"}]}'
expect "laporan accepted on 7 Dec 2026" "$STATUS" 201
CODE=$(jget .code)
check_json "every clock of the receipt says provisional, false here" '[.deadlines[] | has("provisional")] | all'

as pengawas_kutim GET "/api/v1/cases?q=$CODE"
ID=$(jget '.items[0].id')
step() { post_json "$1" "/api/v1/cases/$ID/transitions" "{\"action\":\"$2\"${3:-}}"; }

step pengawas_kutim mulai_kajian_awal
expect "kajian awal started" "$(jget .state)" kajian_awal
step pengawas_kutim registrasi
expect "registered" "$(jget .state)" diregistrasi
step pengawas_kutim mulai_klarifikasi
step pengawas_kutim perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
check_json "extension: 14 hari kerja from 7 Dec skip Natal 2026, due 29 Dec, exact" '.deadlines_started[0].due == "2026-12-29" and .deadlines_started[0].provisional == false'
step pengawas_kutim mulai_kajian
expect "kajian" "$(jget .state)" kajian
as pengawas_kutim GET "/api/v1/cases/$ID"
TRACK=$(jget '.tracks[0].id')
step pengawas_kutim rekomendasikan ",\"track_id\":$TRACK"
expect "recommendation forwarded" "$(jget .state)" rekomendasi_diteruskan
stop_server

# two weeks later
start_server --now 2026-12-21T09:00:00+08:00
step analis_bkn mulai_verifikasi ",\"track_id\":$TRACK"
expect "21 Dec 2026: BKN starts verification" "$(jget .state)" verifikasi
step analis_bkn rekomendasi_ke_ppk ",\"track_id\":$TRACK"
expect "recommendation to the PPK" "$(jget .state)" rekomendasi_ppk
step ppk_kutim catat_sanksi ",\"track_id\":$TRACK,\"sk_number\":\"800/9/2026\",\"sk_date\":\"2026-12-21\",\"form\":\"teguran tertulis\",\"sanction_level\":\"ringan\""
expect "21 Dec 2026: the PPK records the sanction" "$(jget .state)" sanksi_dijatuhkan
check_json "delivery clock: 14 hari kerja from 21 Dec 2026 reach 12 Jan 2027, provisional" '.deadlines_started[0].rule == "ppk.penyampaian_keputusan" and .deadlines_started[0].due == "2027-01-12" and .deadlines_started[0].provisional == true'
check_json "its reason names 2027" '.deadlines_started[0].provisional_reason == "data hari libur 2027 belum dimuat; dihitung tanpa libur nasional"'

as pengawas_kutim GET "/api/v1/cases/$ID"
check_json "case detail: the stored clock is provisional with its reason" '[.deadlines[] | select(.rule == "ppk.penyampaian_keputusan")][0] | .provisional == true and (.provisional_reason | test("2027 belum dimuat")) and .due_on == "2027-01-12"'
check_json "case detail: the exact clocks say provisional false, without a reason" '[.deadlines[] | select(.rule == "pemilu.tindak_lanjut_diperpanjang")][0] | .provisional == false and (has("provisional_reason") | not)'
check_json "case detail: the explanation says it" '[.deadlines[] | select(.rule == "ppk.penyampaian_keputusan")][0].explanation.explanation | test("Perkiraan: data hari libur 2027")'

as pengawas_kutim GET "/api/v1/cases?q=$CODE"
check_json "inbox: the next due date is the provisional one" '.items[0].next_due == "2027-01-12" and .items[0].next_due_provisional == true'

# the officer's pages, in words
curl -s -o /dev/null -c "$T_TMP/jar" -X POST "$BASE/masuk" \
	--data "username=pengawas_kutim&password=sandi-uji-pengawas_kutim-2024&next=/kantor"
check_status "the case page" 200 GET "/kantor/kasus/$ID" -b "$T_TMP/jar"
check_body "says perkiraan in words" "perkiraan: data hari libur 2027 belum dimuat"
check_status "the case page in English" 200 GET "/kantor/kasus/$ID?lang=en" -b "$T_TMP/jar"
check_body "says provisional in words" "provisional: holiday data for 2027 not loaded"
check_status "the printable case file" 200 GET "/kantor/kasus/$ID/cetak" -b "$T_TMP/jar"
check_body "says perkiraan too" "perkiraan: data hari libur 2027 belum dimuat"
check_status "the inbox" 200 GET "/kantor?q=$CODE" -b "$T_TMP/jar"
check_body "marks the provisional due date" "perkiraan: data hari libur belum dimuat"

# a report known on 21 Dec 2026: its filing limit (7 hari kerja) reaches
# 1 Jan 2027, a case-level clock that the public status shows
post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2029",
 "pelapor":{"nama":"Rudi Hartono","alamat":"Sangatta"},
 "terlapor":[{"nama":"Lurah C","status":"PNS"}],
 "peristiwa":{"uraian":"Lurah mengajak warga memilih bakal calon tertentu dalam rapat desa.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2026-12-21","waktu_diketahui":"2026-12-21"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/x/2030"}]}'
expect "a report received 21 Dec 2026" "$STATUS" 201
CODE2=$(jget .code)
check_json "its filing limit is met, provisional" '[.deadlines[] | select(.rule == "pemilu.laporan")][0] | .due == "2027-01-01" and .status == "met" and .provisional == true'
check_status "the receipt page" 200 GET "/status/$CODE2"
check_status "public status API" 200 GET "/api/v1/status/$CODE2"
check_json "public status: the flag, the reason and the years" '[.deadlines[] | select(.rule == "pemilu.laporan")][0] | .provisional == true and .provisional_years == [2027] and (.provisional_reason | test("2027"))'
if grep -q "Rudi\|Lurah C" "$T_TMP/body"; then fail "status shows no personal data"; else ok "status shows no personal data"; fi
check_status "public status page" 200 GET "/status/$CODE2"
check_body "the public status page says it in words" "perkiraan: data hari libur 2027 belum dimuat"
check_status "public status page in English" 200 GET "/status/$CODE2?lang=en"
check_body "in English too" "provisional: holiday data for 2027 not loaded"

as auditor_prov GET /api/v1/audit/verify
check_json "audit chain intact" '.intact == true'

# the 2027 holidays are loaded later (test rows, not the real SKB), while the
# server runs: the open provisional clock is counted again, exactly, its
# new due date skips the loaded holiday, and the change is audited
printf 'date,kind,name,basis,source_url\n2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,SKB uji 2027,https://example.go.id/2027\n2027-01-05,cuti_bersama,Cuti Bersama Uji,SKB uji 2027,https://example.go.id/2027\n' >"$T_TMP/y2027.csv"
netra calendar holiday import "$T_TMP/y2027.csv" >"$T_TMP/o" 2>&1 && ok "2027 is imported beside the running server" || fail "2027 import" "$(cat "$T_TMP/o")"
as pengawas_kutim GET "/api/v1/cases/$ID"
check_json "the delivery clock is exact now, two days later (1 Jan 2027 a Friday holiday, 5 Jan a cuti bersama)" '[.deadlines[] | select(.rule == "ppk.penyampaian_keputusan")][0] | .provisional == false and (has("provisional_reason") | not) and .due_on == "2027-01-14"'
N=$(db_sql "SELECT data FROM events WHERE kind = 'tenggat_dihitung_ulang' AND case_id = $ID" |
	jq -s '[.[] | select(.old_due == "2027-01-12" and .new_due == "2027-01-14" and .old_provisional == true and .new_provisional == false)] | length')
[ "$N" -eq 1 ] && ok "the recomputation is audited (old and new due date, provisional before, exact after)" || fail "recomputation audited" "$N"
check_json "the filing limit met long ago stays as it was" '[.deadlines[] | select(.rule == "pemilu.laporan")] | all(.status == "met")'
as auditor_prov GET /api/v1/audit/verify
check_json "audit chain intact after the recomputation" '.intact == true'
stop_server
finish
