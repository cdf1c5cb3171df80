#!/bin/sh
# bench/05-publik.sh - the public pages over HTTP on 127.0.0.1: requests per
# second and latency of GET /, /lapor, /status/{code} and a /boleh answer
# (wrk, 2 threads, 16 connections, 5 s each) against a fresh data directory
# with the Kalimantan Timur offices, and the time to send one report
# through the no-JavaScript form (curl, multipart with a photo, median of
# 20 sequential POSTs: parse, checks, intake, sealing, fsync'd group
# commit).  The clock is set to 9 Feb 2024 (Pemilu 2024).  Nothing here
# asserts a time.
#   PUBLIK_SECONDS=N   wrk duration per page (default 5)
set -u
BUILD=${BUILD:-build}
NETRA_BIN=${NETRA_BIN:-$BUILD/bin/netra}
SECS=${PUBLIK_SECONDS:-5}
if ! command -v wrk >/dev/null 2>&1; then
	echo "publik bench: wrk is needed (make deps-bench)"
	exit 1
fi
W=$(mktemp -d "${TMPDIR:-/tmp}/netra-bench-publik.XXXXXX")
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$W"' EXIT INT TERM
n() { "$NETRA_BIN" "$@" --data "$W/data" --log-level error >/dev/null; }
n db migrate
n office add bawaslu-64 --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu --level provinsi --region 64 --tz WITA
n office add bawaslu-64.08 --name "Bawaslu Kabupaten Kutai Timur" --kind bawaslu --level kabkota --region 64.08 --parent bawaslu-64
printf 'frasa sandi kustodian bench 2024\n' | n key init --office bawaslu-64 --passphrase-stdin
NETRA_INTAKE_RATE_PER_MIN=0 "$NETRA_BIN" serve --data "$W/data" --listen 127.0.0.1:0 --port-file "$W/port" \
	--now 2024-02-09T10:00:00+08:00 --log-level error >"$W/log" 2>&1 &
PID=$!
i=0
while [ ! -s "$W/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
BASE="http://127.0.0.1:$(cat "$W/port")"
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\002\000\000\000\220wS\336\000\000\000\014IDATx\234c\370\377\377?\000\005\376\002\376\247\065\201\204\000\000\000\000IEND\256B`\202' >"$W/foto.png"
post() {
	curl -s -o "$W/receipt.html" -w '%{http_code} %{time_total}\n' "$BASE/lapor" \
		-F pemilihan=pemilu2024 -F pelapor.nama="Siti Rahmawati" -F pelapor.alamat="Sangatta" \
		-F pelapor.nik=6408014512900003 -F "terlapor[0].nama=Ahmad" -F "terlapor[0].status=PNS" \
		-F "terlapor[0].nip=197805122005011003" -F peristiwa.uraian="Foto bersama calon" \
		-F wilayah.provinsi=64 -F wilayah.kabkota=64.08 -F peristiwa.waktu_kejadian=2024-02-05 \
		-F "berkas=@$W/foto.png;type=image/png" -F aksi=kirim
}
post >/dev/null
CODE=$(sed -n 's/.*<span>\([2-9A-Z]\{4\}\)<\/span><span>\([2-9A-Z]\{4\}\)<\/span><span>\([2-9A-Z]\)<\/span>.*/\1-\2-\3/p' "$W/receipt.html" | head -n 1)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for p in / /lapor "/status/$CODE" "/boleh?butir=D-6&teks=&status=PNS&tanggal=2024-02-05&pemilihan=pemilu2024"; do
	out=$(wrk -t2 -c16 -d"${SECS}s" --latency "$BASE$p" 2>&1)
	rps=$(echo "$out" | sed -n 's/^Requests\/sec: *//p')
	p50=$(echo "$out" | sed -n 's/^ *50% *//p')
	p99=$(echo "$out" | sed -n 's/^ *99% *//p')
	echo "  GET $p: $rps req/s, p50 $p50, p99 $p99"
done
times=""
for i in $(seq 20); do times="$times $(post | awk '$1 == 201 { print $2 }')"; done
echo "$times" | tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END {
	if (NR == 0) { print "  POST /lapor: no report was stored"; exit }
	printf "  POST /lapor (multipart, one photo, stored and fsync'"'"'d): median %.1f ms, max %.1f ms over %d reports\n",
		v[int((NR + 1) / 2)] * 1000, v[NR] * 1000, NR }'
