/*
 * store.c - the engine-neutral half of the store: choosing the engine by
 * URL, the public lifecycle, write and read entry points (dispatched to the
 * engine), the scope binding every case query shares, and settings.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "store/engine.h"
#include "store/store_internal.h"

/* --- choosing the engine ------------------------------------------------- */

static bool
is_pg_url(const char *url)
{
	struct str u = str_from(url);

	return str_has_prefix(u, "postgres://") || str_has_prefix(u, "postgresql://");
}

static int
sqlite_path(const struct store_opts *o, char *out, size_t outsz, struct errbuf *eb)
{
	if (o->db_url && o->db_url[0]) {
		if (strncmp(o->db_url, "sqlite:", 7) != 0)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "URL basis data tidak dikenal: %s (gunakan sqlite:JALUR "
					  "atau postgres://PENGGUNA@HOST:PORT/NAMA)",
					  o->db_url);
		if (cstr_copy(out, outsz, o->db_url + 7) < 0)
			return errbuf_set(eb, ERR_INVALID_INPUT,
					  "jalur basis data terlalu panjang");
		return 0;
	}
	if (!o->must_exist && mkdir(o->data_dir, 0700) < 0 && errno != EEXIST)
		return errbuf_set(eb, ERR_UNAVAILABLE, "tidak dapat membuat direktori data %s: %s",
				  o->data_dir, strerror(errno));
	if (snprintf(out, outsz, "%s/netra.db", o->data_dir) >= (int)outsz)
		return errbuf_set(eb, ERR_INVALID_INPUT, "jalur direktori data terlalu panjang");
	return 0;
}

static struct store_hub *hub_new(void);
static void hub_free(struct store_hub *h);

int
store_open(struct store **out, const struct store_opts *o, struct errbuf *eb)
{
	char path[512];
	int rc;

	*out = NULL;
	if (o->db_url && is_pg_url(o->db_url)) {
		rc = pg_store_open(out, o->db_url, o, eb);
	} else {
		if (sqlite_path(o, path, sizeof(path), eb) < 0)
			return -1;
		rc = sqlite_store_open(out, path, o, eb);
	}
	if (rc == 0)
		(*out)->hub = hub_new();
	return rc;
}

int
store_sqlite_path(const struct store_opts *o, char *out, size_t outsz, struct errbuf *eb)
{
	out[0] = '\0';
	if (o->db_url && is_pg_url(o->db_url))
		return 0;
	return sqlite_path(o, out, outsz, eb);
}

bool
store_is_pg(const struct store *st)
{
	return st->engine == DB_PG;
}

void
store_close(struct store *st)
{
	struct store_hub *h;

	if (st == NULL)
		return;
	h = st->hub;
	st->ops->close(st); /* stops the writer and the listener first */
	hub_free(h);
}

void
store_submit(struct store *st, struct store_job *job)
{
	store_queue_put(&st->w.q, job);
}

struct store_conn *
store_reader(struct store *st)
{
	return st->ops->reader(st);
}

void
store_reader_done(struct store *st, struct store_conn *c)
{
	st->ops->reader_done(st, c);
}

void
store_stats_get(struct store *st, struct store_stats *out)
{
	pthread_mutex_lock(&st->w.lock);
	*out = st->w.stats;
	pthread_mutex_unlock(&st->w.lock);
}

int
store_status_get(struct store *st, bool full_check, struct store_status *out, struct errbuf *eb)
{
	memset(out, 0, sizeof(*out));
	out->latest_version = store_schema_latest();
	cstr_copy(out->engine, sizeof(out->engine), st->engine == DB_PG ? "postgresql" : "sqlite");
	return st->ops->status_get(st, full_check, out, eb);
}

int
store_backup(struct store *st, const char *file, struct errbuf *eb)
{
	return st->ops->backup(st, file, eb);
}

int
store_ping(struct store *st, struct errbuf *eb)
{
	struct store_conn *c = store_reader(st);
	struct db_stmt *s = db_prep(c, "SELECT 1", eb);
	int rc = -1;

	if (s && db_step(s) == DB_ROW)
		rc = 0;
	else if (s)
		db_error(c, eb, "ping");
	store_reader_done(st, c);
	return rc;
}

/* --- synchronous writes --------------------------------------------------- */

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

/* --- change notifications -------------------------------------------------- */

_Static_assert(sizeof(((struct store_conn *)0)->pending[0]) == STORE_TOPIC_MAX,
	       "db.h and store.h agree on the topic size");

struct store_sub {
	store_notify_fn fn;
	void *arg;
};

/* Subscribers; calls run under lock, so store_unsubscribe() is a barrier. */
struct store_hub {
	pthread_mutex_t lock;
	struct store_sub subs[STORE_SUBSCRIBERS_MAX];
	int nsubs;
	bool listening;
};

static struct store_hub *
hub_new(void)
{
	struct store_hub *h = xcalloc(1, sizeof(*h));

	pthread_mutex_init(&h->lock, NULL);
	return h;
}

static void
hub_free(struct store_hub *h)
{
	if (h == NULL)
		return;
	pthread_mutex_destroy(&h->lock);
	free(h);
}

static bool
topic_ok(const char *t)
{
	size_t i, n = t ? strlen(t) : 0;

	if (n == 0 || n >= STORE_TOPIC_MAX)
		return false;
	for (i = 0; i < n; i++)
		if (!((t[i] >= 'a' && t[i] <= 'z') || t[i] == '_' || t[i] == '*'))
			return false;
	return true;
}

int
store_notify(struct store_conn *c, const char *topic, struct errbuf *eb)
{
	int i;

	if (!c->writer)
		return errbuf_set(eb, ERR_INTERNAL, "pemberitahuan hanya dari tugas penulisan");
	if (!topic_ok(topic))
		return errbuf_set(eb, ERR_INTERNAL, "topik pemberitahuan tidak sah: %s",
				  topic ? topic : "(null)");
	/* announced already in this batch (a rolled-back job's topics are
	 * gone from the list, and so is its pg_notify) */
	for (i = 0; i < c->npending; i++)
		if (strcmp(c->pending[i], topic) == 0 ||
		    strcmp(c->pending[i], STORE_TOPIC_ALL) == 0)
			return 0;
	if (c->npending == DB_PENDING_TOPICS) { /* too many kinds of change: all of them */
		topic = STORE_TOPIC_ALL;
		c->npending = 0;
	}
	if (c->ops->notify && c->ops->notify(c, topic, eb) < 0)
		return -1;
	cstr_copy(c->pending[c->npending++], STORE_TOPIC_MAX, topic);
	return 0;
}

int
store_pending_mark(const struct store_conn *c)
{
	return c->npending;
}

void
store_pending_undo(struct store_conn *c, int mark)
{
	if (mark >= 0 && mark < c->npending)
		c->npending = mark;
}

void
store_hub_deliver(struct store *st, const char *topic)
{
	struct store_hub *h = st->hub;
	int i;

	if (h == NULL)
		return;
	pthread_mutex_lock(&h->lock);
	for (i = 0; i < h->nsubs; i++)
		h->subs[i].fn(h->subs[i].arg, topic);
	pthread_mutex_unlock(&h->lock);
}

void
store_pending_deliver(struct store *st, struct store_conn *c, bool committed)
{
	int i;

	for (i = 0; committed && i < c->npending; i++)
		store_hub_deliver(st, c->pending[i]);
	c->npending = 0;
}

int
store_subscribe(struct store *st, store_notify_fn fn, void *arg, struct errbuf *eb)
{
	struct store_hub *h = st->hub;
	bool start;

	pthread_mutex_lock(&h->lock);
	if (h->nsubs == STORE_SUBSCRIBERS_MAX) {
		pthread_mutex_unlock(&h->lock);
		return errbuf_set(eb, ERR_INTERNAL, "terlalu banyak pelanggan pemberitahuan");
	}
	h->subs[h->nsubs].fn = fn;
	h->subs[h->nsubs].arg = arg;
	h->nsubs++;
	start = !h->listening && st->ops->listen;
	h->listening = true;
	pthread_mutex_unlock(&h->lock);
	if (start && st->ops->listen(st, eb) < 0) {
		store_unsubscribe(st, fn, arg);
		pthread_mutex_lock(&h->lock);
		h->listening = false;
		pthread_mutex_unlock(&h->lock);
		return -1;
	}
	return 0;
}

void
store_unsubscribe(struct store *st, store_notify_fn fn, void *arg)
{
	struct store_hub *h = st ? st->hub : NULL;
	int i;

	if (h == NULL)
		return;
	pthread_mutex_lock(&h->lock);
	for (i = 0; i < h->nsubs; i++)
		if (h->subs[i].fn == fn && h->subs[i].arg == arg) {
			h->subs[i] = h->subs[--h->nsubs];
			break;
		}
	pthread_mutex_unlock(&h->lock);
}

/* --- the writer's queue --------------------------------------------------- */

void
store_queue_init(struct store_queue *q, pthread_mutex_t *lock)
{
	memset(q, 0, sizeof(*q));
	q->lock = lock;
	pthread_cond_init(&q->cond, NULL);
}

void
store_queue_destroy(struct store_queue *q)
{
	pthread_cond_destroy(&q->cond);
}

void
store_queue_put(struct store_queue *q, struct store_job *job)
{
	job->next = NULL;
	job->rc = 0;
	errbuf_clear(&job->eb);
	pthread_mutex_lock(q->lock);
	if (q->stopping) {
		pthread_mutex_unlock(q->lock);
		job->rc = errbuf_set(&job->eb, ERR_UNAVAILABLE, "penyimpanan sedang ditutup");
		if (job->done)
			job->done(job->done_arg, job->rc, &job->eb);
		return;
	}
	if (q->tail)
		q->tail->next = job;
	else
		q->head = job;
	q->tail = job;
	pthread_cond_signal(&q->cond);
	pthread_mutex_unlock(q->lock);
}

struct store_job *
store_queue_take(struct store_queue *q, int max, size_t *n)
{
	struct store_job *batch, *last;

	pthread_mutex_lock(q->lock);
	while (q->head == NULL && !q->stopping)
		pthread_cond_wait(&q->cond, q->lock);
	if (q->head == NULL) {
		pthread_mutex_unlock(q->lock);
		return NULL;
	}
	batch = last = q->head;
	*n = 1;
	while (last->next && *n < (size_t)max) {
		last = last->next;
		(*n)++;
	}
	q->head = last->next;
	if (q->head == NULL)
		q->tail = NULL;
	last->next = NULL;
	pthread_mutex_unlock(q->lock);
	return batch;
}

void
store_queue_stop(struct store_queue *q)
{
	pthread_mutex_lock(q->lock);
	q->stopping = true;
	pthread_cond_signal(&q->cond);
	pthread_mutex_unlock(q->lock);
}

static void
run_batch(struct store_writer *w, struct store_job *batch, size_t n)
{
	const struct store_batch_ops *ops = w->ops;
	struct store_conn *c = w->conn;
	struct store *st = w->st;
	struct errbuf eb;
	struct store_job *j;
	int commit_rc;

	errbuf_clear(&eb);
	commit_rc = ops->begin(st, c, &eb) < 0 ? -1 : 0;
	for (j = batch; commit_rc == 0 && j; j = j->next) {
		int mark = store_pending_mark(c);

		errbuf_clear(&j->eb);
		if (ops->savepoint(c, &j->eb) < 0) {
			j->rc = -1;
			continue;
		}
		j->rc = j->fn(c, j->arg, &j->eb);
		if (j->rc != 0) {
			j->rc = -1;
			if (j->eb.kind == ERR_NONE)
				errbuf_set(&j->eb, ERR_INTERNAL, "penulisan gagal");
			store_pending_undo(c, mark);
		}
		ops->end_job(c, j->rc == 0);
	}
	if (commit_rc == 0 && ops->commit(c, &eb) < 0)
		commit_rc = -1;
	/* subscribers (caches) hear of the batch before any job's done() */
	store_pending_deliver(st, c, commit_rc == 0);
	store_batch_finish(&w->lock, &w->stats, batch, n, commit_rc, &eb);
}

static void *
writer_main(void *arg)
{
	struct store_writer *w = arg;
	struct store_job *batch;
	size_t n;

	while ((batch = store_queue_take(&w->q, w->batch_max, &n)) != NULL)
		run_batch(w, batch, n);
	return NULL;
}

void
store_writer_init(struct store *st, struct store_conn *conn, const struct store_batch_ops *ops,
		  int batch_max)
{
	struct store_writer *w = &st->w;

	w->st = st;
	w->conn = conn;
	w->ops = ops;
	w->batch_max = batch_max > 0 ? batch_max : 256;
	pthread_mutex_init(&w->lock, NULL);
	store_queue_init(&w->q, &w->lock);
}

int
store_writer_start(struct store *st, struct errbuf *eb)
{
	if (pthread_create(&st->w.thread, NULL, writer_main, &st->w) != 0)
		return errbuf_set(eb, ERR_INTERNAL, "tidak dapat memulai thread penulis");
	st->w.running = true;
	return 0;
}

void
store_writer_stop(struct store *st)
{
	struct store_writer *w = &st->w;

	if (w->st == NULL)
		return; /* never initialised */
	if (w->running) {
		store_queue_stop(&w->q);
		pthread_join(w->thread, NULL);
		w->running = false;
	}
	store_queue_destroy(&w->q);
	pthread_mutex_destroy(&w->lock);
	w->st = NULL;
}

void
store_batch_finish(pthread_mutex_t *lock, struct store_stats *stats, struct store_job *batch,
		   size_t n, int commit_rc, const struct errbuf *commit_eb)
{
	struct store_job *j;

	pthread_mutex_lock(lock);
	stats->jobs += n;
	if (commit_rc == 0)
		stats->commits++;
	if (n > stats->max_batch)
		stats->max_batch = n;
	pthread_mutex_unlock(lock);
	while (batch) {
		j = batch;
		batch = j->next; /* read before done(): the job may be freed */
		j->next = NULL;
		if (commit_rc != 0 && j->rc == 0) {
			j->rc = -1;
			j->eb = *commit_eb;
		}
		if (j->done)
			j->done(j->done_arg, j->rc, &j->eb);
	}
}

/* --- statement cache and reader pool (engine.h) ----------------------------- */

static size_t
slot_hash(const char *sql, size_t n)
{
	uintptr_t p = (uintptr_t)sql;

	p ^= p >> 17;
	p *= 0x9E3779B97F4A7C15ULL;
	return (size_t)(p >> 7) & (n - 1);
}

static size_t
slot_find(const struct stmt_cache *sc, const char *sql)
{
	size_t h = slot_hash(sql, sc->nslots);

	while (sc->slots[h].sql && sc->slots[h].sql != sql)
		h = (h + 1) & (sc->nslots - 1);
	return h;
}

struct db_stmt *
stmt_cache_get(struct stmt_cache *sc, const char *sql)
{
	return sc->nslots ? sc->slots[slot_find(sc, sql)].stmt : NULL;
}

void
stmt_cache_put(struct stmt_cache *sc, const char *sql, struct db_stmt *stmt)
{
	size_t h;

	if (sc->nslots == 0 || (sc->nused + 1) * 4 > sc->nslots * 3) {
		struct stmt_slot *old = sc->slots;
		size_t oldn = sc->nslots, i;

		sc->nslots = oldn ? oldn * 2 : 64;
		sc->slots = xcalloc(sc->nslots, sizeof(*sc->slots));
		for (i = 0; i < oldn; i++)
			if (old[i].sql)
				sc->slots[slot_find(sc, old[i].sql)] = old[i];
		free(old);
	}
	h = slot_find(sc, sql);
	sc->slots[h].sql = sql;
	sc->slots[h].stmt = stmt;
	sc->nused++;
}

void
stmt_cache_clear(struct stmt_cache *sc, void (*free_stmt)(struct db_stmt *s))
{
	size_t i;

	for (i = 0; i < sc->nslots; i++)
		if (sc->slots[i].stmt)
			free_stmt(sc->slots[i].stmt);
	free(sc->slots);
	sc->slots = NULL;
	sc->nslots = sc->nused = 0;
}

void
reader_pool_init(struct reader_pool *p)
{
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	p->free = NULL;
}

void
reader_pool_destroy(struct reader_pool *p)
{
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
}

void
reader_pool_give(struct reader_pool *p, struct store_conn *c)
{
	pthread_mutex_lock(&p->lock);
	c->next_free = p->free;
	p->free = c;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

struct store_conn *
reader_pool_take(struct reader_pool *p)
{
	struct store_conn *c;

	pthread_mutex_lock(&p->lock);
	while (p->free == NULL)
		pthread_cond_wait(&p->cond, &p->lock);
	c = p->free;
	p->free = c->next_free;
	pthread_mutex_unlock(&p->lock);
	return c;
}

/* --- columns ----------------------------------------------------------- */

void
db_col_text_copy(struct db_stmt *s, int i, char *out, size_t outsz)
{
	const char *t = db_col_text(s, i);

	cstr_copy(out, outsz, t ? t : "");
}

/* --- scope ---------------------------------------------------------------- */

void
store_scope_string(const struct store_scope *sc, char *out, size_t outsz)
{
	if (sc->all)
		cstr_copy(out, outsz, "all");
	else if (sc->none)
		cstr_copy(out, outsz, "none");
	else
		snprintf(out, outsz, "r=%s;rec=%d;ppk=%lld", sc->region_prefix,
			 sc->recommended_only ? 1 : 0, (long long)sc->ppk_office_id);
}

int
store_scope_apply(struct store_conn *c, const struct store_scope *sc, struct errbuf *eb)
{
	char scope[96];

	if (c->ops->scope_set == NULL)
		return 0;
	store_scope_string(sc, scope, sizeof(scope));
	return c->ops->scope_set(c, scope, eb);
}

int
scope_bind(struct db_stmt *s, const struct store_scope *sc)
{
	db_bind_int(s, 2, sc->all);
	db_bind_int(s, 3, sc->none);
	db_bind_text(s, 4, sc->region_prefix);
	db_bind_int(s, 5, sc->recommended_only);
	db_bind_int(s, 6, sc->ppk_office_id);
	return store_scope_apply(s->conn, sc, NULL);
}

const char *const store_scope_level_where[STORE_LEVEL__COUNT] = {
	[STORE_LEVEL_ALL] = "1 = 1",
	[STORE_LEVEL_PROV] = "c.prov = ?1",
	[STORE_LEVEL_KAB] = "c.kabkota = ?2",
	[STORE_LEVEL_DEEP] = "c.kabkota = ?2 AND " REGION_WITHIN("c.region_code", "?3"),
};

void
store_scope_split(const struct store_scope *sc, const char *region, struct store_scope_split *out)
{
	size_t plen;

	memset(out, 0, sizeof(*out));
	cstr_copy(out->prefix, sizeof(out->prefix),
		  region ? region : (sc->all ? "" : sc->region_prefix));
	plen = strlen(out->prefix);
	if (plen == 0)
		out->level = STORE_LEVEL_ALL;
	else if (plen <= 2)
		out->level = STORE_LEVEL_PROV;
	else if (plen <= 5)
		out->level = STORE_LEVEL_KAB;
	else
		out->level = STORE_LEVEL_DEEP;
	store_region_levels(out->prefix, out->prov, out->kab);
	out->rec = !sc->all && sc->recommended_only;
	out->ppk = !sc->all && sc->ppk_office_id > 0;
	out->ppk_office_id = out->ppk ? sc->ppk_office_id : 0;
}

int
store_scope_split_bind(struct db_stmt *s, const struct store_scope_split *sp,
		       const struct store_scope *sc)
{
	db_bind_text(s, 1, sp->prov);
	db_bind_text(s, 2, sp->kab);
	db_bind_text(s, 3, sp->prefix);
	db_bind_int(s, 4, sp->ppk_office_id);
	return store_scope_apply(s->conn, sc, NULL);
}

/* --- settings ------------------------------------------------------------ */

int
store_setting_get(struct store_conn *c, const char *key, char *out, size_t outsz, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c, "SELECT value FROM settings WHERE key = ?1", eb);
	int rc;

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, key);
	rc = db_step(s);
	if (rc == DB_ROW) {
		db_col_text_copy(s, 0, out, outsz);
		return 0;
	}
	if (rc == DB_DONE)
		return errbuf_set(eb, ERR_NOT_FOUND, "pengaturan %s tidak ada", key);
	return db_error(c, eb, "setting get");
}

int
store_setting_put(struct store_conn *c, const char *key, const char *value, struct errbuf *eb)
{
	struct db_stmt *s = db_prep(c,
				    "INSERT INTO settings(key, value) VALUES (?1, ?2) "
				    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				    eb);

	if (s == NULL)
		return -1;
	db_bind_text(s, 1, key);
	db_bind_text(s, 2, value);
	if (db_step(s) != DB_DONE)
		return db_error(c, eb, "setting put");
	return 0;
}
