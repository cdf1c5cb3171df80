/*
 * q_stats.h - the statistics query parts written once per dialect:
 * sqlite_q_NAME in sqlite_q_stats.c, pg_q_NAME in pg_q_stats.c (store/db.h).
 * stats.c builds its statements from them; both texts of a pair give the
 * same rows (tests/unit/test_store_dialect.c runs both).
 */
#ifndef NETRA_STORE_Q_STATS_H
#define NETRA_STORE_Q_STATS_H

/* local time of received_at (seconds, as if UTC), in the case's zone */
#define LOCAL_T                                                                                    \
	"c.received_at + CASE c.tz WHEN 'WIB' THEN 25200 WHEN 'WIT' THEN 32400 ELSE 28800 END"

/* Fragment: the month of receipt in local time, "YYYY-MM". */
extern const char sqlite_q_stat_month[], pg_q_stat_month[];
/* Fragment: the Monday of the week of receipt in local time, "YYYY-MM-DD". */
extern const char sqlite_q_stat_week[], pg_q_stat_week[];
/* Head up to the scope: each text item of the tracks' recommendations
 * (rec_json "$.items"), one row each: value, 1. */
extern const char sqlite_q_stat_items_head[], pg_q_stat_items_head[];
/* Head up to the scope: PPK office and days from the start of its
 * follow-up clock to the sanction date, for tracks with a valid date. */
extern const char sqlite_q_stat_ppk_days_head[], pg_q_stat_ppk_days_head[];
/* Fragment: "the deadline d is open" without SQLite taking deadlines_open
 * for it (unary + keeps SQLite off that index; PostgreSQL has no unary +
 * for text). */
extern const char sqlite_q_stat_open_deadline[], pg_q_stat_open_deadline[];

#endif
