/*
 * sqlite.c - the SQLite engine: the statement layer of store/db.h over
 * sqlite3, connections, the statement cache, the reader pool, the
 * group-commit writer thread (see store.h for the contract), status and
 * the online backup.
 *
 * Invariants:
 *  - exactly one connection writes, and only on the writer thread;
 *  - readers are opened query_only and never begin a write;
 *  - the writer's queue and thread are store.c's (struct store_writer);
 *    done() callbacks run without its lock held.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/engine.h"
#include "store/store_internal.h"

struct sq_stmt {
	struct db_stmt base;
	sqlite3_stmt *st;
	bool dynamic; /* from db_prep_dynamic(): not in the cache */
};

struct sq_conn {
	struct store_conn base;
	sqlite3 *db;
	struct stmt_cache cache;
};

struct sq_store {
	struct store base;
	char path[512];

	/* reader pool */
	struct reader_pool pool;
	struct sq_conn *readers;
	int nreaders;

	/* the writer's connection (the thread and queue: st->base.w) */
	struct sq_conn writer;

	/* WAL checkpoints run here, off the writer's path */
	struct sq_conn checkpointer;
	pthread_t checkpoint_thread;
	bool checkpoint_running;
	pthread_mutex_t cplock;
	pthread_cond_t cpcond;
	bool cp_stop;
};

/* --- statements (store/db.h) ------------------------------------------- */

static inline sqlite3_stmt *
sq(struct db_stmt *s)
{
	return ((struct sq_stmt *)s)->st;
}

static inline struct sq_conn *
sqc(struct store_conn *c)
{
	return (struct sq_conn *)c;
}

static int
sq_bind_text(struct db_stmt *s, int i, const char *v, size_t n)
{
	if (n == (size_t)-1)
		return sqlite3_bind_text(sq(s), i, v, -1, SQLITE_TRANSIENT);
	return sqlite3_bind_text64(sq(s), i, v, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

static int
sq_bind_int(struct db_stmt *s, int i, int64_t v)
{
	return sqlite3_bind_int64(sq(s), i, v);
}

static int
sq_bind_null(struct db_stmt *s, int i)
{
	return sqlite3_bind_null(sq(s), i);
}

static int
sq_bind_blob(struct db_stmt *s, int i, const void *p, size_t n)
{
	return sqlite3_bind_blob64(sq(s), i, p, n, SQLITE_TRANSIENT);
}

static int
sq_step(struct db_stmt *s)
{
	int rc = sqlite3_step(sq(s));

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	return DB_ERROR;
}

static void
sq_reset(struct db_stmt *s)
{
	sqlite3_reset(sq(s));
}

static int64_t
sq_col_int(struct db_stmt *s, int i)
{
	return sqlite3_column_int64(sq(s), i);
}

static const char *
sq_col_text(struct db_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(sq(s), i);
}

static size_t
sq_col_bytes(struct db_stmt *s, int i)
{
	return (size_t)sqlite3_column_bytes(sq(s), i);
}

static const void *
sq_col_blob(struct db_stmt *s, int i, size_t *n)
{
	const void *p = sqlite3_column_blob(sq(s), i);

	if (n)
		*n = (size_t)sqlite3_column_bytes(sq(s), i);
	return p;
}

static enum db_type
sq_col_type(struct db_stmt *s, int i)
{
	switch (sqlite3_column_type(sq(s), i)) {
	case SQLITE_NULL: return DB_T_NULL;
	case SQLITE_INTEGER: return DB_T_INT;
	case SQLITE_BLOB: return DB_T_BLOB;
	default: return DB_T_TEXT;
	}
}

static int
sq_ncols(struct db_stmt *s)
{
	return sqlite3_column_count(sq(s));
}

static const char *
sq_col_name(struct db_stmt *s, int i)
{
	return sqlite3_column_name(sq(s), i);
}

static void
sq_finalize(struct db_stmt *bs)
{
	struct sq_stmt *s = (struct sq_stmt *)bs;

	if (!s->dynamic)
		return;
	sqlite3_finalize(s->st);
	free(s);
}

static const struct db_stmt_ops sq_stmt_ops = {
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.bind_null = sq_bind_null,
	.bind_blob = sq_bind_blob,
	.step = sq_step,
	.reset = sq_reset,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_bytes = sq_col_bytes,
	.col_blob = sq_col_blob,
	.col_type = sq_col_type,
	.ncols = sq_ncols,
	.col_name = sq_col_name,
	.finalize = sq_finalize,
};

/* --- statement cache ------------------------------------------------------ */

static int
sq_error(struct store_conn *bc, struct errbuf *eb, const char *what)
{
	struct sq_conn *c = sqc(bc);
	int code = sqlite3_extended_errcode(c->db);

	if (code == SQLITE_FULL)
		return errbuf_set(eb, ERR_UNAVAILABLE, "penyimpanan penuh (%s)", what);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return errbuf_set(eb, ERR_UNAVAILABLE, "basis data sibuk (%s)", what);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return errbuf_set(eb, ERR_CONFLICT,
				  "data bertentangan dengan yang sudah ada (%s: %s)", what,
				  sqlite3_errmsg(c->db));
	log_error("store: %s: %s (code %d)", what, sqlite3_errmsg(c->db), code);
	return errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data (%s)", what);
}

static bool
sq_err_unique(struct store_conn *bc)
{
	return sqlite3_extended_errcode(sqc(bc)->db) == SQLITE_CONSTRAINT_UNIQUE;
}

static struct db_stmt *
sq_prep(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	struct sq_conn *c = sqc(bc);
	struct sq_stmt *s = (struct sq_stmt *)stmt_cache_get(&c->cache, sql);
	sqlite3_stmt *st;

	if (s) {
		sqlite3_reset(s->st);
		sqlite3_clear_bindings(s->st);
		return &s->base;
	}
	if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sq_error(bc, eb, "prepare");
		log_error("store: cannot prepare: %.200s", sql);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &sq_stmt_ops;
	s->base.conn = bc;
	s->st = st;
	stmt_cache_put(&c->cache, sql, &s->base);
	return &s->base;
}

static struct db_stmt *
sq_prep_dynamic(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	struct sq_stmt *s;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(sqc(bc)->db, sql, -1, &st, NULL) != SQLITE_OK) {
		sq_error(bc, eb, "prepare");
		log_error("store: cannot prepare: %.200s", sql);
		return NULL;
	}
	s = xcalloc(1, sizeof(*s));
	s->base.ops = &sq_stmt_ops;
	s->base.conn = bc;
	s->st = st;
	s->dynamic = true;
	return &s->base;
}

static int
sq_exec(struct store_conn *bc, const char *sql, struct errbuf *eb)
{
	char *msg = NULL;

	if (sqlite3_exec(sqc(bc)->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data: %s", msg ? msg : "?");
		log_error("store: exec failed: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static int64_t
sq_changes(struct store_conn *bc)
{
	return sqlite3_changes64(sqc(bc)->db);
}

static const struct db_conn_ops sq_conn_ops = {
	.prep = sq_prep,
	.exec = sq_exec,
	.changes = sq_changes,
	.error = sq_error,
	.err_unique = sq_err_unique,
	.scope_set = NULL, /* one enforcement: the WHERE clause */
	.prep_dynamic = sq_prep_dynamic,
};

/* Reset every statement still stepping, so no snapshot or lock outlives
 * the unit of work that used it. */
static void
conn_reset_busy(struct sq_conn *c)
{
	sqlite3_stmt *s = NULL;

	while ((s = sqlite3_next_stmt(c->db, s)) != NULL)
		if (sqlite3_stmt_busy(s))
			sqlite3_reset(s);
}

/* --- connections --------------------------------------------------------- */

static int
conn_open(struct sq_conn *c, const char *path, bool writer, struct errbuf *eb)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);

	memset(c, 0, sizeof(*c));
	c->base.ops = &sq_conn_ops;
	c->base.engine = DB_SQLITE;
	c->base.writer = writer;
	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		errbuf_set(eb, ERR_UNAVAILABLE, "tidak dapat membuka basis data %s: %s", path,
			   c->db ? sqlite3_errmsg(c->db) : "?");
		sqlite3_close(c->db);
		c->db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(c->db, 5000);
	sqlite3_extended_result_codes(c->db, 1);
	if (writer)
		return sq_exec(&c->base,
			       "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			       "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;",
			       eb);
	return sq_exec(&c->base,
		       "PRAGMA query_only=ON; PRAGMA foreign_keys=ON;"
		       "PRAGMA cache_size=-2000; PRAGMA temp_store=MEMORY;",
		       eb);
}

static void
stmt_free(struct db_stmt *s)
{
	sqlite3_finalize(sq(s));
	free(s);
}

static void
conn_close(struct sq_conn *c)
{
	stmt_cache_clear(&c->cache, stmt_free);
	if (c->db)
		sqlite3_close(c->db);
	c->db = NULL;
}

/* --- writer -------------------------------------------------------------- */

/* One cached statement for a fixed command (SAVEPOINT and friends). */
static int
exec_cached(struct sq_conn *c, const char *sql, struct errbuf *eb)
{
	struct db_stmt *s = sq_prep(&c->base, sql, eb);

	if (s == NULL)
		return -1;
	if (sqlite3_step(sq(s)) != SQLITE_DONE)
		return sq_error(&c->base, eb, sql);
	sqlite3_reset(sq(s));
	return 0;
}

static int
sq_batch_begin(struct store *st, struct store_conn *c, struct errbuf *eb)
{
	(void)st;
	return sq_exec(c, "BEGIN IMMEDIATE", eb);
}

static int
sq_batch_savepoint(struct store_conn *c, struct errbuf *eb)
{
	return exec_cached(sqc(c), "SAVEPOINT job", eb);
}

static void
sq_batch_end_job(struct store_conn *c, bool ok)
{
	conn_reset_busy(sqc(c));
	if (!ok)
		exec_cached(sqc(c), "ROLLBACK TO job", NULL);
	exec_cached(sqc(c), "RELEASE job", NULL);
}

static int
sq_batch_commit(struct store_conn *c, struct errbuf *eb)
{
	if (sq_exec(c, "COMMIT", eb) == 0)
		return 0;
	sq_exec(c, "ROLLBACK", NULL);
	return -1;
}

static const struct store_batch_ops sq_batch_ops = {
	.begin = sq_batch_begin,
	.savepoint = sq_batch_savepoint,
	.end_job = sq_batch_end_job,
	.commit = sq_batch_commit,
};

/* --- checkpoints -------------------------------------------------------- */

/*
 * Every half second, a PASSIVE checkpoint copies committed WAL frames into
 * the database file without blocking the writer or the readers; the WAL is
 * restarted from the top when every reader has moved on.  Doing this on the
 * writer thread (SQLite's autocheckpoint) would put the database fsync on
 * the path of every batch.
 */
static void *
checkpoint_main(void *arg)
{
	struct sq_store *st = arg;

	pthread_mutex_lock(&st->cplock);
	while (!st->cp_stop) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 500 * 1000 * 1000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&st->cpcond, &st->cplock, &ts);
		if (st->cp_stop)
			break;
		pthread_mutex_unlock(&st->cplock);
		sqlite3_wal_checkpoint_v2(st->checkpointer.db, NULL, SQLITE_CHECKPOINT_PASSIVE,
					  NULL, NULL);
		pthread_mutex_lock(&st->cplock);
	}
	pthread_mutex_unlock(&st->cplock);
	return NULL;
}

/* --- readers ------------------------------------------------------------- */

static struct store_conn *
sq_reader(struct store *bst)
{
	return reader_pool_take(&((struct sq_store *)bst)->pool);
}

static void
sq_reader_done(struct store *bst, struct store_conn *c)
{
	conn_reset_busy(sqc(c));
	reader_pool_give(&((struct sq_store *)bst)->pool, c);
}

/* --- lifecycle ----------------------------------------------------------- */

/* With must_exist: a missing or empty file (SQLite would start a new
 * database in either) is "no database here", said with the path. */
static int
check_exists(const struct store_opts *o, const char *path, struct errbuf *eb)
{
	struct stat sb;

	if (!o->must_exist)
		return 0;
	if (stat(path, &sb) < 0)
		sb.st_mode = S_IFREG; /* missing: the message below */
	else if (S_ISREG(sb.st_mode) && sb.st_size > 0)
		return 0;
	if (!S_ISREG(sb.st_mode))
		return errbuf_set_code(eb, ERR_NOT_FOUND, "no_database",
				       "%s bukan berkas basis data", path);
	return errbuf_set_code(eb, ERR_NOT_FOUND, "no_database",
			       "belum ada basis data di %s; buat dengan `netra db migrate` "
			       "(atau `netra serve` / `netra demo`)",
			       path);
}

/* Once per process, before any connection: no global memory statistics
 * (with them every sqlite3_malloc takes one process-wide mutex, which
 * parallel readers then queue on). */
static void
sqlite_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	(void)sqlite3_initialize();
}

static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

static void sq_close(struct store *bst);
static int sq_status_get(struct store *bst, bool full_check, struct store_status *out,
			 struct errbuf *eb);
static int sq_backup(struct store *bst, const char *file, struct errbuf *eb);

static const struct store_engine_ops sq_engine_ops = {
	.close = sq_close,
	.reader = sq_reader,
	.reader_done = sq_reader_done,
	.status_get = sq_status_get,
	.backup = sq_backup,
};

int
sqlite_store_open(struct store **out, const char *path, const struct store_opts *o,
		  struct errbuf *eb)
{
	struct sq_store *st;
	int i;

	pthread_once(&sqlite_once, sqlite_setup);
	*out = NULL;
	if (check_exists(o, path, eb) < 0)
		return -1;
	st = xcalloc(1, sizeof(*st));
	st->base.ops = &sq_engine_ops;
	st->base.engine = DB_SQLITE;
	cstr_copy(st->path, sizeof(st->path), path);
	st->nreaders = o->readers > 0 ? o->readers : 4;
	reader_pool_init(&st->pool);
	store_writer_init(&st->base, &st->writer.base, &sq_batch_ops, o->batch_max);
	pthread_mutex_init(&st->cplock, NULL);
	pthread_cond_init(&st->cpcond, NULL);
	if (conn_open(&st->writer, st->path, true, eb) < 0 ||
	    store_migrations_bootstrap(&st->writer.base, eb) < 0)
		goto fail;
	st->readers = xcalloc((size_t)st->nreaders, sizeof(*st->readers));
	for (i = 0; i < st->nreaders; i++) {
		if (conn_open(&st->readers[i], st->path, false, eb) < 0)
			goto fail;
		reader_pool_give(&st->pool, &st->readers[i].base);
	}
	if (store_writer_start(&st->base, eb) < 0)
		goto fail;
	if (conn_open(&st->checkpointer, st->path, false, eb) < 0 ||
	    sq_exec(&st->checkpointer.base, "PRAGMA query_only=OFF", eb) < 0)
		goto fail;
	if (pthread_create(&st->checkpoint_thread, NULL, checkpoint_main, st) != 0) {
		errbuf_set(eb, ERR_INTERNAL, "tidak dapat memulai thread checkpoint");
		goto fail;
	}
	st->checkpoint_running = true;
	*out = &st->base;
	return 0;
fail:
	sq_close(&st->base);
	return -1;
}

static void
sq_close(struct store *bst)
{
	struct sq_store *st = (struct sq_store *)bst;
	int i;

	if (st->checkpoint_running) {
		pthread_mutex_lock(&st->cplock);
		st->cp_stop = true;
		pthread_cond_signal(&st->cpcond);
		pthread_mutex_unlock(&st->cplock);
		pthread_join(st->checkpoint_thread, NULL);
	}
	conn_close(&st->checkpointer);
	store_writer_stop(&st->base);
	for (i = 0; st->readers && i < st->nreaders; i++)
		conn_close(&st->readers[i]);
	free(st->readers);
	if (st->writer.db) {
		/* fold the WAL back into the main file on a clean shutdown */
		sqlite3_wal_checkpoint_v2(st->writer.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL,
					  NULL);
	}
	conn_close(&st->writer);
	reader_pool_destroy(&st->pool);
	pthread_mutex_destroy(&st->cplock);
	pthread_cond_destroy(&st->cpcond);
	free(st);
}

/* The writer connection is private to the writer thread; administration
 * that needs it runs as a job. */
struct status_arg {
	bool full;
	struct store_status *out;
};

static int
status_job(struct store_conn *bc, void *arg, struct errbuf *eb)
{
	struct status_arg *a = arg;
	struct db_stmt *s;
	size_t used = 0;

	s = sq_prep(bc, "SELECT coalesce(max(version), 0) FROM schema_migrations", eb);
	if (s && sq_step(s) == DB_ROW)
		a->out->schema_version = (int)sq_col_int(s, 0);
	s = sq_prep(bc, "PRAGMA journal_mode", eb);
	if (s && sq_step(s) == DB_ROW)
		db_col_text_copy(s, 0, a->out->journal_mode, sizeof(a->out->journal_mode));
	s = sq_prep(bc, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
		    eb);
	if (s && sq_step(s) == DB_ROW)
		a->out->size_bytes = sq_col_int(s, 0);
	s = sq_prep(bc, a->full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)", eb);
	if (s == NULL)
		return -1;
	a->out->integrity[0] = '\0';
	while (sq_step(s) == DB_ROW) {
		const char *line = sq_col_text(s, 0);
		int w;

		if (line == NULL)
			continue;
		w = snprintf(a->out->integrity + used, sizeof(a->out->integrity) - used, "%s%s",
			     used ? "; " : "", line);
		if (w < 0 || (size_t)w >= sizeof(a->out->integrity) - used)
			break;
		used += (size_t)w;
	}
	a->out->integrity_ok = strcmp(a->out->integrity, "ok") == 0;
	return 0;
}

static int
sq_status_get(struct store *bst, bool full_check, struct store_status *out, struct errbuf *eb)
{
	struct sq_store *st = (struct sq_store *)bst;
	struct status_arg a;

	a.full = full_check;
	a.out = out;
	cstr_copy(out->path, sizeof(out->path), st->path);
	return store_write(bst, status_job, &a, eb);
}

/* --- backup and restore ------------------------------------------------- */

/* PRAGMA integrity_check of db: 0 when "ok", else -1 with the first
 * findings in out. */
static int
file_integrity(sqlite3 *db, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;
	size_t used = 0;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check(5)", -1, &st, NULL) != SQLITE_OK) {
		cstr_copy(out, outsz, sqlite3_errmsg(db));
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		int w;

		if (line == NULL)
			continue;
		w = snprintf(out + used, outsz - used, "%s%s", used ? "; " : "", line);
		if (w < 0 || (size_t)w >= outsz - used)
			break;
		used += (size_t)w;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && used == 0)
		cstr_copy(out, outsz, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return strcmp(out, "ok") == 0 ? 0 : -1;
}

/* Copy every page of src into a new file tmp, check the copy, set its
 * journal mode (the backup keeps DELETE, a live database WAL).  On failure
 * tmp is removed. */
static int
copy_pages(sqlite3 *src, const char *tmp, const char *journal, struct errbuf *eb)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	char problem[256];
	char pragma[48];
	int rc;

	unlink(tmp);
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		errbuf_set_code(eb, ERR_UNAVAILABLE, "backup_failed",
				"tidak dapat membuat berkas %s: %s", tmp,
				dst ? sqlite3_errmsg(dst) : "?");
		goto fail;
	}
	b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL) {
		errbuf_set_code(eb, ERR_INTERNAL, "backup_failed", "penyalinan gagal: %s",
				sqlite3_errmsg(dst));
		goto fail;
	}
	rc = sqlite3_backup_step(b, -1);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		errbuf_set_code(eb, rc == SQLITE_FULL ? ERR_UNAVAILABLE : ERR_INTERNAL,
				"backup_failed", "penyalinan gagal: %s", sqlite3_errstr(rc));
		goto fail;
	}
	snprintf(pragma, sizeof(pragma), "PRAGMA journal_mode=%s", journal);
	if (sqlite3_exec(dst, pragma, NULL, NULL, NULL) != SQLITE_OK) {
		errbuf_set_code(eb, ERR_INTERNAL, "backup_failed", "penyalinan gagal: %s",
				sqlite3_errmsg(dst));
		goto fail;
	}
	/* the copy is read back from the file it was written to */
	if (file_integrity(dst, problem, sizeof(problem)) < 0) {
		errbuf_set_code(eb, ERR_INTERNAL, "backup_damaged",
				"salinan %s gagal diperiksa (integrity_check: %s)", tmp, problem);
		goto fail;
	}
	if (sqlite3_close(dst) != SQLITE_OK) {
		dst = NULL;
		errbuf_set_code(eb, ERR_INTERNAL, "backup_failed", "penyalinan gagal ditutup");
		goto fail;
	}
	return 0;
fail:
	sqlite3_close(dst);
	unlink(tmp);
	return -1;
}

/* fsync the directory that holds path, so a rename into it is durable */
static void
sync_dir_of(const char *path)
{
	char dir[600];
	char *slash;
	int fd;

	cstr_copy(dir, sizeof(dir), path);
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	else
		cstr_copy(dir, sizeof(dir), ".");
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
}

static int
tmp_name(char *out, size_t outsz, const char *file, const char *what, struct errbuf *eb)
{
	if (snprintf(out, outsz, "%s.%s-%ld", file, what, (long)getpid()) >= (int)outsz)
		return errbuf_set(eb, ERR_INVALID_INPUT, "jalur berkas terlalu panjang: %s", file);
	return 0;
}

/*
 * From a reader: its one backup step copies every page inside one read
 * transaction, a WAL snapshot that the writer keeps writing past.  The
 * copy goes to FILE.part-PID, is checked, and only then renamed to FILE:
 * FILE is either the previous backup or a whole, checked new one.
 */
static int
sq_backup(struct store *bst, const char *file, struct errbuf *eb)
{
	struct sq_store *st = (struct sq_store *)bst;
	struct store_conn *c;
	struct stat fs, ls;
	char tmp[600];
	int rc;

	if (stat(file, &fs) == 0 && stat(st->path, &ls) == 0 && fs.st_dev == ls.st_dev &&
	    fs.st_ino == ls.st_ino)
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "backup_target",
				       "berkas cadangan %s adalah basis data itu sendiri", file);
	if (tmp_name(tmp, sizeof(tmp), file, "part", eb) < 0)
		return -1;
	c = sq_reader(bst);
	rc = copy_pages(sqc(c)->db, tmp, "DELETE", eb);
	sq_reader_done(bst, c);
	if (rc < 0)
		return -1;
	if (rename(tmp, file) < 0) {
		errbuf_set_code(eb, ERR_UNAVAILABLE, "backup_failed",
				"tidak dapat menulis berkas cadangan %s: %s", file,
				strerror(errno));
		unlink(tmp);
		return -1;
	}
	sync_dir_of(file);
	return 0;
}

/* count(*) of the cases table; -1 when db has no such table or cannot be
 * read */
static int64_t
count_cases(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM cases", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* FILE is a whole SQLite database written by netra: integrity, a ledger
 * this binary knows, a cases table. */
static int
check_backup_file(sqlite3 *db, const char *file, struct store_restore_info *info, struct errbuf *eb)
{
	sqlite3_stmt *st = NULL;
	char problem[256];
	int rc, n = 0;

	if (file_integrity(db, problem, sizeof(problem)) < 0)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "backup_damaged",
				       "%s bukan cadangan basis data SQLite yang utuh (%s)", file,
				       problem);
	if (sqlite3_prepare_v2(
		    db, "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
		    -1, &st, NULL) != SQLITE_OK)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "not_netra_backup",
				       "%s bukan basis data netra (tidak ada catatan migrasi)",
				       file);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int v = sqlite3_column_int(st, 0);

		if (store_migration_known(v, (const char *)sqlite3_column_text(st, 1),
					  (const char *)sqlite3_column_text(st, 2), eb) < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		if (v > info->schema_version)
			info->schema_version = v;
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || n == 0)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "not_netra_backup",
				       "%s bukan basis data netra (catatan migrasi kosong)", file);
	info->cases = count_cases(db);
	if (info->cases < 0)
		return errbuf_set_code(eb, ERR_UNPROCESSABLE, "not_netra_backup",
				       "%s bukan basis data netra (tidak ada tabel kasus)", file);
	return 0;
}

/*
 * The live database at path, before it is replaced: not open in another
 * process (a running `netra serve` keeps it open in WAL mode, and leaving
 * WAL mode needs every other connection gone), and without cases unless
 * force.  A file that cannot be read as a database is replaced only with
 * force.
 */
static int
check_live(const char *path, bool force, struct store_restore_info *info, struct errbuf *eb)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	struct stat sb;
	bool readable = false, busy = false;

	if (stat(path, &sb) < 0 || sb.st_size == 0)
		return 0; /* nothing there yet */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, "PRAGMA journal_mode=DELETE", -1, &st, NULL) == SQLITE_OK) {
		int rc = sqlite3_step(st);
		const char *mode =
			rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;

		readable = rc == SQLITE_ROW;
		busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED ||
		       (mode && strcmp(mode, "delete") != 0);
	}
	sqlite3_finalize(st);
	if (busy) {
		sqlite3_close(db);
		return errbuf_set_code(eb, ERR_CONFLICT, "db_in_use",
				       "basis data %s sedang dipakai proses lain (netra serve?); "
				       "hentikan server lebih dulu, lalu ulangi pemulihan",
				       path);
	}
	info->replaced_cases = readable ? count_cases(db) : -1;
	if (readable && info->replaced_cases > 0 && !force) {
		sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
		sqlite3_close(db);
		return errbuf_set_code(
			eb, ERR_CONFLICT, "db_not_empty",
			"basis data %s sudah berisi %lld kasus; pemulihan akan "
			"menimpanya. Ulangi dengan --force bila memang itu maksudnya",
			path, (long long)info->replaced_cases);
	}
	sqlite3_close(db);
	if (!readable && !force)
		return errbuf_set_code(
			eb, ERR_CONFLICT, "db_unreadable",
			"basis data %s tidak terbaca (rusak?); ulangi dengan --force "
			"untuk menggantinya dengan cadangan",
			path);
	return 0;
}

int
sqlite_restore(const char *path, const char *file, bool force, struct store_restore_info *info,
	       struct errbuf *eb)
{
	sqlite3 *src = NULL;
	char tmp[600], side[600];
	int rc = -1;

	pthread_once(&sqlite_once, sqlite_setup);
	if (access(file, R_OK) < 0)
		return errbuf_set_code(eb, ERR_NOT_FOUND, "no_backup",
				       "berkas cadangan %s tidak dapat dibaca: %s", file,
				       strerror(errno));
	if (sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		errbuf_set_code(eb, ERR_UNPROCESSABLE, "backup_damaged",
				"%s tidak dapat dibuka sebagai basis data SQLite: %s", file,
				src ? sqlite3_errmsg(src) : "?");
		goto out;
	}
	if (check_backup_file(src, file, info, eb) < 0 || check_live(path, force, info, eb) < 0 ||
	    tmp_name(tmp, sizeof(tmp), path, "restore", eb) < 0 ||
	    copy_pages(src, tmp, "WAL", eb) < 0)
		goto out;
	/* the old database's WAL must not be replayed over the new file */
	snprintf(side, sizeof(side), "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof(side), "%s-shm", path);
	unlink(side);
	if (rename(tmp, path) < 0) {
		errbuf_set_code(eb, ERR_UNAVAILABLE, "restore_failed",
				"tidak dapat memasang %s: %s", path, strerror(errno));
		unlink(tmp);
		goto out;
	}
	sync_dir_of(path);
	rc = 0;
out:
	sqlite3_close(src);
	return rc;
}
