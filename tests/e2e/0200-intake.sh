# 0200 intake: a complete laporan, an incomplete one (perbaikan), a
# time-barred one (daluarsa, refused with the dates), an anonymous tip
# (informasi awal), shape errors with stable codes, evidence upload by
# multipart (the hash on the receipt is the file's SHA-256), a refused file
# type, the public status without personal data, and the intake rate limit.
# The clock is set to Friday 9 Feb 2024 10:00 WITA (Pemilu 2024).
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00

LAPORAN='{"jenis":"laporan","pemilihan":"pemilu2024",
 "pelapor":{"nama":"Siti Rahmawati","alamat":"Jl. Yos Sudarso 12, Sangatta","nik":"6408014512900003","telepon":"081234567890"},
 "terlapor":[{"nama":"Drs. Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan Kutai Timur","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Terlapor mengunggah foto bersama calon anggota DPRD dengan pose dua jari dan ajakan memilih di Facebook.","tempat":"Sangatta Utara","kode_wilayah":"64.08.01","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},
 "saksi":[{"nama":"Rudi Hartono","alamat":"Sangatta"}],
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/contoh/posts/1"}]}'

post_json - /api/v1/reports "$LAPORAN"
expect "complete laporan is accepted with 201" "$STATUS" 201
CODE=$(jget .code)
check_json "tracking code is XXXX-XXXX-X from the unambiguous alphabet" '.code | test("^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]$")'
check_json "status diterima" '.status == "diterima" and .kind == "laporan"'
check_json "received time is in WITA" '.received_at | endswith("+08:00")'
check_json "filing limit met: 7 hari kerja from 6 Feb is 20 Feb" '[.deadlines[] | select(.rule == "pemilu.laporan")][0] | .due == "2024-02-20" and .status == "met"'
check_json "filing limit explains the skipped days" '[.deadlines[] | select(.rule == "pemilu.laporan")][0].skipped | map(.date) | index("2024-02-14") != null'
check_json "kajian awal clock: 2 hari from 9 Feb is 11 Feb" '[.deadlines[] | select(.rule == "pemilu.kajian_awal")][0].due == "2024-02-11"'
check_json "the receipt names the office" '.office == "Bawaslu Kabupaten Kutai Timur"'
check_json "the receipt links the status page" ".status_url | endswith(\"/status/$CODE\")"

check_status "status by code" 200 GET "/api/v1/status/$CODE"
check_json "status is public: state and deadlines" '.state == "diterima" and (.deadlines | length) >= 1'
if grep -q "Siti\|Ahmad\|Yos Sudarso\|6408014512900003" "$T_TMP/body"; then fail "status shows no personal data"; else ok "status shows no personal data"; fi
LOWER=$(echo "$CODE" | tr 'A-Z' 'a-z' | tr -d '-')
check_status "status accepts the code typed loosely" 200 GET "/api/v1/status/$LOWER"
BAD=$(echo "$CODE" | sed 's/.$/2/'); [ "$BAD" = "$CODE" ] && BAD=$(echo "$CODE" | sed 's/.$/3/')
check_status "a mistyped check symbol is refused" 400 GET "/api/v1/status/$BAD"
check_json "with the stable code invalid_code" '.code == "invalid_code"'

INCOMPLETE='{"pemilihan":"pemilu2024","pelapor":{"nama":"Budi","alamat":"Samarinda"},
 "terlapor":[{"nama":"Lurah X","status":"PNS"}],"peristiwa":{"uraian":"Lurah membagikan kaos calon.","kode_wilayah":"64.08","waktu_diketahui":"2024-02-08"}}'
post_json - /api/v1/reports "$INCOMPLETE"
expect "incomplete laporan is accepted" "$STATUS" 201
check_json "status perlu_perbaikan" '.status == "perlu_perbaikan"'
check_json "missing lists the time of the event and the evidence" '[.missing[].code] | index("peristiwa.waktu_kejadian") != null and index("bukti") != null'
check_json "perbaikan clock: 3 hari from 9 Feb is 12 Feb" '[.deadlines[] | select(.rule == "pemilu.perbaikan")][0].due == "2024-02-12"'

LATE=$(echo "$LAPORAN" | sed 's/"waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"/"waktu_kejadian":"2024-01-02","waktu_diketahui":"2024-01-02"/')
post_json - /api/v1/reports "$LATE"
expect "time-barred laporan is refused with 422" "$STATUS" 422
check_json "with the stable code daluarsa" '.code == "daluarsa"'
check_json "the reason gives the dates" '.detail | contains("2024-01-02") and contains("2024-01-11") and contains("2024-02-09")'
check_json "in a sentence for the reporter, not the engine's explanation" '(.detail | test("Hari mulai tidak dihitung|Dilewati") | not) and (.detail | endswith("."))'

ANON='{"pemilihan":"pemilu2024","terlapor":[{"nama":"Camat Y","status":"PNS"}],
 "peristiwa":{"uraian":"Camat mengumpulkan kepala desa untuk deklarasi dukungan.","kode_wilayah":"64.71","waktu_kejadian":"2024-02-07"},
 "bukti":[{"jenis":"teks","keterangan":"rekaman suara ada pada warga"}]}'
post_json - /api/v1/reports "$ANON"
expect "anonymous tip is accepted" "$STATUS" 201
check_json "marked informasi_awal" '.kind == "informasi_awal" and .status == "diterima"'
check_json "routed to Balikpapan" '.office == "Bawaslu Kota Balikpapan"'

post_json - /api/v1/reports '{"pemilihan":"pemilu2099","terlapor":[]}'
check_json "unknown election: 400 unknown_election" '.code == "unknown_election"'
post_json - /api/v1/reports '{"pemilihan":"pemilu2024","terlapor":[{"nama":"A","nip":"12345"}]}'
check_json "short NIP: invalid_nip" '.code == "invalid_nip" and .status == 400'
post_json - /api/v1/reports '{"pemilihan":"pemilu2024","terlapor":[{"nama":"A","status":"menteri"}]}'
check_json "unknown status: unknown_status" '.code == "unknown_status"'
post_json - /api/v1/reports '{"pemilihan":"pemilu2024","pelapor":{"nmaa":"typo"}}'
check_json "unknown field is refused and named" '.code == "invalid_input" and .field == "pelapor.nmaa"'
post_json - /api/v1/reports '{"pemilihan": '
check_json "broken JSON: invalid_input" '.code == "invalid_input"'
req POST /api/v1/reports -H 'Content-Type: text/plain' --data-binary 'halo'
expect "wrong content type is 415" "$STATUS" 415

# evidence by multipart: a real PNG; the receipt carries its SHA-256
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211\000\000\000\rIDATx\234c\370\017\000\001\001\001\000\030\335\215\260\000\000\000\000IEND\256B`\202' >"$T_TMP/foto.png"
SHA=$(sha256sum "$T_TMP/foto.png" | cut -d' ' -f1)
echo "$LAPORAN" | jq -c '.bukti = [{"jenis":"berkas","berkas":"foto1","keterangan":"tangkapan layar"}]' >"$T_TMP/laporan.json"
req POST /api/v1/reports -F "laporan=<$T_TMP/laporan.json;type=application/json" -F "foto1=@$T_TMP/foto.png;type=image/png"
expect "laporan with an evidence photo is accepted" "$STATUS" 201
check_json "receipt carries the photo's SHA-256" ".evidence | map(.sha256) | index(\"$SHA\") != null"
check_json "type checked by content" '.evidence[0].mime == "image/png"'
if [ -f "$DATA/evidence/$(echo "$SHA" | cut -c1-2)/$(echo "$SHA" | cut -c3-4)/$SHA" ]; then ok "stored content-addressed"; else fail "stored content-addressed"; fi
printf '<html><script>alert(1)</script></html>' >"$T_TMP/x.html"
req POST /api/v1/reports -F "laporan=<$T_TMP/laporan.json;type=application/json" -F "foto1=@$T_TMP/x.html;type=image/png"
check_json "an HTML file posing as an image is refused" '.code == "evidence_type"'

stop_server

# rate limit on public intake
NETRA_INTAKE_RATE_PER_MIN=3 start_server --now 2024-02-09T10:00:00+08:00
n429=0
for i in 1 2 3 4 5 6; do
	post_json - /api/v1/reports "$ANON"
	[ "$STATUS" = 429 ] && n429=$((n429 + 1))
done
if [ "$n429" -ge 2 ]; then ok "public intake is rate limited ($n429 of 6 refused)"; else fail "public intake is rate limited (429s: $n429)"; fi
check_json "429 has the stable code rate_limited" '.code == "rate_limited"'
stop_server

# today's date (Monday 7 Dec 2026): a Pemilu 2029 laporan.  The filing limit
# of an event 30 days old is counted past the holiday data only partly, but
# 30 days is beyond any 7 hari kerja: refused, in words for the reporter.
start_server --now 2026-12-07T10:00:00+08:00
OLD=$(echo "$LAPORAN" | sed 's/"pemilu2024"/"pemilu2029"/; s/"waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"/"waktu_kejadian":"2026-11-07","waktu_diketahui":"2026-11-07"/')
post_json - /api/v1/reports "$OLD"
expect "2026-12-07: a 30-day-old Pemilu 2029 event is refused (422)" "$STATUS" 422
check_json "with the stable code daluarsa" '.code == "daluarsa"'
check_json "a citizen sentence with the dates, no engine text" '(.detail | startswith("Laporan melewati batas waktu pelaporan")) and (.detail | contains("2026-11-07") and contains("2026-12-07")) and (.detail | test("Hari mulai|Dilewati|Dasar:") | not)'
check_status "the /lapor form refuses it with its own sentence (422)" 422 POST /lapor \
	-F pemilihan=pemilu2029 -F pelapor.nama="Siti Rahmawati" -F pelapor.alamat="Sangatta" \
	-F "terlapor[0].nama=Ahmad" -F "terlapor[0].status=PNS" -F peristiwa.uraian="Foto bersama calon" \
	-F wilayah.kabkota=64.08 -F peristiwa.waktu_kejadian=2026-11-07 -F aksi=kirim
check_body "the form says daluarsa in words" "melewati batas waktu pelaporan .daluarsa. sehingga"
if sed 's/<details>.*<\/details>//' "$T_TMP/body" | grep -q "Hari mulai tidak dihitung\|Dilewati [0-9]"; then
	fail "no engine text outside the how-it-is-counted details"; else ok "no engine text outside the how-it-is-counted details"; fi
NEW=$(echo "$LAPORAN" | sed 's/"pemilu2024"/"pemilu2029"/; s/"waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"/"waktu_kejadian":"2026-12-04","waktu_diketahui":"2026-12-04"/')
post_json - /api/v1/reports "$NEW"
expect "2026-12-07: a 3-day-old event is accepted (201)" "$STATUS" 201
check_json "its filing limit is met and exact (15 Dec 2026)" '[.deadlines[] | select(.rule == "pemilu.laporan")][0] | .due == "2026-12-15" and .status == "met" and .provisional == false'
check_json "no note about the holiday data" '[.notes[] | select(test("hari libur"))] | length == 0'
# 24 Dec 2026 known: 7 hari kerja reach 2027 (provisional, due 5 Jan 2027);
# received 8 Jan 2027 is after the earliest due but within the bound: accepted
stop_server
start_server --now 2027-01-08T10:00:00+08:00
MID=$(echo "$LAPORAN" | sed 's/"pemilu2024"/"pemilu2029"/; s/"waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"/"waktu_kejadian":"2026-12-24","waktu_diketahui":"2026-12-24"/')
post_json - /api/v1/reports "$MID"
expect "a report between the earliest and the latest possible limit is accepted (201)" "$STATUS" 201
check_json "its filing limit is provisional" '[.deadlines[] | select(.rule == "pemilu.laporan")][0] | .due == "2027-01-05" and .provisional == true'
check_json "the receipt says the check is not certain, in words" '[.notes[] | select(test("belum dapat dipastikan"))] | length == 1'
check_json "no engine text in the notes" '[.notes[] | select(test("Hari mulai|Dilewati|date_out_of_range"))] | length == 0'
stop_server
finish
