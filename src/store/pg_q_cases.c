/*
 * pg_q_cases.c - the PostgreSQL text of the case queries that differ
 * between dialects (see q_cases.h for what each one is).  JSON columns are
 * text, read through a cast to jsonb: "->" keeps a JSON value (read back as
 * JSON), "->>" gives a string as SQLite's json_extract() does.
 */
#include "store/q_cases.h"

/* several nodes claim at once: rows another claimer holds are skipped */
const char pg_q_claim_lock[] = " FOR UPDATE OF c SKIP LOCKED";

const char pg_q_track_names[] =
	"(SELECT string_agg(t.name, '; ' ORDER BY t.id) FROM tracks t WHERE t.case_id = c.id)";

const char pg_q_deadlines_hint[] = "";

const char pg_q_case_public_deadlines[] =
	"SELECT rule, due_on, status, provisional, provisional_reason,"
	" CAST(explanation AS jsonb) -> 'provisional_years' FROM deadlines"
	" WHERE case_id = ?1 AND track_id IS NULL ORDER BY id";

const char pg_q_case_public_steps[] =
	"SELECT at, kind, CAST(data AS jsonb) ->> 'to' FROM events WHERE case_id = ?1"
	" AND track_id IS NULL AND kind IN ('laporan_diterima', 'temuan_dicatat',"
	" 'transisi') ORDER BY id";

/* several nodes decide on one case: the second waits for the first's commit */
const char pg_q_case_row_lock[] = Q_CASE_ROW " FOR UPDATE OF c";
