# 0500 the officers' pages over HTTP with cookie sessions: the login
# redirect, CSRF on every form, post/redirect/get with 303, the region scope
# (another office's case is 404), errors with their statuses, the
# custodian's identity page (no-store, recorded), results of bulk actions
# only for their own user, no open redirect through "kembali", and the case
# API's track fields with their proper types.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00

location() { tr -d '\r' <"$T_TMP/headers" | sed -n 's/^[Ll]ocation: //p'; }

post_json - /api/v1/reports '{"jenis":"laporan","pemilihan":"pemilu2024",
 "pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta"},
 "terlapor":[{"nama":"Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Kepala bidang mengunggah foto bersama calon anggota DPRD dengan pose dua jari.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},
 "bukti":[{"jenis":"tautan","url":"https://facebook.com/x/1"}]}'
expect "a report is filed" "$STATUS" 201
CODE=$(jget .code)
as pengawas_kutim GET "/api/v1/cases?q=$CODE"
ID=$(jget '.items[0].id')

check_status "the inbox needs a session" 303 GET /kantor
expect "... and sends the visitor to the login form" "$(location)" "/masuk?next=%2Fkantor"

session pengawas_kutim
session pengawas_bpp
session custodian_prov
check_status "the inbox answers a signed-in officer" 200 GET /kantor -b "$T_TMP/jar_pengawas_kutim"
check_body "the inbox lists the case" "$CODE"
check_header "pages carry the CSP" "content-security-policy: .*script-src 'self'"

page pengawas_kutim POST /kantor/klaim --data "n=5"
expect "a form without the CSRF token is refused" "$STATUS" 403
form pengawas_kutim /kantor/klaim "n=5"
expect "claiming redirects with 303" "$STATUS" 303
expect "... to my cases with the count" "$(location)" "/kantor?petugas=saya&klaim=1"
form pengawas_kutim /kantor/klaim "n=0"
expect "claiming 0 cases is a 400 page" "$STATUS" 400

check_status "the case page" 200 GET "/kantor/kasus/$ID" -b "$T_TMP/jar_pengawas_kutim"
check_status "another region's officer gets 404" 404 GET "/kantor/kasus/$ID" -b "$T_TMP/jar_pengawas_bpp"
if grep -q "$CODE" "$T_TMP/body"; then fail "the 404 page does not reveal the case"; else ok "the 404 page does not reveal the case"; fi
check_status "a malformed case id is 404" 404 GET /kantor/kasus/abc -b "$T_TMP/jar_pengawas_kutim"
form pengawas_bpp "/kantor/kasus/$ID/catatan" "body=catatan+dari+wilayah+lain"
expect "another region cannot write a note either (404)" "$STATUS" 404

form pengawas_kutim "/kantor/kasus/$ID/transisi" "action=mulai_kajian_awal&track_id=0"
expect "a workflow step redirects with 303" "$STATUS" 303
expect "... back to the case with a message" "$(location)" "/kantor/kasus/$ID?ok=transisi&aksi=mulai_kajian_awal"
form pengawas_kutim "/kantor/kasus/$ID/transisi" "action=mulai_kajian_awal&track_id=0"
expect "a step the state does not allow is 409" "$STATUS" 409
check_body "... with the service's message" "tidak dapat dilakukan"
form pengawas_kutim "/kantor/kasus/$ID/transisi" "action=perpanjang&track_id=0"
expect "a step without its reason is 400" "$STATUS" 400
check_body "... with the message next to the form" 'field-error" role="alert">alasan harus diisi'
form pengawas_kutim "/kantor/kasus/$ID/transisi" "action=terbang&track_id=0"
expect "an unknown step is 400" "$STATUS" 400
form pengawas_kutim "/kantor/kasus/$ID/tugaskan" "username=tidak_ada"
expect "assigning to nobody known is 400" "$STATUS" 400
form pengawas_kutim "/kantor/kasus/$ID/tugaskan" "username=pengawas_prov&kembali=//evil.example/x"
expect "assignment redirects with 303" "$STATUS" 303
expect "... never to another site" "$(location)" "/kantor/kasus/$ID?ok=tugaskan"
form pengawas_kutim "/kantor/kasus/$ID/tugaskan" "username=pengawas_kutim&kembali=/kantor?status=kajian_awal"
expect "... or back to the inbox it came from" "$(location)" "/kantor?status=kajian_awal"

form pengawas_kutim /kantor/massal "tindakan=registrasi"
expect "a bulk action without cases is 400" "$STATUS" 400
form pengawas_kutim /kantor/massal "id=$ID&kode_$ID=$CODE&tindakan=registrasi&kembali=/kantor"
expect "a bulk action redirects with 303" "$STATUS" 303
HASIL=$(location)
case $HASIL in /kantor?hasil=*) ok "... to the inbox with a results id" ;; *) fail "... to the inbox with a results id ($HASIL)" ;; esac
check_status "the results page" 200 GET "$HASIL" -b "$T_TMP/jar_pengawas_kutim"
check_body "... shows the case's result" "res-ok"
check_status "another user opening the same results id" 200 GET "$HASIL" -b "$T_TMP/jar_pengawas_bpp"
if grep -q "res-ok\|$CODE" "$T_TMP/body"; then fail "... does not see them"; else ok "... does not see them"; fi

form pengawas_kutim "/kantor/kasus/$ID/pelapor" "reason=alasan+yang+cukup+panjang&passphrase=x"
expect "only a custodian may open the identity (403)" "$STATUS" 403
form custodian_prov "/kantor/kasus/$ID/pelapor" "reason=singkat&passphrase=x"
expect "a short reason is refused (400)" "$STATUS" 400
form custodian_prov "/kantor/kasus/$ID/pelapor" "reason=Pemeriksaan+oleh+majelis&passphrase=$(printf '%s' "$SEAL_PASSPHRASE" | sed 's/ /+/g')"
expect "the custodian opens the identity (200, not a redirect)" "$STATUS" 200
check_header "the identity page is never cached" "cache-control: no-store"
check_body "the identity is shown" "Siti Rahmawati"
check_status "the case page afterwards" 200 GET "/kantor/kasus/$ID" -b "$T_TMP/jar_custodian_prov"
check_body "the opening is on the timeline" "Identitas pelapor dibuka"
if grep -q "Siti Rahmawati" "$T_TMP/body"; then fail "the case page never shows the identity"; else ok "the case page never shows the identity"; fi

check_status "registry search" 200 GET "/kantor/registri?q=Achmad+Yani" -b "$T_TMP/jar_pengawas_kutim"
check_body "... finds the terlapor" "197805122005011003"
check_status "a number that is no NIP or NIK is 400" 400 GET "/kantor/registri?q=123" -b "$T_TMP/jar_pengawas_kutim"
check_status "registry in another region" 200 GET "/kantor/registri?q=Ahmad+Yani" -b "$T_TMP/jar_pengawas_bpp"
if grep -q "197805122005011003" "$T_TMP/body"; then fail "... finds nothing outside its scope"; else ok "... finds nothing outside its scope"; fi
check_status "the rules browser" 200 GET /kantor/aturan -b "$T_TMP/jar_pengawas_kutim"
check_status "a rule item" 200 GET /kantor/aturan/D-8 -b "$T_TMP/jar_pengawas_kutim"
check_status "an unknown rule item is 404" 404 GET /kantor/aturan/X-1 -b "$T_TMP/jar_pengawas_kutim"
check_status "the calendar" 200 GET "/kantor/kalender?tahun=abc" -b "$T_TMP/jar_pengawas_kutim"
check_body "... with the holidays of this year" "2024-02-14"

# the case API: track fields keep their types (recommendation object, times as integers)
TRACK=$(as pengawas_kutim GET "/api/v1/cases/$ID" && jget '.tracks[0].id')
for a in registrasi mulai_kajian; do post_json pengawas_kutim "/api/v1/cases/$ID/transitions" "{\"action\":\"$a\"}"; done
post_json pengawas_kutim "/api/v1/cases/$ID/transitions" "{\"action\":\"rekomendasikan\",\"track_id\":$TRACK}"
post_json analis_bkn "/api/v1/cases/$ID/transitions" "{\"action\":\"rekomendasi_ke_ppk\",\"track_id\":$TRACK}"
post_json ppk_kutim "/api/v1/cases/$ID/transitions" "{\"action\":\"catat_sanksi\",\"track_id\":$TRACK,\"sk_number\":\"800/9\",\"sk_date\":\"2024-02-09\",\"form\":\"teguran tertulis\",\"sanction_level\":\"ringan\"}"
expect "the PPK records a sanction through the API" "$(jget .state)" sanksi_dijatuhkan
as ppk_kutim GET "/api/v1/cases/$ID"
check_json "the track's sanction form is text" '.tracks[0].sanction_form == "teguran tertulis"'
check_json "the recommendation is an object and rec_at a number" '(.tracks[0].recommendation | type) == "object" and (.tracks[0].rec_at | type) == "number"'

stop_server
finish
