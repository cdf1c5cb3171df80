# 0700 the main Pemilu path at the machine's real date, not at a clock fixed
# in 2024: a laporan about an event of two days ago is filed for the next
# Pemilu, taken through kajian awal, registration, an extension (14 hari
# kerja, which runs into the next year from mid-December on), the
# recommendation (to BKN since September 2024), BKN's verification and the
# PPK's sanction and its delivery.  Every clock started on the way has a due
# date after its start and says whether it is provisional; the public
# status answers; a laporan about an event of 30 days ago is refused as late
# with a sentence for a citizen.
. tests/e2e/lib.sh

TODAY=$(TZ=Asia/Makassar date +%F)
D2=$(TZ=Asia/Makassar date -d '2 days ago' +%F)
D1=$(TZ=Asia/Makassar date -d '1 day ago' +%F)
D30=$(TZ=Asia/Makassar date -d '30 days ago' +%F)
ELECTION=pemilu2029

setup_kaltim
start_server

report() { # report KNOWN_DATE
	post_json - /api/v1/reports "{\"jenis\":\"laporan\",\"pemilihan\":\"$ELECTION\",
 \"pelapor\":{\"nama\":\"Siti Rahmawati\",\"alamat\":\"Sangatta\"},
 \"terlapor\":[{\"nama\":\"Ahmad Yani\",\"nip\":\"197805122005011003\",\"instansi\":\"Dinas Pendidikan Kutai Timur\",\"jabatan\":\"Kepala Bidang\",\"status\":\"PNS\"}],
 \"peristiwa\":{\"uraian\":\"Kepala bidang mengunggah foto bersama calon anggota DPR dengan pose dua jari dan mengajak guru memilih calon tersebut di grup WhatsApp.\",\"tempat\":\"Sangatta\",\"kode_wilayah\":\"64.08\",\"waktu_kejadian\":\"$1\",\"waktu_diketahui\":\"$1\"},
 \"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://facebook.com/x/1\"}]}"
}

report "$D30"
expect "a laporan known 30 days ago is refused (422)" "$STATUS" 422
check_json "... as daluarsa" '.code == "daluarsa"'
check_json "... with a sentence for a citizen, not the engine's explanation" '(.detail | test("Hari mulai tidak dihitung|hari kerja ke-|Dasar:") | not)'

report "$D2"
expect "a laporan known two days ago is accepted ($TODAY)" "$STATUS" 201
CODE=$(jget .code)
check_json "the filing check was met" '[.deadlines[]? | select(.status == "met")] | length >= 1'

as pengawas_kutim GET "/api/v1/cases?q=$CODE"
expect "officer finds the case by its code" "$(jget '.items | length')" 1
ID=$(jget '.items[0].id')

step() { # step USER ACTION [extra JSON members]
	post_json "$1" "/api/v1/cases/$ID/transitions" "{\"action\":\"$2\"${3:-}}"
}
# started_ok NAME: every clock this step started is due after its start and
# says whether it is provisional
started_ok() {
	check_json "$1: clocks due after their start, provisional said" \
		'(.deadlines_started // []) | all(.due > .start and (.provisional | type) == "boolean")'
}

step pengawas_kutim mulai_kajian_awal
expect "kajian awal started" "$(jget .state)" kajian_awal
step pengawas_kutim registrasi
expect "registered" "$(jget .state)" diregistrasi
started_ok registrasi
step pengawas_kutim mulai_klarifikasi
expect "clarification" "$(jget .state)" klarifikasi
step pengawas_kutim perpanjang ',"reason":"keterangan saksi tambahan diperlukan"'
check_json "the extension starts its 14 hari kerja clock" '.deadlines_started[0].rule == "pemilu.tindak_lanjut_diperpanjang"'
started_ok perpanjang
step pengawas_kutim mulai_kajian
expect "kajian" "$(jget .state)" kajian

as pengawas_kutim GET "/api/v1/cases/$ID"
TRACK=$(jget '.tracks[0].id')
step pengawas_kutim rekomendasikan ",\"track_id\":$TRACK"
expect "recommendation forwarded" "$(jget .state)" rekomendasi_diteruskan
as pengawas_kutim GET "/api/v1/cases/$ID"
check_json "the recommendation goes to BKN (after 4 Sep 2024)" '.tracks[0].rec_institution == "BKN"'
check_json "every deadline of the case says whether it is provisional" '.deadlines | all((.provisional | type) == "boolean")'

step analis_bkn mulai_verifikasi ",\"track_id\":$TRACK"
expect "BKN starts the verification" "$(jget .state)" verifikasi
started_ok mulai_verifikasi
step analis_bkn rekomendasi_ke_ppk ",\"track_id\":$TRACK"
expect "BKN sends it to the PPK" "$(jget .state)" rekomendasi_ppk
started_ok rekomendasi_ke_ppk
step ppk_kutim catat_sanksi ",\"track_id\":$TRACK,\"sk_number\":\"800/7/$TODAY\",\"sk_date\":\"$TODAY\",\"form\":\"pemotongan tunjangan kinerja 25% selama 6 bulan\",\"sanction_level\":\"sedang\""
expect "the PPK records the sanction today" "$(jget .state)" sanksi_dijatuhkan
started_ok catat_sanksi
step ppk_kutim keputusan_disampaikan ",\"track_id\":$TRACK"
expect "the decision is delivered" "$(jget .state)" selesai

check_status "public status" 200 GET "/api/v1/status/$CODE"
check_json "public status says selesai" '.state == "selesai"'
check_status "the status page renders" 200 GET "/status/$CODE"

post_json - /api/v1/deadlines "{\"rule\":\"pemilu.laporan\",\"start\":\"$TODAY\",\"region\":\"64.08\"}"
check_json "a filing deadline from today is computed" '.due > .start and (.provisional | type) == "boolean"'

as auditor_prov GET /api/v1/audit/verify
check_json "audit chain intact" '.intact == true and .checked > 10'
stop_server
finish
