/*
 * pg.c - the PostgreSQL engine: the statement layer of store/db.h over
 * libpq, connections, the reader pool, the batching writer thread (see
 * store.h for the contract), status and pg_dump backups.
 *
 * Invariants:
 *  - each connection is used by one thread at a time (the writer thread,
 *    or the thread that took a reader from the pool);
 *  - the writer commits a batch as one transaction, each job inside its own
 *    SAVEPOINT, with synchronous_commit on: a job's done() runs only after
 *    its commit is durable on the server (and on synchronous standbys);
 *  - the region scope of a query is also set for its transaction as
 *    netra.scope (set_config(..., true)), which the row-level security
 *    policies of src/store/pgsql/0006_scope_rls.sql read; a reader that
 *    sets a scope runs in a read-only transaction until it is returned;
 *  - parameters go as text (blobs as binary bytea); their types are fixed
 *    at the first execution of a statement from what was bound then
 *    (integers int8, text text, NULL left to the server to infer).
 */
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/engine.h"
#include "store/q_events.h"
#include "store/store_internal.h"

#define PG_MAX_PARAMS 64

/* PostgreSQL type oids used here (pg_type.h is not part of libpq-dev) */
#define OID_BOOL    16
#define OID_BYTEA   17
#define OID_INT8    20
#define OID_INT2    21
#define OID_INT4    23
#define OID_TEXT    25
#define OID_OID     26
#define OID_NUMERIC 1700

enum pg_kind { PK_NULL, PK_INT, PK_TEXT, PK_BLOB };

struct pg_param {
	enum pg_kind kind;
	char num[24]; /* PK_INT */
	char *data;   /* PK_TEXT, PK_BLOB: owned copy */
	size_t len;
};

struct pg_stmt {
	struct db_stmt base;
	const char *sql; /* the key: the caller's literal */
	char name[24];
	char *text; /* ?N rewritten to $N */
	int nparams;
	bool used[PG_MAX_PARAMS + 1]; /* which $N the text references */
	bool prepared;
	bool dynamic; /* from db_prep_dynamic(): not cached, untyped parameters */
	struct pg_param p[PG_MAX_PARAMS + 1];
	PGresult *res;
	int row, nrows;
	bool executed;
	unsigned char *blob; /* the unescaped bytea of the current column read */
};

struct pg_conn {
	struct store_conn base;
	PGconn *pg;
	struct stmt_cache cache;
	unsigned next_name;
	int64_t changes;
	char sqlstate[6];
	char errmsg[256];
	bool in_tx;       /* a reader's read-only transaction is open */
	bool scope_dirty; /* the writer's job narrowed netra.scope */
};

struct pg_store {
	struct store base;
	char url[512];
	char shown[512]; /* url without the password */

	struct reader_pool pool;
	struct pg_conn *readers;
	int nreaders;

	struct pg_conn writer; /* the thread and queue: st->base.w */

	/* the LISTEN netra thread (pg_listen), stopped through lstop */
	pthread_t listener;
	bool listening;
	int lstop[2];
	PGconn *lconn; /* the first connection, handed to the thread */
};

static inline struct pg_stmt *
ps(struct db_stmt *s)
{
	return (struct pg_stmt *)s;
}

static inline struct pg_conn *
pc(struct store_conn *c)
{
	return (struct pg_conn *)c;
}

/* --- errors --------------------------------------------------------------- */

static void
note_error(struct pg_conn *c, const PGresult *r)
{
	const char *st = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorMessage(r) : PQerrorMessage(c->pg);
	size_t n;

	cstr_copy(c->sqlstate, sizeof(c->sqlstate), st ? st : "08000");
	cstr_copy(c->errmsg, sizeof(c->errmsg), msg && msg[0] ? msg : PQerrorMessage(c->pg));
	n = strlen(c->errmsg);
	while (n > 0 && (c->errmsg[n - 1] == '\n' || c->errmsg[n - 1] == ' '))
		c->errmsg[--n] = '\0';
}

static int
pg_error(struct store_conn *bc, struct errbuf *eb, const char *what)
{
	struct pg_conn *c = pc(bc);
	const char *st = c->sqlstate;

	if (strcmp(st, "53100") == 0)
		return errbuf_set(eb, ERR_UNAVAILABLE, "penyimpanan penuh (%s)", what);
	if (strncmp(st, "08", 2) == 0 || strncmp(st, "57", 2) == 0 || strcmp(st, "53300") == 0 ||
	    strcmp(st, "40001") == 0 || strcmp(st, "40P01") == 0 || strcmp(st, "55P03") == 0) {
		log_error("store: %s: %s (%s)", what, c->errmsg, st);
		return errbuf_set(eb, ERR_UNAVAILABLE,
				  "basis data sibuk atau tidak terjangkau (%s)", what);
	}
	if (strncmp(st, "23", 2) == 0)
		return errbuf_set(eb, ERR_CONFLICT,
				  "data bertentangan dengan yang sudah ada (%s: %s)", what,
				  c->errmsg);
	log_error("store: %s: %s (%s)", what, c->errmsg, st);
	return errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data (%s)", what);
}

static bool
pg_err_unique(struct store_conn *bc)
{
	return strcmp(pc(bc)->sqlstate, "23505") == 0;
}

/* --- statements ------------------------------------------------------------ */

static void
param_clear(struct pg_param *p)
{
	free(p->data);
	p->data = NULL;
	p->len = 0;
	p->kind = PK_NULL;
}

static int
check_index(struct pg_stmt *s, int i)
{
	if (i < 1 || i > PG_MAX_PARAMS || i > s->nparams)
		return -1;
	param_clear(&s->p[i]);
	return 0;
}

static int
pgs_bind_text(struct db_stmt *bs, int i, const char *v, size_t n)
{
	struct pg_stmt *s = ps(bs);

	if (check_index(s, i) < 0)
		return -1;
	if (n == (size_t)-1)
		n = strlen(v);
	s->p[i].kind = PK_TEXT;
	s->p[i].data = xmalloc(n + 1);
	memcpy(s->p[i].data, v, n);
	s->p[i].data[n] = '\0';
	s->p[i].len = n;
	return 0;
}

static int
pgs_bind_int(struct db_stmt *bs, int i, int64_t v)
{
	struct pg_stmt *s = ps(bs);

	if (check_index(s, i) < 0)
		return -1;
	s->p[i].kind = PK_INT;
	snprintf(s->p[i].num, sizeof(s->p[i].num), "%lld", (long long)v);
	return 0;
}

static int
pgs_bind_null(struct db_stmt *bs, int i)
{
	return check_index(ps(bs), i);
}

static int
pgs_bind_blob(struct db_stmt *bs, int i, const void *p, size_t n)
{
	struct pg_stmt *s = ps(bs);

	if (check_index(s, i) < 0)
		return -1;
	s->p[i].kind = PK_BLOB;
	s->p[i].data = xmalloc(n ? n : 1);
	if (n)
		memcpy(s->p[i].data, p, n);
	s->p[i].len = n;
	return 0;
}

static void
result_clear(struct pg_stmt *s)
{
	PQclear(s->res);
	s->res = NULL;
	s->row = -1;
	s->nrows = 0;
	s->executed = false;
	PQfreemem(s->blob);
	s->blob = NULL;
}

static Oid
param_type(const struct pg_stmt *s, int i)
{
	if (s->dynamic)
		return 0; /* the server infers each from the statement */
	switch (s->p[i].kind) {
	case PK_INT: return OID_INT8;
	case PK_TEXT: return OID_TEXT;
	case PK_BLOB: return OID_BYTEA;
	default:
		/* an unreferenced NULL still needs a type; a referenced one is
		 * inferred from its context */
		return s->used[i] ? 0 : OID_TEXT;
	}
}

/*
 * Prepare s with the parameter types of its first bindings.  A NULL bound
 * where the text gives no type ("?3 IS NULL") is retried as text once the
 * server says it cannot tell (42P18, or 42P08 when the uses disagree).
 */
/* Run a statement of the prepare's own savepoint; errors are ignored
 * (the next statement reports a broken connection). */
static void
prep_savepoint(struct pg_conn *c, const char *sql)
{
	PQclear(PQexec(c->pg, sql));
}

static int
prepare(struct pg_stmt *s)
{
	struct pg_conn *c = pc(s->base.conn);
	Oid types[PG_MAX_PARAMS];
	int i, attempt;
	/* inside a write job a failed PREPARE would abort the whole
	 * transaction, and with it the retry: it runs in a savepoint */
	bool in_tx = PQtransactionStatus(c->pg) == PQTRANS_INTRANS;

	if (in_tx)
		prep_savepoint(c, "SAVEPOINT netra_prepare");
	for (attempt = 0; attempt < 2; attempt++) {
		PGresult *r;

		for (i = 1; i <= s->nparams; i++)
			types[i - 1] = param_type(s, i);
		if (attempt == 1)
			for (i = 0; i < s->nparams; i++)
				if (types[i] == 0)
					types[i] = OID_TEXT;
		r = PQprepare(c->pg, s->name, s->text, s->nparams, types);
		if (PQresultStatus(r) == PGRES_COMMAND_OK) {
			PQclear(r);
			if (in_tx)
				prep_savepoint(c, "RELEASE SAVEPOINT netra_prepare");
			s->prepared = true;
			return 0;
		}
		note_error(c, r);
		PQclear(r);
		if (in_tx)
			prep_savepoint(c, "ROLLBACK TO SAVEPOINT netra_prepare");
		/* indeterminate (42P18) or ambiguous (42P08) parameter type */
		if (strcmp(c->sqlstate, "42P18") != 0 && strcmp(c->sqlstate, "42P08") != 0)
			break;
	}
	if (in_tx)
		prep_savepoint(c, "RELEASE SAVEPOINT netra_prepare");
	log_error("store: cannot prepare: %.200s: %s", s->sql, c->errmsg);
	return -1;
}

static int
execute(struct pg_stmt *s)
{
	struct pg_conn *c = pc(s->base.conn);
	const char *vals[PG_MAX_PARAMS];
	int lens[PG_MAX_PARAMS], fmts[PG_MAX_PARAMS];
	int i;
	PGresult *r;

	if (!s->prepared && prepare(s) < 0)
		return DB_ERROR;
	for (i = 1; i <= s->nparams; i++) {
		const struct pg_param *p = &s->p[i];

		vals[i - 1] = p->kind == PK_INT ? p->num : p->kind == PK_NULL ? NULL : p->data;
		lens[i - 1] = (int)p->len;
		fmts[i - 1] = p->kind == PK_BLOB ? 1 : 0;
	}
	r = PQexecPrepared(c->pg, s->name, s->nparams, vals, lens, fmts, 0);
	switch (PQresultStatus(r)) {
	case PGRES_TUPLES_OK:
	case PGRES_COMMAND_OK: break;
	default:
		note_error(c, r);
		PQclear(r);
		return DB_ERROR;
	}
	s->res = r;
	s->nrows = PQntuples(r);
	s->row = -1;
	s->executed = true;
	{
		const char *ct = PQcmdTuples(r);

		c->changes = ct && ct[0] ? strtoll(ct, NULL, 10) : 0;
	}
	return DB_DONE;
}

static int
pgs_step(struct db_stmt *bs)
{
	struct pg_stmt *s = ps(bs);

	if (!s->executed && execute(s) == DB_ERROR)
		return DB_ERROR;
	PQfreemem(s->blob);
	s->blob = NULL;
	if (s->row + 1 < s->nrows) {
		s->row++;
		return DB_ROW;
	}
	s->row = s->nrows;
	return DB_DONE;
}

static void
pgs_reset(struct db_stmt *bs)
{
	result_clear(ps(bs));
}

static bool
has_value(struct pg_stmt *s, int i)
{
	return s->res && s->row >= 0 && s->row < s->nrows && i >= 0 && i < PQnfields(s->res) &&
	       !PQgetisnull(s->res, s->row, i);
}

static int64_t
pgs_col_int(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = ps(bs);
	const char *v;

	if (!has_value(s, i))
		return 0;
	v = PQgetvalue(s->res, s->row, i);
	if (PQftype(s->res, i) == OID_BOOL)
		return v[0] == 't';
	return strtoll(v, NULL, 10);
}

static const char *
pgs_col_text(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = ps(bs);

	if (!has_value(s, i))
		return NULL;
	if (PQftype(s->res, i) == OID_BOOL)
		return PQgetvalue(s->res, s->row, i)[0] == 't' ? "1" : "0";
	return PQgetvalue(s->res, s->row, i);
}

static const void *
pgs_col_blob(struct db_stmt *bs, int i, size_t *n)
{
	struct pg_stmt *s = ps(bs);
	size_t len = 0;

	if (n)
		*n = 0;
	if (!has_value(s, i))
		return NULL;
	if (PQftype(s->res, i) != OID_BYTEA) {
		if (n)
			*n = (size_t)PQgetlength(s->res, s->row, i);
		return PQgetvalue(s->res, s->row, i);
	}
	PQfreemem(s->blob);
	s->blob = PQunescapeBytea((const unsigned char *)PQgetvalue(s->res, s->row, i), &len);
	if (n)
		*n = s->blob ? len : 0;
	return s->blob;
}

static size_t
pgs_col_bytes(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = ps(bs);
	size_t n = 0;

	if (!has_value(s, i))
		return 0;
	if (PQftype(s->res, i) == OID_BYTEA) {
		(void)pgs_col_blob(bs, i, &n);
		return n;
	}
	return (size_t)PQgetlength(s->res, s->row, i);
}

static enum db_type
pgs_col_type(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = ps(bs);

	if (!has_value(s, i))
		return DB_T_NULL;
	switch (PQftype(s->res, i)) {
	case OID_BOOL:
	case OID_INT2:
	case OID_INT4:
	case OID_INT8:
	case OID_OID:
	case OID_NUMERIC: return DB_T_INT;
	case OID_BYTEA: return DB_T_BLOB;
	default: return DB_T_TEXT;
	}
}

static int
pgs_ncols(struct db_stmt *bs)
{
	struct pg_stmt *s = ps(bs);

	return s->res ? PQnfields(s->res) : 0;
}

static const char *
pgs_col_name(struct db_stmt *bs, int i)
{
	struct pg_stmt *s = ps(bs);

	if (s->res == NULL || i < 0 || i >= PQnfields(s->res))
		return NULL;
	return PQfname(s->res, i);
}

static void stmt_free(struct pg_stmt *s);

static void
pgs_finalize(struct db_stmt *bs)
{
	struct pg_stmt *s = ps(bs);
	struct pg_conn *c = pc(bs->conn);

	if (!s->dynamic)
		return;
	if (s->prepared && PQstatus(c->pg) == CONNECTION_OK) {
		char sql[48];

		/* inside a failed transaction this fails too; the name is never
		 * used again, and the session's end forgets it */
		snprintf(sql, sizeof(sql), "DEALLOCATE %s", s->name);
		PQclear(PQexec(c->pg, sql));
	}
	stmt_free(s);
}

static const struct db_stmt_ops pg_stmt_ops = {
	.bind_text = pgs_bind_text,
	.bind_int = pgs_bind_int,
	.bind_null = pgs_bind_null,
	.bind_blob = pgs_bind_blob,
	.step = pgs_step,
	.reset = pgs_reset,
	.col_int = pgs_col_int,
	.col_text = pgs_col_text,
	.col_bytes = pgs_col_bytes,
	.col_blob = pgs_col_blob,
	.col_type = pgs_col_type,
	.ncols = pgs_ncols,
	.col_name = pgs_col_name,
	.finalize = pgs_finalize,
};

/*
 * ?N -> $N outside quoted literals and identifiers; records the highest N
 * and which N occur.  -1 when a number is out of range.
 */
static int
rewrite_params(struct pg_stmt *s, const char *sql)
{
	size_t n = strlen(sql), i, o = 0;
	char quote = 0;

	s->text = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		char ch = sql[i];

		if (quote) {
			if (ch == quote)
				quote = 0;
			s->text[o++] = ch;
			continue;
		}
		if (ch == '\'' || ch == '"') {
			quote = ch;
			s->text[o++] = ch;
			continue;
		}
		if (ch == '?' && i + 1 < n && char_is_digit(sql[i + 1])) {
			int v = 0;

			s->text[o++] = '$';
			while (i + 1 < n && char_is_digit(sql[i + 1])) {
				v = v * 10 + (sql[i + 1] - '0');
				s->text[o++] = sql[++i];
				if (v > PG_MAX_PARAMS)
					return -1;
			}
			s->used[v] = true;
			if (v > s->nparams)
				s->nparams = v;
			continue;
		}
		s->text[o++] = ch;
	}
	s->text[o] = '\0';
	return 0;
}

static void
stmt_free(struct pg_stmt *s)
{
	int i;

	result_clear(s);
	for (i = 0; i <= PG_MAX_PARAMS; i++)
		param_clear(&s->p[i]);
	free(s->text);
	free(s);
}

static void
stmt_free_base(struct db_stmt *s)
{
	stmt_free(ps(s));
}

static struct db_stmt *
pg_prep(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	struct pg_conn *c = pc(bc);
	struct pg_stmt *s = (struct pg_stmt *)stmt_cache_get(&c->cache, sql);
	int i;

	if (s) {
		result_clear(s);
		for (i = 1; i <= s->nparams; i++)
			param_clear(&s->p[i]);
		return &s->base;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &pg_stmt_ops;
	s->base.conn = bc;
	s->sql = sql;
	s->row = -1;
	snprintf(s->name, sizeof(s->name), "q%u", c->next_name++);
	if (rewrite_params(s, sql) < 0) {
		stmt_free(s);
		errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data (parameter)");
		return NULL;
	}
	stmt_cache_put(&c->cache, sql, &s->base);
	return &s->base;
}

static struct db_stmt *
pg_prep_dynamic(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	struct pg_conn *c = pc(bc);
	struct pg_stmt *s = xcalloc(1, sizeof(*s));

	s->base.ops = &pg_stmt_ops;
	s->base.conn = bc;
	s->row = -1;
	s->dynamic = true;
	snprintf(s->name, sizeof(s->name), "d%u", c->next_name++);
	if (rewrite_params(s, sql) < 0) {
		stmt_free(s);
		errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data (parameter)");
		return NULL;
	}
	s->sql = s->text; /* for messages */
	return &s->base;
}

static int
pg_exec(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	struct pg_conn *c = pc(bc);
	PGresult *r = PQexec(c->pg, sql);
	ExecStatusType st = PQresultStatus(r);

	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
		note_error(c, r);
		PQclear(r);
		if (eb)
			errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data: %s", c->errmsg);
		log_error("store: exec failed: %s", c->errmsg);
		return -1;
	}
	PQclear(r);
	return 0;
}

static int64_t
pg_changes(struct store_conn *bc)
{
	return pc(bc)->changes;
}

static const char set_scope_sql[] = "SELECT set_config('netra.scope', ?1, true)";

static int
pg_scope_set(struct store_conn *bc, const char *scope, struct errbuf *eb)
{
	struct pg_conn *c = pc(bc);
	struct db_stmt *s;

	if (!bc->writer && !c->in_tx) {
		if (pg_exec(bc, "BEGIN READ ONLY", eb) < 0)
			return -1;
		c->in_tx = true;
	}
	s = pg_prep(bc, set_scope_sql, eb);
	if (s == NULL)
		return -1;
	pgs_bind_text(s, 1, scope, (size_t)-1);
	if (pgs_step(s) != DB_ROW)
		return pg_error(bc, eb, "scope");
	result_clear(ps(s));
	if (bc->writer)
		c->scope_dirty = strcmp(scope, "all") != 0;
	return 0;
}

/* delivered to every LISTEN netra session when the transaction commits;
 * discarded with a rolled-back savepoint */
static int
pg_notify(struct store_conn *bc, const char *topic, struct errbuf *eb)
{
	struct db_stmt *s = pg_prep(bc, "SELECT pg_notify('netra', ?1)", eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, topic);
	if (db_step(s) != DB_ROW)
		return pg_error(bc, eb, "notify");
	return 0;
}

static const struct db_conn_ops pg_conn_ops = {
	.prep = pg_prep,
	.exec = pg_exec,
	.changes = pg_changes,
	.error = pg_error,
	.err_unique = pg_err_unique,
	.scope_set = pg_scope_set,
	.prep_dynamic = pg_prep_dynamic,
	.notify = pg_notify,
};

/* --- connections ------------------------------------------------------------ */

static int
conn_open(struct pg_conn *c, const char *url, const char *shown, bool writer, struct errbuf *eb)
{
	memset(c, 0, sizeof(*c));
	c->base.ops = &pg_conn_ops;
	c->base.engine = DB_PG;
	c->base.writer = writer;
	c->pg = PQconnectdb(url);
	if (PQstatus(c->pg) != CONNECTION_OK) {
		char msg[256];
		size_t n;

		cstr_copy(msg, sizeof(msg), PQerrorMessage(c->pg));
		n = strlen(msg);
		while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = '\0';
		/* the server answered but has no such database: the same
		 * "no_database" as a missing SQLite file */
		if (strstr(msg, "does not exist") && strstr(msg, "database"))
			errbuf_set_code(
				eb, ERR_NOT_FOUND, "no_database",
				"belum ada basis data PostgreSQL %s: %s; buat dengan createdb "
				"lalu `netra db migrate`",
				shown, msg);
		else
			errbuf_set_code(eb, ERR_UNAVAILABLE, "db_unreachable",
					"tidak dapat terhubung ke PostgreSQL %s: %s", shown, msg);
		PQfinish(c->pg);
		c->pg = NULL;
		return -1;
	}
	/* durable before the receipt; the store's own settings.  No JIT: the
	 * store's queries are short, but a generic plan of a prepared one
	 * (the case list's: every filter optional) is costed over the whole
	 * table, past jit_above_cost, and JIT compiles again on every
	 * execution: 0.4-0.6 s for a list page that runs in 10 ms without. */
	return pg_exec(&c->base,
		       "SET synchronous_commit = on; SET client_encoding = 'UTF8';"
		       " SET TIME ZONE 'UTC'; SET standard_conforming_strings = on; SET jit = off",
		       eb);
}

static void
conn_close(struct pg_conn *c)
{
	stmt_cache_clear(&c->cache, stmt_free_base);
	if (c->pg)
		PQfinish(c->pg);
	c->pg = NULL;
}

/* --- writer --------------------------------------------------------------------- */

/* A lost session is opened again (the server forgot every prepared
 * statement), then the transaction and the chain's lock: one node's batch
 * at a time.  Every job may take row locks and the chain's lock
 * (q_events.h); taking the chain's lock first orders the batches of all
 * nodes, so two batches never wait on each other in opposite orders. */
static int
pg_batch_begin(struct store *bst, struct store_conn *bc, struct errbuf *eb)
{
	struct pg_store *st = (struct pg_store *)bst;
	struct pg_conn *c = pc(bc);
	struct db_stmt *s;

	if (PQstatus(c->pg) != CONNECTION_OK) {
		conn_close(c);
		if (conn_open(c, st->url, st->shown, true, eb) < 0)
			return -1;
	}
	if (pg_exec(bc, "BEGIN", eb) < 0)
		return -1;
	s = pg_prep(bc, pg_q_event_append_lock, eb);
	if (s == NULL || db_step(s) != DB_ROW) {
		if (s)
			pg_error(bc, eb, "batch lock");
		pg_exec(bc, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

static int
pg_batch_savepoint(struct store_conn *c, struct errbuf *eb)
{
	return pg_exec(c, "SAVEPOINT job", eb);
}

static void
pg_batch_end_job(struct store_conn *bc, bool ok)
{
	struct pg_conn *c = pc(bc);

	if (!ok) {
		pg_exec(bc, "ROLLBACK TO SAVEPOINT job", NULL);
		c->scope_dirty = false; /* the rollback undid set_config too */
	} else if (c->scope_dirty) {
		pg_scope_set(bc, "all", NULL);
	}
	pg_exec(bc, "RELEASE SAVEPOINT job", NULL);
}

/* The local subscribers hear the batch at once; the listener hears it
 * again from the server. */
static int
pg_batch_commit(struct store_conn *bc, struct errbuf *eb)
{
	pc(bc)->scope_dirty = false;
	if (pg_exec(bc, "COMMIT", eb) == 0)
		return 0;
	pg_exec(bc, "ROLLBACK", NULL);
	return -1;
}

static const struct store_batch_ops pg_batch_ops = {
	.begin = pg_batch_begin,
	.savepoint = pg_batch_savepoint,
	.end_job = pg_batch_end_job,
	.commit = pg_batch_commit,
};

/* --- readers -------------------------------------------------------------------- */

static struct store_conn *
pg_reader(struct store *bst)
{
	struct pg_store *st = (struct pg_store *)bst;
	struct store_conn *c = reader_pool_take(&st->pool);

	if (PQstatus(pc(c)->pg) != CONNECTION_OK) {
		struct errbuf eb;

		conn_close(pc(c));
		if (conn_open(pc(c), st->url, st->shown, false, &eb) < 0)
			log_error("store: reader reconnect failed: %s", eb.msg);
	}
	return c;
}

static void
pg_reader_done(struct store *bst, struct store_conn *bc)
{
	struct pg_store *st = (struct pg_store *)bst;
	struct pg_conn *c = pc(bc);

	if (c->in_tx) {
		pg_exec(bc, "COMMIT", NULL);
		c->in_tx = false;
	}
	reader_pool_give(&st->pool, bc);
}

/* --- notifications ----------------------------------------------------------- */

#define LISTEN_BACKOFF_MIN_MS 100
#define LISTEN_BACKOFF_MAX_MS 5000

static PGconn *
listen_connect(struct pg_store *st, struct errbuf *eb)
{
	PGconn *pg = PQconnectdb(st->url);
	PGresult *r;

	if (PQstatus(pg) != CONNECTION_OK) {
		errbuf_set_code(eb, ERR_UNAVAILABLE, "no_database",
				"tidak dapat terhubung ke PostgreSQL %s untuk pemberitahuan",
				st->shown);
		PQfinish(pg);
		return NULL;
	}
	r = PQexec(pg, "LISTEN netra");
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		errbuf_set(eb, ERR_UNAVAILABLE, "LISTEN netra gagal: %s", PQerrorMessage(pg));
		PQclear(r);
		PQfinish(pg);
		return NULL;
	}
	PQclear(r);
	return pg;
}

/* Sleep ms unless asked to stop; true when asked. */
static bool
listen_stop_wait(struct pg_store *st, int ms)
{
	struct pollfd p = {st->lstop[0], POLLIN, 0};

	return poll(&p, 1, ms) > 0;
}

/*
 * Every notification on channel netra goes to the subscribers.  A lost
 * connection is opened again with growing pauses; notifications sent
 * meanwhile are lost, so the subscribers then hear STORE_TOPIC_ALL.
 */
static void *
listener_main(void *arg)
{
	struct pg_store *st = arg;
	PGconn *pg = st->lconn;
	int backoff = 0;

	st->lconn = NULL;
	for (;;) {
		struct pollfd fds[2];
		PGnotify *n;

		if (pg == NULL) {
			struct errbuf eb;

			backoff = backoff ? backoff * 2 : LISTEN_BACKOFF_MIN_MS;
			if (backoff > LISTEN_BACKOFF_MAX_MS)
				backoff = LISTEN_BACKOFF_MAX_MS;
			if (listen_stop_wait(st, backoff))
				break;
			pg = listen_connect(st, &eb);
			if (pg == NULL)
				continue;
			log_info("store: listening for notifications again");
			backoff = 0;
			store_hub_deliver(&st->base, STORE_TOPIC_ALL);
		}
		fds[0] = (struct pollfd){PQsocket(pg), POLLIN, 0};
		fds[1] = (struct pollfd){st->lstop[0], POLLIN, 0};
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			log_error("store: listener poll: %s", strerror(errno));
			break;
		}
		if (fds[1].revents)
			break;
		if (!PQconsumeInput(pg)) {
			log_warn("store: notification connection lost: %s", PQerrorMessage(pg));
			PQfinish(pg);
			pg = NULL;
			continue;
		}
		while ((n = PQnotifies(pg)) != NULL) {
			store_hub_deliver(&st->base, n->extra);
			PQfreemem(n);
		}
	}
	if (pg)
		PQfinish(pg);
	return NULL;
}

/* The first LISTEN runs here, so a notification committed after
 * store_subscribe() returns is heard. */
static int
pg_listen(struct store *bst, struct errbuf *eb)
{
	struct pg_store *st = (struct pg_store *)bst;

	if (st->listening)
		return 0;
	st->lconn = listen_connect(st, eb);
	if (st->lconn == NULL)
		return -1;
	if (pipe(st->lstop) < 0) {
		PQfinish(st->lconn);
		st->lconn = NULL;
		return errbuf_set(eb, ERR_INTERNAL, "pipe: %s", strerror(errno));
	}
	if (pthread_create(&st->listener, NULL, listener_main, st) != 0) {
		PQfinish(st->lconn);
		st->lconn = NULL;
		close(st->lstop[0]);
		close(st->lstop[1]);
		return errbuf_set(eb, ERR_INTERNAL, "tidak dapat memulai thread pemberitahuan");
	}
	st->listening = true;
	return 0;
}

static void
listen_stop(struct pg_store *st)
{
	if (!st->listening)
		return;
	if (write(st->lstop[1], "x", 1) < 0)
		log_error("store: cannot stop the listener: %s", strerror(errno));
	pthread_join(st->listener, NULL);
	close(st->lstop[0]);
	close(st->lstop[1]);
	st->listening = false;
}

/* --- lifecycle ------------------------------------------------------------------ */

/* postgres://user:secret@host/db -> postgres://user@host/db for messages */
static void
url_shown(const char *url, char *out, size_t outsz)
{
	const char *scheme = strstr(url, "://");
	const char *at = scheme ? strchr(scheme + 3, '@') : NULL;
	const char *colon = scheme ? strchr(scheme + 3, ':') : NULL;

	if (at && colon && colon < at)
		snprintf(out, outsz, "%.*s%s", (int)(colon - url), url, at);
	else
		cstr_copy(out, outsz, url);
}

/* With must_exist: a database without netra's tables is "no database
 * here", as an empty SQLite file is; nothing is created in it. */
static int
check_migrated(struct pg_conn *c, const char *shown, struct errbuf *eb)
{
	PGresult *r = PQexec(c->pg, "SELECT to_regclass('schema_migrations') IS NOT NULL");
	bool there = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 &&
		     strcmp(PQgetvalue(r, 0, 0), "t") == 0;

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		note_error(c, r);
		PQclear(r);
		return pg_error(&c->base, eb, "schema_migrations");
	}
	PQclear(r);
	if (!there)
		return errbuf_set_code(
			eb, ERR_NOT_FOUND, "no_database",
			"basis data %s belum dimigrasi (belum ada tabel netra); buat "
			"dengan `netra db migrate` sebagai pemiliknya",
			shown);
	return 0;
}

static void pg_close(struct store *bst);
static int pg_status_get(struct store *bst, bool full_check, struct store_status *out,
			 struct errbuf *eb);
static int pg_backup(struct store *bst, const char *file, struct errbuf *eb);

static const struct store_engine_ops pg_engine_ops = {
	.close = pg_close,
	.reader = pg_reader,
	.reader_done = pg_reader_done,
	.status_get = pg_status_get,
	.backup = pg_backup,
	.listen = pg_listen,
};

int
pg_store_open(struct store **out, const char *url, const struct store_opts *o, struct errbuf *eb)
{
	struct pg_store *st;
	int i;

	*out = NULL;
	st = xcalloc(1, sizeof(*st));
	st->base.ops = &pg_engine_ops;
	st->base.engine = DB_PG;
	if (cstr_copy(st->url, sizeof(st->url), url) < 0) {
		free(st);
		return errbuf_set(eb, ERR_INVALID_INPUT, "URL basis data terlalu panjang");
	}
	url_shown(url, st->shown, sizeof(st->shown));
	st->nreaders = o->readers > 0 ? o->readers : 4;
	reader_pool_init(&st->pool);
	store_writer_init(&st->base, &st->writer.base, &pg_batch_ops, o->batch_max);
	if (conn_open(&st->writer, st->url, st->shown, true, eb) < 0 ||
	    (o->must_exist && check_migrated(&st->writer, st->shown, eb) < 0) ||
	    store_migrations_bootstrap(&st->writer.base, eb) < 0)
		goto fail;
	st->readers = xcalloc((size_t)st->nreaders, sizeof(*st->readers));
	for (i = 0; i < st->nreaders; i++) {
		if (conn_open(&st->readers[i], st->url, st->shown, false, eb) < 0)
			goto fail;
		reader_pool_give(&st->pool, &st->readers[i].base);
	}
	if (store_writer_start(&st->base, eb) < 0)
		goto fail;
	*out = &st->base;
	return 0;
fail:
	pg_close(&st->base);
	return -1;
}

static void
pg_close(struct store *bst)
{
	struct pg_store *st = (struct pg_store *)bst;
	int i;

	listen_stop(st);
	store_writer_stop(&st->base);
	for (i = 0; st->readers && i < st->nreaders; i++)
		conn_close(&st->readers[i]);
	free(st->readers);
	conn_close(&st->writer);
	reader_pool_destroy(&st->pool);
	free(st);
}

static int
pg_status_get(struct store *bst, bool full_check, struct store_status *out, struct errbuf *eb)
{
	struct pg_store *st = (struct pg_store *)bst;
	struct store_conn *c = pg_reader(bst);
	struct db_stmt *s;
	int rc = -1;

	(void)full_check;
	cstr_copy(out->path, sizeof(out->path), st->shown);
	cstr_copy(out->journal_mode, sizeof(out->journal_mode), "wal");
	s = pg_prep(c,
		    "SELECT (SELECT coalesce(max(version), 0) FROM schema_migrations),"
		    " current_setting('server_version'), pg_database_size(current_database()),"
		    " (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()),"
		    " pg_is_in_recovery(),"
		    " (SELECT count(*) FROM pg_stat_replication),"
		    " (SELECT coalesce(string_agg(coalesce(application_name, '?') || ' '"
		    "   || coalesce(state, '?') || ' ' || coalesce(sync_state, '?'), ', '), '')"
		    "  FROM pg_stat_replication)",
		    eb);
	if (s == NULL)
		goto out;
	if (pgs_step(s) != DB_ROW) {
		pg_error(c, eb, "status");
		goto out;
	}
	out->schema_version = (int)pgs_col_int(s, 0);
	db_col_text_copy(s, 1, out->server_version, sizeof(out->server_version));
	out->size_bytes = pgs_col_int(s, 2);
	out->connections = (int)pgs_col_int(s, 3);
	if (pgs_col_int(s, 4))
		cstr_copy(out->replication, sizeof(out->replication), "standby (in recovery)");
	else if (pgs_col_int(s, 5) == 0)
		cstr_copy(out->replication, sizeof(out->replication), "primary, no standby");
	else
		snprintf(out->replication, sizeof(out->replication), "primary, %lld standby: %s",
			 (long long)pgs_col_int(s, 5), pgs_col_text(s, 6));
	/* PostgreSQL checks pages as it reads them; there is no PRAGMA-style
	 * whole-file check to run from the application */
	out->integrity_ok = true;
	cstr_copy(out->integrity, sizeof(out->integrity), "ok");
	rc = 0;
out:
	pg_reader_done(bst, c);
	return rc;
}

/* --- backup ---------------------------------------------------------------------- */

/* Run argv (a PostgreSQL client tool) and wait; its stderr goes to ours. */
int
pg_run_tool(char *const argv[], struct errbuf *eb)
{
	extern char **environ;
	pid_t pid;
	int status, err;

	err = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
	if (err != 0)
		return errbuf_set(eb, ERR_UNAVAILABLE,
				  "%s tidak dapat dijalankan: %s (pasang paket postgresql-client)",
				  argv[0], strerror(err));
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return errbuf_set(eb, ERR_INTERNAL, "%s: %s", argv[0], strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return errbuf_set(eb, ERR_INTERNAL, "%s gagal (status %d)", argv[0],
				  WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	return 0;
}

static int
pg_backup(struct store *bst, const char *file, struct errbuf *eb)
{
	struct pg_store *st = (struct pg_store *)bst;
	char tool[] = "pg_dump", fmt[] = "--format=custom", owner[] = "--no-owner";
	char fbuf[1024], dbuf[600];
	char *argv[] = {tool, fmt, owner, fbuf, dbuf, NULL};

	if (snprintf(fbuf, sizeof(fbuf), "--file=%s", file) >= (int)sizeof(fbuf) ||
	    snprintf(dbuf, sizeof(dbuf), "--dbname=%s", st->url) >= (int)sizeof(dbuf))
		return errbuf_set(eb, ERR_INVALID_INPUT, "jalur cadangan terlalu panjang");
	return pg_run_tool(argv, eb);
}

int
pg_restore_file(const char *url, const char *file, struct errbuf *eb)
{
	char tool[] = "pg_restore", clean[] = "--clean", ifx[] = "--if-exists",
	     owner[] = "--no-owner", one[] = "--single-transaction", stop[] = "--exit-on-error";
	char dbuf[600], fbuf[1024];
	char *argv[] = {tool, clean, ifx, owner, one, stop, dbuf, fbuf, NULL};

	/* a file named "-x" is a file, not an option */
	if (snprintf(dbuf, sizeof(dbuf), "--dbname=%s", url) >= (int)sizeof(dbuf) ||
	    snprintf(fbuf, sizeof(fbuf), "%s%s", file[0] == '-' ? "./" : "", file) >=
		    (int)sizeof(fbuf))
		return errbuf_set(eb, ERR_INVALID_INPUT, "jalur cadangan terlalu panjang");
	return pg_run_tool(argv, eb);
}
