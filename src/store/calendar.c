/*
 * calendar.c - holidays and elections added by administrators (migration
 * 0005), the calendar version that tells a server to reload, and the
 * deadline rows a calendar change recomputes.
 *
 * Rows are never deleted: removal stamps removed_at/removed_by.  Every
 * write bumps calendar_version in the same transaction (the callers run
 * inside one write job together with the audit event).
 */
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

static int
version_bump(struct store_conn *c, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"UPDATE calendar_version SET version = version + 1, deadlines_upto ="
			" (SELECT coalesce(max(id), 0) FROM deadlines) WHERE id = 1",
			eb);

	if (s == NULL)
		return -1;
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "calendar version");
	/* every server reloads at once instead of at its next poll */
	return store_notify(c, STORE_TOPIC_CALENDAR, eb);
}

int
store_cal_version(struct store_conn *c, int64_t *version, struct errbuf *eb)
{
	int64_t upto;

	return store_cal_version_upto(c, version, &upto, eb);
}

int
store_cal_version_upto(struct store_conn *c, int64_t *version, int64_t *deadlines_upto,
		       struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c, "SELECT version, deadlines_upto FROM calendar_version WHERE id = 1", eb);

	*version = 0;
	*deadlines_upto = 0;
	if (s == NULL)
		return -1;
	if (db_step(s) == DB_ROW) {
		*version = db_col_int(s, 0);
		*deadlines_upto = db_col_int(s, 1);
	}
	db_reset(s);
	return 0;
}

int
store_cal_holiday_insert(struct store_conn *c, const struct store_cal_holiday *h, int64_t *id,
			 struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "INSERT INTO calendar_holidays(date, kind, name, basis,"
				    " source_url, added_by, added_at) VALUES (?1,?2,?3,?4,?5,?6,?7)"
				    " ON CONFLICT DO NOTHING RETURNING id",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, h->date);
	db_bind_text(s, 2, h->kind);
	db_bind_text(s, 3, h->name);
	db_bind_text(s, 4, h->basis);
	db_bind_text(s, 5, h->source_url);
	db_bind_text(s, 6, h->added_by);
	db_bind_int(s, 7, h->added_at);
	rc = db_step(s);
	if (rc == DB_DONE) /* an active row with the same date, kind and name */
		return errbuf_set_code(eb, ERR_CONFLICT, "duplicate_holiday",
				       "hari libur %s (%s) \"%s\" sudah ditambahkan admin", h->date,
				       h->kind, h->name);
	if (rc != DB_ROW)
		return db_error(c, eb, "calendar holiday insert");
	if (id)
		*id = db_col_int(s, 0);
	return version_bump(c, eb);
}

#define HOLIDAY_COLS "id, date, kind, name, basis, source_url, added_by, added_at"

static void
holiday_row(struct db_stmt *s, struct store_cal_holiday *h)
{
	memset(h, 0, sizeof(*h));
	h->id = db_col_int(s, 0);
	db_col_text_copy(s, 1, h->date, sizeof(h->date));
	db_col_text_copy(s, 2, h->kind, sizeof(h->kind));
	db_col_text_copy(s, 3, h->name, sizeof(h->name));
	db_col_text_copy(s, 4, h->basis, sizeof(h->basis));
	db_col_text_copy(s, 5, h->source_url, sizeof(h->source_url));
	db_col_text_copy(s, 6, h->added_by, sizeof(h->added_by));
	h->added_at = db_col_int(s, 7);
}

int
store_cal_holiday_remove(struct store_conn *c, int64_t id, const char *who, int64_t at,
			 struct store_cal_holiday *out, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT " HOLIDAY_COLS " FROM calendar_holidays"
				    " WHERE id = ?1 AND removed_at IS NULL",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	rc = db_step(s);
	if (rc == DB_DONE) {
		db_reset(s);
		return errbuf_set_code(eb, ERR_NOT_FOUND, "unknown_holiday",
				       "tidak ada hari libur tambahan admin dengan nomor %lld "
				       "(baris dari berkas data tidak dapat dihapus)",
				       (long long)id);
	}
	if (rc != DB_ROW)
		return db_error(c, eb, "calendar holiday get");
	holiday_row(s, out);
	db_reset(s);
	s = db_prep(c,
		    "UPDATE calendar_holidays SET removed_by = ?2, removed_at = ?3"
		    " WHERE id = ?1 AND removed_at IS NULL",
		    eb);
	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, who);
	db_bind_int(s, 3, at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "calendar holiday remove");
	return version_bump(c, eb);
}

int
store_cal_holiday_each(struct store_conn *c, store_cal_holiday_fn fn, void *arg, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT " HOLIDAY_COLS " FROM calendar_holidays"
				    " WHERE removed_at IS NULL ORDER BY date, id",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_cal_holiday h;

		holiday_row(s, &h);
		if (fn(arg, &h) != 0) {
			db_reset(s);
			return 0;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "calendar holiday list");
	return 0;
}

int
store_cal_election_put(struct store_conn *c, const char *election_id, const char *body,
		       const char *who, int64_t at, int64_t *id, bool *replaced, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "UPDATE calendar_elections SET removed_by = ?2, removed_at = ?3"
				    " WHERE election_id = ?1 AND removed_at IS NULL",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, election_id);
	db_bind_text(s, 2, who);
	db_bind_int(s, 3, at);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "calendar election replace");
	if (replaced)
		*replaced = db_changes(c) > 0;
	s = db_prep(c,
		    "INSERT INTO calendar_elections(election_id, body, added_by, added_at)"
		    " VALUES (?1, ?2, ?3, ?4) RETURNING id",
		    eb);
	if (s == NULL)
		return -1;
	db_bind_text(s, 1, election_id);
	db_bind_text(s, 2, body);
	db_bind_text(s, 3, who);
	db_bind_int(s, 4, at);
	if (db_step(s) != DB_ROW)
		return db_error(c, eb, "calendar election insert");
	if (id)
		*id = db_col_int(s, 0);
	return version_bump(c, eb);
}

int
store_cal_election_each(struct store_conn *c, store_cal_election_fn fn, void *arg,
			struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT id, election_id, body, added_by, added_at"
				    " FROM calendar_elections WHERE removed_at IS NULL"
				    " ORDER BY election_id, id",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_cal_election e;

		memset(&e, 0, sizeof(e));
		e.id = db_col_int(s, 0);
		db_col_text_copy(s, 1, e.election_id, sizeof(e.election_id));
		e.body = db_col_text(s, 2);
		e.body_len = (size_t)db_col_bytes(s, 2);
		db_col_text_copy(s, 3, e.added_by, sizeof(e.added_by));
		e.added_at = db_col_int(s, 4);
		if (fn(arg, &e) != 0) {
			db_reset(s);
			return 0;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "calendar election list");
	return 0;
}

/* --- deadlines a calendar change may move ------------------------------------ */

int
store_deadlines_open_from(struct store_conn *c, const char *from, int64_t after_id,
			  store_open_deadline_fn fn, void *arg, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "SELECT id, case_id, coalesce(track_id, 0), rule, start_on,"
				    " due_on, tz, provisional FROM deadlines"
				    " WHERE id > ?2 AND"
				    " ((status = 'open' AND due_on >= ?1) OR provisional = 1)"
				    " ORDER BY id",
				    eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, from);
	db_bind_int(s, 2, after_id);
	while ((rc = db_step(s)) == DB_ROW) {
		struct store_open_deadline d;

		memset(&d, 0, sizeof(d));
		d.id = db_col_int(s, 0);
		d.case_id = db_col_int(s, 1);
		d.track_id = db_col_int(s, 2);
		db_col_text_copy(s, 3, d.rule, sizeof(d.rule));
		db_col_text_copy(s, 4, d.start_on, sizeof(d.start_on));
		db_col_text_copy(s, 5, d.due_on, sizeof(d.due_on));
		db_col_text_copy(s, 6, d.tz, sizeof(d.tz));
		d.provisional = db_col_int(s, 7) != 0;
		if (fn(arg, &d) != 0) {
			db_reset(s);
			return 0;
		}
	}
	if (rc != DB_DONE)
		return db_error(c, eb, "open deadlines");
	return 0;
}

int
store_deadline_redate(struct store_conn *c, int64_t id, const char *due_on,
		      const char *explanation_json, bool provisional, const char *reason,
		      struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "UPDATE deadlines SET due_on = ?2, explanation = ?3,"
				    " provisional = ?4, provisional_reason = ?5"
				    " WHERE id = ?1 AND (status = 'open' OR provisional = 1)",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, id);
	db_bind_text(s, 2, due_on);
	db_bind_text(s, 3, explanation_json);
	db_bind_int(s, 4, provisional ? 1 : 0);
	db_bind_text(s, 5, provisional ? reason : NULL);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "deadline redate");
	return 0;
}
