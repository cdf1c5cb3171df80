# 0205 the receipt's notes are whole sentences: with the clock in 2027,
# past the holiday data this tree carries, the filing limit cannot be
# counted and the note says so in two sentences, each with its full stop
# ("... dengan pasti. Petugas memeriksanya secara manual.").
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2027-02-10T10:00:00+08:00
post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2024",
 "pelapor":{"nama":"Siti Rahmawati","alamat":"Jl. Yos Sudarso 12, Sangatta"},
 "terlapor":[{"nama":"Drs. Ahmad Yani","status":"PNS"}],
 "peristiwa":{"uraian":"Terlapor berfoto dengan pose dua jari.","tempat":"Sangatta Utara","kode_wilayah":"64.08.01","waktu_kejadian":"2027-02-08"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/contoh/posts/2"}]}'
expect "the report is accepted" "$STATUS" 201
check_json "the receipt has notes" '(.notes | length) > 0'
check_json "every note ends with a full stop" '.notes | all(endswith("."))'
check_json "no sentence runs into the next without its full stop" \
	'.notes | all(test("[a-z0-9)] (Petugas|Disarankan|Laporan|Bawaslu) ") | not)'
finish
