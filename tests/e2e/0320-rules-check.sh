# 0320 the rule catalog over HTTP: POST /api/v1/check with one object and
# with an array (per-item errors), problem+json codes, GET /api/v1/rules and
# /api/v1/rules/{id}; the readings come from the configuration loaded at
# start-up.
. tests/e2e/lib.sh

start_server

check_status "a check answers 200" 200 POST /api/v1/check -H 'Content-Type: application/json' \
	--data '{"text": "PNS memberi like dan komentar pada unggahan akun pemenangan capres", "status": "PNS", "date": "2024-01-10", "election": "pemilu2024"}'
check_json "verdict, level and the best item with its words" '.verdict == "pelanggaran" and .level == "berat" and .items[0].id == "D-6" and (.items[0].matched | index("like")) != null'
check_json "forms, legal basis, route, explanation" '(.forms | length) == 3 and (.legal_basis | length) > 0 and .route.recommending == "KASN" and (.explanation | test("Putusan: PELANGGARAN"))'
check_json "election resolved from the calendar" '.election.id == "pemilu2024" and .election.stage.id == "kampanye" and .election.penetapan == "2023-11-13"'

check_status "permitted conduct" 200 POST /api/v1/check \
	--data '{"text": "ASN hadir di kampanye terbuka sebagai pendengar tanpa atribut", "status": "PNS", "date": "2024-11-20", "election": "pilkada2024"}'
check_json "boleh, route after the KASN handover" '.verdict == "boleh" and .level == null and .route.recommending == "BKN"'

check_status "an array answers 200" 200 POST /api/v1/check \
	--data '[{"item": "D-5", "status": "PPPK", "date": "2024-03-01", "id": 1}, {"text": "x", "status": "Bupati", "id": 2}, {"text": "Kepala desa memasang baliho calon", "status": "kades", "id": 3}]'
check_json "order kept, per-item errors" 'length == 3 and .[0].level == "ptdh" and .[0].id == 1 and .[1].error.code == "unknown_status" and .[2].verdict == "bukan_asn"'

check_status "unknown status is 422" 422 POST /api/v1/check --data '{"text": "PNS memasang spanduk", "status": "Bupati"}'
check_header "as problem+json" '^content-type: application/problem\+json'
check_json "stable code unknown_status" '.code == "unknown_status" and .field == "status"'
check_status "unknown election is 422" 422 POST /api/v1/check --data '{"text": "PNS memasang spanduk", "election": "pemilu2019"}'
check_json "stable code unknown_election" '.code == "unknown_election"'
check_status "date outside the catalog is 422" 422 POST /api/v1/check --data '{"text": "PNS memasang spanduk", "date": "2005-06-01"}'
check_json "stable code date_out_of_range" '.code == "date_out_of_range"'
check_status "invalid NIP is 400" 400 POST /api/v1/check --data '{"text": "PNS memasang spanduk", "nip": "12345"}'
check_json "stable code invalid_nip" '.code == "invalid_nip"'
check_status "not JSON is 400" 400 POST /api/v1/check --data 'text=spanduk'
check_json "stable code invalid_json" '.code == "invalid_json"'
check_status "unknown field is 400" 400 POST /api/v1/check --data '{"text": "PNS memasang spanduk", "tanggal": "2024-01-10"}'
check_json "names the field" '.code == "unknown_field" and .field == "tanggal"'
check_status "GET is 405" 405 GET /api/v1/check

check_status "catalog listing" 200 GET /api/v1/rules
check_json "items, statuses, readings" '(.items | length) >= 30 and ([.statuses[].id] | index("kepala_desa")) != null and ([.readings[] | select(.id == "d8_level") | .value] == ["berat"])'
check_status "one item" 200 GET /api/v1/rules/D-9
check_json "with its readings and legal basis" '.id == "D-9" and .level_rule.reading == "d9_reading" and .timing.reading == "d9_reading" and (.legal_basis | length) > 0'
check_status "unknown item is 404" 404 GET /api/v1/rules/D-99
check_json "stable code unknown_item" '.code == "unknown_item"'
stop_server

# the configured reading changes the answer
NETRA_D8_LEVEL=sedang start_server
check_status "check with d8_level=sedang" 200 POST /api/v1/check \
	--data '{"text": "Camat mengajak warga memilih paslon nomor 2", "status": "PNS", "date": "2024-01-10"}'
check_json "D-8 at sedang" '.level == "sedang" and (.readings | index("d8_level=sedang")) != null'
stop_server
finish
