/*
 * search.h - the search keys behind the store's text search, the same on
 * every engine (never included outside src/store/).
 *
 * A searched text is stored twice: as written, and as its key
 * (fold_search_key(), core/fold.h: lower case, accents folded) in a
 * *_fold column written by C on insert.  A query is folded the same way
 * and escaped for LIKE, and the SQL compares with plain
 * "LIKE '%' || ?N || '%' ESCAPE '\'", which behaves the same on SQLite
 * and PostgreSQL because both sides are already folded.  Columns:
 * cases.description_fold, tracks.name_fold (migration 0007_search_norm).
 */
#ifndef NETRA_STORE_SEARCH_H
#define NETRA_STORE_SEARCH_H

#include "core/err.h"

struct store_conn;

/* The search key of text (caller frees); NULL for NULL. */
char *search_key_dup(const char *text);

/*
 * The LIKE operand of a query q (caller frees): its search key with '\',
 * '%' and '_' escaped by '\', so a query matches literally; NULL for NULL
 * or "".  A NIP or a tracking code keeps its own characters (only letters
 * change case), so the same value also serves "nip = ?N" and
 * "code = upper(?N)".
 */
char *search_like_dup(const char *q);

/* Fill the *_fold columns of rows written before 0007_search_norm
 * (run once, by the migration that adds them). */
int store_search_backfill(struct store_conn *c, struct errbuf *eb);

#endif
