# 0220 the Pilkada 2024 path: received Monday 14 Oct 2024 10:00 WITA; the
# follow-up clock runs from receipt (3 hari), the extension is 3+2 hari,
# the recommendation goes to BKN (after the 4 Sep 2024 handover), BKN's
# clocks (7 hari, 3 hari kerja) run, the PPK does not act, the case is
# escalated, and a sanction is then recorded.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-10-14T10:00:00+08:00

post_json - /api/v1/reports '{"pemilihan":"pilkada2024",
 "pelapor":{"nama":"Rahmat","alamat":"Balikpapan"},
 "terlapor":[{"nama":"Camat Z","instansi":"Pemerintah Kota Balikpapan","jabatan":"Camat","status":"PNS"}],
 "peristiwa":{"uraian":"Camat mengumpulkan ketua RT dan mengajak memilih pasangan calon wali kota nomor urut 2.","kode_wilayah":"64.71.01","waktu_kejadian":"2024-10-11","waktu_diketahui":"2024-10-12"},
 "saksi":[{"nama":"Ketua RT 5"}],"bukti":[{"jenis":"tautan","url":"https://youtu.be/x"}]}'
expect "laporan accepted" "$STATUS" 201
check_json "filing limit: 7 hari from 12 Oct is 19 Oct" '[.deadlines[] | select(.rule == "pilkada.laporan")][0].due == "2024-10-19"'
check_json "follow-up clock from receipt: 3 hari from 14 Oct is 17 Oct" '[.deadlines[] | select(.rule == "pilkada.tindak_lanjut")][0].due == "2024-10-17"'
check_json "no Pemilu clock on a Pilkada case" '[.deadlines[].rule | select(startswith("pemilu."))] | length == 0'
CODE=$(jget .code)
as pengawas_bpp GET "/api/v1/cases?q=$CODE"
ID=$(jget '.items[0].id')
step() { post_json "$1" "/api/v1/cases/$ID/transitions" "{\"action\":\"$2\"${3:-}}"; }

step pengawas_bpp registrasi
expect "registered" "$(jget .state)" diregistrasi
check_json "registration starts no second follow-up clock" '.deadlines_started | length == 0'
step pengawas_bpp perpanjang ',"reason":"meminta keterangan tambahan dari pelapor"'
check_json "extension 3+2 hari from 14 Oct is 19 Oct" '.deadlines_started[0].rule == "pilkada.tindak_lanjut_diperpanjang" and .deadlines_started[0].due == "2024-10-19"'
step pengawas_bpp mulai_kajian
as pengawas_bpp GET "/api/v1/cases/$ID"
TRACK=$(jget '.tracks[0].id')
step pengawas_bpp rekomendasikan ",\"track_id\":$TRACK"
expect "recommendation forwarded" "$(jget .state)" rekomendasi_diteruskan
check_json "BKN verification clock: 7 hari from 14 Oct is 21 Oct" '.deadlines_started[0].rule == "bkn.verifikasi" and .deadlines_started[0].due == "2024-10-21"'
as analis_bkn GET "/api/v1/cases/$ID"
check_json "recommendation goes to BKN after 4 Sep 2024" '.tracks[0].rec_institution == "BKN"'
step analis_bkn mulai_verifikasi ",\"track_id\":$TRACK"
check_json "SBT validation clock: 3 hari kerja from Mon 14 Oct is Thu 17 Oct" '.deadlines_started[0].rule == "bawaslu.validasi_sbt" and .deadlines_started[0].due == "2024-10-17"'
step analis_bkn rekomendasi_ke_ppk ",\"track_id\":$TRACK"
expect "to the PPK" "$(jget .state)" rekomendasi_ppk
step analis_bkn tidak_ditindaklanjuti ",\"track_id\":$TRACK,\"reason\":\"PPK tidak menjatuhkan sanksi dalam 14 hari\""
expect "PPK did not act" "$(jget .state)" tidak_ditindaklanjuti
step analis_bkn eskalasi ",\"track_id\":$TRACK,\"escalation\":\"libur\""
check_json "escalation names its action" '.field == "escalation"'
step analis_bkn eskalasi ",\"track_id\":$TRACK,\"escalation\":\"pemblokiran_data\""
expect "escalated: data blocked" "$(jget .state)" eskalasi
step ppk_bpp catat_sanksi ",\"track_id\":$TRACK,\"sk_number\":\"862/2024\",\"sk_date\":\"2024-10-14\",\"form\":\"penurunan jabatan setingkat lebih rendah selama 12 bulan\",\"sanction_level\":\"berat\""
expect "sanction after escalation" "$(jget .state)" sanksi_dijatuhkan
as auditor_bpp GET /api/v1/audit/verify
check_json "audit chain intact" '.intact == true'
stop_server
finish
