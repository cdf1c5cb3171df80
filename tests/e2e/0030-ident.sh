# 0030 identifiers and regions over HTTP: GET /api/v1/ident/{number} (200
# decoded, 422 problem+json with a stable code and positions, no-store),
# GET /api/v1/regions?q=&level=&parent=&limit= and GET /api/v1/regions/{code}.
. tests/e2e/lib.sh

start_server --now 2025-06-01T09:00:00+07:00

check_status "valid NIP answers 200" 200 GET /api/v1/ident/198609262015051001
check_json "NIP example is ambiguous, NIP likelier" '.kind == "ambiguous" and .likely_kind == "nip" and .nip.tmt_cpns == "2015-05-01"'
check_header "identifier answers are not cached" '^cache-control: no-store'
check_status "spaces in the number are ignored" 200 GET '/api/v1/ident/19860926%20201505%201%20001'
check_json "normalized number" '.number == "198609262015051001"'
check_status "NI PPPK answers 200" 200 GET /api/v1/ident/199009132025242014
check_json "NI PPPK decoded" '.kind == "ni_pppk" and .ni_pppk.field_13_14 == "24"'
check_status "valid NIK answers 200" 200 GET /api/v1/ident/6408014609860001
check_json "NIK region names from the loaded table" '.nik.kabkota.name == "Kabupaten Kutai Timur" and .nik.sex == "perempuan"'

check_status "invalid NIP is 422" 422 GET /api/v1/ident/198613102015051001
check_header "422 is problem+json" '^content-type: application/problem\+json'
check_json "invalid NIP has the stable code and positions" '.code == "invalid_nip" and .status == 422 and .position == {"from": 5, "to": 6} and (.detail | test("digit 5-6"))'
check_status "invalid NIK is 422" 422 GET /api/v1/ident/6408013209860001
check_json "invalid NIK code" '.code == "invalid_nik" and .position.from == 7'
check_status "wrong length is 422" 422 GET /api/v1/ident/12345
check_json "wrong length code" '.code == "invalid_identifier"'
check_status "letters are 422" 422 GET /api/v1/ident/abc
check_json "letters code and position" '.code == "invalid_identifier" and .position.from == 1'
long=$(printf '1%.0s' $(seq 1 200))
check_status "overlong number is 422" 422 GET "/api/v1/ident/$long"

check_status "region search answers 200" 200 GET '/api/v1/regions?q=kutai%20tim'
check_json "kutai tim finds Kutai Timur first" '.results[0].code == "64.08" and .results[0].ancestors[0].name == "Kalimantan Timur"'
check_json "region answers carry the attribution" '.attribution | test("Cahya DSN")'
check_status "search with filters" 200 GET '/api/v1/regions?parent=64&level=2&limit=50'
check_json "ten kab/kota in Kalimantan Timur" '.total == 10 and .count == 10'
check_status "code prefix search" 200 GET '/api/v1/regions?q=64.08&level=3'
check_json "eighteen kecamatan in Kutai Timur" '.total == 18'
check_status "bad level is 400" 400 GET '/api/v1/regions?q=a&level=9'
check_json "bad level names the field" '.code == "invalid_input" and .field == "level"'
check_status "bad limit is 400" 400 GET '/api/v1/regions?q=a&limit=0'
check_status "unknown parent is 404" 404 GET '/api/v1/regions?q=a&parent=99'

check_status "region by code" 200 GET /api/v1/regions/64.08
check_json "region with ancestors and children" '.name == "Kabupaten Kutai Timur" and .kind == "kabupaten" and (.children | length) == 18 and .ancestors[0].code == "64"'
check_status "region by plain digits" 200 GET /api/v1/regions/6408
check_status "unknown region is 404" 404 GET /api/v1/regions/64.05
check_json "404 is a problem" '.code == "not_found"'

stop_server
finish
