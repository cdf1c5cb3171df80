# 0100 access control: offices, users, a sealing key and API tokens made
# with the CLI before the server starts; login over the API; the session
# cookie and its attributes; CSRF required for unsafe methods on a cookie
# session (header, urlencoded field or multipart part) and not for bearer
# tokens or the public; logout; garbage, revoked and expired credentials
# are anonymous; failed logins are throttled per user; a disabled account
# stops working at once; and neither the database nor the log ever holds a
# token or a password in clear.
. tests/e2e/lib.sh

DATA=$T_TMP/data
mkdir -p "$DATA"
PW_BUDI='kuda-laut-biru-7'
PW_SARI='sepeda-merah-99'
PASSPHRASE='frasa-sandi-kaltim-2024'

cli() { "$NETRA_BIN" "$@" --data "$DATA" --log-level warn; }

# --- set-up through the CLI ---------------------------------------------------
# only `db migrate` (or serve, demo) creates the database
db_empty
if cli office list >"$T_TMP/out" 2>&1; then
	fail "office list before db migrate refuses" "$(cat "$T_TMP/out")"
else
	ok "office list before db migrate: no database yet"
fi
cli db migrate ${MIGRATE_DB:+--db "$MIGRATE_DB"} >/dev/null 2>&1
if cli office add bawaslu-kaltim --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu \
	--level provinsi --region 64 --tz WITA >"$T_TMP/out" 2>&1 &&
	cli office add bawaslu-6408 --name "Bawaslu Kabupaten Kutai Timur" --kind bawaslu \
		--level kabkota --region 64.08 --parent bawaslu-kaltim >>"$T_TMP/out" 2>&1 &&
	cli office add bawaslu-6471 --name "Bawaslu Kota Balikpapan" --kind bawaslu \
		--level kabkota --region 64.71 --parent bawaslu-kaltim >>"$T_TMP/out" 2>&1; then
	ok "office add (province and two kab/kota)"
else
	fail "office add" "$(cat "$T_TMP/out")"
fi
if cli office add bawaslu-6499 --name X --kind bawaslu --level kabkota --region 65.01 \
	--parent bawaslu-kaltim >"$T_TMP/out" 2>&1; then
	fail "office outside its parent's region is refused"
else
	ok "office outside its parent's region is refused"
fi
if cli office list --json >"$T_TMP/offices.json" 2>&1 &&
	jq -e 'length == 3 and (map(select(.code == "bawaslu-6408"))[0] | .tz == "WITA" and .parent == "bawaslu-kaltim")' \
		"$T_TMP/offices.json" >/dev/null; then
	ok "office list --json: zone inherited from the parent"
else
	fail "office list --json" "$(cat "$T_TMP/offices.json")"
fi
if printf '%s\n' "$PASSPHRASE" | cli key init --office bawaslu-kaltim --passphrase-stdin \
	>"$T_TMP/out" 2>&1; then ok "key init"; else fail "key init" "$(cat "$T_TMP/out")"; fi
if printf '%s\n' "$PASSPHRASE" | cli key init --office bawaslu-kaltim --passphrase-stdin \
	>"$T_TMP/out" 2>&1; then
	fail "key init refuses to overwrite"
else
	ok "key init refuses to overwrite"
fi

printf '%s\n' "$PW_BUDI" | cli user add budi --role pengawas --office bawaslu-6408 \
	--name "Budi Santoso" --password-stdin >"$T_TMP/out" 2>&1 &&
	printf '%s\n' "$PW_SARI" | cli user add sari --role auditor --office bawaslu-6471 \
		--password-stdin >>"$T_TMP/out" 2>&1
if [ $? -eq 0 ]; then ok "user add --password-stdin"; else fail "user add" "$(cat "$T_TMP/out")"; fi
if cli user add rudi --role custodian --office bawaslu-6408 >"$T_TMP/out" 2>&1 &&
	PW_RUDI=$(sed -n 's/^password (shown once, give it to the user): //p' "$T_TMP/out") &&
	[ "${#PW_RUDI}" -ge 20 ]; then
	ok "user add without a password prints a generated one"
else
	fail "user add generates a password" "$(cat "$T_TMP/out")"
fi
if printf 'budi\n' | cli user add budi2 --role pengawas --office bawaslu-6408 \
	--password-stdin >"$T_TMP/out" 2>&1; then
	fail "a short password is refused"
else
	ok "a short password is refused"
fi
if cli user list --office bawaslu-6408 --json >"$T_TMP/users.json" 2>&1 &&
	jq -e 'map(.username) == ["budi", "rudi"] and (.[0].role == "pengawas") and (map(has("password_hash")) | any | not)' \
		"$T_TMP/users.json" >/dev/null; then
	ok "user list --office --json (no hashes)"
else
	fail "user list" "$(cat "$T_TMP/users.json")"
fi
cli token create budi --name skrip >"$T_TMP/out" 2>&1
API=$(tail -n 1 "$T_TMP/out")
cli token create budi --name harian --days 1 >"$T_TMP/out" 2>&1
API_DAY=$(tail -n 1 "$T_TMP/out")
cli token create budi --name dicabut >"$T_TMP/out" 2>&1
API_REVOKED=$(tail -n 1 "$T_TMP/out")
if [ "${#API}" -eq 43 ] && [ "${#API_DAY}" -eq 43 ] && cli token revoke budi --name dicabut \
	>"$T_TMP/out" 2>&1; then
	ok "token create (43 characters) and revoke"
else
	fail "token create/revoke" "$(cat "$T_TMP/out")"
fi

# --- the server ------------------------------------------------------------------
start_server

login() { # login USER PASSWORD: sets STATUS, SESSION, CSRF
	req POST /api/v1/session -H 'Content-Type: application/json' \
		--data "{\"username\":\"$1\",\"password\":\"$2\"}"
	SESSION=$(tr -d '\r' <"$T_TMP/headers" | sed -n 's/^[Ss]et-[Cc]ookie: netra_sesi=\([^;]*\);.*/\1/p')
	CSRF=$(jq -r '.csrf // empty' "$T_TMP/body" 2>/dev/null)
}

check_status "me is 401 for the public" 401 GET /api/v1/me
check_json "401 has the stable code unauthorized" '.code == "unauthorized"'
check_status "login needs JSON" 415 POST /api/v1/session --data 'username=budi&password=x'
login budi wrong-password-1
if [ "$STATUS" = 401 ]; then ok "wrong password is 401"; else fail "wrong password is 401 ($STATUS)"; fi
check_json "wrong password has the code login_failed" '.code == "login_failed"'
login nobody "$PW_BUDI"
check_json "unknown user gets the same answer" '.code == "login_failed"'

login budi "$PW_BUDI"
if [ "$STATUS" = 201 ]; then ok "login is 201"; else fail "login is 201 ($STATUS)" "$BODY"; fi
check_json "login returns the user, office region and a CSRF token" \
	'.user.username == "budi" and .user.role == "pengawas" and .user.office.region == "64.08" and (.csrf | length) == 43'
check_header "session cookie is HttpOnly, SameSite=Strict, Path=/" \
	'^set-cookie: netra_sesi=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict'
if grep -qi '^set-cookie:.*Secure' "$T_TMP/headers"; then
	fail "no Secure flag on plain http"
else
	ok "no Secure flag on plain http"
fi
check_header "login reply is not cached" '^cache-control: no-store'
S1=$SESSION
C1=$CSRF

check_status "me with the cookie" 200 GET /api/v1/me -b "netra_sesi=$S1"
check_json "me: user, scope and the same CSRF token" \
	".user.username == \"budi\" and .scope.region == \"64.08\" and .csrf == \"$C1\" and (.permissions | index(\"case_triage\")) != null and (.permissions | index(\"pelapor_unseal\")) == null"

# CSRF: the before-hook runs ahead of routing, so POST /healthz answers 403
# when the token is missing and 405 (no POST route) once it passes.
check_status "cookie POST without CSRF is 403" 403 POST /healthz -b "netra_sesi=$S1"
check_json "403 has the stable code csrf" '.code == "csrf"'
check_status "cookie POST with a wrong X-CSRF-Token is 403" 403 POST /healthz \
	-b "netra_sesi=$S1" -H "X-CSRF-Token: ${C1}x"
check_status "cookie POST with X-CSRF-Token passes" 405 POST /healthz -b "netra_sesi=$S1" \
	-H "X-CSRF-Token: $C1"
check_status "cookie POST with csrf form field passes" 405 POST /healthz -b "netra_sesi=$S1" \
	--data-urlencode "csrf=$C1" --data-urlencode "nama=Budi"
check_status "cookie POST with a csrf multipart part passes" 405 POST /healthz \
	-b "netra_sesi=$S1" -F "nama=Budi" -F "csrf=$C1"
check_status "cookie POST with a multipart part of another name is 403" 403 POST /healthz \
	-b "netra_sesi=$S1" -F "token=$C1"
check_status "cookie DELETE without CSRF is 403" 403 DELETE /api/v1/session -b "netra_sesi=$S1"
check_status "cookie GET needs no CSRF" 200 GET /api/v1/me -b "netra_sesi=$S1"
check_status "public POST needs no CSRF" 405 POST /healthz

check_status "bearer token: me" 200 GET /api/v1/me -H "Authorization: Bearer $API"
check_json "bearer principal has no CSRF token" '.user.via == "bearer" and (has("csrf") | not)'
check_status "bearer POST needs no CSRF" 405 POST /healthz -H "Authorization: Bearer $API"
check_status "bearer scheme is case-insensitive" 200 GET /api/v1/me -H "Authorization: bearer $API"
check_status "revoked token is anonymous" 401 GET /api/v1/me -H "Authorization: Bearer $API_REVOKED"
check_status "garbage bearer is anonymous" 401 GET /api/v1/me -H "Authorization: Bearer xyz"
check_status "garbage cookie is anonymous" 401 GET /api/v1/me -b "netra_sesi=garbage"
check_header "a bad session cookie is cleared" '^set-cookie: netra_sesi=; Path=/; Max-Age=0'
check_status "an API token is not a session cookie" 401 GET /api/v1/me -b "netra_sesi=$API"
check_status "a session is not a bearer token" 401 GET /api/v1/me -H "Authorization: Bearer $S1"

check_status "logout is 204" 204 DELETE /api/v1/session -b "netra_sesi=$S1" -H "X-CSRF-Token: $C1"
check_header "logout clears the cookie" '^set-cookie: netra_sesi=; Path=/; Max-Age=0'
check_status "the session is gone after logout" 401 GET /api/v1/me -b "netra_sesi=$S1"
check_status "logout without a session is 401" 401 DELETE /api/v1/session

# throttling: five failures for one user, then even the right password waits
n=0
while [ $n -lt 5 ]; do
	login sari "wrong-password-$n"
	[ "$STATUS" = 401 ] || fail "failure $n is 401 ($STATUS)"
	n=$((n + 1))
done
login sari "$PW_SARI"
if [ "$STATUS" = 429 ]; then ok "6th attempt after 5 failures is 429"; else
	fail "6th attempt after 5 failures is 429 ($STATUS)" "$BODY"
fi
check_json "429 has the code login_throttled" '.code == "login_throttled"'
check_header "429 says when to retry" '^retry-after: [0-9]+'
login budi "$PW_BUDI"
if [ "$STATUS" = 201 ]; then ok "another user is not throttled"; else
	fail "another user is not throttled ($STATUS)" "$BODY"
fi
S2=$SESSION

# disabling an account takes effect at once (the CLI writes while the
# server runs: SQLite WAL, one writer at a time)
if cli user disable budi >"$T_TMP/out" 2>&1; then ok "user disable"; else fail "user disable" "$(cat "$T_TMP/out")"; fi
check_status "a disabled user's token is anonymous" 401 GET /api/v1/me -H "Authorization: Bearer $API"
check_status "a disabled user's session is gone" 401 GET /api/v1/me -b "netra_sesi=$S2"
login budi "$PW_BUDI"
if [ "$STATUS" = 401 ]; then ok "a disabled user cannot log in"; else fail "a disabled user cannot log in ($STATUS)"; fi
cli user enable budi >/dev/null 2>&1
check_status "re-enabled: the token works again" 200 GET /api/v1/me -H "Authorization: Bearer $API"
login budi "$PW_BUDI"
S3=$SESSION
check_status "a fresh session" 200 GET /api/v1/me -b "netra_sesi=$S3"
LOGIN_AT=$(date -u +%s)
stop_server

# --- nothing secret in clear on disk or in the log --------------------------------
leak=
db_dump "$T_TMP/dump"
for secret in "$PW_BUDI" "$PW_SARI" "$PASSPHRASE" "$API" "$API_DAY" "$S1" "$S2" "$S3"; do
	if dump_has "$T_TMP/dump" "$secret"; then leak="$leak $secret"; fi
	if grep -a -q -F -- "$secret" "$T_TMP/server.log"; then leak="$leak log:$secret"; fi
done
if [ -z "$leak" ]; then ok "no token, password or passphrase in the database or the log"; else
	fail "secrets in clear:$leak"
fi
if grep -a -q 'argon2id' "$T_TMP/dump"; then ok "database holds argon2id hashes"; else
	fail "database holds argon2id hashes"
fi

# --- expiry: the same data, the clock moved on --------------------------------------
at() { date -u -d "@$(($LOGIN_AT + $1))" +%Y-%m-%dT%H:%M:%SZ; }
start_server --now "$(at 46800)" # 13 hours later
check_status "a session idle for 13 hours has expired" 401 GET /api/v1/me -b "netra_sesi=$S3"
check_status "a 1-day token still works after 13 hours" 200 GET /api/v1/me \
	-H "Authorization: Bearer $API_DAY"
stop_server
start_server --now "$(at 90000)" # 25 hours later
check_status "a 1-day token has expired after 25 hours" 401 GET /api/v1/me \
	-H "Authorization: Bearer $API_DAY"
check_status "a token without expiry still works" 200 GET /api/v1/me -H "Authorization: Bearer $API"
stop_server

# --- https base URL: the cookie is Secure --------------------------------------------
NETRA_BASE_URL=https://netra.example.go.id
export NETRA_BASE_URL
start_server
unset NETRA_BASE_URL
login budi "$PW_BUDI"
check_header "Secure cookie when base_url is https" '^set-cookie: netra_sesi=.*; Secure'
stop_server

finish
