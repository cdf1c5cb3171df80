# 0240 reporter protection: a planted name never appears in the server
# log, in the officers' API, in the public status or in the raw database
# file; only a custodian opens it, with a reason and the passphrase, and the
# opening is on the audit record (without the name).
. tests/e2e/lib.sh

PLANT="Zulkarnaen Plantasia Wiradikarta"
setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00 --log-level debug

post_json - /api/v1/reports "{\"pemilihan\":\"pemilu2024\",\"pelapor\":{\"nama\":\"$PLANT\",\"alamat\":\"Jl. Rahasia 7\",\"nik\":\"6408011203850001\",\"email\":\"plantasia@contoh.id\"},
 \"terlapor\":[{\"nama\":\"Terlapor P\",\"status\":\"PPPK\"}],\"peristiwa\":{\"uraian\":\"Guru PPPK mengkampanyekan calon di kelas.\",\"kode_wilayah\":\"64.08\",\"waktu_kejadian\":\"2024-02-07\"},
 \"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://x.id/p\"}]}"
expect "accepted" "$STATUS" 201
CODE=$(jget .code)
as pengawas_kutim GET "/api/v1/cases?q=$CODE"
ID=$(jget '.items[0].id')
as pengawas_kutim GET "/api/v1/cases/$ID"
if grep -q "Plantasia\|6408011203850001\|Rahasia" "$T_TMP/body"; then fail "case detail hides the reporter"; else ok "case detail hides the reporter"; fi
check_json "case detail says an identity is sealed" '.pelapor.sealed == true'
as pengawas_kutim GET "/api/v1/cases?limit=500"
if grep -q Plantasia "$T_TMP/body"; then fail "case list hides the reporter"; else ok "case list hides the reporter"; fi
req GET "/api/v1/status/$CODE"
if grep -q Plantasia "$T_TMP/body"; then fail "status hides the reporter"; else ok "status hides the reporter"; fi

post_json custodian_prov "/api/v1/cases/$ID/pelapor" '{"reason":"pendek","passphrase":"x"}'
check_json "opening needs a real reason" '.field == "reason"'
post_json custodian_prov "/api/v1/cases/$ID/pelapor" '{"reason":"klarifikasi pelapor sesuai surat tugas 12/2024","passphrase":"frasa yang salah sekali"}'
expect "wrong passphrase is refused" "$STATUS" 403
post_json custodian_prov "/api/v1/cases/$ID/pelapor" "{\"reason\":\"klarifikasi pelapor sesuai surat tugas 12/2024\",\"passphrase\":\"$SEAL_PASSPHRASE\"}"
expect "the custodian opens the identity" "$STATUS" 200
check_json "and reads the name" ".pelapor.nama == \"$PLANT\""
as auditor_prov GET "/api/v1/cases/$ID"
check_json "the opening and the failed try are on the record with the reason" '[.timeline[] | select(.kind == "identitas_pelapor") | .data.outcome] | index("dibuka") != null and index("gagal") != null'
if grep -q Plantasia "$T_TMP/body"; then fail "the record does not hold the name"; else ok "the record does not hold the name"; fi
req GET /api/v1/ident/197805122005011003
req GET "/api/v1/status/$CODE"
stop_server

if grep -q 197805122005011003 "$T_TMP/server.log"; then fail "an identifier looked up never reaches the log"; else ok "an identifier looked up never reaches the log"; fi
if grep -q "$CODE" "$T_TMP/server.log"; then fail "a tracking code never reaches the log"; else ok "a tracking code never reaches the log"; fi
if grep -q Plantasia "$T_TMP/server.log"; then fail "the server log never holds the name"; else ok "the server log never holds the name"; fi
if grep -v 'listening on' "$T_TMP/server.log" | grep -q '127\.0\.0\.1'; then fail "the server log holds no client address"; else ok "the server log holds no client address"; fi
found=0
db_dump "$T_TMP/dump"
for secret in Plantasia 6408011203850001 plantasia@; do
	dump_has "$T_TMP/dump" "$secret" && found=1
done
expect "the raw database files (a full dump on PostgreSQL) never hold the name, NIK or email" "$found" 0
finish
