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

# --- gzip: text replies are compressed when the client allows it ------------
hdr() { grep -i "^$1:" "$T_TMP/headers" | tr -d '\r' | cut -d' ' -f2-; }
for p in / /lapor /boleh /static/netra.css /api/v1/rules; do
	req GET "$p" -H 'Accept-Encoding: gzip, deflate, br'
	plain=$(curl -s "$BASE$p" | wc -c)
	unz=$(gzip -dc "$T_TMP/body" 2>/dev/null | wc -c)
	if [ "$STATUS" = 200 ] && [ "$(hdr content-encoding)" = gzip ] && [ "$unz" -eq "$plain" ] &&
		[ "$(wc -c <"$T_TMP/body")" -lt "$plain" ]; then
		ok "$p: gzip, $(wc -c <"$T_TMP/body") of $plain bytes, unpacks to the same length"
	else
		fail "$p: gzip (status $STATUS, encoding '$(hdr content-encoding)', $unz vs $plain)" "$(cat "$T_TMP/headers")"
	fi
	check_header "$p: Vary: Accept-Encoding" '^vary: accept-encoding'
done
req GET / -H 'Accept-Encoding: gzip'
gzip -dc "$T_TMP/body" >"$T_TMP/unz" 2>/dev/null
curl -s "$BASE/" >"$T_TMP/plain"
if cmp -s "$T_TMP/unz" "$T_TMP/plain"; then ok "the gzip page unpacks to the plain page"; else fail "the gzip page unpacks to the plain page"; fi
for ae in '' 'identity' 'gzip;q=0' 'br' '*;q=0'; do
	req GET / -H "Accept-Encoding: $ae"
	if [ -z "$(hdr content-encoding)" ] && grep -q '<!doctype html>' "$T_TMP/body"; then
		ok "Accept-Encoding '$ae': not compressed"
	else
		fail "Accept-Encoding '$ae': not compressed" "$(cat "$T_TMP/headers")"
	fi
done
req GET / -H 'Accept-Encoding: *'
expect "Accept-Encoding '*' takes gzip" "$(hdr content-encoding)" gzip
req GET /healthz -H 'Accept-Encoding: gzip'
expect "a small reply is not compressed" "$(hdr content-encoding)" ""
req GET /static/netra.css -H 'Accept-Encoding: gzip'
gz_etag=$(hdr etag)
case $gz_etag in *-gz\") ok "the gzip variant has its own ETag ($gz_etag)" ;; *) fail "the gzip variant has its own ETag ($gz_etag vs $etag)" ;; esac
check_status "its ETag revalidates with gzip" 304 GET /static/netra.css -H 'Accept-Encoding: gzip' -H "If-None-Match: $gz_etag"
check_status "the identity ETag does not revalidate the gzip variant" 200 GET /static/netra.css -H 'Accept-Encoding: gzip' -H "If-None-Match: $etag"
check_status "the gzip ETag does not revalidate the identity variant" 200 GET /static/netra.css -H "If-None-Match: $gz_etag"
req GET /static/favicon.svg -H 'Accept-Encoding: gzip'
check_header "SVG is served as image/svg+xml" '^content-type: image/svg\+xml'

# --- caching: fingerprinted static URLs are immutable -----------------------
req GET /
css=$(grep -o '/static/netra.css?v=[0-9a-f]*' "$T_TMP/body" | head -n 1)
if [ -n "$css" ]; then ok "pages link the stylesheet by fingerprint ($css)"; else fail "pages link the stylesheet by fingerprint" "$(grep -o '/static/[^"]*' "$T_TMP/body")"; fi
if grep -o '"/static/[^"]*"' "$T_TMP/body" | grep -qv '?v='; then
	fail "every static URL of the page is fingerprinted" "$(grep -o '"/static/[^"]*"' "$T_TMP/body")"
else
	ok "every static URL of the page is fingerprinted"
fi
check_status "the fingerprinted URL serves" 200 GET "$css"
check_header "and is cached a year, immutable" '^cache-control: public, max-age=31536000, immutable'
expect "its fingerprint is the file's ETag" "\"${css#*v=}\"" "$etag"
check_status "the plain URL serves" 200 GET /static/netra.css
check_header "and is cached briefly" '^cache-control: public, max-age=3600'
if grep -qi 'immutable' "$T_TMP/headers"; then fail "the plain URL is not immutable"; else ok "the plain URL is not immutable"; fi
check_status "a stale fingerprint still serves" 200 GET '/static/netra.css?v=0123456789abcdef'
if grep -qi 'immutable' "$T_TMP/headers"; then fail "a stale fingerprint is not immutable"; else ok "a stale fingerprint is not immutable"; fi

if grep -q '127.0.0.1 ' "$T_TMP/server.log"; then fail "access log has no client IP"; else ok "access log has no client IP"; fi
if grep -q 'GET /healthz 200' "$T_TMP/server.log"; then ok "access log written"; else fail "access log written"; fi

stop_server
finish
