/*
 * sqlite_q_stats.c - the SQLite text of the statistics query parts that
 * differ between dialects (see q_stats.h).
 */
#include "store/q_stats.h"

const char sqlite_q_stat_month[] = "strftime('%Y-%m', " LOCAL_T ", 'unixepoch')";

/* six days back, then forward to a Monday: the Monday on or before */
const char sqlite_q_stat_week[] = "date(" LOCAL_T ", 'unixepoch', '-6 days', 'weekday 1')";

const char sqlite_q_stat_items_head[] =
	"SELECT j.value, 1 FROM cases c JOIN tracks t ON t.case_id = c.id,"
	" json_each(t.rec_json, '$.items') j WHERE t.rec_json IS NOT NULL AND j.type = 'text'"
	" AND ";

const char sqlite_q_stat_ppk_days_head[] =
	"SELECT t.ppk_office_id, CAST(julianday(t.sanction_on) - julianday(d.start_on) AS INTEGER)"
	" FROM tracks t JOIN cases c ON c.id = t.case_id JOIN deadlines d ON d.case_id = c.id"
	" AND d.track_id = t.id AND d.rule = 'ppk.tindak_lanjut'"
	" WHERE t.ppk_office_id IS NOT NULL AND t.sanction_on IS NOT NULL"
	" AND julianday(t.sanction_on) IS NOT NULL AND d.id = (SELECT max(d2.id)"
	" FROM deadlines d2 WHERE d2.case_id = c.id AND d2.track_id = t.id"
	" AND d2.rule = 'ppk.tindak_lanjut') AND ";

const char sqlite_q_stat_open_deadline[] = "+d.status = 'open'";
