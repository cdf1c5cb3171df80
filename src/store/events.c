/*
 * events.c - storage of the audit chain as struct store_event rows.  The
 * store does not depend on the audit service: audit/audit.c computes the
 * hashes, appends through store_event_last()/store_event_insert() and
 * verifies through store_event_each().  The table refuses UPDATE and
 * DELETE by trigger; verification does not rely on that.
 */
#include <string.h>

#include "store/q_events.h"
#include "store/store_internal.h"

/*
 * The chain's tail, read under the lock that orders appends: on SQLite the
 * single writer is that lock; on PostgreSQL, where several nodes write, a
 * transaction-level advisory lock held until the batch commits.  The tail
 * is read whole whatever region scope the job narrowed to.
 */
int
store_event_last(struct store_conn *c, int64_t *id, unsigned char hash[32], struct errbuf *eb)
{
	static const struct store_scope all = {.all = true};
	struct db_stmt *s;
	int rc;

	if (store_scope_apply(c, &all, eb) < 0)
		return -1;
	s = DB_PREP_NAMED(c, event_append_lock, eb);
	if (s == NULL || db_step(s) != DB_ROW)
		return s ? db_error(c, eb, "event lock") : -1;
	s = DB_PREP_NAMED(c, event_head, eb);
	if (s == NULL)
		return -1;
	rc = db_step(s);
	if (rc == DB_DONE) {
		*id = 0;
		memset(hash, 0, 32);
		return 0;
	}
	if (rc != DB_ROW)
		return db_error(c, eb, "event last");
	*id = db_col_int(s, 0);
	if (db_col_bytes(s, 1) != 32)
		return errbuf_set(eb, ERR_INTERNAL, "hash entri audit %lld rusak", (long long)*id);
	memcpy(hash, db_col_blob(s, 1, NULL), 32);
	return 0;
}

static void
bind_id(struct db_stmt *s, int i, int64_t v)
{
	if (v > 0)
		db_bind_int(s, i, v);
	else
		db_bind_null(s, i);
}

int
store_event_insert(struct store_conn *c, const struct store_event *ev, struct errbuf *eb)
{
	struct db_stmt *s =
		db_prep(c,
			"INSERT INTO events(id, at, case_id, track_id, user_id, actor, kind,"
			" data, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
			eb);

	if (s == NULL)
		return -1;
	db_bind_int(s, 1, ev->id);
	db_bind_int(s, 2, ev->at);
	bind_id(s, 3, ev->case_id);
	bind_id(s, 4, ev->track_id);
	bind_id(s, 5, ev->user_id);
	db_bind_text(s, 6, ev->actor);
	db_bind_text(s, 7, ev->kind);
	db_bind_text(s, 8, ev->data);
	db_bind_blob(s, 9, ev->prev_hash, 32);
	db_bind_blob(s, 10, ev->hash, 32);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "event insert");
	/* every change of a case is an event: the figures of every node are
	 * out of date once it commits (one notification per batch on
	 * PostgreSQL, which folds equal ones in a transaction) */
	return store_notify(c, STORE_TOPIC_FIGURES, eb);
}

int
store_event_each(struct store *st, store_event_fn fn, void *arg, struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	struct db_stmt *s = db_prep(c,
				    "SELECT id, at, coalesce(case_id, 0), coalesce(track_id, 0),"
				    " coalesce(user_id, 0), actor, kind, data, prev_hash, hash"
				    " FROM events ORDER BY id",
				    eb);
	int rc = -1, step;

	if (s == NULL)
		goto out;
	while ((step = db_step(s)) == DB_ROW) {
		struct store_event ev;

		memset(&ev, 0, sizeof(ev));
		ev.id = db_col_int(s, 0);
		ev.at = db_col_int(s, 1);
		ev.case_id = db_col_int(s, 2);
		ev.track_id = db_col_int(s, 3);
		ev.user_id = db_col_int(s, 4);
		ev.actor = db_col_text(s, 5);
		ev.kind = db_col_text(s, 6);
		ev.data = db_col_text(s, 7);
		if (db_col_bytes(s, 8) == 32)
			memcpy(ev.prev_hash, db_col_blob(s, 8, NULL), 32);
		if (db_col_bytes(s, 9) == 32)
			memcpy(ev.hash, db_col_blob(s, 9, NULL), 32);
		if (fn(arg, &ev) != 0)
			break;
	}
	if (step != DB_ROW && step != DB_DONE) {
		db_error(c, eb, "event scan");
		goto out;
	}
	rc = 0;
out:
	store_reader_done(st, c);
	return rc;
}
