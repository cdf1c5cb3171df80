# 0500 public pages over HTTP: the strict CSP on every page; the public
# report form needs no CSRF token from the public, but a signed-in
# officer's cookie session does (the before-hook refuses it otherwise);
# bodies that are not forms; the public intake rate limit answers a
# friendly 429 page that keeps what was typed, and only sending counts
# against it; /status redirects to /status/{code}, tells a typo from an
# unknown code; /boleh answers by GET.
# The clock is set to Friday 9 Feb 2024 10:00 WITA (Pemilu 2024).
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00

for p in / /lapor /status /boleh; do
	check_status "GET $p answers 200" 200 GET "$p"
	check_header "$p has a CSP without unsafe-inline" "^content-security-policy: default-src 'self';.*script-src 'self'"
	if grep -qi "unsafe-inline" "$T_TMP/headers"; then fail "$p: no unsafe-inline"; fi
done
check_status "HEAD /lapor answers 200" 200 HEAD /lapor -I

printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\002\000\000\000\220wS\336\000\000\000\014IDATx\234c\370\377\377?\000\005\376\002\376\247\065\201\204\000\000\000\000IEND\256B`\202' >"$T_TMP/foto.png"
SHA=$(sha256sum "$T_TMP/foto.png" | cut -c1-64)

check_status "the public sends the form without a CSRF token (201)" 201 POST /lapor \
	-F pemilihan=pemilu2024 -F pelapor.nama="Siti Rahmawati" -F pelapor.alamat="Sangatta" \
	-F "terlapor[0].nama=Ahmad" -F "terlapor[0].status=PNS" -F peristiwa.uraian="Foto bersama calon" \
	-F wilayah.kabkota=64.08 -F peristiwa.waktu_kejadian=2024-02-05 -F aksi=kirim \
	-F "berkas=@$T_TMP/foto.png;type=image/png"
check_header "the receipt is HTML" "^content-type: text/html"
check_header "the receipt is not cached" "^cache-control: no-store"
check_body "the receipt shows the photo's SHA-256" "$SHA"
CODE=$(sed -n 's/.*<span>\([2-9A-HJ-NP-Z]\{4\}\)<\/span><span>\([2-9A-HJ-NP-Z]\{4\}\)<\/span><span>\([2-9A-HJ-NP-Z]\)<\/span>.*/\1-\2-\3/p' "$T_TMP/body" | head -n 1)
expect "the receipt shows a tracking code" "$(echo "$CODE" | grep -c '^[2-9A-HJ-NP-Z]\{4\}-[2-9A-HJ-NP-Z]\{4\}-[2-9A-HJ-NP-Z]$')" 1
check_body "the receipt has the QR code inline" '<svg xmlns="http://www.w3.org/2000/svg"'
check_status "the report is in the public status API" 200 GET "/api/v1/status/$CODE"
check_json "with the evidence stored" '.state == "diterima"'

# an officer's cookie session needs the token, also on the public forms
req POST /masuk -c "$T_TMP/jar" --data-urlencode username=pengawas_kutim \
	--data-urlencode password=sandi-uji-pengawas_kutim-2024 --data-urlencode next=/lapor
expect "the officer is signed in" "$STATUS" 303
check_status "a signed-in officer gets the form" 200 GET /lapor -b "$T_TMP/jar"
CSRF=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T_TMP/body" | head -n 1)
expect "the form carries the session's CSRF token" "$([ -n "$CSRF" ] && echo yes)" yes
check_status "a cookie POST without the token is refused (403)" 403 POST /lapor -b "$T_TMP/jar" \
	-F pemilihan=pemilu2024 -F peristiwa.uraian=x -F aksi=kirim
check_status "with the token it is accepted (201)" 201 POST /lapor -b "$T_TMP/jar" -F "csrf=$CSRF" \
	-F pemilihan=pemilu2024 -F peristiwa.uraian="Camat hadir di deklarasi" -F wilayah.kabkota=64.08 \
	-F peristiwa.waktu_kejadian=2024-02-07 -F aksi=kirim
check_status "the status form of a signed-in officer needs the token too" 403 POST /status \
	-b "$T_TMP/jar" --data-urlencode "kode=$CODE"

check_status "a report without a region asks for one (400)" 400 POST /lapor -F pemilihan=pemilu2024 \
	-F peristiwa.uraian="Laporan tanpa wilayah" -F aksi=kirim
check_body "next to the region field" 'id="f-wilayah-kabkota-err"'
check_status "a body that is not a form is refused (415)" 415 POST /lapor \
	-H 'Content-Type: text/plain' --data-binary 'halo'
check_header "with an HTML page" "^content-type: text/html"
check_status "a broken multipart body is refused (400)" 400 POST /lapor \
	-H 'Content-Type: multipart/form-data; boundary=XYZ' --data-binary 'tidak ada batas'

LOWER=$(echo "$CODE" | tr 'A-Z' 'a-z' | tr -d '-')
check_status "POST /status redirects (303)" 303 POST /status --data-urlencode "kode= $LOWER "
check_header "to the canonical code" "^location: /status/$CODE"
check_status "/status/{code} answers 200" 200 GET "/status/$CODE"
check_body "in plain words" "Diterima"
if grep -q "Siti\|Ahmad\|Sangatta" "$T_TMP/body"; then fail "no personal data on the status page"; else ok "no personal data on the status page"; fi
BAD=$(echo "$CODE" | sed 's/.$/2/'); [ "$BAD" = "$CODE" ] && BAD=$(echo "$CODE" | sed 's/.$/3/')
check_status "a mistyped code answers 400" 400 GET "/status/$BAD"
check_body "and says it has a typo" "salah ketik"
check_status "an impossible character answers 400" 400 GET "/status/ABCD-EFGH-0"
# ZZZZ-ZZZZ-A has the right check symbol (Luhn mod 32) and was never given
check_status "an unknown code answers 404" 404 GET "/status/ZZZZ-ZZZZ-A"
check_body "with the form to try again" 'name="kode"'

check_status "/boleh answers a bookmarked question" 200 GET "/boleh?butir=D-6&teks=&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024"
check_body "forbidden" "DILARANG"
check_status "/boleh refuses an empty question" 400 GET "/boleh?butir=&teks="
# q is an alias of teks (search boxes and shared links use it); teks wins
check_status "/boleh answers q like teks" 200 GET "/boleh?q=camat+ikut+kampanye+memakai+atribut+partai&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024"
check_body "with an answer" 'id="jawaban"'
check_body "and the text in the form" 'camat ikut kampanye memakai atribut partai</textarea>'
check_status "teks wins over q" 200 GET "/boleh?q=lurah+jalan+santai&teks=camat+ikut+kampanye+memakai+atribut+partai&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024"
check_body "the form shows teks" 'camat ikut kampanye memakai atribut partai</textarea>'
check_status "/boleh refuses a blank q" 400 GET "/boleh?q=+"
stop_server

# the public intake rate limit: a friendly page, the text kept; a form sent
# back to be corrected does not count
NETRA_INTAKE_RATE_PER_MIN=1 start_server --now 2024-02-09T10:00:00+08:00
for i in 1 2 3; do
	check_status "checking the filing limit ($i) is not rate limited" 200 POST /lapor \
		--data-urlencode pemilihan=pemilu2024 --data-urlencode peristiwa.waktu_kejadian=2024-02-05 \
		--data-urlencode aksi=periksa
done
check_body "the check shows the limit" "Batas pelaporan: Senin, 19 Februari 2024"
check_status "a form with a mistake is sent back (400)" 400 POST /lapor -F pemilihan=pemilu2024 \
	-F pelapor.nik=123 -F wilayah.kabkota=64.71 -F aksi=kirim
check_status "the first report is accepted" 201 POST /lapor -F pemilihan=pemilu2024 \
	-F peristiwa.uraian="Laporan pertama" -F wilayah.kabkota=64.71 -F aksi=kirim
check_status "the next one is refused with 429" 429 POST /lapor -F pemilihan=pemilu2024 \
	-F peristiwa.uraian="Laporan kedua yang tidak boleh hilang" -F wilayah.kabkota=64.71 -F aksi=kirim
check_header "with Retry-After" "^retry-after: [0-9]+"
check_header "as an HTML page" "^content-type: text/html"
check_body "that asks to wait" "Tunggu sebentar"
check_body "and keeps the text" "Laporan kedua yang tidak boleh hilang"
finish
