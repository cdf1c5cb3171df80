/*
 * engine.h - what a storage engine (sqlite.c, pg.c) provides to store.c,
 * the dispatcher behind the public store.h lifecycle, write and read API.
 * Never included outside src/store/.
 */
#ifndef NETRA_STORE_ENGINE_H
#define NETRA_STORE_ENGINE_H

#include <pthread.h>

#include "store/backup.h"
#include "store/db.h"
#include "store/store.h"

struct store_engine_ops {
	void (*close)(struct store *st);
	struct store_conn *(*reader)(struct store *st);
	void (*reader_done)(struct store *st, struct store_conn *c);
	int (*status_get)(struct store *st, bool full_check, struct store_status *out,
			  struct errbuf *eb);
	int (*backup)(struct store *st, const char *file, struct errbuf *eb);
	/* start hearing other processes' notifications (NULL: none to hear) */
	int (*listen)(struct store *st, struct errbuf *eb);
};

struct store_hub; /* the subscribers (store.c) */

/*
 * Notifications (store.h): the writer calls store_pending_mark() before a
 * job, store_pending_undo() when the job rolled back, and
 * store_pending_deliver() after the batch's COMMIT (committed false: the
 * topics are dropped), before the jobs' done().  store_hub_deliver() calls
 * every subscriber with topic (the PostgreSQL listener uses it).
 */
int store_pending_mark(const struct store_conn *c);
void store_pending_undo(struct store_conn *c, int mark);
void store_pending_deliver(struct store *st, struct store_conn *c, bool committed);
void store_hub_deliver(struct store *st, const char *topic);

/*
 * The writer's queue, shared by the engines: jobs in submission order;
 * every field is guarded by *lock (the engine's lock, which also guards
 * its statistics).
 */
struct store_queue {
	pthread_mutex_t *lock;
	pthread_cond_t cond;
	struct store_job *head, *tail;
	bool stopping;
};

void store_queue_init(struct store_queue *q, pthread_mutex_t *lock);
void store_queue_destroy(struct store_queue *q);
/* Queue job; once stopping, done() is called at once with ERR_UNAVAILABLE. */
void store_queue_put(struct store_queue *q, struct store_job *job);
/* Wait for jobs and take up to max of them as a list (*n of them); NULL
 * once the queue is stopping and empty. */
struct store_job *store_queue_take(struct store_queue *q, int max, size_t *n);
void store_queue_stop(struct store_queue *q);
/*
 * After a batch: count it in stats (under lock), then call every job's
 * done() without the lock.  When the commit failed (commit_rc != 0) every
 * job that had succeeded fails with commit_eb.
 */
void store_batch_finish(pthread_mutex_t *lock, struct store_stats *stats, struct store_job *batch,
			size_t n, int commit_rc, const struct errbuf *commit_eb);

/*
 * A connection's prepared statements, keyed by the address of their SQL
 * literal (store/db.h): open addressing, grown at 3/4 full.
 */
struct stmt_slot {
	const char *sql;
	struct db_stmt *stmt;
};

struct stmt_cache {
	struct stmt_slot *slots;
	size_t nslots, nused;
};

/* The cached statement for sql, or NULL. */
struct db_stmt *stmt_cache_get(struct stmt_cache *sc, const char *sql);
/* Remember stmt for sql (not yet cached). */
void stmt_cache_put(struct stmt_cache *sc, const char *sql, struct db_stmt *stmt);
/* Call free_stmt on every statement and empty the cache. */
void stmt_cache_clear(struct stmt_cache *sc, void (*free_stmt)(struct db_stmt *s));

/*
 * The reader pool: connections handed to one thread at a time; a thread
 * waits while every one is taken.
 */
struct reader_pool {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	struct store_conn *free;
};

void reader_pool_init(struct reader_pool *p);
void reader_pool_destroy(struct reader_pool *p);
/* Hand c back (or in, the first time). */
void reader_pool_give(struct reader_pool *p, struct store_conn *c);
struct store_conn *reader_pool_take(struct reader_pool *p);

/*
 * What differs per engine in running a batch on the writer connection:
 * begin opens the transaction (and anything the engine holds for it),
 * savepoint opens a job's savepoint, end_job rolls the job back when it
 * failed and releases its savepoint, commit ends the transaction (rolling
 * back when the commit fails).  begin/savepoint/commit return 0 or -1.
 */
struct store_batch_ops {
	int (*begin)(struct store *st, struct store_conn *c, struct errbuf *eb);
	int (*savepoint)(struct store_conn *c, struct errbuf *eb);
	void (*end_job)(struct store_conn *c, bool ok);
	int (*commit)(struct store_conn *c, struct errbuf *eb);
};

/*
 * The writer: one thread that takes the queued jobs (up to batch_max) and
 * runs them as one batch on its connection (store.c run_batch(): every job
 * in its own savepoint, a failing job rolls back alone with its pending
 * notifications, a failing begin or commit fails every job; then the
 * notifications are delivered and every job's done() called).  lock
 * guards the queue and the statistics.
 */
struct store_writer {
	struct store *st;
	struct store_conn *conn;
	const struct store_batch_ops *ops;
	int batch_max;
	pthread_mutex_t lock;
	struct store_queue q;
	struct store_stats stats;
	pthread_t thread;
	bool running;
};

/* Every engine's store begins with this. */
struct store {
	const struct store_engine_ops *ops;
	enum db_engine engine;
	struct store_hub *hub; /* set by store_open() after the engine opened */
	struct store_writer w;
};

/* Ready st->w for conn (the engine's writer connection, opened). */
void store_writer_init(struct store *st, struct store_conn *conn, const struct store_batch_ops *ops,
		       int batch_max);
int store_writer_start(struct store *st, struct errbuf *eb);
/* Run what is queued, stop the thread, free the queue (safe after a
 * failed or no start). */
void store_writer_stop(struct store *st);

int sqlite_store_open(struct store **out, const char *path, const struct store_opts *o,
		      struct errbuf *eb);
int pg_store_open(struct store **out, const char *url, const struct store_opts *o,
		  struct errbuf *eb);

/*
 * Replace the SQLite database at path with the backup FILE (store/backup.h,
 * store_restore()): FILE must pass integrity_check and carry a ledger this
 * binary knows; path must not be open elsewhere and, unless force, hold no
 * cases.  The pages are copied with the backup API into a file beside
 * path, checked, and renamed over it.
 */
int sqlite_restore(const char *path, const char *file, bool force, struct store_restore_info *info,
		   struct errbuf *eb);
/* pg_restore --clean --if-exists --no-owner of FILE into the database at
 * url, in one transaction. */
int pg_restore_file(const char *url, const char *file, struct errbuf *eb);
/* The SQLite file o names (creating the data directory unless
 * o->must_exist), or "" in out when o names a PostgreSQL URL. */
int store_sqlite_path(const struct store_opts *o, char *out, size_t outsz, struct errbuf *eb);

/* Run a PostgreSQL client tool (argv[0] found on PATH) and wait for it. */
int pg_run_tool(char *const argv[], struct errbuf *eb);

#endif
