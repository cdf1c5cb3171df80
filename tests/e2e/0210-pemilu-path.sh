# 0210 the whole Pemilu 2024 path through the real server, with every
# clock checked: received 9 Feb 2024 (Friday, WITA), kajian awal,
# registration (7 hari), extension (14 hari kerja from the same start,
# skipping 14 Feb), the per-terlapor recommendation (KASN before Sept 2024),
# verification, the PPK's sanction compared with the recommendation, the
# decision delivered, the case closed; an incomplete report completed and
# registered; the audit chain intact.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00

post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2024",
 "pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta"},
 "terlapor":[{"nama":"Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan Kutai Timur","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Kepala bidang mengunggah foto bersama calon anggota DPRD dengan pose dua jari dan mengajak guru memilih calon tersebut di grup WhatsApp.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/x/1"}]}'
expect "laporan accepted" "$STATUS" 201
CODE=$(jget .code)

as pengawas_kutim GET "/api/v1/cases?q=$CODE"
expect "officer finds the case by its code" "$(jget '.items | length')" 1
ID=$(jget '.items[0].id')

step() { # step USER ACTION [extra JSON members]
	u=$1
	a=$2
	extra=${3:-}
	post_json "$u" "/api/v1/cases/$ID/transitions" "{\"action\":\"$a\"$extra}"
}

step pengawas_kutim mulai_kajian_awal
expect "kajian awal started" "$(jget .state)" kajian_awal
step pengawas_kutim registrasi
expect "registered" "$(jget .state)" diregistrasi
check_json "tindak lanjut clock: 7 hari from 9 Feb is 16 Feb" '.deadlines_started[0].rule == "pemilu.tindak_lanjut" and .deadlines_started[0].due == "2024-02-16"'
check_json "kajian awal clock closed" '.deadlines_closed | index("pemilu.kajian_awal") != null'
step pengawas_kutim mulai_klarifikasi
expect "clarification" "$(jget .state)" klarifikasi
step pengawas_kutim perpanjang
check_json "an extension needs a reason" '.code == "invalid_input" and .field == "reason"'
step pengawas_kutim perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
check_json "extended: 14 hari kerja from 9 Feb is 1 Mar 2024" '.deadlines_started[0].rule == "pemilu.tindak_lanjut_diperpanjang" and .deadlines_started[0].due == "2024-03-01"'
check_json "the extension skips the voting day" '.deadlines_started[0].skipped | map(.date) | index("2024-02-14") != null'
step pengawas_kutim mulai_kajian
expect "kajian" "$(jget .state)" kajian

as pengawas_kutim GET "/api/v1/cases/$ID"
TRACK=$(jget '.tracks[0].id')
check_json "the extended clock replaced the first one" '[.deadlines[] | select(.rule == "pemilu.tindak_lanjut")][0].status == "extended"'
check_json "the case offers the per-terlapor decisions" '.tracks[0].actions | map(.action) | index("rekomendasikan") != null'

step analis_bkn rekomendasikan ",\"track_id\":$TRACK"
expect "BKN cannot decide for Bawaslu (403)" "$STATUS" 403
step pengawas_kutim rekomendasikan ",\"track_id\":$TRACK"
expect "recommendation forwarded" "$(jget .state)" rekomendasi_diteruskan
check_json "every terlapor decided: case diputus" '.case_state == "diputus"'
as pengawas_kutim GET "/api/v1/cases/$ID"
check_json "recommendation goes to KASN before 4 Sep 2024" '.tracks[0].rec_institution == "KASN"'
check_json "the evaluator set a level" '.tracks[0].rec_level | IN("sedang", "berat", "ptdh", "moral")'
REC=$(jget '.tracks[0].rec_level')
check_json "the PPK office was found by region" '.tracks[0].ppk_office == "ppk-64.08"'

step analis_bkn mulai_verifikasi ",\"track_id\":$TRACK"
expect "verification" "$(jget .state)" verifikasi
step analis_bkn rekomendasi_ke_ppk ",\"track_id\":$TRACK"
expect "recommendation to the PPK" "$(jget .state)" rekomendasi_ppk
check_json "PPK clock: 14 hari from 9 Feb is 23 Feb" '.deadlines_started[0].rule == "ppk.tindak_lanjut" and .deadlines_started[0].due == "2024-02-23"'

step ppk_bpp catat_sanksi ",\"track_id\":$TRACK,\"sk_number\":\"800/1/2024\",\"sk_date\":\"2024-02-09\",\"form\":\"pemotongan tukin 25% 6 bulan\",\"sanction_level\":\"sedang\""
expect "another region's PPK cannot see the case (404)" "$STATUS" 404
step ppk_kutim catat_sanksi ",\"track_id\":$TRACK,\"form\":\"teguran\""
check_json "a sanction needs the SK number" '.field == "sk_number"'
step ppk_kutim catat_sanksi ",\"track_id\":$TRACK,\"sk_number\":\"800/1/2024\",\"sk_date\":\"2024-02-09\",\"form\":\"pemotongan tunjangan kinerja 25% selama 6 bulan\",\"sanction_level\":\"sedang\""
expect "sanction recorded" "$(jget .state)" sanksi_dijatuhkan
check_json "delivery clock: 14 hari kerja from 9 Feb is 1 Mar" '.deadlines_started[0].rule == "ppk.penyampaian_keputusan" and .deadlines_started[0].due == "2024-03-01"'
as ppk_kutim GET "/api/v1/cases/$ID"
case $REC in berat | ptdh) WANT=lower ;; sedang) WANT=equal ;; *) WANT=higher ;; esac
expect "imposed vs recommended ($REC)" "$(jget '.tracks[0].sanction_vs_rec')" "$WANT"
if grep -q '"witnesses"' "$T_TMP/body"; then fail "the PPK does not see the witnesses"; else ok "the PPK does not see the witnesses"; fi
step ppk_kutim keputusan_disampaikan ",\"track_id\":$TRACK"
expect "track finished" "$(jget .state)" selesai
check_json "the case is finished" '.case_state == "selesai"'
check_status "public status" 200 GET "/api/v1/status/$CODE"
check_json "public status says selesai" '.state == "selesai"'
check_json "public steps list the state changes" '[.steps[].state] | index("diregistrasi") != null'

# an incomplete report: perbaikan, completed, registered
post_json - /api/v1/reports '{"pemilihan":"pemilu2024","pelapor":{"nama":"Budi","alamat":"Sangatta"},
 "terlapor":[{"nama":"Lurah B","status":"PNS"}],"peristiwa":{"uraian":"Lurah memasang baliho calon.","kode_wilayah":"64.08","waktu_diketahui":"2024-02-08"}}'
CODE2=$(jget .code)
expect "incomplete: perlu_perbaikan" "$(jget .status)" perlu_perbaikan
as pengawas_kutim GET "/api/v1/cases?q=$CODE2"
ID=$(jget '.items[0].id')
step pengawas_kutim perbaikan_diterima
expect "completed: back to kajian awal" "$(jget .state)" kajian_awal
check_json "perbaikan clock met" '.deadlines_closed | index("pemilu.perbaikan") != null'
step pengawas_kutim registrasi
expect "then registered" "$(jget .state)" diregistrasi

as auditor_prov GET /api/v1/audit/verify
check_json "audit chain intact" '.intact == true and .checked > 10'
stop_server
finish
