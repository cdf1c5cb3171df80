# 0310 deadlines over HTTP: POST /api/v1/deadlines with one object, with an
# array (per-item errors), problem+json codes, and the calendar loaded once
# at start-up (a malformed knowledge directory stops the server).
. tests/e2e/lib.sh

start_server

check_status "one deadline answers 200" 200 POST /api/v1/deadlines \
	-H 'Content-Type: application/json' \
	--data '{"rule": "pemilu.laporan", "start": "2024-02-09", "region": "64.08"}'
check_json "due date, unit and zone" '.due == "2024-02-21" and .unit == "hari_kerja" and .zone == "WITA"'
check_json "skipped days with reasons" '[.skipped[].date] == ["2024-02-10","2024-02-11","2024-02-14","2024-02-17","2024-02-18"] and (.skipped[2].reason | test("Keppres 10/2024"))'
check_json "explanation in Indonesian" '.explanation | test("Hari mulai tidak dihitung")'

check_status "timestamp converted to the local date" 200 POST /api/v1/deadlines \
	--data '{"rule": "pemilu.temuan", "start": "2024-02-13T23:30:00+08:00", "region": "81.71"}'
check_json "WIT local date" '.start_date == "2024-02-14" and .due == "2024-02-21"'

check_status "array answers 200" 200 POST /api/v1/deadlines \
	--data '[{"rule": "pilkada.tindak_lanjut", "start": "2024-11-25"}, {"rule": "nope", "start": "2024-11-25"}, {"rule": "pemilu.laporan", "start": "2026-12-24"}]'
check_json "array keeps order and reports per-item errors" 'length == 3 and .[0].due == "2024-11-28" and .[1].error.code == "unknown_rule" and .[2].due == "2027-01-05" and .[2].provisional == true'
check_json "provisional is always there" '.[0].provisional == false and (.[0] | has("provisional_reason") | not)'

check_status "unknown rule is 422" 422 POST /api/v1/deadlines --data '{"rule": "nope", "start": "2024-02-09"}'
check_header "as problem+json" '^content-type: application/problem\+json'
check_json "stable code unknown_rule" '.code == "unknown_rule"'
check_status "invalid date is 400" 400 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2024-13-01"}'
check_json "stable code invalid_date" '.code == "invalid_date"'
check_status "past the holiday data answers provisionally (200)" 200 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2026-12-24"}'
check_json "provisional with the missing year named" '.provisional == true and .provisional_reason == "data hari libur 2027 belum dimuat; dihitung tanpa libur nasional" and .provisional_years == [2027]'
check_json "weekends of 2027 still skipped, the bound given" '.due == "2027-01-05" and ([.skipped[].date] | index("2027-01-02") != null) and .due_latest == "2027-01-21"'
check_json "the explanation says it too" '.explanation | test("Perkiraan: data hari libur 2027 belum dimuat")'
check_status "Natal 2026 skipped, exact" 200 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2026-12-20", "region": "64.08"}'
check_json "due 31 Dec 2026, not provisional" '.due == "2026-12-31" and .provisional == false and ([.skipped[].date] | index("2026-12-24") != null and index("2026-12-25") != null)'
check_status "a start in 2028" 200 POST /api/v1/deadlines --data '{"rule": "ppk.penyampaian_keputusan", "start": "2028-06-01"}'
check_json "answers provisional: true" '.provisional == true and (.provisional_reason | test("2028"))'
check_status "before the holiday data is still 422" 422 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2022-12-28"}'
check_json "stable code date_out_of_range" '.code == "date_out_of_range" and (.detail | test("2023-2026"))'
check_status "unknown region is 422" 422 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2024-02-09", "region": "00"}'
check_json "stable code unknown_region" '.code == "unknown_region"'
check_status "timestamp without region is 400" 400 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2024-02-09T10:00:00+07:00"}'
check_json "stable code region_required" '.code == "region_required"'
check_status "not JSON is 400" 400 POST /api/v1/deadlines --data 'rule=pemilu.laporan'
check_json "stable code invalid_input" '.code == "invalid_input"'
check_status "unknown key is 400" 400 POST /api/v1/deadlines --data '{"rule": "pemilu.laporan", "start": "2024-02-09", "regoin": "64.08"}'
check_json "names the field" '.field == "regoin"'
check_status "GET is 405" 405 GET /api/v1/deadlines
check_status "server still healthy" 200 GET /healthz
stop_server

# the [rules] options reach the API
NETRA_CUTI_BERSAMA_IS_WORKDAY=true NETRA_PPK_TINDAK_LANJUT_DAYS=10 start_server
check_status "options: one request" 200 POST /api/v1/deadlines \
	--data '[{"rule": "pemilu.laporan", "start": "2024-02-07"}, {"rule": "ppk.tindak_lanjut", "start": "2024-11-27"}]'
check_json "cuti bersama counted, PPK days from the configuration" '.[0].due == "2024-02-20" and .[1].due == "2024-12-07" and .[1].count == 10'
stop_server

# a malformed calendar stops start-up with file:line
mkdir -p "$T_TMP/k"
cp -r data/calendars "$T_TMP/k/calendars"
sed -i 's/"voting_day": "2024-11-27"/"voting_day": "2024-11-31"/' "$T_TMP/k/calendars/elections/pilkada2024.json"
"$NETRA_BIN" serve --data "$T_TMP/data2" --listen 127.0.0.1:0 --knowledge-dir "$T_TMP/k" >"$T_TMP/bad.log" 2>&1
rc=$?
if [ "$rc" -eq 1 ] && grep -q 'pilkada2024.json:[0-9]*: voting_day' "$T_TMP/bad.log"; then
	ok "malformed calendar stops start-up with file:line"
else
	fail "malformed calendar stops start-up with file:line (exit $rc)" "$(cat "$T_TMP/bad.log")"
fi
finish
