# 0400 screening, end to end: `netra monitor` over JSON lines with a
# watched-account list -> the items in the queue through the API (best
# first, scoped by region) -> confirm one as pengawas (a temuan appears in
# the case list with the evidence: the content hash and the URL) -> dismiss
# another with a reason -> the statistics show both decisions.  Also: a
# duplicate text is stored once, an officer of another region does not see
# an item of Kutai Timur, a too-old item is refused with daluarsa, a second
# decision is refused, an item of unknown region needs a region, the
# ingest endpoint, CSRF on a cookie session, and the audit chain.
# Clock: Friday 9 Feb 2024 (Pemilu 2024, voting on 14 Feb), WITA.
. tests/e2e/lib.sh

POSTS=tests/data/screening/posts.jsonl
ACCOUNTS=tests/data/screening/accounts.csv
setup_kaltim

# --- monitor ------------------------------------------------------------------------
if netra monitor "$POSTS" --accounts "$ACCOUNTS" --election pemilu2024 --json \
	--now 2024-02-09T09:00:00+08:00 >"$T_TMP/body" 2>"$T_TMP/mon.err"; then
	ok "monitor exits 0"
else
	fail "monitor exits 0" "$(cat "$T_TMP/mon.err")"
fi
check_json "monitor screened the 10 items" '.read == 10 and .errors == 0'
check_json "7 stored: 6 above the threshold, 1 by a watched account below it" \
	'.stored == 7 and .stored_by_label.possible_violation == 6 and .stored_by_label.unrelated == 1'
check_json "the repeated text is a duplicate, 2 items were below the threshold" \
	'.duplicates == 1 and .below == 2 and .threshold == 0.5'
check_json "4 items by watched accounts, 3 accounts on the list" '.watched == 4 and .accounts == 3'
if grep -q "3 baris (3 baru" "$T_TMP/mon.err"; then ok "the account list was imported"; else
	fail "the account list was imported" "$(cat "$T_TMP/mon.err")"; fi

netra monitor "$POSTS" --election pemilu2024 --json --now 2024-02-09T09:30:00+08:00 >"$T_TMP/body" 2>/dev/null
check_json "a second run stores nothing: every candidate is a duplicate" \
	'.stored == 0 and .duplicates == 8'

netra accounts list --json >"$T_TMP/body"
if [ "$(jq -s 'map(select(.handle == "budi.camat.sangatta" and .nip == "198203152006041002" and .person_id != null)) | length' "$T_TMP/body")" = 1 ]; then
	ok "the account with a NIP is linked to a person of the registry"
else
	fail "the account with a NIP is linked to a person of the registry" "$(cat "$T_TMP/body")"
fi
printf 'platform,akun,nama,nip\nfacebook,@x,Nama,12345\n' >"$T_TMP/bad.csv"
if netra accounts import "$T_TMP/bad.csv" >/dev/null 2>"$T_TMP/err"; then
	fail "an account list with a bad NIP is refused"
else
	if grep -q "baris 2: NIP harus 18 digit" "$T_TMP/err"; then ok "an account list with a bad NIP is refused with its line"; else
		fail "an account list with a bad NIP is refused with its line" "$(cat "$T_TMP/err")"; fi
fi

printf '{"id":"bad","text":' >"$T_TMP/broken.jsonl"
printf '\n{"id":"ok-1","text":"Harga beras naik di Samarinda"}\n' >>"$T_TMP/broken.jsonl"
if netra monitor "$T_TMP/broken.jsonl" --json >"$T_TMP/body" 2>"$T_TMP/err"; then
	fail "a malformed line makes monitor exit 1"
else
	ok "a malformed line makes monitor exit 1"
fi
check_json "the malformed line is counted, the good one screened" '.errors == 1 and .read == 1'
if grep -q "broken.jsonl:1:" "$T_TMP/err"; then ok "the error names FILE:LINE"; else
	fail "the error names FILE:LINE" "$(cat "$T_TMP/err")"; fi

# epoch seconds and milliseconds as JSON numbers (exports carry them): read
# as times by the same parser as netra scan; a ts that is not a number or a
# string is refused with its line
{
	printf '{"id":"epoch-s","ts":1707375600,"text":"Harga cabai naik di Balikpapan"}\n'
	printf '{"id":"epoch-ms","ts":1707375600000,"text":"Harga bawang naik di Bontang"}\n'
	printf '{"id":"epoch-bad","ts":true,"text":"Harga gula naik di Tarakan"}\n'
} >"$T_TMP/epoch.jsonl"
netra monitor "$T_TMP/epoch.jsonl" --json >"$T_TMP/body" 2>"$T_TMP/err"
check_json "numeric ts: two items read with their time, the boolean one refused" \
	'.read == 2 and .errors == 1 and .untimed == 0'
if grep -q 'epoch.jsonl:3: kolom "ts" harus string' "$T_TMP/err"; then ok "the refusal names the line and the field"; else
	fail "the refusal names the line and the field" "$(cat "$T_TMP/err")"; fi

# --- the queue ------------------------------------------------------------------------
start_server --now 2024-02-09T10:00:00+08:00

as pengawas_prov GET /api/v1/screening
expect "province officer reads the queue" "$STATUS" 200
check_json "the province sees all 7 new items (unknown regions included)" '(.items | length) == 7'
check_json "best first: scores never increase down the list" \
	'[.items[].score_pct] as $s | $s == ($s | sort | reverse)'
check_json "times are in WITA" '.items[0].seen_at | endswith("+08:00")'
check_json "the RSS-style time of an item was read" \
	'[.items[] | select(.external_id == "fb-9002")][0].captured_at == "2024-02-08T07:15:00+08:00"'
check_json "the unix time of an item was read" \
	'[.items[] | select(.external_id == "x-5602")][0].captured_at == "2024-02-08T15:00:00+08:00"'
check_json "items carry label, spans and catalog items" \
	'[.items[] | select(.external_id == "fb-9001")][0] | .label == "possible_violation" and (.spans | length) > 3 and (.items | index("KE-2")) != null'
check_json "a watched author is flagged with the account" \
	'[.items[] | select(.external_id == "fb-9001")][0] | .author_asn and .account.name == "Budi Santoso" and .region_code == "64.08.04"'
check_json "the watched author's unrelated post is kept, flagged" \
	'[.items[] | select(.external_id == "fb-9010")][0] | .label == "unrelated" and .author_asn'
check_json "the duplicate was stored once, under the first id" \
	'([.items[] | select(.external_id == "x-5531")] | length) == 1 and ([.items[] | select(.external_id == "x-5599")] | length) == 0'
ID_BUDI=$(jget '[.items[] | select(.external_id == "fb-9001")][0].id')
ID_SARAPAN=$(jget '[.items[] | select(.external_id == "fb-9010")][0].id')
ID_OLD=$(jget '[.items[] | select(.external_id == "fb-8800")][0].id')
ID_SITI=$(jget '[.items[] | select(.external_id == "fb-9002")][0].id')
ID_WARGA=$(jget '[.items[] | select(.external_id == "x-5531")][0].id')
ID_TIKTOK=$(jget '[.items[] | select(.external_id == "tt-301")][0].id')
HASH_BUDI=$(jget '[.items[] | select(.external_id == "fb-9001")][0].content_hash')

as pengawas_kutim GET /api/v1/screening
check_json "Kutai Timur sees its own 3 items only" \
	'(.items | length) == 3 and all(.items[]; .region_code | startswith("64.08"))'
as pengawas_bpp GET /api/v1/screening
check_json "Balikpapan sees its one item and nothing of Kutai Timur" \
	'(.items | length) == 1 and .items[0].region_code == "64.71" and all(.items[]; (.region_code | startswith("64.08")) | not)'
check_status "Balikpapan cannot open an item of Kutai Timur" 404 GET "/api/v1/screening/$ID_BUDI" \
	-H "Authorization: Bearer $(cat "$T_TMP/tok_pengawas_bpp")"
check_status "Kutai Timur cannot open an item of unknown region" 404 GET "/api/v1/screening/$ID_WARGA" \
	-H "Authorization: Bearer $(cat "$T_TMP/tok_pengawas_kutim")"
check_status "a PPK office has no screening permission" 403 GET /api/v1/screening \
	-H "Authorization: Bearer $(cat "$T_TMP/tok_ppk_kutim")"
check_status "the public gets 401" 401 GET /api/v1/screening

as pengawas_prov GET "/api/v1/screening?min_score=0.9"
check_json "min_score filters" '(.items | length) == 4 and all(.items[]; .score_pct >= 90)'
as pengawas_prov GET "/api/v1/screening?asn=1"
check_json "asn=1 lists the watched accounts' items" '(.items | length) == 4 and all(.items[]; .author_asn)'
as pengawas_prov GET "/api/v1/screening?label=unrelated"
check_json "label filters" '(.items | length) == 1 and .items[0].id == '"$ID_SARAPAN"
as pengawas_prov GET "/api/v1/screening?limit=3"
check_json "a page of 3 with a cursor" '(.items | length) == 3 and (.next_cursor | type) == "string"'
P1=$(jget '[.items[].id] | join(",")')
CUR=$(jget .next_cursor)
as pengawas_prov GET "/api/v1/screening?limit=3&cursor=$CUR"
P2=$(jget '[.items[].id] | join(",")')
as pengawas_prov GET "/api/v1/screening?limit=3&cursor=$(jget .next_cursor)"
P3=$(jget '[.items[].id] | join(",")')
if [ "$(printf '%s,%s,%s' "$P1" "$P2" "$P3" | tr ',' '\n' | sort -u | wc -l)" = 7 ]; then
	ok "three pages hold the 7 items once each"
else
	fail "three pages hold the 7 items once each" "$P1 / $P2 / $P3"
fi
check_status "a bad cursor is 400" 400 GET "/api/v1/screening?cursor=x" \
	-H "Authorization: Bearer $(cat "$T_TMP/tok_pengawas_prov")"

as pengawas_kutim GET "/api/v1/screening/$ID_BUDI"
expect "Kutai Timur opens its item" "$STATUS" 200
check_json "the item has its whole text, spans and an Indonesian explanation" \
	'(.text | startswith("Sebagai camat")) and (.spans | length) > 3 and (.explanation | contains("skor"))'

# --- confirm ---------------------------------------------------------------------------
post_json analis_bkn "/api/v1/screening/$ID_BUDI/confirm" '{}'
expect "an analyst cannot make a temuan" "$STATUS" 403
post_json pengawas_kutim "/api/v1/screening/$ID_BUDI/confirm" '{"regoin":"64.08"}'
check_json "a misspelt key is refused and named" '.status == 400 and .field == "regoin"'
post_json pengawas_kutim "/api/v1/screening/$ID_BUDI/confirm" \
	'{"note":"Akun milik Camat Sangatta Utara; unggahan masih tayang pukul 09.30."}'
expect "pengawas confirms the camat's post: 201" "$STATUS" 201
CASE=$(jget .case.id)
CODE=$(jget .case.code)
check_json "the item is dikonfirmasi with the case" \
	'.item.state == "dikonfirmasi" and .item.decision.case_id == '"$CASE"' and .item.decision.by == "pengawas_kutim"'
check_json "the receipt is a temuan at Bawaslu Kutai Timur" \
	'.receipt.kind == "temuan" and .receipt.office == "Bawaslu Kabupaten Kutai Timur"'
check_json "the temuan limit (7 hari from the capture date, data/calendars) is met" \
	'[.receipt.deadlines[] | select(.rule == "pemilu.temuan")][0] | .status == "met" and .start == "2024-02-07"'

as pengawas_kutim GET "/api/v1/cases?kind=temuan"
check_json "the temuan appears in the case list" \
	"[.items[] | select(.code == \"$CODE\")] | length == 1"
check_json "its summary cites the screened item" \
	"[.items[] | select(.code == \"$CODE\")][0].summary | contains(\"butir penyaringan #$ID_BUDI\")"
as pengawas_kutim GET "/api/v1/cases/$CASE"
check_json "evidence: the URL as tautan" \
	'[.evidence[] | select(.kind == "tautan")][0].url == "https://facebook.com/budi.camat.sangatta/posts/9001"'
check_json "evidence: the text and the content hash as teks" \
	"[.evidence[] | select(.kind == \"teks\" and (.note | contains(\"$HASH_BUDI\")))] | length >= 2"
check_json "evidence names the author and the capture time" \
	'[.evidence[] | select(.note | contains("@budi.camat.sangatta") and contains("2024-02-07T19:42:00+08:00"))] | length >= 1'
check_json "the terlapor is the watched account's person" \
	'.tracks[0].name == "Budi Santoso" and .tracks[0].nip == "198203152006041002" and .tracks[0].status == "PNS"'
check_json "the case is in the account's region, dated by the capture" \
	'.kind == "temuan" and .region_code == "64.08.04" and .occurred_on == "2024-02-07" and .known_on == "2024-02-07" and .channel == "penyaringan"'
check_json "the officer's note is in the uraian" '.description | contains("masih tayang pukul 09.30")'
check_json "the case timeline has the temuan and the screening decision" \
	'[.timeline[].kind] | index("temuan_dicatat") != null and index("penyaringan_dikonfirmasi") != null'

post_json pengawas_kutim "/api/v1/screening/$ID_BUDI/confirm" '{}'
check_json "a second confirmation is refused: 409 already_decided" '.status == 409 and .code == "already_decided"'
post_json pengawas_kutim "/api/v1/screening/$ID_BUDI/dismiss" '{"reason":"salah"}'
check_json "dismissing a confirmed item is refused too" '.status == 409 and .code == "already_decided"'

post_json pengawas_kutim "/api/v1/screening/$ID_OLD/confirm" '{}'
expect "an item captured on 10 Jan is too old for a temuan: 422" "$STATUS" 422
check_json "with the stable code daluarsa and the dates" \
	'.code == "daluarsa" and (.detail | contains("2024-01-10")) and (.detail | contains("2024-02-09"))'
as pengawas_kutim GET "/api/v1/screening/$ID_OLD"
check_json "the refused item is still baru" '.state == "baru"'

post_json pengawas_prov "/api/v1/screening/$ID_WARGA/confirm" '{}'
check_json "an item of unknown region needs a region: region_required" \
	'.status == 400 and .code == "region_required" and .field == "region"'
post_json pengawas_bpp "/api/v1/screening/$ID_SITI/confirm" '{"region":"64.08"}'
check_json "the region must lie inside the item's" '.status == 400 and .code == "invalid_region"'
post_json pengawas_prov "/api/v1/screening/$ID_WARGA/confirm" \
	'{"region":"64.08.09","terlapor":[{"nama":"Camat Bengalon","jabatan":"Camat","status":"PNS"}]}'
expect "the province confirms it for Bengalon: 201" "$STATUS" 201
check_json "the item took the region given" '.item.region_code == "64.08.09"'
as pengawas_kutim GET /api/v1/screening?state=dikonfirmasi
check_json "now Kutai Timur sees both confirmed items" '(.items | length) == 2'

# --- dismiss ---------------------------------------------------------------------------
post_json pengawas_prov "/api/v1/screening/$ID_TIKTOK/dismiss" '{"reason":"  "}'
check_json "a dismissal needs a reason" '.status == 400 and .field == "reason"'
post_json pengawas_prov "/api/v1/screening/$ID_TIKTOK/dismiss" \
	'{"reason":"Akun berita umum; tidak jelas siapa honorer yang dimaksud."}'
expect "dismissed with a reason: 200" "$STATUS" 200
check_json "the item is diabaikan with the reason" \
	'.state == "diabaikan" and (.decision.reason | startswith("Akun berita umum")) and .decision.by == "pengawas_prov"'
as pengawas_prov GET /api/v1/screening
check_json "the queue of new items has 4 left" '(.items | length) == 4'

# --- statistics --------------------------------------------------------------------------
as pengawas_prov GET /api/v1/screening/stats
expect "stats answer 200" "$STATUS" 200
check_json "totals: 2 confirmed, 1 dismissed, 4 new" \
	'.totals.dikonfirmasi == 2 and .totals.diabaikan == 1 and .totals.baru == 4'
check_json "the top band of possible violations has the 2 confirmations" \
	'[.bands[] | select(.from == 0.9 and .label == "possible_violation")][0].dikonfirmasi == 2'
check_json "the 0.6 band has the dismissal" \
	'[.bands[] | select(.from == 0.6 and .label == "possible_violation")][0].diabaikan == 1'
check_json "cut-off 0.7 keeps both confirmations and drops the dismissal" \
	'[.cutoffs[] | select(.at == 0.7)][0] | .confirmed == 2 and .dismissed == 0 and .precision == 1'
as pengawas_bpp GET /api/v1/screening/stats
check_json "stats are scoped: Balikpapan has no decisions" \
	'.totals.dikonfirmasi == 0 and .totals.diabaikan == 0 and .totals.baru == 1'

# --- ingest over HTTP ----------------------------------------------------------------------
printf '%s\n%s\n' \
	'{"id":"wa-1","source":"whatsapp","author":"Anonim","ts":"2024-02-09T08:00:00+08:00","text":"Kepala desa Sangkima hadir di kampanye caleg partai X dan ikut joget di panggung"}' \
	'{"id":"x-5531-again","source":"x","author":"@warga_kutim","text":"Camat Bengalon kelihatan bagi-bagi kaos paslon 01 ke warga pakai mobil dinas, jam kerja pula. Bawaslu tolong dicek."}' \
	>"$T_TMP/ingest.jsonl"
as pengawas_kutim POST "/api/v1/screening/ingest?election=pemilu2024" \
	-H 'Content-Type: application/x-ndjson' --data-binary "@$T_TMP/ingest.jsonl"
expect "ingest over HTTP: 200" "$STATUS" 200
check_json "one new item, one duplicate" '.read == 2 and .stored == 1 and .duplicates == 1'
as pengawas_kutim GET /api/v1/screening
check_json "the new item takes the officer's region and shows in their queue" \
	'[.items[] | select(.external_id == "wa-1")][0] | .region_code == "64.08" and .channel == "api" and .election == "pemilu2024"'
check_status "ingest into another region is refused" 403 POST "/api/v1/screening/ingest?region=64.71" \
	-H "Authorization: Bearer $(cat "$T_TMP/tok_pengawas_kutim")" \
	-H 'Content-Type: application/x-ndjson' --data-binary "@$T_TMP/ingest.jsonl"

# --- a cookie session needs the CSRF token ---------------------------------------------------
req POST /api/v1/session -H 'Content-Type: application/json' \
	--data '{"username":"pengawas_kutim","password":"sandi-uji-pengawas_kutim-2024"}'
SESSION=$(tr -d '\r' <"$T_TMP/headers" | sed -n 's/^[Ss]et-[Cc]ookie: netra_sesi=\([^;]*\);.*/\1/p')
CSRF=$(jget .csrf)
check_status "dismiss from a cookie session without CSRF is 403" 403 POST \
	"/api/v1/screening/$ID_SARAPAN/dismiss" -b "netra_sesi=$SESSION" \
	-H 'Content-Type: application/json' --data '{"reason":"bukan pelanggaran"}'
check_status "with the token it is accepted" 200 POST "/api/v1/screening/$ID_SARAPAN/dismiss" \
	-b "netra_sesi=$SESSION" -H "X-CSRF-Token: $CSRF" \
	-H 'Content-Type: application/json' --data '{"reason":"bukan pelanggaran: ucapan selamat pagi"}'

# --- the audit chain ---------------------------------------------------------------------------
as auditor_prov GET /api/v1/audit/verify
check_json "the audit chain is intact after imports, loads and decisions" '.intact == true'
db_sql "SELECT kind FROM events" >"$T_TMP/kinds"
for k in akun_pantau_diimpor penyaringan_dimuat penyaringan_dikonfirmasi penyaringan_diabaikan; do
	if grep -qx "$k" "$T_TMP/kinds"; then ok "audit event $k"; else fail "audit event $k" "$(sort -u "$T_TMP/kinds")"; fi
done

stop_server
finish
