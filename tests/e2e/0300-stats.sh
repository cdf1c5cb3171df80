# 0300 figures, exports, print and admin over HTTP: GET /api/v1/stats is
# scoped (a Kutai Timur officer counts only Kutai Timur, a PPK only what
# reached it, a foreign region filter is refused), GET /api/v1/stats/public
# never carries a small count (no number, complementary cell, rounded
# total), the exports need the export permission and stay in scope with no
# reporter in them, the printable file has no navigation and no reporter,
# and the admin forms need the CSRF token on a cookie session.
. tests/e2e/lib.sh

setup_kaltim
export NETRA_INTAKE_RATE_PER_MIN=0 # twenty reports from one client
start_server --now 2024-02-09T10:00:00+08:00

mk() { # mk REGION NAME
	post_json - /api/v1/reports "{\"pemilihan\":\"pemilu2024\",\"pelapor\":{\"nama\":\"Pelapor $2\",\"alamat\":\"alamat\"},
	 \"terlapor\":[{\"nama\":\"$2\",\"status\":\"PNS\",\"instansi\":\"Dinas Uji\"}],\"peristiwa\":{\"uraian\":\"$2 berkampanye untuk calon.\",
	 \"kode_wilayah\":\"$1\",\"waktu_kejadian\":\"2024-02-07\"},\"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://x.id/$2\"}]}"
	[ "$STATUS" = 201 ] || fail "report $2 filed (status $STATUS)" "$(head -c 300 "$T_TMP/body")"
}
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do mk 64.08.01 Kutim$i; done
for i in 1 2 3 4 5 6; do mk 64.72.01 Smd$i; done
mk 64.71.01 Bpp1
mk 64.71.02 Bpp2
as pengawas_kutim GET "/api/v1/cases?q=Kutim12"
KUTIM=$(jget '.items[0].id')

# --- officers' figures: scope --------------------------------------------------
as pengawas_kutim GET /api/v1/stats
expect "stats answer 200" "$STATUS" 200
check_json "Kutai Timur counts its twelve cases" '.totals.cases == 12 and .totals.terlapor == 12'
check_json "Kutai Timur sees no other kab/kota" '[.by_region[].code] == ["64.08"]'
check_json "the scope is named" '.scope.region == "64.08" and .scope.region_name == "Kabupaten Kutai Timur"'
check_json "state counts add up" '([.by_state[].n] | add) == 12 and (.by_state[] | select(.id == "diterima") | .n) == 12'
check_json "agency counted" '.by_agency[0] == {"name": "Dinas Uji", "n": 12}'
check_json "trend by month of receipt" '.trend.period == "month" and .trend.points == [{"key": "2024-02", "n": 12}]'
check_header "officers' figures are not cached by browsers" '^cache-control: private, no-store'

as pengawas_prov GET /api/v1/stats
check_json "the province counts all twenty" '.totals.cases == 20'
check_json "the province sees the ten kab/kota of Kaltim" '(.by_region | length) == 10 and (.by_region[] | select(.code == "64.71") | .n) == 2 and (.by_region[] | select(.code == "64.03") | .n) == 0'

as pengawas_bpp GET /api/v1/stats
check_json "Balikpapan counts two" '.totals.cases == 2 and ([.by_region[].code] == ["64.71"])'
as pengawas_bpp GET "/api/v1/stats?region=64.08"
expect "a region outside the scope is refused" "$STATUS" 400
check_json "with the field named" '.field == "region"'
as pengawas_prov GET "/api/v1/stats?region=64.08&period=minggu"
check_json "a region filter inside the scope narrows" '.totals.cases == 12 and .trend.period == "week" and .trend.points[0].key == "2024-02-05"'
as pengawas_prov GET "/api/v1/stats?from=2024-03-01"
check_json "a date filter" '.totals.cases == 0'
as pengawas_prov GET "/api/v1/stats?from=kemarin"
expect "a bad date is 400" "$STATUS" 400
as ppk_kutim GET /api/v1/stats
check_json "a PPK counts only what reached it" '.totals.cases == 0 and .scope.ppk == true'
req GET /api/v1/stats
expect "the public gets 401" "$STATUS" 401

# --- public figures: suppression -------------------------------------------------
req GET /api/v1/stats/public
expect "public stats answer 200" "$STATUS" 200
check_json "twelve in Kutai Timur are shown" '(.by_region.rows[] | select(.code == "64.08") | .cell) == {"n": 12}'
check_json "two in Balikpapan are suppressed, without a number" '(.by_region.rows[] | select(.code == "64.71") | .cell) == {"suppressed": "small"}'
check_json "six in Samarinda hidden too, so the two cannot be recomputed" '(.by_region.rows[] | select(.code == "64.72") | .cell) == {"suppressed": "complementary"}'
check_json "no small cell anywhere carries a number" '[.. | objects | select(has("suppressed")) | has("n") or has("rounded")] | any | not'
check_json "the table with small cells has its total rounded" '.by_region.total == {"rounded": 20, "base": 10} and .cases == {"rounded": 20, "base": 10}'
check_json "the only non-zero outcome is hidden with the zeros beside it" '(.by_outcome.rows[] | select(.id == "dalam_penanganan") | .cell) == {"suppressed": "complementary"}'
if grep -q 'Kutim\|Pelapor\|berkampanye' "$T_TMP/body"; then fail "no names or descriptions in public figures"; else ok "no names or descriptions in public figures"; fi
req GET "/api/v1/stats/public?election=Pemilu%202024"
expect "a malformed election is 400" "$STATUS" 400
req GET "/api/v1/stats/public?election=pemilu1955"
expect "an election not in the calendar is 404" "$STATUS" 404
req GET "/api/v1/stats/public?election=pemilu2024"
check_json "one election: the same suppression" '(.by_region.rows[] | select(.code == "64.71") | .cell) == {"suppressed": "small"} and .election == "pemilu2024"'
check_status "the transparency page renders" 200 GET /transparansi
check_body "it shows small counts as < 5" '&lt; 5'
size=$(wc -c <"$T_TMP/body")
if [ "$size" -lt 102400 ]; then ok "transparency page under 100 KB ($size bytes)"; else fail "transparency page under 100 KB ($size bytes)"; fi
if grep -q 'Kutim\|Pelapor' "$T_TMP/body"; then fail "no names on the transparency page"; else ok "no names on the transparency page"; fi

# --- exports ------------------------------------------------------------------------
as pengawas_kutim GET /kantor/ekspor.csv
expect "CSV export answers 200" "$STATUS" 200
check_header "CSV is UTF-8 text" '^content-type: text/csv; charset=utf-8'
check_header "as an attachment" '^content-disposition: attachment; filename="netra-kasus-'
if head -c 3 "$T_TMP/body" | od -An -tx1 | grep -q 'ef bb bf'; then ok "CSV starts with a BOM"; else fail "CSV starts with a BOM"; fi
check_body "CSV header with ';'" '^.*Kode;Diterima;Zona waktu;Pemilihan'
expect "twelve rows and the header" "$(wc -l <"$T_TMP/body" | tr -d ' ')" 13
if grep -q 'Pelapor\|Bpp\|Smd' "$T_TMP/body"; then fail "no reporter and no foreign case in the CSV"; else ok "no reporter and no foreign case in the CSV"; fi
as pengawas_kutim GET "/kantor/ekspor.csv?q=Kutim11"
expect "the inbox filter applies" "$(grep -c Kutim "$T_TMP/body")" 1
as pengawas_bpp GET /kantor/ekspor.csv
if grep -q Kutim "$T_TMP/body"; then fail "Balikpapan's export holds no Kutai Timur case"; else ok "Balikpapan's export holds no Kutai Timur case"; fi
as pengawas_kutim GET /kantor/ekspor.xlsx
expect "XLSX export answers 200" "$STATUS" 200
check_header "XLSX content type" '^content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
if head -c 2 "$T_TMP/body" | grep -q PK; then ok "XLSX is a zip"; else fail "XLSX is a zip"; fi
if ls "$DATA"/.ekspor-* >/dev/null 2>&1; then fail "no temporary export file left behind"; else ok "no temporary export file left behind"; fi
# words, not codes: election names, stages, kinds, statuses and deadline titles, in id and en
as pengawas_kutim GET /kantor/ekspor.csv
check_body "CSV: the election by name" ';Pemilihan Umum 2024;Laporan;Diterima;'
check_body "CSV: the employment status in words" ';Pegawai Negeri Sipil;Dinas Uji;Dalam penanganan Bawaslu;'
check_body "CSV: the next deadline by its title" ';Kajian awal laporan \(syarat formal dan materiel\)'
if grep -q 'pemilu2024\|;diterima;\|;PNS;\|pemilu.kajian_awal' "$T_TMP/body"; then fail "CSV: no codes where a person reads"; else ok "CSV: no codes where a person reads"; fi
as pengawas_kutim GET "/kantor/ekspor.csv?lang=en"
check_body "CSV in English: headers" '^.*Code;Received;Time zone;Election;Kind;Case stage'
check_body "CSV in English: words" ';2024 General Election;Report;Received;'
check_body "CSV in English: status and deadline" ';Civil servant \(PNS\);Dinas Uji;Being handled by Bawaslu;.*;Initial review of a report'
expect "CSV in English: the same columns" "$(head -n 1 "$T_TMP/body" | tr -cd ';' | wc -c | tr -d ' ')" 22
netra export --as pengawas_kutim --lang en >"$T_TMP/cli.csv"
if grep -q ';2024 General Election;Report;' "$T_TMP/cli.csv"; then ok "netra export --lang en speaks English"; else fail "netra export --lang en speaks English" "$(head -c 400 "$T_TMP/cli.csv")"; fi
netra export --as pengawas_kutim >"$T_TMP/cli.csv"
if grep -q ';Pemilihan Umum 2024;Laporan;' "$T_TMP/cli.csv"; then ok "netra export speaks Indonesian by default"; else fail "netra export speaks Indonesian by default"; fi
if netra export --as pengawas_kutim --lang fr >/dev/null 2>&1; then fail "netra export refuses --lang fr"; else ok "netra export refuses --lang fr"; fi
for lang in id en; do
	as pengawas_kutim GET "/kantor/ekspor.xlsx?lang=$lang"
	mkdir -p "$T_TMP/x$lang" && cp "$T_TMP/body" "$T_TMP/x$lang/e.xlsx"
	(cd "$T_TMP/x$lang" && unzip -q -o e.xlsx) || fail "XLSX ($lang) unzips"
	cat "$T_TMP/x$lang"/xl/worksheets/sheet*.xml "$T_TMP/x$lang"/xl/sharedStrings.xml 2>/dev/null >"$T_TMP/x$lang/all.xml"
done
if grep -q 'Pemilihan Umum 2024' "$T_TMP/xid/all.xml" && grep -q 'Pegawai Negeri Sipil' "$T_TMP/xid/all.xml" &&
	grep -q '>Tahap kasus<' "$T_TMP/xid/all.xml" && grep -q '>Keterangan<\|name="Keterangan"' "$T_TMP/xid/xl/workbook.xml"; then
	ok "XLSX: words and Indonesian headers"; else fail "XLSX: words and Indonesian headers"; fi
if grep -q '>pemilu2024<\|>PNS<\|>diterima<' "$T_TMP/xid/all.xml"; then fail "XLSX: no codes"; else ok "XLSX: no codes"; fi
if grep -q '2024 General Election' "$T_TMP/xen/all.xml" && grep -q 'Civil servant (PNS)' "$T_TMP/xen/all.xml" &&
	grep -q '>Case stage<' "$T_TMP/xen/all.xml" && grep -q 'name="Cases"' "$T_TMP/xen/xl/workbook.xml"; then
	ok "XLSX in English: words, headers and sheet names"; else fail "XLSX in English: words, headers and sheet names"; fi
if grep -q '<c r="B2" s="[0-9]*"><v>4[0-9]*\.[0-9]*</v>' "$T_TMP/xid/xl/worksheets/sheet1.xml"; then
	ok "XLSX: the receipt time is a real date"; else fail "XLSX: the receipt time is a real date" "$(grep -o '<c r="B2"[^/]*/c>' "$T_TMP/xid/xl/worksheets/sheet1.xml" | head -1)"; fi

# the dashboard's time stamp, in the viewer's zone
as pengawas_kutim GET /kantor/dasbor
check_body "dashboard time stamp in words" 'Angka per Jumat, 9 Februari 2024 10\.[0-5][0-9] WITA'
as pengawas_kutim GET "/kantor/dasbor?lang=en"
check_body "dashboard time stamp in English" 'Figures as of Friday, 9 February 2024 10:[0-5][0-9] WITA'

as ppk_kutim GET /kantor/ekspor.csv
expect "a PPK may not export" "$STATUS" 403
check_status "the public is sent to the login" 303 GET /kantor/ekspor.csv
as auditor_prov GET "/kantor/ekspor.csv?region=64.71"
expect "an auditor exports a region of the province" "$(grep -c Bpp "$T_TMP/body")" 2

# --- the printable case file ---------------------------------------------------------
as pengawas_kutim GET "/kantor/kasus/$KUTIM/cetak"
expect "printable file answers 200" "$STATUS" 200
check_body "it names the case and its terlapor" 'Kutim12'
if grep -q '<nav' "$T_TMP/body"; then fail "no navigation on the printable file"; else ok "no navigation on the printable file"; fi
if grep -q 'Pelapor Kutim12' "$T_TMP/body"; then fail "no reporter on the printable file"; else ok "no reporter on the printable file"; fi
check_body "print stylesheet linked" '/static/cetak.css'
check_body "the election by name" 'Pemilihan Umum 2024'
check_body "the receipt time in words" 'Jumat, 9 Februari 2024 10\.[0-5][0-9] WITA'
check_body "the chronology in sentences" 'Laporan diterima oleh Bawaslu Kabupaten Kutai Timur'
check_body "the employment status in words" 'Pegawai Negeri Sipil'
if grep -q 'pemilu2024\|>PNS<\|laporan_diterima\|pemilu\.kajian_awal' "$T_TMP/body"; then fail "no codes on the printable file" "$(grep -o 'pemilu2024\|>PNS<\|laporan_diterima\|pemilu\.kajian_awal' "$T_TMP/body" | head -3)"; else ok "no codes on the printable file"; fi
n=$(grep -c 'Kajian awal laporan (syarat formal dan materiel)' "$T_TMP/body")
expect "each deadline title once" "$n" 1
if grep -q '<table' "$T_TMP/body"; then fail "no wide tables on the printable file"; else ok "no wide tables on the printable file"; fi
as pengawas_kutim GET "/kantor/kasus/$KUTIM"
check_body "the case page links to its printable file" "href=\"/kantor/kasus/$KUTIM/cetak\""
as pengawas_kutim GET "/kantor/kasus/$KUTIM/cetak?lang=en"
check_body "printable file in English" 'Report received by Bawaslu Kabupaten Kutai Timur'
check_body "printable file dates in English" 'Friday, 9 February 2024 10:[0-5][0-9] WITA'
as pengawas_bpp GET "/kantor/kasus/$KUTIM/cetak"
expect "another region's case is not found" "$STATUS" 404

# --- admin ------------------------------------------------------------------------------
as admin GET /kantor/admin
expect "admin page for the admin" "$STATUS" 200
as pengawas_kutim GET /kantor/admin
expect "not for a pengawas" "$STATUS" 403
post_json - /api/v1/session '{"username":"admin","password":"sandi-uji-admin-2024"}'
CSRF=$(jget .csrf)
grep -i '^set-cookie: netra_sesi=' "$T_TMP/headers" | sed 's/^[Ss]et-[Cc]ookie: //; s/;.*//' | tr -d '\r' >"$T_TMP/cookie"
req POST /kantor/admin/pengguna -b "$(cat "$T_TMP/cookie")" \
	--data "username=baru_kutim&full_name=Petugas+Baru&role=pengawas&office=bawaslu-64.08"
expect "a cookie POST without the CSRF token is refused" "$STATUS" 403
req POST /kantor/admin/pengguna -b "$(cat "$T_TMP/cookie")" \
	--data "csrf=$CSRF&username=baru_kutim&full_name=Petugas+Baru&role=pengawas&office=bawaslu-64.08"
expect "with the token the user is created (303)" "$STATUS" 303
LOC=$(grep -i '^location:' "$T_TMP/headers" | tr -d '\r' | awk '{print $2}')
case $LOC in /kantor/admin/sandi/*) ok "redirected to the one-time password" ;; *) fail "redirected to the one-time password ($LOC)" ;; esac
req GET "$LOC" -b "$(cat "$T_TMP/cookie")"
PW=$(sed -n 's/.*id="sandi">\([^<]*\)<.*/\1/p' "$T_TMP/body")
[ -n "$PW" ] && ok "the password is shown" || fail "the password is shown"
req GET "$LOC" -b "$(cat "$T_TMP/cookie")"
expect "and only once" "$STATUS" 410
post_json - /api/v1/session "{\"username\":\"baru_kutim\",\"password\":\"$PW\"}"
expect "the new user can sign in" "$STATUS" 201
req POST /kantor/admin/pengguna -b "$(cat "$T_TMP/cookie")" \
	--data "csrf=$CSRF&username=baru_kutim&role=pengawas&office=bawaslu-64.08"
expect "a taken username is 409" "$STATUS" 409
check_body "with the reason next to the form" 'sudah dipakai'
req POST /kantor/admin/pengguna -b "$(cat "$T_TMP/cookie")" \
	--data "csrf=$CSRF&username=luar&role=analis&office=bkn"
expect "an office outside the admin's region is refused" "$STATUS" 400
req POST /kantor/admin/pengguna/baru_kutim/status -b "$(cat "$T_TMP/cookie")" --data "csrf=$CSRF&active=0"
expect "disable answers 303" "$STATUS" 303
post_json - /api/v1/session "{\"username\":\"baru_kutim\",\"password\":\"$PW\"}"
expect "a disabled user cannot sign in" "$STATUS" 401
req POST /kantor/admin/kantor -b "$(cat "$T_TMP/cookie")" \
	--data "csrf=$CSRF&code=bawaslu-64.08.01&name=Panwascam+Sangatta+Utara&kind=bawaslu&level=kecamatan&region=64.08.01&parent=bawaslu-64.08"
expect "an office is created (303)" "$STATUS" 303

stop_server
finish
