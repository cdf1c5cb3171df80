# 0230 access: every role against every case endpoint, own region and
# foreign region.  A Kutai Timur case must be invisible to Balikpapan's
# offices through any endpoint (404, never its data), the public gets 401,
# roles without a permission get 403; CSRF and IDOR probes fail.
. tests/e2e/lib.sh

setup_kaltim
start_server --now 2024-02-09T10:00:00+08:00

mk() { # mk REGION NAME: a complete laporan; prints the case id as the province pengawas sees it
	post_json - /api/v1/reports "{\"pemilihan\":\"pemilu2024\",\"pelapor\":{\"nama\":\"Pelapor $2\",\"alamat\":\"alamat\"},
	 \"terlapor\":[{\"nama\":\"$2\",\"status\":\"PNS\"}],\"peristiwa\":{\"uraian\":\"$2 berkampanye untuk calon.\",
	 \"kode_wilayah\":\"$1\",\"waktu_kejadian\":\"2024-02-07\"},\"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://x.id/$2\"}]}"
	c=$(jget .code)
	as pengawas_prov GET "/api/v1/cases?q=$c"
	jget '.items[0].id'
}
KUTIM=$(mk 64.08.01 Kutim1)
BPP=$(mk 64.71.02 Bpp1)
[ -n "$KUTIM" ] && [ "$KUTIM" != null ] && ok "cases created ($KUTIM, $BPP)" || fail "cases created"

leaks=0
probe() { # probe USER METHOD PATH BODY WANT
	if [ "$1" = - ]; then
		req "$2" "$3" -H 'Content-Type: application/json' --data-binary "$4"
	else
		as "$1" "$2" "$3" -H 'Content-Type: application/json' --data-binary "$4"
	fi
	if echo "$STATUS" | grep -qxE "$5"; then ok "$1 $2 $3 -> $STATUS"; else
		fail "$1 $2 $3 -> $STATUS (want $5)" "$(head -c 300 "$T_TMP/body")"
		leaks=$((leaks + 1))
	fi
	if grep -q 'Kutim1' "$T_TMP/body" && [ "$STATUS" != 200 ]; then
		fail "no Kutai Timur data in a refused answer to $1"
		leaks=$((leaks + 1))
	fi
}

# endpoint templates: METHOD PATH BODY
ENDPOINTS="GET|/api/v1/cases/ID|
GET|/api/v1/cases/ID/duplicates|
POST|/api/v1/cases/ID/transitions|{\"action\":\"mulai_kajian_awal\"}
POST|/api/v1/cases/ID/assign|{\"username\":\"\"}
POST|/api/v1/cases/ID/notes|{\"body\":\"catatan\"}
POST|/api/v1/cases/ID/merge|{\"into\":OTHER,\"reason\":\"uji\"}
POST|/api/v1/cases/ID/pelapor|{\"reason\":\"alasan uji coba akses\",\"passphrase\":\"x\"}
GET|/api/v1/cases/ID/evidence/0000000000000000000000000000000000000000000000000000000000000000|"

# who may touch a Kutai Timur case at all, and the status for each endpoint
# (foreign offices: 404 everywhere; the public: 401)
for user in pengawas_bpp ppk_bpp custodian_bpp auditor_bpp ppk_kutim analis_bkn; do
	while IFS='|' read -r m p b; do
		path=$(echo "$p" | sed "s/ID/$KUTIM/")
		body=$(echo "$b" | sed "s/OTHER/$BPP/")
		# not found, or forbidden when the role lacks the permission anyway
		# (ppk_kutim and analis_bkn: no track for them / not recommended yet)
		probe "$user" "$m" "$path" "$body" '404|403'
	done <<END
$ENDPOINTS
END
done
while IFS='|' read -r m p b; do
	probe - "$m" "$(echo "$p" | sed "s/ID/$KUTIM/")" "$(echo "$b" | sed "s/OTHER/$BPP/")" 401
done <<END
$ENDPOINTS
END

# own region: read is allowed; permissions decide the rest
probe pengawas_kutim GET "/api/v1/cases/$KUTIM" "" 200
probe auditor_prov GET "/api/v1/cases/$KUTIM" "" 200
probe custodian_prov GET "/api/v1/cases/$KUTIM" "" 200
probe auditor_prov POST "/api/v1/cases/$KUTIM/notes" '{"body":"x"}' 403
probe custodian_prov POST "/api/v1/cases/$KUTIM/transitions" '{"action":"mulai_kajian_awal"}' 403
probe admin POST "/api/v1/cases/$KUTIM/pelapor" '{"reason":"alasan uji coba akses","passphrase":"x"}' 403
probe pengawas_kutim POST "/api/v1/cases/$KUTIM/pelapor" '{"reason":"alasan uji coba akses","passphrase":"x"}' 403
probe pengawas_kutim POST "/api/v1/cases/$KUTIM/merge" "{\"into\":$BPP,\"reason\":\"uji\"}" 404

# lists never contain foreign cases
for user in pengawas_bpp ppk_bpp custodian_bpp auditor_bpp ppk_kutim analis_bkn; do
	as "$user" GET "/api/v1/cases?limit=500"
	if grep -q Kutim1 "$T_TMP/body"; then fail "$user's list has no Kutai Timur case"; else ok "$user's list has no Kutai Timur case"; fi
done
as pengawas_bpp GET "/api/v1/cases?q=Kutim1"
expect "search does not cross regions" "$(jget '.items | length')" 0
as pengawas_bpp POST /api/v1/cases/claim -H 'Content-Type: application/json' --data-binary '{"n":50}'
if jq -e ".claimed | index($KUTIM)" "$T_TMP/body" >/dev/null; then fail "claim never takes a foreign case"; else ok "claim never takes a foreign case"; fi
as pengawas_bpp POST /api/v1/cases/bulk -H 'Content-Type: application/json' --data-binary "{\"ids\":[$KUTIM],\"assign\":\"pengawas_bpp\"}"
check_json "bulk refuses a foreign case per item" '.results[0].ok == false and .results[0].code == "not_found"'

# IDOR: walking ids from Balikpapan finds nothing of Kutai Timur
found=0
for i in $(seq 1 20); do
	as pengawas_bpp GET "/api/v1/cases/$i"
	[ "$STATUS" = 200 ] && grep -q Kutim1 "$T_TMP/body" && found=1
done
expect "IDOR: walking ids reveals no foreign case" "$found" 0

# CSRF: a cookie session must send its token on POST
req POST /api/v1/session -H 'Content-Type: application/json' --data-binary '{"username":"pengawas_kutim","password":"sandi-uji-pengawas_kutim-2024"}' -c "$T_TMP/jar"
expect "login" "$STATUS" 201
CSRF=$(jget .csrf)
req POST "/api/v1/cases/$KUTIM/notes" -b "$T_TMP/jar" -H 'Content-Type: application/json' --data-binary '{"body":"tanpa token"}'
expect "cookie POST without the CSRF token is refused" "$STATUS" 403
check_json "with the stable code csrf" '.code == "csrf"'
req POST "/api/v1/cases/$KUTIM/notes" -b "$T_TMP/jar" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' --data-binary '{"body":"dengan token"}'
expect "cookie POST with the token works" "$STATUS" 201
req POST "/api/v1/cases/$KUTIM/notes" -b "$T_TMP/jar" -H "X-CSRF-Token: salah$CSRF" -H 'Content-Type: application/json' --data-binary '{"body":"token palsu"}'
expect "a wrong CSRF token is refused" "$STATUS" 403

expect "zero leaks" "$leaks" 0
stop_server
finish
