/*
 * events.c - storage of the audit chain (the hashing is audit/audit.c).
 * The table refuses UPDATE and DELETE by trigger; verification does not
 * rely on that.
 */
#include <string.h>

#include "audit/audit.h"
#include "store/store_internal.h"

int
store_event_last(struct store_conn *c, int64_t *id, unsigned char hash[32], struct errbuf *eb)
{
	sqlite3_stmt *s = conn_stmt(c, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1", eb);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_DONE) {
		*id = 0;
		memset(hash, 0, 32);
		return 0;
	}
	if (rc != SQLITE_ROW)
		return conn_error(c, eb, "event last");
	*id = sqlite3_column_int64(s, 0);
	if (sqlite3_column_bytes(s, 1) != 32)
		return errbuf_set(eb, ERR_INTERNAL, "hash entri audit %lld rusak", (long long)*id);
	memcpy(hash, sqlite3_column_blob(s, 1), 32);
	return 0;
}

static void
bind_id(sqlite3_stmt *s, int i, int64_t v)
{
	if (v > 0)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

int
store_event_insert(struct store_conn *c, const struct audit_event *ev, struct errbuf *eb)
{
	sqlite3_stmt *s =
		conn_stmt(c,
			  "INSERT INTO events(id, at, case_id, track_id, user_id, actor, kind,"
			  " data, prev_hash, hash) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
			  eb);

	if (s == NULL)
		return -1;
	bind_int(s, 1, ev->id);
	bind_int(s, 2, ev->at);
	bind_id(s, 3, ev->case_id);
	bind_id(s, 4, ev->track_id);
	bind_id(s, 5, ev->user_id);
	bind_text(s, 6, ev->actor);
	bind_text(s, 7, ev->kind);
	bind_text(s, 8, ev->data);
	bind_blob(s, 9, ev->prev_hash, 32);
	bind_blob(s, 10, ev->hash, 32);
	if (sqlite3_step(s) != SQLITE_DONE)
		return conn_error(c, eb, "event insert");
	return 0;
}

int
store_event_each(struct store *st, store_event_fn fn, void *arg, struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	sqlite3_stmt *s = conn_stmt(c,
				    "SELECT id, at, coalesce(case_id, 0), coalesce(track_id, 0),"
				    " coalesce(user_id, 0), actor, kind, data, prev_hash, hash"
				    " FROM events ORDER BY id",
				    eb);
	int rc = -1, step;

	if (s == NULL)
		goto out;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct audit_event ev;

		memset(&ev, 0, sizeof(ev));
		ev.id = sqlite3_column_int64(s, 0);
		ev.at = sqlite3_column_int64(s, 1);
		ev.case_id = sqlite3_column_int64(s, 2);
		ev.track_id = sqlite3_column_int64(s, 3);
		ev.user_id = sqlite3_column_int64(s, 4);
		ev.actor = (const char *)sqlite3_column_text(s, 5);
		ev.kind = (const char *)sqlite3_column_text(s, 6);
		ev.data = (const char *)sqlite3_column_text(s, 7);
		if (sqlite3_column_bytes(s, 8) == 32)
			memcpy(ev.prev_hash, sqlite3_column_blob(s, 8), 32);
		if (sqlite3_column_bytes(s, 9) == 32)
			memcpy(ev.hash, sqlite3_column_blob(s, 9), 32);
		if (fn(arg, &ev) != 0)
			break;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		conn_error(c, eb, "event scan");
		goto out;
	}
	rc = 0;
out:
	store_reader_done(st, c);
	return rc;
}
