#!/bin/sh
# bench/04-engines.sh - issue 12's targets on both store engines, side by
# side, in one run with the same wrk settings:
#   durable intake (POST /api/v1/reports)  next to the disk's fdatasync rate
#                                           (bench/tool_fsync, same run, same
#                                           disk); PostgreSQL >= 2x that rate
#   status lookups (GET /api/v1/status/{code})  requests/s and p99
#   case list p99 with CASES cases (default 1,000,000)          < 20 ms
#   national dashboard (GET /api/v1/stats), first computation   < 1 s
#                                          and from the cache   < 100 ms
#   kill -9 during sustained intake (tests/e2e/0260-kill9.sh, KILL_RUNS)
# PostgreSQL is a throwaway server from tests/pg/up.sh with durability on
# (NETRA_PG_DURABLE=1: fsync, full_page_writes, synchronous_commit), reached
# as the application role netra_web (row-level security active).  SQLite
# is the default store in a data directory on the same disk.
# It prints the figures and the targets; it asserts nothing.
#   ENGINES="sqlite pg"  which engines (default both)
#   CASES=N              store size for the case list and dashboard
#   DURATION=10s         each wrk run (-t2 -c64)
#   KILL_RUNS=N          kill -9 runs per engine (default 10; 0 skips)
#   THREADS=N            netra serve's worker threads (default 2)
set -u
BUILD=${BUILD:-build}
BIN=${NETRA_BIN:-$BUILD/bin/netra}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
CASES=${CASES:-1000000}
DURATION=${DURATION:-10s}
ENGINES=${ENGINES:-"sqlite pg"}
KILL_RUNS=${KILL_RUNS:-10}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/netra-bench-eng.XXXXXX")
chmod 755 "$WORK" # the postgres user runs the PostgreSQL server under it
SPID=
PG_DIR=
cleanup() {
	[ -n "$SPID" ] && kill "$SPID" 2>/dev/null && wait "$SPID" 2>/dev/null
	[ -n "$PG_DIR" ] && sh tests/pg/down.sh "$PG_DIR" >/dev/null 2>&1
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# --- per-engine setup ----------------------------------------------------------
# engine_env E: DATA, NETRA_DB, DISK (where fdatasync is measured: the
# directory the engine's own files live in)
engine_env() {
	DATA=$WORK/$1/data
	mkdir -p "$DATA"
	if [ "$1" = pg ]; then
		NETRA_DB=$(sh tests/pg/newdb.sh "bench_$(date +%s)") || return 1
		DISK=$PG_DIR/data
	else
		NETRA_DB=
		DISK=$DATA
	fi
	export NETRA_DB
}
n() { "$BIN" "$@" --data "$DATA" --log-level error; }
# sql QUERY: one value from the engine's database, as its owner
sql() {
	if [ -n "$NETRA_DB" ]; then
		psql -X -q -At -v ON_ERROR_STOP=1 "$NETRA_PG_OWNER_URL${NETRA_DB##*/}" -c "$1"
	else
		sqlite3 "$DATA/netra.db" "$1"
	fi
}

setup_store() {
	[ -z "$NETRA_DB" ] && { n db migrate >/dev/null || return 1; }
	n office add bawaslu-ri --name "Bawaslu Republik Indonesia" --kind bawaslu --level ri \
		--tz WIB >/dev/null &&
		n office add bawaslu-64 --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu \
			--level provinsi --region 64 --tz WITA >/dev/null &&
		n office add bawaslu-64.08 --name "Bawaslu Kutai Timur" --kind bawaslu --level kabkota \
			--region 64.08 --parent bawaslu-64 >/dev/null &&
		printf 'frasa sandi bench 2024 panjang\n' |
		n key init --office bawaslu-64 --passphrase-stdin >/dev/null || return 1
	for u in bench_ri:bawaslu-ri bench_prov:bawaslu-64 bench_kutim:bawaslu-64.08; do
		printf 'sandi-bench-2024-%s\n' "${u%%:*}" |
			n user add "${u%%:*}" --role pengawas --office "${u#*:}" --password-stdin \
				>/dev/null || return 1
	done
	TOK_RI=$(n token create bench_ri --name bench | tail -n 1)
	TOK_PROV=$(n token create bench_prov --name bench | tail -n 1)
	TOK_KUTIM=$(n token create bench_kutim --name bench | tail -n 1)
}

serve() {
	PORT=$(free_port)
	BASE=http://127.0.0.1:$PORT
	NETRA_INTAKE_RATE_PER_MIN=0 NETRA_THREADS=${THREADS:-2} "$BIN" serve --data "$DATA" \
		--listen 127.0.0.1:$PORT --now 2024-02-09T10:00:00+08:00 --log-level error &
	SPID=$!
	i=0
	until curl -s -o /dev/null "$BASE/healthz" || [ $i -gt 200 ]; do sleep 0.05; i=$((i + 1)); done
}
stop() {
	kill "$SPID"
	wait "$SPID" 2>/dev/null
	SPID=
}
cpu() { awk '{print $14+$15}' "/proc/$SPID/stat"; }
# run NAME URL [wrk args]: prints a line; sets RPS P99 REQS
run() {
	name=$1
	url=$2
	shift 2
	a=$(cpu)
	out=$(wrk -t2 -c64 -d"$DURATION" --latency "$@" "$url" 2>&1)
	b=$(cpu)
	REQS=$(echo "$out" | awk '/requests in/ {print $1}')
	RPS=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	P99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
	cpums=$(echo "($b - $a) * 1000 / $(getconf CLK_TCK) / ${REQS:-1}" | bc -l)
	printf '   %-40s %9s req/s  p50 %8s  p99 %8s  server CPU %.3f ms/req%s\n' "$name" \
		"$RPS" "$p50" "$P99" "$cpums" "${bad:+  (non-2xx: $bad)}"
}
# get_ms URL TOKEN: milliseconds of one GET (curl's total time), "err" on non-200
get_ms() {
	curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $2" "$1" |
		awk '$1 == 200 {printf "%.1f", $2 * 1000; next} {printf "err(%s)", $1}'
}

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jenis":"laporan","pemilihan":"pemilu2024","pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta","telepon":"0812"},"terlapor":[{"nama":"Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan","jabatan":"Kepala Bidang","status":"PNS"}],"peristiwa":{"uraian":"Terlapor mengunggah foto bersama calon dengan pose dua jari.","tempat":"Sangatta","kode_wilayah":"64.08.01","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},"saksi":[{"nama":"Rudi"}],"bukti":[{"jenis":"tautan","url":"https://facebook.com/x/1"}]}'
LUA

# R_<field>_<engine>: the figures of the final table
put() { eval "R_$1_$2=\$3"; }
get() { eval "printf '%s' \"\${R_$1_$2:--}\""; }

bench_engine() {
	e=$1
	echo "== $e"
	engine_env "$e" || { echo "   no database for $e"; return 1; }
	setup_store || { echo "   setting up the $e store failed"; return 1; }
	fs=$("$BUILD/bench/tool_fsync" "$DISK" 3)
	echo "   disk ($DISK): $fs"
	put fsync "$e" "${fs%% *}"

	serve
	before=$(sql "SELECT count(*) FROM cases")
	run "durable intake POST /api/v1/reports" "$BASE/api/v1/reports" -s "$WORK/post.lua"
	stop
	after=$(sql "SELECT count(*) FROM cases")
	secs=${DURATION%s}
	put intake "$e" "$(echo "($after - $before) / $secs" | bc)"
	echo "   reports stored: $((after - before)) = $(get intake "$e")/s durable (wrk: $RPS req/s)"

	serve
	CODE=$(sql "SELECT code FROM cases ORDER BY id LIMIT 1")
	run "status GET /api/v1/status/{code}" "$BASE/api/v1/status/$CODE"
	put status "$e" "$RPS"
	put status_p99 "$e" "$P99"
	stop

	have=$(sql "SELECT count(*) FROM cases")
	if [ "$CASES" -gt "$have" ]; then
		echo "   filling the store to $CASES cases (tool_casegen) ..."
		"$BUILD/bench/tool_casegen" "$DATA" $((CASES - have)) | sed 's/^/      /'
	fi
	put cases "$e" "$(sql "SELECT count(*) FROM cases")"
	if [ "$e" = pg ]; then
		psql -X -q -At "$NETRA_PG_OWNER_URL${NETRA_DB##*/}" -c "VACUUM ANALYZE" >/dev/null
		echo "   database: $(sql "SELECT pg_size_pretty(pg_database_size(current_database()))")"
	else
		echo "   database: $(du -h "$DATA/netra.db" | cut -f1)"
	fi
	sync
	serve
	# the dashboard first, on a fresh server: nothing computed or cached yet
	first=$(get_ms "$BASE/api/v1/stats" "$TOK_RI")
	cached=$(get_ms "$BASE/api/v1/stats" "$TOK_RI")
	put dash_first "$e" "$first"
	put dash_cached "$e" "$cached"
	echo "   national dashboard GET /api/v1/stats: first $first ms, cached $cached ms"
	prov=$(get_ms "$BASE/api/v1/stats" "$TOK_PROV")
	echo "   province dashboard: first $prov ms, cached $(get_ms "$BASE/api/v1/stats" "$TOK_PROV") ms"
	run "case list, province scope, cold (5 s)" "$BASE/api/v1/cases" \
		-H "Authorization: Bearer $TOK_PROV" -d5s
	run "case list, province scope" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_PROV"
	put list_prov "$e" "$P99"
	run "case list, kab/kota scope" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_KUTIM"
	put list_kab "$e" "$P99"
	run "case list, filtered by state" "$BASE/api/v1/cases?state=kajian" \
		-H "Authorization: Bearer $TOK_PROV"
	put list_state "$e" "$P99"
	run "case list, national scope" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_RI"
	put list_ri "$e" "$P99"
	stop

	if [ "$KILL_RUNS" -gt 0 ]; then
		echo "   kill -9 during sustained intake ($KILL_RUNS runs):"
		pgflag=0
		[ "$e" = pg ] && pgflag=1
		out=$(NETRA_TEST_PG=$pgflag KILL_RUNS=$KILL_RUNS NETRA_BIN=$BIN NETRA_DB= \
			sh tests/e2e/0260-kill9.sh 2>&1)
		echo "$out" | grep -E "^(not )?ok" | sed 's/^/      /'
		acked=$(echo "$out" | sed -n 's/.*acknowledged during the runs (\([0-9]*\)).*/\1/p')
		notok=$(echo "$out" | grep -c "^not ok")
		put kill9 "$e" "${acked:-0} acked, $notok failed checks"
	fi
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "wrk -t2 -c64 -d$DURATION on every run; $CASES cases for the list and the dashboard"
for e in $ENGINES; do
	if [ "$e" = pg ]; then
		PG_DIR=$WORK/pg
		if ! NETRA_PG_DURABLE=1 NETRA_BIN=$BIN sh tests/pg/up.sh "$PG_DIR" >"$WORK/pg.env" \
			2>"$WORK/pg.log"; then
			echo "== pg: tests/pg/up.sh failed"
			sed 's/^/   /' "$WORK/pg.log"
			continue
		fi
		eval "$(cat "$WORK/pg.env")"
		export PGHOST PGPORT NETRA_PG_DIR NETRA_PG_OWNER_URL NETRA_PG_APP_URL
		echo "== pg: PostgreSQL $(psql -X -At "${NETRA_PG_OWNER_URL}postgres" -c 'SHOW server_version'), fsync $(psql -X -At "${NETRA_PG_OWNER_URL}postgres" -c 'SHOW fsync'), synchronous_commit $(psql -X -At "${NETRA_PG_OWNER_URL}postgres" -c 'SHOW synchronous_commit')"
	fi
	bench_engine "$e"
	unset NETRA_DB
done

echo
echo "== both engines (commit $(git rev-parse --short HEAD 2>/dev/null || echo '?');" \
	"load average now $(cut -d' ' -f1-3 /proc/loadavg))"
row() {
	printf '%-34s' "$1"
	for e in $ENGINES; do printf ' %-22s' "$(get "$2" "$e")"; done
	printf ' %s\n' "$3"
}
printf '%-34s' ""
for e in $ENGINES; do printf ' %-22s' "$e"; done
printf ' %s\n' "target"
row "fdatasync/s (4 KB, same disk)" fsync ""
row "durable intake/s" intake "pg >= 2x fdatasync/s"
row "status lookups/s" status ""
row "status p99" status_p99 ""
row "cases in the store" cases ""
row "case list p99, province" list_prov "< 20 ms"
row "case list p99, kab/kota" list_kab "< 20 ms"
row "case list p99, state filter" list_state "< 20 ms"
row "case list p99, national" list_ri "< 20 ms"
row "dashboard national, first (ms)" dash_first "< 1000 ms"
row "dashboard national, cached (ms)" dash_cached "< 100 ms"
row "kill -9 ($KILL_RUNS runs)" kill9 "0 lost"
