/*
 * search.c - search keys for the store's text search (see search.h) and
 * the one-time fill of the key columns of older rows.
 */
#include <stdlib.h>
#include <string.h>

#include "core/fold.h"
#include "core/xalloc.h"
#include "store/search.h"
#include "store/store_internal.h"

char *
search_key_dup(const char *text)
{
	size_t n;
	char *out;

	if (text == NULL)
		return NULL;
	/* a key is never longer than its text: every folded code point is
	 * at least as long in UTF-8 as its ASCII fold */
	n = strlen(text) + 1;
	out = xmalloc(n);
	fold_search_key(text, out, n);
	return out;
}

char *
search_like_dup(const char *q)
{
	char *key, *out;
	size_t i, o = 0;

	if (q == NULL || q[0] == '\0')
		return NULL;
	key = search_key_dup(q);
	out = xmalloc(2 * strlen(key) + 1);
	for (i = 0; key[i]; i++) {
		if (key[i] == '\\' || key[i] == '%' || key[i] == '_')
			out[o++] = '\\';
		out[o++] = key[i];
	}
	out[o] = '\0';
	free(key);
	return out;
}

/* Rewrite the key column of one table from its text column, for the rows
 * whose key is still NULL. */
static int
backfill(struct store_conn *c, const char *select_sql, const char *update_sql, const char *what,
	 struct errbuf *eb)
{
	enum { CHUNK = 256 };
	int64_t ids[CHUNK];
	char *keys[CHUNK];
	int n, i, rc = 0;

	do {
		struct db_stmt *s = db_prep(c, select_sql, eb);

		if (s == NULL)
			return -1;
		n = 0;
		while (n < CHUNK && (rc = db_step(s)) == DB_ROW) {
			const char *t = db_col_text(s, 1);

			ids[n] = db_col_int(s, 0);
			keys[n++] = search_key_dup(t ? t : "");
		}
		rc = n < CHUNK && rc != DB_DONE ? db_error(c, eb, what) : 0;
		db_reset(s);
		for (i = 0; i < n && rc == 0; i++) {
			struct db_stmt *u = db_prep(c, update_sql, eb);

			if (u == NULL) {
				rc = -1;
				break;
			}
			db_bind_int(u, 1, ids[i]);
			db_bind_text(u, 2, keys[i]);
			if (db_step(u) != DB_DONE)
				rc = db_error(c, eb, what);
		}
		for (i = 0; i < n; i++)
			free(keys[i]);
		if (rc < 0)
			return -1;
	} while (n == CHUNK);
	return 0;
}

int
store_search_backfill(struct store_conn *c, struct errbuf *eb)
{
	if (backfill(c,
		     "SELECT id, description FROM cases WHERE description_fold IS NULL"
		     " ORDER BY id LIMIT 256",
		     "UPDATE cases SET description_fold = ?2 WHERE id = ?1", "search keys (cases)",
		     eb) < 0)
		return -1;
	return backfill(
		c, "SELECT id, name FROM tracks WHERE name_fold IS NULL ORDER BY id LIMIT 256",
		"UPDATE tracks SET name_fold = ?2 WHERE id = ?1", "search keys (tracks)", eb);
}
