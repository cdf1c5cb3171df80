/*
 * pg_q_stats.c - the PostgreSQL text of the statistics query parts that
 * differ between dialects (see q_stats.h).  Times are seconds since the
 * epoch shifted to local time, so they are read in UTC; dates are text
 * "YYYY-MM-DD" (cast to date only once they look like one, where SQLite's
 * julianday() gives NULL for anything else).
 */
#include "store/q_stats.h"

const char pg_q_stat_month[] = "to_char(to_timestamp(" LOCAL_T ") AT TIME ZONE 'UTC', 'YYYY-MM')";

/* date_trunc('week') is the Monday on or before */
const char pg_q_stat_week[] =
	"to_char(date_trunc('week', to_timestamp(" LOCAL_T ") AT TIME ZONE 'UTC'), 'YYYY-MM-DD')";

/* lax: a missing "items" gives no row, a single string one row, as
 * json_each() does; only strings count (json_each()'s type 'text') */
const char pg_q_stat_items_head[] =
	"SELECT j.v #>> '{}', 1 FROM cases c JOIN tracks t ON t.case_id = c.id,"
	" jsonb_path_query(CAST(t.rec_json AS jsonb),"
	" 'lax $.items[*] ? (@.type() == \"string\")') j(v) WHERE t.rec_json IS NOT NULL AND ";

const char pg_q_stat_ppk_days_head[] =
	"SELECT t.ppk_office_id, CAST(t.sanction_on AS date) - CAST(d.start_on AS date)"
	" FROM tracks t JOIN cases c ON c.id = t.case_id JOIN deadlines d ON d.case_id = c.id"
	" AND d.track_id = t.id AND d.rule = 'ppk.tindak_lanjut'"
	" WHERE t.ppk_office_id IS NOT NULL AND t.sanction_on IS NOT NULL"
	" AND t.sanction_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND d.id = (SELECT max(d2.id)"
	" FROM deadlines d2 WHERE d2.case_id = c.id AND d2.track_id = t.id"
	" AND d2.rule = 'ppk.tindak_lanjut') AND ";

const char pg_q_stat_open_deadline[] = "d.status = 'open'";
