#!/bin/sh
# tests/pg/rls.sh - row-level security of src/store/pgsql/0006_scope_rls.sql,
# tested at the SQL level (TAP).
#
# A fresh database (tests/pg/newdb.sh) gets a small fixture as the owner;
# then, connected as the application role (netra_web, a member of
# netra_app), each scope is set per transaction exactly as the engine does
# (set_config('netra.scope', S, true)) and the queries carry NO scope
# clause: what comes back is what the policies let through.  The cases seen
# are also compared with the rule of SCOPE_WHERE (store_internal.h)
# evaluated by the owner.  Needs the variables of tests/pg/up.sh.
set -u
: "${PGPORT:?run tests/pg/up.sh first}" "${NETRA_PG_OWNER_URL:?}" "${NETRA_PG_APP_URL:?}"
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
BIN=$(pg_bin) || exit 1
DB=t_rls_$$
T_N=0
T_FAILED=0
ok() { T_N=$((T_N + 1)); echo "ok $T_N - $1"; }
fail() {
	T_N=$((T_N + 1))
	T_FAILED=$((T_FAILED + 1))
	echo "not ok $T_N - $1"
	shift
	for line in "$@"; do echo "# $line"; done
}
expect() { if [ "$2" = "$3" ]; then ok "$1"; else fail "$1" "got:      '$2'" "expected: '$3'"; fi; }

sh "$HERE/newdb.sh" "$DB" >/dev/null || { echo "not ok 1 - fresh database"; exit 1; }
trap '"$BIN/dropdb" -h 127.0.0.1 -p "$PGPORT" -U netra_owner --if-exists "$DB" 2>/dev/null' EXIT
owner() { "$BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$NETRA_PG_OWNER_URL$DB" "$@"; }
# app SCOPE SQL: the last result of SQL run by the application role in one
# transaction whose netra.scope is SCOPE ("-" leaves it unset)
app() {
	if [ "$1" = - ]; then
		printf '%s;\n' "$2"
	else
		printf '%s\n' "BEGIN;" "SELECT set_config('netra.scope', '$1', true) \\g /dev/null" \
			"$2;" "COMMIT;"
	fi | "$BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$NETRA_PG_APP_URL$DB" 2>"$ERR"
}
ERR=$(mktemp "${TMPDIR:-/tmp}/netra-rls.XXXXXX")
trap '"$BIN/dropdb" -h 127.0.0.1 -p "$PGPORT" -U netra_owner --if-exists "$DB" 2>/dev/null; rm -f "$ERR"' EXIT

# Kaltim (64): Kutai Timur 64.08 with a kecamatan 64.08.01, Samarinda 64.72;
# Kalsel 63.01 elsewhere; A5 is province-wide.  PPK 3 (Kutim) received
# tracks of A1 and A2, PPK 4 (Samarinda) the track of A3.
if owner >/dev/null <<'SQL'
INSERT INTO offices(id, code, name, kind, level, region_code, tz, created_at) VALUES
 (1, 'ri', 'Bawaslu RI', 'bawaslu', 'ri', '', 'WIB', 1),
 (2, 'kutim', 'Bawaslu Kutai Timur', 'bawaslu', 'kabkota', '64.08', 'WITA', 1),
 (3, 'ppk-kutim', 'PPK Kutai Timur', 'ppk', 'instansi', '64.08', 'WITA', 1),
 (4, 'ppk-smd', 'PPK Samarinda', 'ppk', 'instansi', '64.72', 'WITA', 1);
INSERT INTO users(id, username, full_name, role, office_id, password_hash, created_at, password_at)
 VALUES (1, 'admin', 'Admin', 'admin', 1, 'x', 1, 1);
INSERT INTO cases(id, code, kind, election, election_kind, state, region_code, prov, kabkota,
                  recommended, office_id, received_at, tz, description, updated_at) VALUES
 (1, 'A1', 'laporan', 'pilkada-2029', 'pilkada', 'baru', '64.08', '64', '64.08', 0, 2, 1, 'WITA', 'd', 1),
 (2, 'A2', 'laporan', 'pilkada-2029', 'pilkada', 'baru', '64.08.01', '64', '64.08', 1, 2, 1, 'WITA', 'd', 1),
 (3, 'A3', 'laporan', 'pilkada-2029', 'pilkada', 'baru', '64.72', '64', '64.72', 1, 1, 1, 'WITA', 'd', 1),
 (4, 'A4', 'temuan', 'pemilu-2029', 'pemilu', 'baru', '63.01', '63', '63.01', 0, 1, 1, 'WITA', 'd', 1),
 (5, 'A5', 'laporan', 'pilkada-2029', 'pilkada', 'baru', '64', '64', '', 0, 1, 1, 'WITA', 'd', 1);
INSERT INTO tracks(id, case_id, name, status, state, ppk_office_id, updated_at) VALUES
 (1, 1, 'T1', 'pns', 'kajian', 3, 1),
 (2, 2, 'T2', 'pns', 'rekomendasi', 3, 1),
 (3, 3, 'T3', 'pns', 'rekomendasi', 4, 1),
 (4, 4, 'T4', 'pns', 'kajian', NULL, 1);
INSERT INTO deadlines(case_id, rule, start_on, due_on, tz, explanation, status)
 SELECT id, 'r', '2026-12-01', '2026-12-08', 'WITA', 'e', 'open' FROM cases;
INSERT INTO notes(case_id, user_id, at, body) SELECT id, 1, 1, 'n' FROM cases;
INSERT INTO evidence(case_id, kind, note, added_at) VALUES (1, 'teks', 'e', 1), (4, 'teks', 'e', 1);
INSERT INTO witnesses(case_id, name) VALUES (2, 'W2'), (3, 'W3');
INSERT INTO events(id, at, case_id, actor, kind, data, prev_hash, hash) VALUES
 (1, 1, NULL, 'system', 'mulai', '{}', '\x00', '\x01'),
 (2, 1, 1, 'admin', 'laporan_diterima', '{}', '\x01', '\x02'),
 (3, 1, 4, 'admin', 'temuan_dibuat', '{}', '\x02', '\x03'),
 (4, 1, 3, 'admin', 'laporan_diterima', '{}', '\x03', '\x04');
INSERT INTO screened_items(id, text, content_hash, label, score_pct, region_code, prov, kabkota,
                           seen_at) VALUES
 (1, 'a', 'h1', 'possible_violation', 90, '', '', '', 1),
 (2, 'b', 'h2', 'possible_violation', 90, '64.08', '64', '64.08', 1),
 (3, 'c', 'h3', 'possible_violation', 90, '63.01', '63', '63.01', 1),
 (4, 'd', 'h4', 'possible_violation', 90, '64.72.01', '64', '64.72', 1);
SQL
then ok "fixture loaded as the owner"; else fail "fixture loaded as the owner"; fi

# --- the application role ------------------------------------------------
expect "the application role is not a superuser and has no BYPASSRLS" \
	"$(app - "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")" "f|f"
expect "the application role does not own cases" \
	"$(app - "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class WHERE relname = 'cases'")" "f"
expect "the application role is a member of netra_app" \
	"$(app - "SELECT pg_has_role(current_user, 'netra_app', 'MEMBER')")" "t"

# --- cases, with no scope clause in the query -----------------------------
CODES="SELECT coalesce(string_agg(code, ',' ORDER BY code), '') FROM cases"
expect "kabupaten 64.08: only Kutai Timur's cases (and its kecamatan)" \
	"$(app 'r=64.08;rec=0;ppk=0' "$CODES")" "A1,A2"
expect "province 64: the province's cases, province-wide ones included" \
	"$(app 'r=64;rec=0;ppk=0' "$CODES")" "A1,A2,A3,A5"
expect "kecamatan 64.08.01: its case only" "$(app 'r=64.08.01;rec=0;ppk=0' "$CODES")" "A2"
expect "national: every case" "$(app 'r=;rec=0;ppk=0' "$CODES")" "A1,A2,A3,A4,A5"
expect "a prefix is whole levels: 64.0 sees nothing of 64.08" "$(app 'r=64.0;rec=0;ppk=0' "$CODES")" ""
expect "none (the public) sees no case" "$(app 'none' "$CODES")" ""
expect "all (system work) sees every case" "$(app 'all' "$CODES")" "A1,A2,A3,A4,A5"
expect "no scope set means all" "$(app - "$CODES")" "A1,A2,A3,A4,A5"
expect "an empty scope means all" "$(app '' "$CODES")" "A1,A2,A3,A4,A5"
expect "rec=1 (BKN): recommended cases only" "$(app 'r=;rec=1;ppk=0' "$CODES")" "A2,A3"
expect "ppk=3: cases with a track addressed to PPK 3 only" "$(app 'r=;rec=0;ppk=3' "$CODES")" "A1,A2"
expect "rec=1 and ppk=3 together" "$(app 'r=;rec=1;ppk=3' "$CODES")" "A2"
expect "region and ppk together: Samarinda has nothing for PPK 3" \
	"$(app 'r=64.72;rec=0;ppk=3' "$CODES")" ""
expect "the scope ends with the transaction" \
	"$(app 'r=64.08;rec=0;ppk=0' "COMMIT; $CODES")" "A1,A2,A3,A4,A5"
expect "a WHERE clause cannot reach past the policy" \
	"$(app 'r=64.08;rec=0;ppk=0' "SELECT count(*) FROM cases WHERE region_code LIKE '63%' OR id = 3")" "0"

# the policies agree with SCOPE_WHERE for every combination of the fixture's scopes
mismatch=
for p in '' 64 64.08 64.08.01 64.72 63 63.01 64.0 6; do
	for rec in 0 1; do
		for ppk in 0 3 4; do
			got=$(app "r=$p;rec=$rec;ppk=$ppk" "$CODES")
			want=$(owner -c "SELECT coalesce(string_agg(code, ',' ORDER BY code), '') FROM cases c
				WHERE ('$p' = '' OR c.region_code = '$p' OR c.region_code LIKE '$p' || '.%')
				AND ($rec = 0 OR c.recommended = 1) AND ($ppk = 0 OR EXISTS (SELECT 1
				FROM tracks st WHERE st.case_id = c.id AND st.ppk_office_id = $ppk))")
			[ "$got" = "$want" ] || mismatch="$mismatch r=$p;rec=$rec;ppk=$ppk: got '$got' want '$want'"
		done
	done
done
if [ -z "$mismatch" ]; then ok "policy = SCOPE_WHERE for 54 scopes"; else
	fail "policy = SCOPE_WHERE for 54 scopes" "$mismatch"
fi

# --- the tables that hang off a case --------------------------------------
agg() { echo "SELECT coalesce(string_agg($2::text, ',' ORDER BY $2), '') FROM $1"; }
expect "tracks at 64.08: those of A1 and A2" "$(app 'r=64.08;rec=0;ppk=0' "$(agg tracks name)")" "T1,T2"
expect "tracks for PPK 3 (no policy recursion)" "$(app 'r=;rec=0;ppk=3' "$(agg tracks name)")" "T1,T2"
expect "tracks for none" "$(app none "$(agg tracks name)")" ""
expect "tracks for all" "$(app all "$(agg tracks name)")" "T1,T2,T3,T4"
expect "deadlines at 64.08" "$(app 'r=64.08;rec=0;ppk=0' "$(agg deadlines case_id)")" "1,2"
expect "notes at 64.08" "$(app 'r=64.08;rec=0;ppk=0' "$(agg notes case_id)")" "1,2"
expect "evidence at 64.08" "$(app 'r=64.08;rec=0;ppk=0' "$(agg evidence case_id)")" "1"
expect "witnesses at 64.08" "$(app 'r=64.08;rec=0;ppk=0' "$(agg witnesses name)")" "W2"
expect "witnesses for none" "$(app none "$(agg witnesses name)")" ""
expect "events at 64.08: its cases' and those of no case" \
	"$(app 'r=64.08;rec=0;ppk=0' "$(agg events id)")" "1,2"
expect "events for none: those of no case" "$(app none "$(agg events id)")" "1"
expect "the chain head does not depend on the scope" \
	"$(app 'r=64.08;rec=0;ppk=0' "SELECT id || ':' || encode(hash, 'hex') FROM netra_events_head()")" "4:04"

# --- screened items (the unknown region goes to national and provincial) --
expect "screened items at 64.08" "$(app 'r=64.08;rec=0;ppk=0' "$(agg screened_items id)")" "2"
expect "screened items at 64: its own and the unknown region" \
	"$(app 'r=64;rec=0;ppk=0' "$(agg screened_items id)")" "1,2,4"
expect "screened items nationally" "$(app 'r=;rec=0;ppk=0' "$(agg screened_items id)")" "1,2,3,4"
expect "screened items: rec and ppk do not apply" "$(app 'r=64;rec=1;ppk=3' "$(agg screened_items id)")" "1,2,4"
expect "screened items for none" "$(app none "$(agg screened_items id)")" ""

# --- writes ---------------------------------------------------------------
expect "an update outside the scope touches nothing" \
	"$(app 'r=64.08;rec=0;ppk=0' "WITH u AS (UPDATE cases SET state = 'x' WHERE id IN (3, 4) RETURNING 1) SELECT count(*) FROM u")" "0"
expect "an update inside the scope works" \
	"$(app 'r=64.08;rec=0;ppk=0' "WITH u AS (UPDATE cases SET updated_at = 2 WHERE id = 1 RETURNING 1) SELECT count(*) FROM u")" "1"
if app 'r=64.08;rec=0;ppk=0' "UPDATE cases SET region_code = '63.01' WHERE id = 1" >/dev/null; then
	fail "a case cannot be moved out of the scope"
else ok "a case cannot be moved out of the scope"; fi
if app 'r=64.08;rec=0;ppk=0' "INSERT INTO cases(code, kind, election, election_kind, state, region_code, prov, kabkota, office_id, received_at, tz, description, updated_at) VALUES ('B1', 'temuan', 'e', 'pemilu', 'baru', '63.01', '63', '63.01', 1, 1, 'WIB', 'd', 1)" >/dev/null; then
	fail "a case outside the scope cannot be inserted"
else ok "a case outside the scope cannot be inserted"; fi
if app 'r=64.08;rec=0;ppk=0' "INSERT INTO notes(case_id, user_id, at, body) VALUES (4, 1, 1, 'x')" >/dev/null; then
	fail "a note on a case outside the scope cannot be inserted"
else ok "a note on a case outside the scope cannot be inserted"; fi
expect "an event can be appended under any scope" \
	"$(app 'r=64.08;rec=0;ppk=0' "INSERT INTO events(id, at, case_id, actor, kind, data, prev_hash, hash) VALUES (5, 1, 1, 'a', 'k', '{}', '\\x04', '\\x05') RETURNING id")" "5"
if app all "UPDATE events SET data = 'x' WHERE id = 1" >/dev/null; then
	fail "events cannot be updated"
else ok "events cannot be updated"; fi
if owner -c "UPDATE events SET data = 'x' WHERE id = 1" >/dev/null 2>"$ERR"; then
	fail "not even by the owner (trigger)"
elif grep -q 'append-only' "$ERR"; then ok "not even by the owner (trigger)"; else
	fail "not even by the owner (trigger)" "$(cat "$ERR")"
fi
if owner -c "DELETE FROM events WHERE id = 1" >/dev/null 2>&1; then
	fail "events cannot be deleted"
else ok "events cannot be deleted"; fi

# --- the application role cannot switch the policies off -----------------
if app all "ALTER TABLE cases DISABLE ROW LEVEL SECURITY" >/dev/null; then
	fail "the application role cannot disable row-level security"
elif grep -q 'must be owner' "$ERR"; then ok "the application role cannot disable row-level security"; else
	fail "the application role cannot disable row-level security" "$(cat "$ERR")"
fi
if app all "DROP POLICY cases_scope ON cases" >/dev/null; then
	fail "the application role cannot drop a policy"
else ok "the application role cannot drop a policy"; fi
if app 'r=64.08;rec=0;ppk=0' "SET LOCAL row_security = off; $CODES" >/dev/null; then
	fail "row_security = off does not bypass the policies"
elif grep -q 'row-level security' "$ERR"; then ok "row_security = off does not bypass the policies"; else
	fail "row_security = off does not bypass the policies" "$(cat "$ERR")"
fi
if app 'r=64.08;rec=0;ppk=0' "ALTER ROLE CURRENT_USER BYPASSRLS" >/dev/null; then
	fail "the application role cannot give itself BYPASSRLS"
else ok "the application role cannot give itself BYPASSRLS"; fi
if app 'kab=64.08' "$CODES" >/dev/null; then
	fail "a scope of unknown shape is an error, not a guess"
elif grep -q 'netra.scope tidak dikenal' "$ERR"; then ok "a scope of unknown shape is an error, not a guess"; else
	fail "a scope of unknown shape is an error, not a guess" "$(cat "$ERR")"
fi
expect "the owner is not bound by the policies" \
	"$(owner -c "SELECT set_config('netra.scope', 'none', false); SELECT count(*) FROM cases" | tail -n 1)" "5"

echo "1..$T_N"
[ "$T_FAILED" -eq 0 ]
