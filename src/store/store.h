/*
 * store.h - netra's persistent storage, as a domain API.
 *
 * Callers never see SQL or a database handle.  Two kinds of access:
 *
 *  - Writes run as jobs on the single writer thread.  The writer takes every
 *    job queued at that moment (up to [store] batch), runs each inside its
 *    own SAVEPOINT within one transaction, and commits with one fsync
 *    (WAL, synchronous=FULL): group commit.  A job's done callback runs
 *    only after its commit is durable, so a receipt shown after done() is
 *    never lost.  A failing job rolls back alone; a failing COMMIT fails
 *    the whole batch.
 *  - Reads take a connection from the reader pool; readers run in
 *    parallel with each other and with the writer (WAL snapshots).
 *
 * Domain operations (store_<noun>_<verb>) take the struct store_conn given
 * to a job or taken from the pool.  The backend is chosen by URL at
 * store_open(): SQLite (sqlite.c) by default, PostgreSQL (pg.c) for a
 * postgres:// URL.  Both implement the statement layer of store/db.h and
 * run the same domain files; on PostgreSQL the batch is one transaction
 * with synchronous_commit on, so done() has the same meaning.
 *
 * This header holds the lifecycle, the jobs, the readers, the scope and
 * the status.  The domain operations have one header per area, which a
 * caller includes for what it uses (this header includes none of them):
 * store_cases.h (cases, tracks, deadlines, evidence, read models),
 * store_users.h (offices, users, sessions, tokens, sealing keys),
 * store_screening.h, store_stats.h (figures and exports),
 * store_events.h (the audit chain's rows), store_registry.h and
 * store_calendar.h (the calendar's admin additions).
 */
#ifndef NETRA_STORE_STORE_H
#define NETRA_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct store;
struct store_conn;

struct store_opts {
	const char *data_dir; /* SQLite file is DATA/netra.db */
	const char *db_url;   /* "" or NULL: SQLite in data_dir; "sqlite:PATH" */
	int readers;          /* reader pool size */
	int batch_max;        /* most jobs per group commit */
	/* true: refuse (ERR_NOT_FOUND, code "no_database") when the database
	 * file is missing or empty instead of creating it.  Only `netra db
	 * migrate`, `serve` and `demo` create a database; every other command
	 * opens with must_exist, so a mistyped --data never leaves an empty
	 * database behind. */
	bool must_exist;
};

int store_open(struct store **out, const struct store_opts *o, struct errbuf *eb);
/* Finish queued writes, stop the writer, close every connection. */
void store_close(struct store *st);

/* --- writes ------------------------------------------------------------- */

typedef int (*store_job_fn)(struct store_conn *c, void *arg, struct errbuf *eb);
typedef void (*store_done_fn)(void *arg, int rc, const struct errbuf *eb);

struct store_job {
	store_job_fn fn;
	void *arg;
	store_done_fn done; /* called on the writer thread after commit; may be NULL */
	void *done_arg;
	int rc;
	struct errbuf eb;
	struct store_job *next; /* private to the store */
};

/* Queue a job; job must stay valid until done() is called. */
void store_submit(struct store *st, struct store_job *job);
/* Run fn as a job and wait until it is durable; returns its result. */
int store_write(struct store *st, store_job_fn fn, void *arg, struct errbuf *eb);

/* --- change notifications ------------------------------------------------
 *
 * Several processes (nodes) may serve one database; each keeps caches of
 * what rarely changes.  A write job that changes such data names a topic
 * with store_notify(); every subscriber of every process on the database
 * hears it once the job's transaction has committed, and never when the
 * job rolls back.  SQLite: delivered in this process after the batch
 * commits (another process sharing the file is not told; its TTLs and
 * polls remain).  PostgreSQL: pg_notify('netra', topic) inside the job,
 * delivered at commit to a listener thread of every node that subscribed
 * (started by the first store_subscribe(), its own connection doing
 * LISTEN netra, reconnecting with back-off), this node included; the
 * writing node also delivers at once after its commit, so it reads its
 * own writes.  A topic may therefore arrive twice: subscribers invalidate,
 * which is idempotent.  After a lost listener connection STORE_TOPIC_ALL
 * is delivered (notifications may have been missed meanwhile).
 *
 * Subscribers run on the writer or listener thread, under the store's
 * subscriber lock: they must be quick and must not call the store.
 */
#define STORE_TOPIC_OFFICES   "offices"   /* an office added or changed */
#define STORE_TOPIC_SEAL_KEYS "seal_keys" /* an office's sealing key set */
#define STORE_TOPIC_CALENDAR  "calendar"  /* holidays or elections changed */
#define STORE_TOPIC_FIGURES   "figures"   /* a case changed (an audit event) */
#define STORE_TOPIC_ALL       "*"         /* anything may have changed */
#define STORE_TOPIC_MAX       32          /* bytes with the NUL */
#define STORE_SUBSCRIBERS_MAX 16

typedef void (*store_notify_fn)(void *arg, const char *topic);

/* In a write job: announce topic ([a-z_*], shorter than STORE_TOPIC_MAX)
 * once the job commits.  ERR_INTERNAL outside a write job. */
int store_notify(struct store_conn *c, const char *topic, struct errbuf *eb);
/* Call fn(arg, topic) for every notification from now on; -1 with
 * ERR_INTERNAL when STORE_SUBSCRIBERS_MAX are taken or the listener
 * thread cannot start. */
int store_subscribe(struct store *st, store_notify_fn fn, void *arg, struct errbuf *eb);
/* Stop calling fn(arg, ...); when it returns no call is running. */
void store_unsubscribe(struct store *st, store_notify_fn fn, void *arg);

/* --- reads -------------------------------------------------------------- */

struct store_conn *store_reader(struct store *st);
void store_reader_done(struct store *st, struct store_conn *c);

/* --- scope ---------------------------------------------------------------- */

/*
 * What a principal may see; every case query takes one.  Built by
 * auth_scope() from the signed-in user; the store turns it into WHERE
 * clauses, so no endpoint can forget it.
 */
struct store_scope {
	bool all;               /* system work (CLI, demo, migrations) */
	bool none;              /* the public: no case access at all */
	char region_prefix[24]; /* "" = national */
	int64_t ppk_office_id;  /* > 0: only cases with a track addressed to this PPK */
	bool recommended_only;  /* BKN/KASN analysts: cases past the Bawaslu recommendation */
};

/* --- administration ----------------------------------------------------- */

struct store_status {
	char engine[16];     /* "sqlite" or "postgresql" */
	int schema_version;  /* highest migration applied */
	int latest_version;  /* highest migration built into this binary */
	bool integrity_ok;   /* PRAGMA integrity_check said "ok" */
	char integrity[256]; /* its first line(s) */
	char journal_mode[16];
	char path[512]; /* SQLite file, or the PostgreSQL URL without password */
	int64_t size_bytes;
	/* PostgreSQL only */
	char server_version[64];
	int connections;       /* backends connected to this database */
	char replication[256]; /* "primary, N standby: ..." or "standby (in recovery)" */
};

/* Highest migration built into this binary. */
int store_schema_latest(void);
/* Apply pending migrations; *applied gets how many ran. */
int store_migrate(struct store *st, int *applied, struct errbuf *eb);
int store_status_get(struct store *st, bool full_check, struct store_status *out,
		     struct errbuf *eb);
/* A consistent copy of the whole database into file: SQLite's online
 * backup API (the copy is a plain SQLite file), or pg_dump's custom format
 * on PostgreSQL. */
int store_backup(struct store *st, const char *file, struct errbuf *eb);
/* Whether st is on PostgreSQL. */
bool store_is_pg(const struct store *st);
/* Cheap liveness check on a reader (healthz). */
int store_ping(struct store *st, struct errbuf *eb);

struct store_stats {
	uint64_t jobs;      /* jobs committed or rolled back */
	uint64_t commits;   /* transactions committed (one fsync each) */
	uint64_t max_batch; /* largest batch seen */
};
void store_stats_get(struct store *st, struct store_stats *out);

/* Settings: small key/value facts about this installation. */
int store_setting_get(struct store_conn *c, const char *key, char *out, size_t outsz,
		      struct errbuf *eb);
int store_setting_put(struct store_conn *c, const char *key, const char *value, struct errbuf *eb);

#endif
