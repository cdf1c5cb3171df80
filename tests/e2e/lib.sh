# tests/e2e/lib.sh - helpers for end-to-end tests against the real binary.
#
# A test script sources this file, calls start_server, drives the server
# with curl, and reports TAP lines through ok/fail/check_*.  stop_server
# sends SIGTERM and requires a clean exit (status 0) within 10 s.
#   NETRA_BIN   binary to test (set by tests/run.sh)
set -u
NETRA_BIN=${NETRA_BIN:-build/bin/netra}
T_N=0
T_FAILED=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/netra-e2e.XXXXXX")
SERVER_PID=
PORT=
BASE=

ok() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
fail() {
	T_N=$((T_N + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}

# start_server [extra args...]: fresh data dir, free port.
start_server() {
	DATA=$T_TMP/data
	mkdir -p "$DATA"
	rm -f "$T_TMP/port"
	"$NETRA_BIN" serve --data "$DATA" --listen 127.0.0.1:0 --port-file "$T_TMP/port" "$@" \
		>"$T_TMP/server.log" 2>&1 &
	SERVER_PID=$!
	i=0
	while [ ! -s "$T_TMP/port" ] && [ $i -lt 200 ]; do
		if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$T_TMP/port" ]; then
		fail "server started" "$(tail -n 20 "$T_TMP/server.log")"
		finish
	fi
	PORT=$(cat "$T_TMP/port")
	BASE="http://127.0.0.1:$PORT"
}

# stop_server: SIGTERM and expect exit status 0.
stop_server() {
	[ -n "$SERVER_PID" ] || return 0
	kill -TERM "$SERVER_PID" 2>/dev/null
	i=0
	while kill -0 "$SERVER_PID" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if kill -0 "$SERVER_PID" 2>/dev/null; then
		kill -9 "$SERVER_PID" 2>/dev/null
		fail "server exits within 10 s of SIGTERM"
	else
		wait "$SERVER_PID"
		rc=$?
		if [ "$rc" -eq 0 ]; then ok "clean exit on SIGTERM"; else
			fail "clean exit on SIGTERM (status $rc)" "$(tail -n 20 "$T_TMP/server.log")"
		fi
	fi
	if grep -q -E 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$T_TMP/server.log"; then
		fail "no sanitizer report in the server log" "$(grep -E -A5 'Sanitizer|runtime error' "$T_TMP/server.log" | head -20)"
	fi
	SERVER_PID=
}

# req METHOD PATH [curl args...]: sets STATUS, BODY (file $T_TMP/body), HDRS
req() {
	m=$1
	p=$2
	shift 2
	STATUS=$(curl -s -o "$T_TMP/body" -D "$T_TMP/headers" -w '%{http_code}' -X "$m" "$@" "$BASE$p")
	BODY=$(cat "$T_TMP/body")
}

# check_status NAME EXPECTED METHOD PATH [curl args...]
check_status() {
	name=$1
	want=$2
	shift 2
	req "$@"
	if [ "$STATUS" = "$want" ]; then ok "$name"; else
		fail "$name (status $STATUS, want $want)" "$(head -c 400 "$T_TMP/body")"
	fi
}

# check_json NAME JQ-EXPR: jq -e on the last body
check_json() {
	if jq -e "$2" "$T_TMP/body" >/dev/null 2>&1; then ok "$1"; else
		fail "$1 ($2)" "$(head -c 400 "$T_TMP/body")"
	fi
}

# check_header NAME REGEX: grep -i on the last response headers
check_header() {
	if grep -qiE "$2" "$T_TMP/headers"; then ok "$1"; else
		fail "$1 (header /$2/)" "$(cat "$T_TMP/headers")"
	fi
}

check_body() {
	if grep -qE "$2" "$T_TMP/body"; then ok "$1"; else
		fail "$1 (body /$2/)" "$(head -c 400 "$T_TMP/body")"
	fi
}

finish() {
	[ -n "$SERVER_PID" ] && stop_server
	echo "1..$T_N"
	rm -rf "$T_TMP"
	[ "$T_FAILED" -eq 0 ] || exit 1
	exit 0
}
