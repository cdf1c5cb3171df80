/*
 * db.h - the statement layer: the only way the store's domain files
 * (cases.c, users.c, ...) talk to a database engine.  Each engine (sqlite.c,
 * pg.c) implements it once; no sqlite3_* or PQ* call exists outside those
 * engine files.
 *
 * Invariants:
 *  - SQL is a string literal (static storage): the engine caches the
 *    prepared statement per connection keyed by the address of the text.
 *  - Placeholders are ?1, ?2, ... (the PostgreSQL engine rewrites them to
 *    $1, $2, ... once, at prepare).  A parameter keeps one type per query.
 *  - Shared SQL is written once, in the domain file.  Where the dialects
 *    differ, the query is named: sqlite_q_NAME in src/store/sqlite_q_AREA.c
 *    and pg_q_NAME in src/store/pg_q_AREA.c, taken with DB_PREP_NAMED().
 *  - A statement is valid until the next db_prep() of the same SQL on the
 *    same connection; a column pointer until the next db_step().
 *  - SQL built at run time (the generated INSERTs of `netra db copy`) goes
 *    through db_prep_dynamic() instead: not cached, owned by the caller,
 *    released with db_finalize().  Its parameters are untyped (the server
 *    infers them from the statement), so a column's NULLs and values may
 *    alternate freely.
 *  - New row ids come back through "RETURNING id", never a side channel.
 *  - On DB_ERROR the connection remembers the error; db_error() turns it
 *    into an errbuf.  On PostgreSQL an error inside a write job ends that
 *    job (its savepoint is rolled back by the writer).
 */
#ifndef NETRA_STORE_DB_H
#define NETRA_STORE_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store_conn;
struct db_stmt;

enum db_engine { DB_SQLITE = 0, DB_PG = 1 };

/* db_step() results */
enum { DB_ERROR = -1, DB_DONE = 0, DB_ROW = 1 };

/* db_col_type() results */
enum db_type { DB_T_NULL, DB_T_INT, DB_T_TEXT, DB_T_BLOB };

/* What an engine provides per statement (see the functions below). */
struct db_stmt_ops {
	int (*bind_text)(struct db_stmt *s, int i, const char *v, size_t n);
	int (*bind_int)(struct db_stmt *s, int i, int64_t v);
	int (*bind_null)(struct db_stmt *s, int i);
	int (*bind_blob)(struct db_stmt *s, int i, const void *p, size_t n);
	int (*step)(struct db_stmt *s);
	void (*reset)(struct db_stmt *s);
	int64_t (*col_int)(struct db_stmt *s, int i);
	const char *(*col_text)(struct db_stmt *s, int i);
	size_t (*col_bytes)(struct db_stmt *s, int i);
	const void *(*col_blob)(struct db_stmt *s, int i, size_t *n);
	enum db_type (*col_type)(struct db_stmt *s, int i);
	int (*ncols)(struct db_stmt *s);
	const char *(*col_name)(struct db_stmt *s, int i);
	void (*finalize)(struct db_stmt *s);
};

/* Every engine statement begins with this. */
struct db_stmt {
	const struct db_stmt_ops *ops;
	struct store_conn *conn;
};

/* What an engine provides per connection. */
struct db_conn_ops {
	struct db_stmt *(*prep)(struct store_conn *c, const char *sql, struct errbuf *eb);
	int (*exec)(struct store_conn *c, const char *sql, struct errbuf *eb);
	int64_t (*changes)(struct store_conn *c);
	int (*error)(struct store_conn *c, struct errbuf *eb, const char *what);
	bool (*err_unique)(struct store_conn *c);
	int (*scope_set)(struct store_conn *c, const char *scope, struct errbuf *eb);
	struct db_stmt *(*prep_dynamic)(struct store_conn *c, const char *sql, struct errbuf *eb);
	/* tell other processes about topic at commit (NULL: in-process only) */
	int (*notify)(struct store_conn *c, const char *topic, struct errbuf *eb);
};

#define DB_PENDING_TOPICS 8

/* Every engine connection begins with this. */
struct store_conn {
	const struct db_conn_ops *ops;
	enum db_engine engine;
	bool writer;
	struct store_conn *next_free; /* the reader pool's free list */
	/* the writer's topics of the batch so far (store_notify()) */
	char pending[DB_PENDING_TOPICS][32];
	int npending;
};

/* Prepared, reset and unbound statement for sql, or NULL with eb filled. */
static inline struct db_stmt *
db_prep(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	return c->ops->prep(c, sql, eb);
}

/* The engine's own text of a query written per dialect. */
static inline struct db_stmt *
db_prep_either(struct store_conn *c, const char *sqlite_sql, const char *pg_sql, struct errbuf *eb)
{
	return c->ops->prep(c, c->engine == DB_PG ? pg_sql : sqlite_sql, eb);
}

#define DB_PREP_NAMED(c, name, eb) db_prep_either((c), sqlite_q_##name, pg_q_##name, (eb))

/*
 * A statement for SQL built at run time (any storage): not cached, owned
 * by the caller, released with db_finalize().  NULL with eb filled.
 */
static inline struct db_stmt *
db_prep_dynamic(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	return c->ops->prep_dynamic(c, sql, eb);
}

/* Release a statement from db_prep_dynamic() (NULL is ignored); a cached
 * statement from db_prep() is left alone. */
static inline void
db_finalize(struct db_stmt *s)
{
	if (s)
		s->ops->finalize(s);
}

/* Run SQL without results and without parameters (DDL, pragmas). */
static inline int
db_exec(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	return c->ops->exec(c, sql, eb);
}

/* Rows changed by the last INSERT/UPDATE/DELETE on c. */
static inline int64_t
db_changes(struct store_conn *c)
{
	return c->ops->changes(c);
}

/* Fill eb from the connection's last error and return -1. */
static inline int
db_error(struct store_conn *c, struct errbuf *eb, const char *what)
{
	return c->ops->error(c, eb, what);
}

/* Whether the last error was a unique-constraint violation. */
static inline bool
db_err_unique(struct store_conn *c)
{
	return c->ops->err_unique(c);
}

static inline enum db_engine
db_engine_of(const struct store_conn *c)
{
	return c->engine;
}

/* --- binding: NULL text binds SQL NULL ------------------------------------ */

static inline int
db_bind_text(struct db_stmt *s, int i, const char *v)
{
	return v ? s->ops->bind_text(s, i, v, (size_t)-1) : s->ops->bind_null(s, i);
}

static inline int
db_bind_textn(struct db_stmt *s, int i, const char *v, size_t n)
{
	return v ? s->ops->bind_text(s, i, v, n) : s->ops->bind_null(s, i);
}

static inline int
db_bind_int(struct db_stmt *s, int i, int64_t v)
{
	return s->ops->bind_int(s, i, v);
}

static inline int
db_bind_null(struct db_stmt *s, int i)
{
	return s->ops->bind_null(s, i);
}

/* a row id, or SQL NULL when v <= 0 */
static inline int
db_bind_opt_id(struct db_stmt *s, int i, int64_t v)
{
	return v > 0 ? s->ops->bind_int(s, i, v) : s->ops->bind_null(s, i);
}

static inline int
db_bind_blob(struct db_stmt *s, int i, const void *p, size_t n)
{
	return s->ops->bind_blob(s, i, p, n);
}

/* --- stepping and reading ------------------------------------------------- */

/* DB_ROW, DB_DONE or DB_ERROR (then db_error() on the connection). */
static inline int
db_step(struct db_stmt *s)
{
	return s->ops->step(s);
}

/* Ready the statement to run again (keeps the bindings). */
static inline void
db_reset(struct db_stmt *s)
{
	s->ops->reset(s);
}

static inline int64_t
db_col_int(struct db_stmt *s, int i)
{
	return s->ops->col_int(s, i);
}

/* NULL for SQL NULL */
static inline const char *
db_col_text(struct db_stmt *s, int i)
{
	return s->ops->col_text(s, i);
}

/* Length in bytes of a text or blob column. */
static inline size_t
db_col_bytes(struct db_stmt *s, int i)
{
	return s->ops->col_bytes(s, i);
}

static inline const void *
db_col_blob(struct db_stmt *s, int i, size_t *n)
{
	return s->ops->col_blob(s, i, n);
}

static inline enum db_type
db_col_type(struct db_stmt *s, int i)
{
	return s->ops->col_type(s, i);
}

static inline bool
db_col_null(struct db_stmt *s, int i)
{
	return s->ops->col_type(s, i) == DB_T_NULL;
}

static inline int
db_ncols(struct db_stmt *s)
{
	return s->ops->ncols(s);
}

/* The name of result column i (as the query spells it), valid once
 * db_step() has returned DB_ROW and until the statement is prepared again
 * or finalized; NULL when i is out of range. */
static inline const char *
db_col_name(struct db_stmt *s, int i)
{
	return s->ops->col_name(s, i);
}

/* Copy a text column into a fixed buffer ("" for NULL). */
void db_col_text_copy(struct db_stmt *s, int i, char *out, size_t outsz);

#endif
