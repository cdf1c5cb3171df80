#!/bin/sh
# bench/03-cases.sh - the case-handling targets of issue 4, on this machine:
#   durable intake (POST /api/v1/reports, 64 connections)      >= 10,000/s
#   public status lookup (GET /api/v1/status/{code}, 64 conn.) >= 30,000/s, p99 < 10 ms
#   case list page with 1 M cases in the store (64 conn.)       p99 < 20 ms
#   kill -9 during sustained intake loses no acknowledged report (KILL_RUNS, default 10)
# It prints the figures; it asserts nothing.  CASES=N changes the store size.
set -u
BUILD=${BUILD:-build}
BIN=${NETRA_BIN:-$BUILD/bin/netra}
CASES=${CASES:-1000000}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/netra-bench-cases.XXXXXX")
DATA=$WORK/data
PORT=18181
BASE=http://127.0.0.1:$PORT
trap 'pkill -f "listen 127.0.0.1:$PORT" 2>/dev/null; rm -rf "$WORK"' EXIT
n() { "$BIN" "$@" --data "$DATA" --log-level error; }

n db migrate >/dev/null
n office add bawaslu-64 --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu --level provinsi --region 64 --tz WITA >/dev/null
n office add bawaslu-64.08 --name "Bawaslu Kutai Timur" --kind bawaslu --level kabkota --region 64.08 --parent bawaslu-64 >/dev/null
printf 'frasa sandi bench 2024 panjang\n' | n key init --office bawaslu-64 --passphrase-stdin >/dev/null
printf 'sandi-bench-2024-prov\n' | n user add bench_prov --role pengawas --office bawaslu-64 --password-stdin >/dev/null
printf 'sandi-bench-2024-kutim\n' | n user add bench_kutim --role pengawas --office bawaslu-64.08 --password-stdin >/dev/null
TOK_PROV=$(n token create bench_prov --name bench | tail -n 1)
TOK_KUTIM=$(n token create bench_kutim --name bench | tail -n 1)

serve() {
	NETRA_INTAKE_RATE_PER_MIN=0 NETRA_THREADS=${THREADS:-2} "$BIN" serve --data "$DATA" \
		--listen 127.0.0.1:$PORT --now 2024-02-09T10:00:00+08:00 --log-level error &
	SPID=$!
	i=0
	until curl -s -o /dev/null "$BASE/healthz" || [ $i -gt 100 ]; do sleep 0.05; i=$((i + 1)); done
}
stop() { kill "$SPID"; wait "$SPID" 2>/dev/null; }
cpu() { awk '{print $14+$15}' "/proc/$SPID/stat"; }
# run NAME URL [wrk args]: requests/s, latency percentiles, server CPU per request
run() {
	name=$1
	url=$2
	shift 2
	a=$(cpu)
	out=$(wrk -t2 -c64 -d10s --latency "$@" "$url" 2>&1)
	b=$(cpu)
	reqs=$(echo "$out" | awk '/requests in/ {print $1}')
	rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
	p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	bad=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
	cpums=$(echo "($b - $a) * 1000 / $(getconf CLK_TCK) / ${reqs:-1}" | bc -l)
	printf '%-44s %9s req/s  p50 %8s  p99 %8s  server CPU %.3f ms/req%s\n' "$name" "$rps" "$p50" \
		"$p99" "$cpums" "${bad:+  (non-2xx: $bad)}"
}

cat >"$WORK/post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"jenis":"laporan","pemilihan":"pemilu2024","pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta","telepon":"0812"},"terlapor":[{"nama":"Ahmad Yani","nip":"197805122005011003","instansi":"Dinas Pendidikan","jabatan":"Kepala Bidang","status":"PNS"}],"peristiwa":{"uraian":"Terlapor mengunggah foto bersama calon dengan pose dua jari.","tempat":"Sangatta","kode_wilayah":"64.08.01","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},"saksi":[{"nama":"Rudi"}],"bukti":[{"jenis":"tautan","url":"https://facebook.com/x/1"}]}'
LUA

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
serve
before=$(sqlite3 "$DATA/netra.db" "SELECT count(*) FROM cases")
run "durable intake POST /api/v1/reports" "$BASE/api/v1/reports" -s "$WORK/post.lua"
stop
after=$(sqlite3 "$DATA/netra.db" "SELECT count(*) FROM cases")
echo "   reports stored: $((after - before)) (every 201 was fsync'd first; target 10,000/s)"
serve
CODE=$(sqlite3 "$DATA/netra.db" "SELECT code FROM cases LIMIT 1")
run "status GET /api/v1/status/{code}" "$BASE/api/v1/status/$CODE"
echo "   (target >= 30,000 req/s, p99 < 10 ms)"
stop

echo "filling the store to $CASES cases ..."
"$BUILD/bench/tool_casegen" "$DATA" "$CASES" | sed 's/^/   /'
echo "   database: $(du -h "$DATA/netra.db" | cut -f1)"
# let the kernel write the generator's 1 GB back first: the cold window is
# meant to show a restart (empty reader caches), not a disk busy with writeback
sync
serve
# the first seconds after a start read the 1 GB file into the readers' page
# caches; measure the steady state and say what the cold window looked like
run "case list, province scope, cold start (5 s)" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_PROV" -d5s
run "case list, province scope (1st page of 50)" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_PROV"
run "case list, kab/kota scope (1st page of 50)" "$BASE/api/v1/cases" -H "Authorization: Bearer $TOK_KUTIM"
run "case list, filtered by state" "$BASE/api/v1/cases?state=kajian" -H "Authorization: Bearer $TOK_PROV"
echo "   (target p99 < 20 ms with $CASES cases)"
stop

echo "kill -9 during sustained intake (${KILL_RUNS:=10} runs):"
KILL_RUNS=$KILL_RUNS NETRA_BIN=$BIN sh tests/e2e/0260-kill9.sh | grep -E "^(not )?ok" | sed 's/^/   /'
