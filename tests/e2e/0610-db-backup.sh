# 0610 netra db backup / restore on the embedded SQLite store: a backup
# taken while the server runs is a whole, checked database; restore refuses
# a running server, a database with cases (without --force), a damaged or
# foreign file; after the live database is damaged, or deleted, restore
# brings the case back, the audit chain verifies and the sealed identity
# still opens with the custodian's passphrase.  (PostgreSQL: 0611.)
. tests/e2e/lib.sh
unset NETRA_DB # this test is about the embedded store, on every pass

REPORT='{"pemilihan":"pemilu2024","pelapor":{"nama":"Rahmawati Cadangan Pulih","alamat":"Jl. Arsip 3","nik":"6408011203850001"},
 "terlapor":[{"nama":"Terlapor Cadangan","status":"PPPK"}],"peristiwa":{"uraian":"Guru PPPK mengkampanyekan calon di kelas saat jam pelajaran.","kode_wilayah":"64.08","waktu_kejadian":"2024-02-07"},
 "bukti":[{"jenis":"tautan","url":"https://x.id/cadangan"}]}'
NOW=2024-02-09T10:00:00+08:00
OPEN="{\"reason\":\"klarifikasi pelapor sesuai surat tugas 12/2024\",\"passphrase\":\"$SEAL_PASSPHRASE\"}"

setup_kaltim
start_server --now "$NOW"
post_json - /api/v1/reports "$REPORT"
expect "a report is filed" "$STATUS" 201
CODE=$(jget .code)
as pengawas_kutim GET "/api/v1/cases?q=$CODE"
ID=$(jget '.items[0].id')

# --- backup while the server runs --------------------------------------------
netra db backup "$T_TMP/b1.db" --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "db backup exits 0 while the server runs" "$?" 0
jq -e '.engine == "sqlite" and .size_bytes > 0 and (.file | endswith("b1.db"))' "$T_TMP/out" >/dev/null &&
	ok "--json names the file, the engine and the size" || fail "--json names the file, the engine and the size" "$(cat "$T_TMP/out" "$T_TMP/err")"
expect "the size is the file's" "$(jq .size_bytes "$T_TMP/out")" "$(wc -c <"$T_TMP/b1.db" | tr -d ' ')"
expect "the backup passes integrity_check" "$(sqlite3 "$T_TMP/b1.db" 'PRAGMA integrity_check')" ok
expect "the backup holds the case" "$(sqlite3 "$T_TMP/b1.db" "SELECT count(*) FROM cases WHERE code = '$CODE'")" 1
expect "the backup is a single file (no WAL)" "$(sqlite3 "$T_TMP/b1.db" 'PRAGMA journal_mode')" delete
ls "$T_TMP"/b1.db.part-* >/dev/null 2>&1 && fail "no partial file is left" || ok "no partial file is left"
netra db backup "$T_TMP/b1-text.db" >"$T_TMP/out" 2>&1
grep -q "cadangan ditulis: .*b1-text.db" "$T_TMP/out" && grep -q "mesin: *sqlite" "$T_TMP/out" &&
	grep -q "ukuran: *[0-9]* byte" "$T_TMP/out" && ok "the text output says path, engine and size" ||
	fail "the text output says path, engine and size" "$(cat "$T_TMP/out")"
netra db backup "$T_TMP/no/such/dir/b.db" >"$T_TMP/out" 2>&1
expect "a backup that cannot be written exits 1" "$?" 1
grep -q "cadangan gagal: .*tidak dapat membuat berkas" "$T_TMP/out" && ok "and says why, in Indonesian" || fail "and says why, in Indonesian" "$(cat "$T_TMP/out")"
netra db backup "$DATA/netra.db" >"$T_TMP/out" 2>&1
expect "a backup over the live database is refused" "$?" 1

# --- restore refuses --------------------------------------------------------------
netra db restore "$T_TMP/b1.db" --force --json >"$T_TMP/out" 2>/dev/null
expect "restore while the server runs exits 1" "$?" 1
expect "with code db_in_use" "$(jq -r .code "$T_TMP/out")" db_in_use
stop_server
netra db restore "$T_TMP/b1.db" --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "restore over a database with cases needs --force" "$(jq -r .code "$T_TMP/out")" db_not_empty
grep -q "sudah berisi 1 kasus.*--force" "$T_TMP/err" && ok "the message names the cases and --force" || fail "the message names the cases and --force" "$(cat "$T_TMP/err")"
printf 'bukan basis data sama sekali\n' >"$T_TMP/junk.db"
netra db restore "$T_TMP/junk.db" --force --json >"$T_TMP/out" 2>/dev/null
expect "a file that is no database is refused" "$(jq -r .code "$T_TMP/out")" backup_damaged
sqlite3 "$T_TMP/other.db" "CREATE TABLE t(a); INSERT INTO t VALUES (1)"
netra db restore "$T_TMP/other.db" --force --json >"$T_TMP/out" 2>/dev/null
expect "a SQLite file that is not netra's is refused" "$(jq -r .code "$T_TMP/out")" not_netra_backup
netra db restore "$T_TMP/missing.db" --force --json >"$T_TMP/out" 2>/dev/null
expect "a missing file is named" "$(jq -r .code "$T_TMP/out")" no_backup
expect "the refusals left the case in place" "$(sqlite3 "$DATA/netra.db" "SELECT count(*) FROM cases")" 1

# --- damage, restore --------------------------------------------------------------
dd if=/dev/urandom of="$DATA/netra.db" bs=1024 count=8 conv=notrunc 2>/dev/null
rm -f "$DATA/netra.db-wal" "$DATA/netra.db-shm"
netra audit verify >/dev/null 2>&1
expect "the damaged database fails audit verify" "$?" 1
netra db restore "$T_TMP/b1.db" --json >"$T_TMP/out" 2>/dev/null
expect "an unreadable database is replaced only with --force" "$(jq -r .code "$T_TMP/out")" db_unreadable
netra db restore "$T_TMP/b1.db" --force --json >"$T_TMP/out" 2>"$T_TMP/err"
expect "restore --force over the damaged database exits 0" "$?" 0
jq -e '.restored and .engine == "sqlite" and .cases == 1 and .schema_version > 0' "$T_TMP/out" >/dev/null &&
	ok "restore reports engine, schema and cases" || fail "restore reports engine, schema and cases" "$(cat "$T_TMP/out" "$T_TMP/err")"
netra audit verify >"$T_TMP/out" 2>&1
expect "audit verify passes after the restore" "$?" 0
netra db status >/dev/null 2>&1
expect "db status: integrity ok" "$?" 0
start_server --now "$NOW"
check_status "the case is back (public status)" 200 GET "/api/v1/status/$CODE"
post_json custodian_prov "/api/v1/cases/$ID/pelapor" "$OPEN"
expect "the custodian still opens the sealed identity" "$STATUS" 200
check_json "with the reporter's name" '.pelapor.nama == "Rahmawati Cadangan Pulih"'
stop_server

# --- delete, restore --------------------------------------------------------------
rm -f "$DATA"/netra.db*
netra db restore "$T_TMP/b1.db" >"$T_TMP/out" 2>&1
expect "restore into a deleted database needs no --force" "$?" 0
grep -q "dipulihkan dari .*b1.db" "$T_TMP/out" && grep -q "kasus: *1" "$T_TMP/out" &&
	ok "the text output names the file and the cases" || fail "the text output names the file and the cases" "$(cat "$T_TMP/out")"
netra audit verify >/dev/null 2>&1
expect "audit verify passes" "$?" 0
start_server --now "$NOW"
check_status "the case is back again" 200 GET "/api/v1/status/$CODE"
as pengawas_kutim GET "/api/v1/cases/$ID"
check_json "the officer sees it with its code" ".code == \"$CODE\""
stop_server

"$NETRA_BIN" help db >"$T_TMP/out" 2>&1
grep -q "backup FILE" "$T_TMP/out" && grep -q "restore FILE" "$T_TMP/out" && grep -q "copy --to" "$T_TMP/out" &&
	ok "netra help db documents backup, restore and copy" || fail "netra help db documents backup, restore and copy" "$(cat "$T_TMP/out")"
finish
