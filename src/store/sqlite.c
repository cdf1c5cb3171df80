/*
 * sqlite.c - the SQLite backend: connections, statement cache, reader
 * pool and the group-commit writer thread (see store.h for the contract).
 *
 * Invariants:
 *  - exactly one connection writes, and only on the writer thread;
 *  - readers are opened query_only and never begin a write;
 *  - the queue, the stop flag and every job's completion are guarded by
 *    st->qlock; done() callbacks run without the lock held.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store_internal.h"

struct store {
	char path[512];
	int batch_max;

	/* reader pool */
	pthread_mutex_t plock;
	pthread_cond_t pcond;
	struct store_conn *free_readers;
	struct store_conn *readers;
	int nreaders;

	/* writer */
	struct store_conn writer;
	pthread_t writer_thread;
	pthread_mutex_t qlock;
	pthread_cond_t qcond;
	struct store_job *qhead, *qtail;
	bool stopping;
	bool writer_running;

	/* statistics (under qlock) */
	struct store_stats stats;

	/* WAL checkpoints run here, off the writer's path */
	struct store_conn checkpointer;
	pthread_t checkpoint_thread;
	bool checkpoint_running;
	pthread_mutex_t cplock;
	pthread_cond_t cpcond;
	bool cp_stop;
};

/* --- statement cache ----------------------------------------------------- */

static size_t
slot_hash(const char *sql, size_t n)
{
	uintptr_t p = (uintptr_t)sql;

	p ^= p >> 17;
	p *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(p >> 7) & (n - 1);
}

static void
cache_grow(struct store_conn *c)
{
	struct stmt_slot *old = c->slots;
	size_t oldn = c->nslots, i;

	c->nslots = oldn ? oldn * 2 : 64;
	c->slots = xcalloc(c->nslots, sizeof(*c->slots));
	for (i = 0; i < oldn; i++) {
		size_t h;

		if (old[i].sql == NULL)
			continue;
		h = slot_hash(old[i].sql, c->nslots);
		while (c->slots[h].sql)
			h = (h + 1) & (c->nslots - 1);
		c->slots[h] = old[i];
	}
	free(old);
}

int
conn_error(struct store_conn *c, struct errbuf *eb, const char *what)
{
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

sqlite3_stmt *
conn_stmt(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	sqlite3_stmt *s;
	size_t h;

	if (c->nslots == 0 || (c->nused + 1) * 4 > c->nslots * 3)
		cache_grow(c);
	h = slot_hash(sql, c->nslots);
	while (c->slots[h].sql && c->slots[h].sql != sql)
		h = (h + 1) & (c->nslots - 1);
	if (c->slots[h].sql == sql) {
		s = c->slots[h].stmt;
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		conn_error(c, eb, "prepare");
		log_error("store: cannot prepare: %.200s", sql);
		return NULL;
	}
	c->slots[h].sql = sql;
	c->slots[h].stmt = s;
	c->nused++;
	return s;
}

int
conn_exec(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	char *msg = NULL;

	if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		errbuf_set(eb, ERR_INTERNAL, "kesalahan basis data: %s", msg ? msg : "?");
		log_error("store: exec failed: %s", msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int
bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int
bind_textn(sqlite3_stmt *s, int i, const char *v, size_t n)
{
	if (v == NULL)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text64(s, i, v, n, SQLITE_TRANSIENT, SQLITE_UTF8);
}

int
bind_int(sqlite3_stmt *s, int i, int64_t v)
{
	return sqlite3_bind_int64(s, i, v);
}

int
bind_opt_id(sqlite3_stmt *s, int i, int64_t v)
{
	return v > 0 ? sqlite3_bind_int64(s, i, v) : sqlite3_bind_null(s, i);
}

int
bind_blob(sqlite3_stmt *s, int i, const void *p, size_t n)
{
	return sqlite3_bind_blob64(s, i, p, n, SQLITE_TRANSIENT);
}

void
col_text_copy(sqlite3_stmt *s, int i, char *out, size_t outsz)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	cstr_copy(out, outsz, t ? (const char *)t : "");
}

/* Reset every statement still stepping, so no snapshot or lock outlives
 * the unit of work that used it. */
static void
conn_reset_busy(struct store_conn *c)
{
	sqlite3_stmt *s = NULL;

	while ((s = sqlite3_next_stmt(c->db, s)) != NULL)
		if (sqlite3_stmt_busy(s))
			sqlite3_reset(s);
}

/* --- connections --------------------------------------------------------- */

static int
conn_open(struct store_conn *c, const char *path, bool writer, struct errbuf *eb)
{
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (writer ? SQLITE_OPEN_CREATE : 0);

	memset(c, 0, sizeof(*c));
	c->writer = writer;
	if (sqlite3_open_v2(path, &c->db, flags, NULL) != SQLITE_OK) {
		errbuf_set(eb, ERR_UNAVAILABLE, "tidak dapat membuka basis data %s: %s", path,
			   c->db ? sqlite3_errmsg(c->db) : "?");
		sqlite3_close(c->db);
		c->db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(c->db, 5000);
	sqlite3_extended_result_codes(c->db, 1);
	if (writer) {
		if (conn_exec(c,
			      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
			      "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;",
			      eb) < 0)
			return -1;
	} else {
		if (conn_exec(c,
			      "PRAGMA query_only=ON; PRAGMA foreign_keys=ON;"
			      "PRAGMA cache_size=-2000; PRAGMA temp_store=MEMORY;",
			      eb) < 0)
			return -1;
	}
	return 0;
}

static void
conn_close(struct store_conn *c)
{
	size_t i;

	for (i = 0; i < c->nslots; i++)
		if (c->slots[i].stmt)
			sqlite3_finalize(c->slots[i].stmt);
	free(c->slots);
	c->slots = NULL;
	c->nslots = c->nused = 0;
	if (c->db)
		sqlite3_close(c->db);
	c->db = NULL;
}

/* --- writer -------------------------------------------------------------- */

/* One cached statement for a fixed command (SAVEPOINT and friends). */
static int
exec_cached(struct store_conn *c, const char *sql, struct errbuf *eb)
{
	sqlite3_stmt *s = conn_stmt(c, sql, eb);

	if (s == NULL)
		return -1;
	if (sqlite3_step(s) != SQLITE_DONE)
		return conn_error(c, eb, sql);
	sqlite3_reset(s);
	return 0;
}

static void
run_batch(struct store *st, struct store_job *batch, size_t n)
{
	struct store_conn *c = &st->writer;
	struct errbuf eb;
	struct store_job *j;
	int commit_rc = 0;

	errbuf_clear(&eb);
	if (conn_exec(c, "BEGIN IMMEDIATE", &eb) < 0) {
		commit_rc = -1;
	} else {
		for (j = batch; j; j = j->next) {
			errbuf_clear(&j->eb);
			if (exec_cached(c, "SAVEPOINT job", &j->eb) < 0) {
				j->rc = -1;
				continue;
			}
			j->rc = j->fn(c, j->arg, &j->eb);
			conn_reset_busy(c);
			if (j->rc != 0) {
				j->rc = -1;
				if (j->eb.kind == ERR_NONE)
					errbuf_set(&j->eb, ERR_INTERNAL, "penulisan gagal");
				exec_cached(c, "ROLLBACK TO job", NULL);
			}
			exec_cached(c, "RELEASE job", NULL);
		}
		if (conn_exec(c, "COMMIT", &eb) < 0) {
			commit_rc = -1;
			conn_exec(c, "ROLLBACK", NULL);
		}
	}
	pthread_mutex_lock(&st->qlock);
	st->stats.jobs += n;
	if (commit_rc == 0)
		st->stats.commits++;
	if (n > st->stats.max_batch)
		st->stats.max_batch = n;
	pthread_mutex_unlock(&st->qlock);
	while (batch) {
		j = batch;
		batch = j->next; /* read before done(): the job may be freed */
		j->next = NULL;
		if (commit_rc != 0 && j->rc == 0) {
			j->rc = -1;
			j->eb = eb;
		}
		if (j->done)
			j->done(j->done_arg, j->rc, &j->eb);
	}
}

static void *
writer_main(void *arg)
{
	struct store *st = arg;

	for (;;) {
		struct store_job *batch, *last;
		size_t n = 1;

		pthread_mutex_lock(&st->qlock);
		while (st->qhead == NULL && !st->stopping)
			pthread_cond_wait(&st->qcond, &st->qlock);
		if (st->qhead == NULL) {
			pthread_mutex_unlock(&st->qlock);
			break;
		}
		batch = last = st->qhead;
		while (last->next && n < (size_t)st->batch_max) {
			last = last->next;
			n++;
		}
		st->qhead = last->next;
		if (st->qhead == NULL)
			st->qtail = NULL;
		last->next = NULL;
		pthread_mutex_unlock(&st->qlock);
		run_batch(st, batch, n);
	}
	return NULL;
}

void
store_submit(struct store *st, struct store_job *job)
{
	job->next = NULL;
	job->rc = 0;
	errbuf_clear(&job->eb);
	pthread_mutex_lock(&st->qlock);
	if (st->stopping) {
		pthread_mutex_unlock(&st->qlock);
		job->rc = errbuf_set(&job->eb, ERR_UNAVAILABLE, "penyimpanan sedang ditutup");
		if (job->done)
			job->done(job->done_arg, job->rc, &job->eb);
		return;
	}
	if (st->qtail)
		st->qtail->next = job;
	else
		st->qhead = job;
	st->qtail = job;
	pthread_cond_signal(&st->qcond);
	pthread_mutex_unlock(&st->qlock);
}

struct sync_wait {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool done;
};

static void
sync_done(void *arg, int rc, const struct errbuf *eb)
{
	struct sync_wait *w = arg;

	(void)rc;
	(void)eb;
	pthread_mutex_lock(&w->lock);
	w->done = true;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

int
store_write(struct store *st, store_job_fn fn, void *arg, struct errbuf *eb)
{
	struct sync_wait w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false};
	struct store_job job;

	memset(&job, 0, sizeof(job));
	job.fn = fn;
	job.arg = arg;
	job.done = sync_done;
	job.done_arg = &w;
	store_submit(st, &job);
	pthread_mutex_lock(&w.lock);
	while (!w.done)
		pthread_cond_wait(&w.cond, &w.lock);
	pthread_mutex_unlock(&w.lock);
	pthread_mutex_destroy(&w.lock);
	pthread_cond_destroy(&w.cond);
	if (job.rc != 0 && eb)
		*eb = job.eb;
	return job.rc;
}

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
	struct store *st = arg;

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

struct store_conn *
store_reader(struct store *st)
{
	struct store_conn *c;

	pthread_mutex_lock(&st->plock);
	while (st->free_readers == NULL)
		pthread_cond_wait(&st->pcond, &st->plock);
	c = st->free_readers;
	st->free_readers = c->next_free;
	pthread_mutex_unlock(&st->plock);
	return c;
}

void
store_reader_done(struct store *st, struct store_conn *c)
{
	conn_reset_busy(c);
	pthread_mutex_lock(&st->plock);
	c->next_free = st->free_readers;
	st->free_readers = c;
	pthread_cond_signal(&st->pcond);
	pthread_mutex_unlock(&st->plock);
}

/* --- lifecycle ----------------------------------------------------------- */

static int
resolve_path(const struct store_opts *o, char *out, size_t outsz, struct errbuf *eb)
{
	if (o->db_url && o->db_url[0]) {
		struct str url = str_from(o->db_url);

		if (str_has_prefix(url, "sqlite:")) {
			if (cstr_copy(out, outsz, o->db_url + 7) < 0)
				return errbuf_set(eb, ERR_INVALID_INPUT,
						  "jalur basis data terlalu panjang");
			return 0;
		}
		if (str_has_prefix(url, "postgres://") || str_has_prefix(url, "postgresql://"))
			return errbuf_set(eb, ERR_UNAVAILABLE,
					  "backend PostgreSQL belum dibangun dalam versi ini; "
					  "gunakan SQLite (kosongkan --db)");
		return errbuf_set(eb, ERR_INVALID_INPUT, "URL basis data tidak dikenal: %s",
				  o->db_url);
	}
	if (!o->must_exist && mkdir(o->data_dir, 0700) < 0 && errno != EEXIST)
		return errbuf_set(eb, ERR_UNAVAILABLE, "tidak dapat membuat direktori data %s: %s",
				  o->data_dir, strerror(errno));
	if (snprintf(out, outsz, "%s/netra.db", o->data_dir) >= (int)outsz)
		return errbuf_set(eb, ERR_INVALID_INPUT, "jalur direktori data terlalu panjang");
	return 0;
}

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

int
store_open(struct store **out, const struct store_opts *o, struct errbuf *eb)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	struct store *st;
	int i;

	pthread_once(&once, sqlite_setup);
	st = xcalloc(1, sizeof(*st));
	*out = NULL;
	if (resolve_path(o, st->path, sizeof(st->path), eb) < 0 ||
	    check_exists(o, st->path, eb) < 0) {
		free(st);
		return -1;
	}
	st->batch_max = o->batch_max > 0 ? o->batch_max : 256;
	st->nreaders = o->readers > 0 ? o->readers : 4;
	pthread_mutex_init(&st->plock, NULL);
	pthread_cond_init(&st->pcond, NULL);
	pthread_mutex_init(&st->qlock, NULL);
	pthread_cond_init(&st->qcond, NULL);
	pthread_mutex_init(&st->cplock, NULL);
	pthread_cond_init(&st->cpcond, NULL);
	if (conn_open(&st->writer, st->path, true, eb) < 0 ||
	    store_migrations_bootstrap(&st->writer, eb) < 0)
		goto fail;
	st->readers = xcalloc((size_t)st->nreaders, sizeof(*st->readers));
	for (i = 0; i < st->nreaders; i++) {
		if (conn_open(&st->readers[i], st->path, false, eb) < 0)
			goto fail;
		st->readers[i].next_free = st->free_readers;
		st->free_readers = &st->readers[i];
	}
	if (pthread_create(&st->writer_thread, NULL, writer_main, st) != 0) {
		errbuf_set(eb, ERR_INTERNAL, "tidak dapat memulai thread penulis");
		goto fail;
	}
	st->writer_running = true;
	if (conn_open(&st->checkpointer, st->path, false, eb) < 0 ||
	    conn_exec(&st->checkpointer, "PRAGMA query_only=OFF", eb) < 0)
		goto fail;
	if (pthread_create(&st->checkpoint_thread, NULL, checkpoint_main, st) != 0) {
		errbuf_set(eb, ERR_INTERNAL, "tidak dapat memulai thread checkpoint");
		goto fail;
	}
	st->checkpoint_running = true;
	*out = st;
	return 0;
fail:
	store_close(st);
	return -1;
}

void
store_close(struct store *st)
{
	int i;

	if (st == NULL)
		return;
	if (st->checkpoint_running) {
		pthread_mutex_lock(&st->cplock);
		st->cp_stop = true;
		pthread_cond_signal(&st->cpcond);
		pthread_mutex_unlock(&st->cplock);
		pthread_join(st->checkpoint_thread, NULL);
	}
	conn_close(&st->checkpointer);
	if (st->writer_running) {
		pthread_mutex_lock(&st->qlock);
		st->stopping = true;
		pthread_cond_signal(&st->qcond);
		pthread_mutex_unlock(&st->qlock);
		pthread_join(st->writer_thread, NULL);
	}
	for (i = 0; st->readers && i < st->nreaders; i++)
		conn_close(&st->readers[i]);
	free(st->readers);
	if (st->writer.db) {
		/* fold the WAL back into the main file on a clean shutdown */
		sqlite3_wal_checkpoint_v2(st->writer.db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL,
					  NULL);
	}
	conn_close(&st->writer);
	pthread_mutex_destroy(&st->plock);
	pthread_cond_destroy(&st->pcond);
	pthread_mutex_destroy(&st->qlock);
	pthread_cond_destroy(&st->qcond);
	pthread_mutex_destroy(&st->cplock);
	pthread_cond_destroy(&st->cpcond);
	free(st);
}

void
store_stats_get(struct store *st, struct store_stats *out)
{
	pthread_mutex_lock(&st->qlock);
	*out = st->stats;
	pthread_mutex_unlock(&st->qlock);
}

int
store_ping(struct store *st, struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	sqlite3_stmt *s = conn_stmt(c, "SELECT 1", eb);
	int rc = -1;

	if (s && sqlite3_step(s) == SQLITE_ROW)
		rc = 0;
	else if (s)
		conn_error(c, eb, "ping");
	store_reader_done(st, c);
	return rc;
}

/* The writer connection is private to the writer thread; administration
 * that needs it runs as a job. */
struct status_arg {
	struct store *st;
	bool full;
	struct store_status *out;
};

static int
status_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct status_arg *a = arg;
	sqlite3_stmt *s;
	size_t used = 0;

	s = conn_stmt(c, "SELECT coalesce(max(version), 0) FROM schema_migrations", eb);
	if (s && sqlite3_step(s) == SQLITE_ROW)
		a->out->schema_version = sqlite3_column_int(s, 0);
	s = conn_stmt(c, "PRAGMA journal_mode", eb);
	if (s && sqlite3_step(s) == SQLITE_ROW)
		col_text_copy(s, 0, a->out->journal_mode, sizeof(a->out->journal_mode));
	s = conn_stmt(c, "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
		      eb);
	if (s && sqlite3_step(s) == SQLITE_ROW)
		a->out->size_bytes = sqlite3_column_int64(s, 0);
	s = conn_stmt(c, a->full ? "PRAGMA integrity_check(20)" : "PRAGMA quick_check(20)", eb);
	if (s == NULL)
		return -1;
	a->out->integrity[0] = '\0';
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(s, 0);
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

int
store_status_get(struct store *st, bool full_check, struct store_status *out, struct errbuf *eb)
{
	struct status_arg a;

	memset(out, 0, sizeof(*out));
	a.st = st;
	a.full = full_check;
	a.out = out;
	cstr_copy(out->path, sizeof(out->path), st->path);
	out->latest_version = store_schema_latest();
	return store_write(st, status_job, &a, eb);
}

/* --- settings ------------------------------------------------------------ */

int
store_setting_get(struct store_conn *c, const char *key, char *out, size_t outsz, struct errbuf *eb)
{
	sqlite3_stmt *s = conn_stmt(c, "SELECT value FROM settings WHERE key = ?1", eb);
	int rc;

	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		col_text_copy(s, 0, out, outsz);
		return 0;
	}
	if (rc == SQLITE_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "pengaturan %s tidak ada", key);
	return conn_error(c, eb, "setting get");
}

int
store_setting_put(struct store_conn *c, const char *key, const char *value, struct errbuf *eb)
{
	sqlite3_stmt *s = conn_stmt(c,
				    "INSERT INTO settings(key, value) VALUES (?1, ?2) "
				    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				    eb);

	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	bind_text(s, 2, value);
	if (sqlite3_step(s) != SQLITE_DONE)
		return conn_error(c, eb, "setting put");
	return 0;
}
