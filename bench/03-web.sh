#!/bin/sh
# bench/03-web.sh - the public pages under load, with wrk: requests/s and
# the 50th/99th percentile latency at 64 connections for /, /lapor,
# /status/{code}, /boleh, /transparansi and GET /api/v1/status/{code}, on a
# server holding the demo dataset (netra demo --cases 300).  Then, when
# bench_stats has built its big store ($BUILD/bench/stats), the dashboard,
# its JSON twin and /transparansi on that store: the first (uncached) answer
# timed with curl, then wrk.
#
#   WEB_BENCH_SECONDS      seconds per URL (default 10)
#   WEB_BENCH_CONNECTIONS  connections (default 64)
#   WEB_BENCH_DIR          work directory (default $BUILD/bench/web)
#   WEB_BENCH_BIG=0        skip the big store
#
# wrk runs on the same machine as the server (2 CPUs here), so the
# latencies include the load generator's share of the CPUs and the
# loopback; they are an upper bound of the server time.  The target
# (public pages p99 < 20 ms at 64 connections) is compared by the reader:
# nothing here asserts a time.  A path that answers 404 is a page not in
# this build (another branch), reported as such.
set -u
BUILD=${BUILD:-build}
NETRA_BIN=${NETRA_BIN:-$BUILD/bin/netra}
DUR=${WEB_BENCH_SECONDS:-10}
CONNS=${WEB_BENCH_CONNECTIONS:-64}
WORK=${WEB_BENCH_DIR:-$BUILD/bench/web}
BIG=$BUILD/bench/stats

if ! command -v wrk >/dev/null 2>&1; then
	echo "web bench: wrk is needed (apt-get install wrk)"
	exit 1
fi
rm -rf "$WORK"
mkdir -p "$WORK/data" || exit 1
export NETRA_ACCESS_LOG=false NETRA_LOG_LEVEL=warn

# serve DIR NAME: start netra on a free port; sets PID and BASE
serve() {
	rm -f "$WORK/$2.port"
	"$NETRA_BIN" serve --data "$1" --listen 127.0.0.1:0 --port-file "$WORK/$2.port" \
		>"$WORK/$2.log" 2>&1 &
	PID=$!
	i=0
	while [ ! -s "$WORK/$2.port" ] && [ $i -lt 400 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$WORK/$2.port" ]; then
		echo "web bench: server did not start: $(tail -n 5 "$WORK/$2.log")"
		kill "$PID" 2>/dev/null
		exit 1
	fi
	BASE="http://127.0.0.1:$(cat "$WORK/$2.port")"
}

stop() {
	kill -TERM "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
}

# bench PATH CONNS [HEADER]: one row of figures
bench() {
	path=$1
	c=$2
	shift 2
	if [ $# -gt 0 ]; then
		status=$(curl -s -o "$WORK/page" -w '%{http_code}' -H "$1" "$BASE$path")
		wrk -t2 -c"$c" -d"${DUR}s" --latency -H "$1" "$BASE$path" >"$WORK/wrk.out" 2>&1
	else
		status=$(curl -s -o "$WORK/page" -w '%{http_code}' "$BASE$path")
		wrk -t2 -c"$c" -d"${DUR}s" --latency "$BASE$path" >"$WORK/wrk.out" 2>&1
	fi
	bytes=$(wc -c <"$WORK/page" | tr -d ' ')
	awk -v path="$path" -v status="$status" -v bytes="$bytes" -v conns="$c" '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/) return v * 1000
		return v
	}
	/Requests\/sec/ { rps = $2 }
	/^ +50%/ { p50 = ms($2) }
	/^ +99%/ { p99 = ms($2) }
	/Non-2xx or 3xx/ { bad = $NF }
	END {
		note = ""
		if (status == 404) note = "  (404: page not in this build)"
		else if (bad > 0) note = sprintf("  (%d non-2xx answers)", bad)
		printf "%-34s %3s %7d B  c=%-3d %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms%s\n",
			path, status, bytes, conns, rps, p50, p99, note
	}' "$WORK/wrk.out"
}

echo "demo dataset: $("$NETRA_BIN" demo --cases 300 --data "$WORK/data" 2>/dev/null | tail -n 1)"
# a tracking code for the status pages (the export's first data row)
CODE=$("$NETRA_BIN" export --as pengawas_prov --data "$WORK/data" 2>/dev/null | sed -n 2p | cut -d';' -f1)
serve "$WORK/data" demo
echo "server: $BASE, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t2 -c$CONNS -d${DUR}s"
echo "public pages (target p99 < 20 ms at 64 connections):"
for path in / /lapor "/status/$CODE" /boleh /transparansi "/api/v1/status/$CODE" \
	"/api/v1/stats/public"; do
	bench "$path" "$CONNS"
done
stop

if [ "${WEB_BENCH_BIG:-1}" != 0 ] && [ -f "$BIG/netra.db" ]; then
	echo "big store ($(cat "$BIG/stamp" 2>/dev/null), $(du -m "$BIG/netra.db" | cut -f1) MB):"
	TOKEN=$("$NETRA_BIN" token create pengawas_prov --name "bench-$$" --data "$BIG" 2>/dev/null |
		tail -n 1 | awk '{print $NF}')
	serve "$BIG" big
	for path in /kantor/dasbor /transparansi; do
		t=$(curl -s -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$BASE$path")
		echo "$path first answer (figures computed): $t s"
	done
	bench /kantor/dasbor 4 "Authorization: Bearer $TOKEN"
	bench /api/v1/stats 4 "Authorization: Bearer $TOKEN"
	bench /transparansi "$CONNS"
	stop
	"$NETRA_BIN" token revoke pengawas_prov --name "bench-$$" --data "$BIG" >/dev/null 2>&1
fi
