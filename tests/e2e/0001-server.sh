# 0001 server basics: healthz, version, 404/405 as problem+json, 413 with
# the server still serving afterwards, assets with ETag/304, clean SIGTERM.
. tests/e2e/lib.sh

start_server

check_status "healthz answers 200" 200 GET /healthz
check_json "healthz reports the store ok" '.status == "ok" and .store == "ok"'
check_status "version answers 200" 200 GET /api/v1/version
check_json "version names netra and a schema" '.name == "netra" and (.schema >= 1)'

check_status "unknown API path is 404" 404 GET /api/v1/tidak-ada
check_header "404 is problem+json" '^content-type: application/problem\+json'
check_json "404 has the stable code not_found" '.code == "not_found" and .status == 404'
check_status "unknown page is an HTML 404" 404 GET /tidak-ada
check_header "HTML 404 is text/html" '^content-type: text/html'
check_status "wrong method is 405" 405 POST /healthz
check_json "405 has the stable code method_not_allowed" '.code == "method_not_allowed"'
check_header "405 lists the allowed methods" '^allow: GET'

head -c 11000000 /dev/zero >"$T_TMP/big"
check_status "body over 10 MB is refused with 413" 413 POST /healthz --data-binary "@$T_TMP/big" -H 'Content-Type: application/octet-stream'
check_json "413 has the stable code payload_too_large" '.code == "payload_too_large"'
check_status "chunked body over the limit is refused with 413" 413 POST /healthz --data-binary "@$T_TMP/big" -H 'Transfer-Encoding: chunked'
check_status "server still serves after 413" 200 GET /healthz

check_status "home page renders" 200 GET /
check_body "home page is in Bahasa Indonesia" 'lang="id"'
check_header "HTML carries a CSP without unsafe-inline" "^content-security-policy: default-src 'self'"
check_status "English home page" 200 GET '/?lang=en'
check_body "English catalog used" 'lang="en"'
check_status "bad query escape is 400" 400 GET '/api/v1/version?x=%zz'
check_json "400 has the stable code invalid_input" '.code == "invalid_input"'

req GET /static/netra.css
etag=$(grep -i '^etag:' "$T_TMP/headers" | tr -d '\r' | cut -d' ' -f2)
if [ -n "$etag" ]; then ok "static asset has an ETag"; else fail "static asset has an ETag"; fi
check_status "If-None-Match gives 304" 304 GET /static/netra.css -H "If-None-Match: $etag"
check_status "path traversal is refused" 404 GET '/static/../Makefile' --path-as-is

if grep -q '127.0.0.1 ' "$T_TMP/server.log"; then fail "access log has no client IP"; else ok "access log has no client IP"; fi
if grep -q 'GET /healthz 200' "$T_TMP/server.log"; then ok "access log written"; else fail "access log written"; fi

stop_server
finish
