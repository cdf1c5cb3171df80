# 0800 two `netra serve` nodes on one PostgreSQL database behave like one
# (PostgreSQL only: skipped unless NETRA_TEST_PG=1).  Each node has its own
# data directory; both name one shared evidence directory ([store] files).
# (a) 100 concurrent claims of the one open case in an officer's scope,
#     half to each node: exactly one claim gets it;
# (b) concurrent intake, transitions of the same cases and crossing merges
#     from both nodes: every case ends in one state, no merge cycle or half
#     merge, `netra audit verify` passes and the event ids are gapless;
# (c) a login on node A is accepted on node B (bearer and cookie + CSRF);
# (d) an office added and a sealing key set beside node A (the CLI, a third
#     process on the database) are used by node B within a second, well
#     inside the 30 s the office cache would otherwise keep the old answer;
# (e) evidence uploaded on A downloads on B.
# Figures are printed as TAP comments (# figure: ...).
if [ "${NETRA_TEST_PG:-0}" != 1 ]; then
	echo "ok 1 # skip two nodes need PostgreSQL (NETRA_TEST_PG=1)"
	echo "1..1"
	exit 0
fi
. tests/e2e/lib.sh

export NETRA_INTAKE_RATE_PER_MIN=0 # hundreds of reports from one client
export NETRA_FILES="$T_TMP/files" # the shared evidence directory
mkdir -p "$NETRA_FILES"
NOW=2024-02-09T10:00:00+08:00

# like setup_kaltim, without Balikpapan's office (added in d)
netra db migrate >/dev/null
netra office add bawaslu-64 --name "Bawaslu Provinsi Kalimantan Timur" --kind bawaslu \
	--level provinsi --region 64 --tz WITA >/dev/null
netra office add bawaslu-64.08 --name "Bawaslu Kabupaten Kutai Timur" --kind bawaslu \
	--level kabkota --region 64.08 --parent bawaslu-64 --tz WITA >/dev/null
printf '%s\n' "$SEAL_PASSPHRASE" | netra key init --office bawaslu-64 --passphrase-stdin >/dev/null
for spec in pengawas_kutim:pengawas:bawaslu-64.08 pengawas_prov:pengawas:bawaslu-64; do
	u=${spec%%:*}
	rest=${spec#*:}
	printf 'sandi-uji-%s-2024\n' "$u" | netra user add "$u" --role "${rest%%:*}" \
		--office "${rest#*:}" --name "Petugas $u" --password-stdin >/dev/null
	netra token create "$u" --name e2e | tail -n 1 | awk '{print $NF}' >"$T_TMP/tok_$u"
done

# the curls started in the background, and waiting for them (not the nodes)
BG=
bg_add() { BG="$BG $!"; }
wait_bg() {
	for j in $BG; do wait "$j"; done
	BG=
}

# node NAME: start a server with its own data directory; sets PORT_NAME
PIDS=
node() {
	mkdir -p "$T_TMP/data_$1"
	"$NETRA_BIN" serve --data "$T_TMP/data_$1" --listen 127.0.0.1:0 \
		--port-file "$T_TMP/port_$1" --now "$NOW" >"$T_TMP/server_$1.log" 2>&1 &
	eval "PID_$1=$!"
	PIDS="$PIDS $!"
	i=0
	while [ ! -s "$T_TMP/port_$1" ] && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	if [ ! -s "$T_TMP/port_$1" ]; then
		fail "node $1 started" "$(tail -n 20 "$T_TMP/server_$1.log")"
		finish
	fi
	eval "PORT_$1=$(cat "$T_TMP/port_$1")"
}
node A
node B
URL_A="http://127.0.0.1:$PORT_A"
URL_B="http://127.0.0.1:$PORT_B"
ok "two nodes on one database"
at() { # at NODE: the following req goes to that node
	eval "BASE=\$URL_$1"
}

# report NODE REGION [OUT]: a public laporan, receipt in OUT (or the body)
report() {
	at "$1"
	body="{\"jenis\":\"laporan\",\"pemilihan\":\"pemilu2024\",
 \"pelapor\":{\"nama\":\"Siti Rahmawati\",\"alamat\":\"Sangatta\"},
 \"terlapor\":[{\"nama\":\"Ahmad Yani\",\"instansi\":\"Dinas Pendidikan\",\"jabatan\":\"Kepala Bidang\",\"status\":\"PNS\"}],
 \"peristiwa\":{\"uraian\":\"Kepala bidang mengajak guru memilih calon tertentu di grup WhatsApp sekolah.\",\"tempat\":\"Sangatta\",\"kode_wilayah\":\"$2\",\"waktu_kejadian\":\"2024-02-05\",\"waktu_diketahui\":\"2024-02-06\"},
 \"bukti\":[{\"jenis\":\"tautan\",\"url\":\"https://facebook.com/x/1\"}]}"
	if [ -n "${3:-}" ]; then
		curl -s -o "$3" -X POST -H 'Content-Type: application/json' --data-binary "$body" \
			"$BASE/api/v1/reports"
	else
		post_json - /api/v1/reports "$body"
	fi
}
case_id() { # case_id CODE (from the database: the case list is not under test here)
	db_sql "SELECT id FROM cases WHERE code = '$1'"
}

# --- (a) one open case, 100 claims through two nodes ----------------------
report A 64.08
CODE=$(jget .code)
ONE=$(case_id "$CODE")
i=0
while [ $i -lt 100 ]; do
	if [ $((i % 2)) -eq 0 ]; then u=$URL_A; else u=$URL_B; fi
	curl -s -o "$T_TMP/claim_$i" -X POST -H "Authorization: Bearer $(cat "$T_TMP/tok_pengawas_kutim")" \
		-H 'Content-Type: application/json' --data-binary '{"n":1}' "$u/api/v1/cases/claim" & bg_add
	i=$((i + 1))
done
wait_bg
WINNERS=$(cat "$T_TMP"/claim_* | jq -s "[.[] | select(.claimed == [$ONE])] | length")
EMPTY=$(cat "$T_TMP"/claim_* | jq -s '[.[] | select(.claimed == [])] | length')
echo "# figure: claims answered $((WINNERS + EMPTY)) of 100, winners $WINNERS"
expect "100 concurrent claims through two nodes: exactly one winner" "$WINNERS" 1
expect "the other 99 claims got nothing" "$EMPTY" 99
expect "the case has one assignee" "$(db_sql "SELECT count(*) FROM cases WHERE id = $ONE AND assigned_to IS NOT NULL")" 1

# --- (b) concurrent writes from both nodes ---------------------------------
# 40 cases to work on, filed half on each node
i=0
while [ $i -lt 40 ]; do
	if [ $((i % 2)) -eq 0 ]; then n=A; else n=B; fi
	report $n 64.08 "$T_TMP/rcpt_$i" & bg_add
	i=$((i + 1))
done
wait_bg
IDS=
i=0
while [ $i -lt 40 ]; do
	c=$(jq -r .code "$T_TMP/rcpt_$i")
	IDS="$IDS $(case_id "$c")"
	i=$((i + 1))
done
expect "40 reports filed concurrently on two nodes" "$(echo $IDS | wc -w)" 40
# the same transition of every case from both nodes at once, plus 100 more
# reports and notes meanwhile: each transition is taken once
tok=$(cat "$T_TMP/tok_pengawas_kutim")
for id in $IDS; do
	for n in A B; do
		eval "u=\$URL_$n"
		curl -s -o "$T_TMP/tr_${id}_$n" -w '%{http_code}' -X POST -H "Authorization: Bearer $tok" \
			-H 'Content-Type: application/json' --data-binary '{"action":"mulai_kajian_awal"}' \
			"$u/api/v1/cases/$id/transitions" >"$T_TMP/trs_${id}_$n" & bg_add
		curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" \
			-H 'Content-Type: application/json' --data-binary '{"body":"catatan bersamaan"}' \
			"$u/api/v1/cases/$id/notes" & bg_add
	done
done
i=0
while [ $i -lt 100 ]; do
	if [ $((i % 2)) -eq 0 ]; then n=A; else n=B; fi
	report $n 64.08 "$T_TMP/more_$i" & bg_add
	i=$((i + 1))
done
wait_bg
won=0
lost=0
for id in $IDS; do
	for n in A B; do
		case $(cat "$T_TMP/trs_${id}_$n") in
		200) won=$((won + 1)) ;;
		409) lost=$((lost + 1)) ;;
		esac
	done
done
echo "# figure: transitions taken $won, refused as conflicts $lost (of 80)"
expect "each case's transition taken exactly once (40 of 80)" "$won" 40
expect "the other 40 refused with 409" "$lost" 40
expect "every case moved once: kajian_awal" \
	"$(db_sql "SELECT count(*) FROM cases WHERE state = 'kajian_awal'")" 40
MORE=$(cat "$T_TMP"/more_* | jq -s '[.[] | select(.code != null)] | length')
expect "100 more reports accepted meanwhile" "$MORE" 100

# crossing merges: A into B on one node while B into A on the other
set -- $IDS
pairs=0
while [ $# -ge 2 ] && [ $pairs -lt 10 ]; do
	a=$1
	b=$2
	shift 2
	curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
		--data-binary "{\"into\":$b,\"reason\":\"laporan ganda\"}" "$URL_A/api/v1/cases/$a/merge" & bg_add
	curl -s -o /dev/null -X POST -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
		--data-binary "{\"into\":$a,\"reason\":\"laporan ganda\"}" "$URL_B/api/v1/cases/$b/merge" & bg_add
	pairs=$((pairs + 1))
done
wait_bg
expect "crossing merges: no cycle" \
	"$(db_sql "SELECT count(*) FROM cases a JOIN cases b ON a.merged_into = b.id WHERE b.merged_into IS NOT NULL")" 0
expect "crossing merges: exactly one of each pair merged" \
	"$(db_sql "SELECT count(*) FROM cases WHERE merged_into IS NOT NULL")" 10
expect "no half merge (merged_into and state agree)" \
	"$(db_sql "SELECT count(*) FROM cases WHERE (merged_into IS NULL) <> (state <> 'digabung')")" 0

if netra audit verify >"$T_TMP/verify" 2>&1; then ok "audit chain verifies after concurrent writers"; else
	fail "audit chain verifies after concurrent writers" "$(tail -n 5 "$T_TMP/verify")"
fi
CHAIN=$(db_sql "SELECT count(*) || ' ' || min(id) || ' ' || max(id) FROM events")
set -- $CHAIN
echo "# figure: audit chain length $1 (ids $2..$3)"
expect "event ids are gapless" "$2 $3" "1 $1"

# --- (c) a session made on A works on B -------------------------------------
at A
req POST /api/v1/session -c "$T_TMP/jar" -H 'Content-Type: application/json' \
	--data-binary '{"username":"pengawas_kutim","password":"sandi-uji-pengawas_kutim-2024"}'
expect "login on node A" "$STATUS" 201
CSRF=$(jget .csrf)
at B
req GET /api/v1/me -b "$T_TMP/jar"
expect "the session cookie from A is accepted on B" "$STATUS" 200
check_json "as the same officer" '.user.username == "pengawas_kutim"'
set -- $IDS
req POST "/api/v1/cases/$1/notes" -b "$T_TMP/jar" -H "X-CSRF-Token: $CSRF" \
	-H 'Content-Type: application/json' --data-binary '{"body":"catatan dari node B"}'
expect "A's CSRF token passes on B" "$STATUS" 201
req POST "/api/v1/cases/$1/notes" -b "$T_TMP/jar" -H 'Content-Type: application/json' \
	--data-binary '{"body":"tanpa token"}'
expect "and B still requires it" "$STATUS" 403
at A
req DELETE /api/v1/session -b "$T_TMP/jar" -H "X-CSRF-Token: $CSRF"
at B
req GET /api/v1/me -b "$T_TMP/jar"
expect "a logout on A ends the session on B" "$STATUS" 401

# --- (d) office and key changes reach B within a second -------------------
report B 64.71
expect "before: Balikpapan is routed to the province (B caches it)" "$(jget .office)" \
	"Bawaslu Provinsi Kalimantan Timur"
netra office add bawaslu-64.71 --name "Bawaslu Kota Balikpapan" --kind bawaslu \
	--level kabkota --region 64.71 --parent bawaslu-64 --tz WITA >/dev/null
t0=$(date +%s%N)
seen=
while [ $(($(date +%s%N) - t0)) -lt 1000000000 ]; do
	report B 64.71
	if [ "$(jget .office)" = "Bawaslu Kota Balikpapan" ]; then
		seen=$((($(date +%s%N) - t0) / 1000000))
		break
	fi
	sleep 0.02
done
echo "# figure: office change seen on B after ${seen:-more than 1000} ms"
if [ -n "$seen" ]; then ok "a new office is used by B within a second"; else
	fail "a new office is used by B within a second" "last receipt: $(head -c 300 "$T_TMP/body")"
fi
KEY_PROV=$(db_sql "SELECT id FROM offices WHERE code = 'bawaslu-64'")
KEY_BPP=$(db_sql "SELECT id FROM offices WHERE code = 'bawaslu-64.71'")
report B 64.71
expect "before: B seals Balikpapan's reports to the province key" \
	"$(db_sql "SELECT sealed_office FROM cases WHERE code = '$(jget .code)'")" "$KEY_PROV"
printf 'frasa sandi balikpapan 2024\n' | netra key init --office bawaslu-64.71 --passphrase-stdin >/dev/null
t0=$(date +%s%N)
seen=
while [ $(($(date +%s%N) - t0)) -lt 1000000000 ]; do
	report B 64.71
	if [ "$(db_sql "SELECT sealed_office FROM cases WHERE code = '$(jget .code)'")" = "$KEY_BPP" ]; then
		seen=$((($(date +%s%N) - t0) / 1000000))
		break
	fi
	sleep 0.02
done
echo "# figure: sealing-key change seen on B after ${seen:-more than 1000} ms"
if [ -n "$seen" ]; then ok "a new sealing key is used by B within a second"; else
	fail "a new sealing key is used by B within a second"
fi

# --- (e) evidence uploaded on A downloads on B ------------------------------
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\000\001\000\000\000\001\010\006\000\000\000\037\025\304\211\000\000\000\rIDATx\234c\370\017\000\001\001\001\000\030\335\215\260\000\000\000\000IEND\256B`\202' >"$T_TMP/foto.png"
SHA=$(sha256sum "$T_TMP/foto.png" | cut -d' ' -f1)
cat >"$T_TMP/laporan.json" <<EOF
{"jenis":"laporan","pemilihan":"pemilu2024","pelapor":{"nama":"Siti Rahmawati","alamat":"Sangatta"},
 "terlapor":[{"nama":"Ahmad Yani","instansi":"Dinas Pendidikan","jabatan":"Kepala Bidang","status":"PNS"}],
 "peristiwa":{"uraian":"Kepala bidang mengajak guru memilih calon tertentu di grup WhatsApp sekolah.","tempat":"Sangatta","kode_wilayah":"64.08","waktu_kejadian":"2024-02-05","waktu_diketahui":"2024-02-06"},
 "bukti":[{"jenis":"berkas","berkas":"foto1","keterangan":"tangkapan layar"}]}
EOF
at A
req POST /api/v1/reports -F "laporan=<$T_TMP/laporan.json;type=application/json" -F "foto1=@$T_TMP/foto.png;type=image/png"
expect "evidence uploaded on A" "$STATUS" 201
EV=$(case_id "$(jget .code)")
at B
as pengawas_kutim GET "/api/v1/cases/$EV/evidence/$SHA"
expect "the file downloads on B" "$STATUS" 200
expect "byte for byte" "$(sha256sum "$T_TMP/body" | cut -d' ' -f1)" "$SHA"
if [ ! -e "$T_TMP/data_A/evidence" ] && [ ! -e "$T_TMP/data_B/evidence" ]; then
	ok "evidence lives in the shared directory, not in a node's data directory"
else
	fail "evidence lives in the shared directory, not in a node's data directory"
fi

# both nodes stop cleanly
for n in A B; do
	eval "pid=\$PID_$n"
	kill -TERM "$pid"
	if wait "$pid"; then ok "node $n exits cleanly"; else
		fail "node $n exits cleanly" "$(tail -n 20 "$T_TMP/server_$n.log")"
	fi
done
for n in A B; do
	if grep -q -E 'ERROR: AddressSanitizer|runtime error:|LeakSanitizer' "$T_TMP/server_$n.log"; then
		fail "no sanitizer report in node $n's log" \
			"$(grep -E -A5 'Sanitizer|runtime error' "$T_TMP/server_$n.log" | head -20)"
	fi
	if grep -E ' error ' "$T_TMP/server_$n.log" | grep -v -E 'conflict|409' | head -n 5 >"$T_TMP/errs_$n" && [ -s "$T_TMP/errs_$n" ]; then
		echo "# node $n logged errors:"
		sed 's/^/# /' "$T_TMP/errs_$n"
	fi
done
finish
