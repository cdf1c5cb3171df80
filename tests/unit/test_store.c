/*
 * test_store.c - the store on either engine (store_fixture.h): migrations,
 * group commit, readers in parallel with the writer, per-job rollback,
 * durability across reopen, refused URLs and missing databases, change
 * notifications delivered in-process after the commit.
 *
 * Timing is only used to make jobs overlap (a job waits inside its
 * transaction until the test says go); no assertion depends on speed.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/store.h"
#include "store_fixture.h"

static char dir[256];
static char url[512];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/netra-test-store.XXXXXX");
	assert_non_null(mkdtemp(dir));
	fixture_db_url("store", url, sizeof(url));
	return 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static struct store *
open_store(void)
{
	struct store_opts o = {dir, url, 2, 256, false};
	struct store *st;
	struct errbuf eb;
	int applied;

	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	return st;
}

struct put_arg {
	const char *key;
	const char *value;
	int fail_after;
};

static int
put_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct put_arg *a = arg;

	if (store_setting_put(c, a->key, a->value, eb) < 0)
		return -1;
	if (a->fail_after)
		return errbuf_set(eb, ERR_INVALID_INPUT, "gagal sengaja");
	return 0;
}

static int
get(struct store *st, const char *key, char *out, size_t n)
{
	struct store_conn *c = store_reader(st);
	int rc = store_setting_get(c, key, out, n, NULL);

	store_reader_done(st, c);
	return rc;
}

static void
test_migrations(void **state)
{
	struct store_opts o = {dir, url, 2, 256, false};
	struct store_status s;
	struct store *st;
	struct errbuf eb;
	int applied;
	sqlite3 *db;
	char path[300];

	(void)state;
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	/* every migration file once (numbers may have a gap while branches
	 * merge); the PostgreSQL fixture copies an already migrated template */
	assert_true(fixture_pg() ? applied == 0 : applied > 0 && applied <= store_schema_latest());
	assert_int_equal(store_migrate(st, &applied, &eb), 0);
	assert_int_equal(applied, 0);
	assert_int_equal(store_status_get(st, true, &s, &eb), 0);
	assert_int_equal(s.schema_version, store_schema_latest());
	assert_true(s.integrity_ok);
	assert_string_equal(s.journal_mode, "wal");
	assert_string_equal(s.engine, fixture_pg() ? "postgresql" : "sqlite");
	store_close(st);
	if (fixture_pg())
		return; /* the ledger checks below edit the SQLite file itself */

	/* an applied migration whose file changed is refused */
	snprintf(path, sizeof(path), "%s/netra.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
				      "CREATE TABLE keep AS SELECT checksum FROM schema_migrations"
				      " WHERE version=1;"
				      "UPDATE schema_migrations SET checksum='x' WHERE version=1",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), -1);
	assert_int_equal(eb.kind, ERR_CONFLICT);
	store_close(st);

	/* a database from a newer netra is refused too */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db,
		     "UPDATE schema_migrations SET checksum=(SELECT checksum FROM keep)"
		     " WHERE version=1; INSERT INTO schema_migrations VALUES"
		     " (999,'sql/0999_future.sql','x','2030-01-01T00:00:00Z')",
		     NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, &o, &eb), 0);
	assert_int_equal(store_migrate(st, &applied, &eb), -1);
	assert_non_null(strstr(eb.msg, "999"));
	store_close(st);
}

/* A job that holds the write transaction until released. */
struct gate {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int entered;
	int released;
};

static struct gate gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};

static int
gate_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	(void)arg;
	if (store_setting_put(c, "gate", "inside", eb) < 0)
		return -1;
	pthread_mutex_lock(&gate.lock);
	gate.entered = 1;
	pthread_cond_broadcast(&gate.cond);
	while (!gate.released)
		pthread_cond_wait(&gate.cond, &gate.lock);
	pthread_mutex_unlock(&gate.lock);
	return 0;
}

static void
gate_reset(void)
{
	gate.entered = 0;
	gate.released = 0;
}

static void
gate_wait_entered(void)
{
	pthread_mutex_lock(&gate.lock);
	while (!gate.entered)
		pthread_cond_wait(&gate.cond, &gate.lock);
	pthread_mutex_unlock(&gate.lock);
}

static void
gate_release(void)
{
	pthread_mutex_lock(&gate.lock);
	gate.released = 1;
	pthread_cond_broadcast(&gate.cond);
	pthread_mutex_unlock(&gate.lock);
}

struct done_count {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int done;
	int failed;
};

static void
count_done(void *arg, int rc, const struct errbuf *eb)
{
	struct done_count *d = arg;

	(void)eb;
	pthread_mutex_lock(&d->lock);
	d->done++;
	if (rc != 0)
		d->failed++;
	pthread_cond_broadcast(&d->cond);
	pthread_mutex_unlock(&d->lock);
}

static void
test_group_commit_and_rollback(void **state)
{
	struct store *st = open_store();
	struct done_count d = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};
	struct store_job gjob, jobs[16];
	struct put_arg args[16];
	char keys[16][16], value[64];
	struct store_stats before, after;
	int i;

	(void)state;
	gate_reset();
	store_stats_get(st, &before);
	memset(&gjob, 0, sizeof(gjob));
	gjob.fn = gate_job;
	gjob.done = count_done;
	gjob.done_arg = &d;
	store_submit(st, &gjob);
	gate_wait_entered();
	/* 16 jobs queue up while the gate holds the writer */
	for (i = 0; i < 16; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%02d", i);
		args[i].key = keys[i];
		args[i].value = "v";
		args[i].fail_after = i == 7; /* one job fails after writing */
		memset(&jobs[i], 0, sizeof(jobs[i]));
		jobs[i].fn = put_job;
		jobs[i].arg = &args[i];
		jobs[i].done = count_done;
		jobs[i].done_arg = &d;
		store_submit(st, &jobs[i]);
	}
	gate_release();
	pthread_mutex_lock(&d.lock);
	while (d.done < 17)
		pthread_cond_wait(&d.cond, &d.lock);
	pthread_mutex_unlock(&d.lock);
	assert_int_equal(d.failed, 1);
	assert_int_equal(jobs[7].rc, -1);
	assert_string_equal(jobs[7].eb.msg, "gagal sengaja");
	store_stats_get(st, &after);
	/* 17 jobs, 2 transactions: the gate's and one for the 16 queued */
	assert_int_equal(after.jobs - before.jobs, 17);
	assert_int_equal(after.commits - before.commits, 2);
	assert_true(after.max_batch >= 16);
	for (i = 0; i < 16; i++) {
		int rc = get(st, keys[i], value, sizeof(value));

		if (i == 7)
			assert_int_equal(rc, -1); /* rolled back alone */
		else
			assert_int_equal(rc, 0);
	}
	store_close(st);
}

static void *
gate_writer(void *arg)
{
	struct store *st = arg;

	store_write(st, gate_job, NULL, NULL);
	return NULL;
}

static void
test_readers_during_write(void **state)
{
	struct store *st = open_store();
	struct put_arg a = {"gate", "before", 0};
	pthread_t t;
	char value[64];

	(void)state;
	assert_int_equal(store_write(st, put_job, &a, NULL), 0);
	gate_reset();
	pthread_create(&t, NULL, gate_writer, st);
	gate_wait_entered();
	/* the writer holds an open transaction that changed "gate": a reader
	 * is not blocked and sees the last committed value */
	assert_int_equal(get(st, "gate", value, sizeof(value)), 0);
	assert_string_equal(value, "before");
	gate_release();
	pthread_join(t, NULL);
	assert_int_equal(get(st, "gate", value, sizeof(value)), 0);
	assert_string_equal(value, "inside");
	store_close(st);
}

struct hammer {
	struct store *st;
	int id;
};

static void *
hammer_main(void *arg)
{
	struct hammer *h = arg;
	char key[32];
	int i;

	for (i = 0; i < 50; i++) {
		struct put_arg a = {key, "x", 0};

		snprintf(key, sizeof(key), "h%d-%d", h->id, i);
		if (store_write(h->st, put_job, &a, NULL) != 0)
			return (void *)1;
	}
	return NULL;
}

static void
test_concurrent_writes_durable(void **state)
{
	struct store *st = open_store();
	struct hammer h[8];
	pthread_t t[8];
	char value[16], key[32];
	int i, k;

	(void)state;
	for (i = 0; i < 8; i++) {
		h[i].st = st;
		h[i].id = i;
		pthread_create(&t[i], NULL, hammer_main, &h[i]);
	}
	for (i = 0; i < 8; i++) {
		void *r;

		pthread_join(t[i], &r);
		assert_null(r);
	}
	store_close(st);
	st = open_store(); /* everything acknowledged survives a reopen */
	for (i = 0; i < 8; i++)
		for (k = 0; k < 50; k++) {
			snprintf(key, sizeof(key), "h%d-%d", i, k);
			assert_int_equal(get(st, key, value, sizeof(value)), 0);
		}
	assert_int_equal(store_ping(st, NULL), 0);
	store_close(st);
}

static void
test_bad_url(void **state)
{
	/* nothing listens on port 1 */
	struct store_opts o = {dir, "postgres://netra@127.0.0.1:1/netra", 1, 1, false};
	struct store *st;
	struct errbuf eb;

	(void)state;
	assert_int_equal(store_open(&st, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_UNAVAILABLE);
	assert_string_equal(errbuf_code(&eb), "db_unreachable");
	o.db_url = "mysql://x";
	assert_int_equal(store_open(&st, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_INVALID_INPUT);
}

/* must_exist: a missing directory, a directory without netra.db and an
 * empty netra.db are all "no database", and none of them is created. */
static void
test_must_exist(void **state)
{
	char sub[300], db[320];
	struct store_opts o = {sub, NULL, 1, 1, true};
	struct store *st;
	struct errbuf eb;
	struct stat sb;
	FILE *f;

	(void)state;
	if (fixture_pg()) {
		/* the server is there, the database is not */
		char missing[600];

		snprintf(missing, sizeof(missing), "%.*s_tidak_ada", (int)(sizeof(missing) - 16),
			 url);
		o.db_url = missing;
		assert_int_equal(store_open(&st, &o, &eb), -1);
		assert_int_equal(eb.kind, ERR_NOT_FOUND);
		assert_string_equal(errbuf_code(&eb), "no_database");
		return;
	}
	snprintf(sub, sizeof(sub), "%s/missing", dir);
	snprintf(db, sizeof(db), "%s/netra.db", sub);
	assert_int_equal(store_open(&st, &o, &eb), -1);
	assert_int_equal(eb.kind, ERR_NOT_FOUND);
	assert_string_equal(errbuf_code(&eb), "no_database");
	assert_non_null(strstr(eb.msg, db));
	assert_int_equal(stat(sub, &sb), -1); /* the directory was not made */

	assert_int_equal(mkdir(sub, 0700), 0);
	assert_int_equal(store_open(&st, &o, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "no_database");
	assert_int_equal(stat(db, &sb), -1);

	f = fopen(db, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(store_open(&st, &o, &eb), -1);
	assert_string_equal(errbuf_code(&eb), "no_database");

	o.must_exist = false; /* db migrate, serve, demo */
	assert_int_equal(store_open(&st, &o, &eb), 0);
	store_close(st);
	o.must_exist = true; /* now it is there */
	assert_int_equal(store_open(&st, &o, &eb), 0);
	store_close(st);
}

/* --- change notifications (in-process delivery on SQLite) ------------------ */

struct heard {
	pthread_mutex_t lock;
	char topics[16][STORE_TOPIC_MAX];
	int n;
	int at_done; /* topics heard when the job's done() ran */
};

static void
hear(void *arg, const char *topic)
{
	struct heard *h = arg;

	pthread_mutex_lock(&h->lock);
	if (h->n < 16)
		snprintf(h->topics[h->n++], STORE_TOPIC_MAX, "%s", topic);
	pthread_mutex_unlock(&h->lock);
}

struct notify_arg {
	const char *topics[4];
	bool fail;
};

static int
notify_job(struct store_conn *c, void *arg, struct errbuf *eb)
{
	struct notify_arg *a = arg;
	int i;

	if (store_setting_put(c, "notify", "x", eb) < 0)
		return -1;
	for (i = 0; i < 4 && a->topics[i]; i++)
		if (store_notify(c, a->topics[i], eb) < 0)
			return -1;
	if (a->fail)
		return errbuf_set(eb, ERR_INVALID_INPUT, "gagal sengaja");
	return 0;
}

struct done_wait {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool done;
	struct heard *h;
};

static void
notify_done(void *arg, int rc, const struct errbuf *eb)
{
	struct done_wait *w = arg;

	(void)rc;
	(void)eb;
	pthread_mutex_lock(&w->h->lock);
	w->h->at_done = w->h->n;
	pthread_mutex_unlock(&w->h->lock);
	pthread_mutex_lock(&w->lock);
	w->done = true;
	pthread_cond_signal(&w->cond);
	pthread_mutex_unlock(&w->lock);
}

static bool
heard_topic(struct heard *h, const char *topic)
{
	int i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->topics[i], topic) == 0)
			return true;
	return false;
}

static void
test_notify_in_process(void **state)
{
	struct store *st = open_store();
	struct heard h = {.lock = PTHREAD_MUTEX_INITIALIZER};
	struct notify_arg twice = {
		{STORE_TOPIC_OFFICES, STORE_TOPIC_FIGURES, STORE_TOPIC_OFFICES, NULL}, false};
	struct notify_arg failing = {{STORE_TOPIC_SEAL_KEYS, NULL, NULL, NULL}, true};
	struct notify_arg bad = {{"Not-A-Topic", NULL, NULL, NULL}, false};
	struct done_wait w = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false, &h};
	struct store_job job;
	struct store_conn *rc;
	struct errbuf eb;

	(void)state;
	if (fixture_pg())
		skip(); /* PostgreSQL also delivers through LISTEN: tests/e2e/0800 */
	assert_int_equal(store_subscribe(st, hear, &h, &eb), 0);

	/* a committed job: each topic once, heard before the job's done() */
	memset(&job, 0, sizeof(job));
	job.fn = notify_job;
	job.arg = &twice;
	job.done = notify_done;
	job.done_arg = &w;
	store_submit(st, &job);
	pthread_mutex_lock(&w.lock);
	while (!w.done)
		pthread_cond_wait(&w.cond, &w.lock);
	pthread_mutex_unlock(&w.lock);
	assert_int_equal(job.rc, 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.at_done, 2);
	assert_true(heard_topic(&h, STORE_TOPIC_OFFICES));
	assert_true(heard_topic(&h, STORE_TOPIC_FIGURES));

	/* a job that rolls back announces nothing */
	assert_int_equal(store_write(st, notify_job, &failing, &eb), -1);
	assert_int_equal(h.n, 2);
	assert_false(heard_topic(&h, STORE_TOPIC_SEAL_KEYS));

	/* a malformed topic fails the job; so does notifying from a reader */
	assert_int_equal(store_write(st, notify_job, &bad, &eb), -1);
	assert_int_equal(eb.kind, ERR_INTERNAL);
	rc = store_reader(st);
	assert_int_equal(store_notify(rc, STORE_TOPIC_OFFICES, &eb), -1);
	store_reader_done(st, rc);
	assert_int_equal(h.n, 2);

	/* the next batch is heard again; after unsubscribing, nothing */
	assert_int_equal(store_write(st, notify_job, &twice, &eb), 0);
	assert_int_equal(h.n, 4);
	store_unsubscribe(st, hear, &h);
	assert_int_equal(store_write(st, notify_job, &twice, &eb), 0);
	assert_int_equal(h.n, 4);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_group_commit_and_rollback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readers_during_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_writes_durable, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_url, setup, teardown),
		cmocka_unit_test_setup_teardown(test_must_exist, setup, teardown),
		cmocka_unit_test_setup_teardown(test_notify_in_process, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
