/*
 * sqlite_q_cases.c - the SQLite text of the case queries that differ
 * between dialects (see q_cases.h for what each one is).
 */
#include "store/q_cases.h"

/* one writer: nothing else claims between the pick and the update */
const char sqlite_q_claim_lock[] = "";

/* group_concat() follows the order of its input rows */
const char sqlite_q_track_names[] =
	"(SELECT group_concat(tn.name, '; ') FROM (SELECT t.name FROM tracks t"
	" WHERE t.case_id = c.id ORDER BY t.id) tn)";

const char sqlite_q_deadlines_hint[] = " INDEXED BY deadlines_case";

const char sqlite_q_case_public_deadlines[] =
	"SELECT rule, due_on, status, provisional, provisional_reason,"
	" json_extract(explanation, '$.provisional_years') FROM deadlines"
	" WHERE case_id = ?1 AND track_id IS NULL ORDER BY id";

const char sqlite_q_case_public_steps[] =
	"SELECT at, kind, json_extract(data, '$.to') FROM events WHERE case_id = ?1"
	" AND track_id IS NULL AND kind IN ('laporan_diterima', 'temuan_dicatat',"
	" 'transisi') ORDER BY id";

/* the single writer holds the database: no other writer can change the row */
const char sqlite_q_case_row_lock[] = Q_CASE_ROW;
