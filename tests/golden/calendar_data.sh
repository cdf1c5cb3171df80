#!/bin/sh
# tests/golden/calendar_data.sh - the calendar data as legal staff edit it:
# a copy in a knowledge directory behaves like the built-in data, a new
# election is one more file, and every malformed file is refused with
# file:line and what is wrong (exit 1, nothing half-loaded).  Prints TAP.
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
n=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/netra-caldata.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1))
	failed=$((failed + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do echo "# $l"; done
}

fresh() {
	rm -rf "$tmp/k"
	mkdir -p "$tmp/k"
	cp -r data/calendars "$tmp/k/calendars"
}

# expect_refusal NAME PATTERN: netra calendar must fail and print PATTERN
expect_refusal() {
	out=$("$NETRA_BIN" calendar --knowledge-dir "$tmp/k" 2>&1)
	rc=$?
	if [ "$rc" -eq 1 ] && printf '%s' "$out" | grep -qE "$2"; then
		ok "$1"
	else
		not_ok "$1" "exit $rc, want 1 and /$2/" "$out"
	fi
}

# built-in and copied data give the same answers
fresh
a=$("$NETRA_BIN" calendar --json 2>&1)
b=$("$NETRA_BIN" calendar --json --knowledge-dir "$tmp/k" 2>&1)
if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "knowledge-dir copy equals the built-in calendar"; else
	not_ok "knowledge-dir copy equals the built-in calendar" "$a" "$b"; fi
if printf '%s' "$a" | jq -e 'map(.id) | index("pemilu2024") and index("pilkada2024") and index("pemilu2029") and index("pilkada_ulang2025")' >/dev/null; then
	ok "the four elections are listed"; else not_ok "the four elections are listed" "$a"; fi
if printf '%s' "$a" | jq -e '.[] | select(.id == "pemilu2029") | .voting_day == null and .stages == 0' >/dev/null; then
	ok "Pemilu 2029 has no invented dates"; else not_ok "Pemilu 2029 has no invented dates"; fi
out=$("$NETRA_BIN" calendar 2024-02-14 --json)
if printf '%s' "$out" | jq -e '.workday == false and (.reason | test("Keppres 10/2024")) and (.stages[] | select(.election == "pemilu2024") | .stage == "pemungutan_suara")' >/dev/null; then
	ok "14 Feb 2024: holiday by Keppres 10/2024, voting stage"; else not_ok "14 Feb 2024" "$out"; fi
out=$("$NETRA_BIN" calendar 2024-11-25 --json)
if printf '%s' "$out" | jq -e '.workday == true and ([.stages[] | select(.election == "pilkada2024") | .flags[]] | index("no_intake"))' >/dev/null; then
	ok "25 Nov 2024: working day inside the Pilkada masa tenang"; else not_ok "25 Nov 2024" "$out"; fi
out=$("$NETRA_BIN" calendar 2027-03-02 --json)
rc=$?
if [ "$rc" -eq 0 ] && printf '%s' "$out" | jq -e '.workday == true and .provisional == true and (.provisional_reason | test("2027 belum dimuat"))' >/dev/null; then
	ok "a weekday past the holiday data is a provisional working day"; else not_ok "2027 day" "$out"; fi
out=$("$NETRA_BIN" calendar 2027-03-06 --json)
if printf '%s' "$out" | jq -e '.workday == false and .reason == "Sabtu" and .provisional == true' >/dev/null; then
	ok "a Saturday past the holiday data is still a day off"; else not_ok "2027 Saturday" "$out"; fi
out=$("$NETRA_BIN" calendar 2024-02-14 --json)
if printf '%s' "$out" | jq -e '.provisional == false and (has("provisional_reason") | not)' >/dev/null; then
	ok "a day inside the data is not provisional"; else not_ok "2024 not provisional" "$out"; fi
out=$("$NETRA_BIN" calendar 2022-12-30 --json)
rc=$?
if [ "$rc" -eq 1 ] && printf '%s' "$out" | jq -e '.error.code == "date_out_of_range"' >/dev/null; then
	ok "a day before the holiday data is not classified"; else not_ok "2022 day" "$out"; fi

# a later election is a data file, no code change
fresh
cat >"$tmp/k/calendars/elections/pilkada_uji2027.json" <<'JSON'
{"id": "pilkada_uji2027", "kind": "pilkada", "name": "Pemilihan uji (data contoh)",
 "basis": "data uji", "voting_day": "2027-03-03", "penetapan": "2027-01-10",
 "penetapan_note": "data uji", "regions": ["64.08"],
 "stages": [{"id": "masa_tenang", "name": "Masa tenang", "start": "2027-02-28",
             "end": "2027-03-02", "flags": ["quiet", "no_intake"]},
            {"id": "pemungutan_suara", "name": "Pemungutan suara", "start": "2027-03-03",
             "end": "2027-03-03", "flags": ["voting", "no_intake"]}]}
JSON
out=$("$NETRA_BIN" calendar pilkada_uji2027 --json --knowledge-dir "$tmp/k" 2>&1)
if printf '%s' "$out" | jq -e '.voting_day == "2027-03-03" and (.stages | length) == 2' >/dev/null; then
	ok "a new election file is picked up"; else not_ok "a new election file is picked up" "$out"; fi

# a year of holidays added as data extends what can be counted
fresh
printf '%s\n' "2027-01-01,libur_nasional,Tahun Baru 2027 Masehi,data uji,https://example.org/uji" >>"$tmp/k/calendars/holidays.csv"
out=$(printf '%s\n' '{"rule":"ppk.penyampaian_keputusan","start":"2026-12-15"}' | "$NETRA_BIN" deadline --json --knowledge-dir "$tmp/k" 2>&1)
if printf '%s' "$out" | jq -e '.due == "2027-01-07"' >/dev/null; then
	ok "adding 2027 rows makes 2027 countable"; else not_ok "adding 2027 rows" "$out"; fi

# malformed files: file:line and what is wrong
fresh
sed -i 's/^2024-03-11,libur_nasional/2024-03-32,libur_nasional/' "$tmp/k/calendars/holidays.csv"
line=$(grep -n '^2024-03-32' "$tmp/k/calendars/holidays.csv" | cut -d: -f1)
expect_refusal "bad holiday date names its line" "calendars/holidays.csv:$line: tanggal \"2024-03-32\""

fresh
sed -i 's/^2024-05-01,libur_nasional/2024-05-01,hari_libur/' "$tmp/k/calendars/holidays.csv"
line=$(grep -n '^2024-05-01' "$tmp/k/calendars/holidays.csv" | cut -d: -f1)
expect_refusal "unknown holiday kind names its line" "holidays.csv:$line: jenis \"hari_libur\""

fresh
sed -i 's/^64,Kalimantan Timur,WITA/64,Kalimantan Timur,CST/' "$tmp/k/calendars/zones.csv"
line=$(grep -n '^64,' "$tmp/k/calendars/zones.csv" | cut -d: -f1)
expect_refusal "unknown zone names its line" "zones.csv:$line: zona \"CST\""

fresh
sed -i 's/"end": "2024-02-13", "flags": \["quiet"\]/"end": "2024-02-31", "flags": ["quiet"]/' "$tmp/k/calendars/elections/pemilu2024.json"
line=$(grep -n '2024-02-31' "$tmp/k/calendars/elections/pemilu2024.json" | cut -d: -f1)
expect_refusal "bad stage date names its line" "pemilu2024.json:$line: stages\[[0-9]+\]\.end: tanggal tidak sah"

fresh
sed -i 's/"flags": \["recap", "no_intake"\]/"flags": ["recap", "no-intake"]/' "$tmp/k/calendars/elections/pilkada2024.json"
line=$(grep -n 'no-intake' "$tmp/k/calendars/elections/pilkada2024.json" | cut -d: -f1)
expect_refusal "unknown stage flag names its line" "pilkada2024.json:$line: .*no-intake"

fresh
sed -i 's/"unit": "hari_kerja",/"unit": "hari kerja",/' "$tmp/k/calendars/deadlines.json"
line=$(grep -n '"hari kerja"' "$tmp/k/calendars/deadlines.json" | head -n 1 | cut -d: -f1)
expect_refusal "bad deadline unit names its line" "deadlines.json:$line: rules\[0\]\.unit"

fresh
sed -i 's/"confidence": "single_source",/"confidence": "sure",/' "$tmp/k/calendars/deadlines.json"
line=$(grep -n '"sure"' "$tmp/k/calendars/deadlines.json" | cut -d: -f1)
expect_refusal "bad confidence names its line" "deadlines.json:$line: .*confidence"

fresh
sed -i 's/"count": 3,/"count": 3,,/' "$tmp/k/calendars/deadlines.json"
expect_refusal "JSON syntax error names its line" "deadlines.json:[0-9]+: JSON tidak sah"

fresh
sed -i 's/"close": "16:00"/"close": "16.00"/' "$tmp/k/calendars/intake.json"
line=$(grep -n '16.00"' "$tmp/k/calendars/intake.json" | cut -d: -f1)
expect_refusal "bad intake hour names its line" "intake.json:$line: intake\[0\]\.close"

fresh
rm "$tmp/k/calendars/zones.csv"
expect_refusal "a missing file is named" "calendars/zones.csv: tidak dapat dibuka"

fresh
out=$(printf '%s\n' '{"rule":"pemilu.laporan","start":"2024-02-09"}' | NETRA_PEMILU_LAPORAN_UNIT=minggu "$NETRA_BIN" deadline --json 2>&1)
rc=$?
if [ "$rc" -eq 1 ] && printf '%s' "$out" | grep -q 'pemilu_laporan_unit'; then
	ok "an unknown [rules] pemilu_laporan_unit is refused"; else not_ok "bad option" "$out"; fi

echo "1..$n"
[ "$failed" -eq 0 ]
