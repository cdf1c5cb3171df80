/*
 * cache.c - the figure cache (see stats_internal.h).
 *
 * Invariants: every field of every entry is guarded by the one mutex; a
 * value, once stored, is never modified (readers hold references to it);
 * an entry being computed is never evicted.  Computation runs outside the
 * lock.  Ages use the monotonic clock, not the (overridable) wall clock.
 * A slow entry past its age is refreshed by a background thread working on
 * a copy of the caller's argument, while every request, the one that
 * noticed included, gets the previous figures; stats_cache_free() waits
 * for those threads.  They run at a lower priority (nice +10): a national
 * dashboard takes seconds of a core, and requests must not queue behind it.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "stats/stats_internal.h"

#define KEY_MAX      200
#define REFRESH_NICE 10

struct entry {
	char key[KEY_MAX];
	json_t *value; /* NULL until computed once */
	uint64_t version;
	int64_t at_ms;
	int64_t cost_ms;
	uint64_t used; /* tick of the last use, for LRU */
	bool computing;
	bool live;
};

struct stats_cache {
	pthread_mutex_t lock;
	pthread_cond_t done;
	struct entry *e;
	size_t n;
	uint64_t tick;
	int running; /* background refreshes under way */
};

/* A background refresh: a copy of everything compute() needs. */
struct refresh {
	struct stats_cache *c;
	char key[KEY_MAX];
	uint64_t version;
	stats_compute_fn fn;
	void *arg; /* malloc'd copy */
};

struct stats_cache *
stats_cache_new(size_t max_entries)
{
	struct stats_cache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->done, NULL);
	c->n = max_entries ? max_entries : 1;
	c->e = xcalloc(c->n, sizeof(*c->e));
	return c;
}

void
stats_cache_free(struct stats_cache *c)
{
	size_t i;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->lock);
	while (c->running > 0)
		pthread_cond_wait(&c->done, &c->lock);
	pthread_mutex_unlock(&c->lock);
	for (i = 0; i < c->n; i++)
		json_decref(c->e[i].value);
	free(c->e);
	pthread_cond_destroy(&c->done);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

static struct entry *
find(struct stats_cache *c, const char *key)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->e[i].live && strcmp(c->e[i].key, key) == 0)
			return &c->e[i];
	return NULL;
}

/* A free slot, or the least recently used one not being computed. */
static struct entry *
slot(struct stats_cache *c)
{
	struct entry *best = NULL;
	size_t i;

	for (i = 0; i < c->n; i++) {
		struct entry *e = &c->e[i];

		if (!e->live)
			return e;
		if (!e->computing && (best == NULL || e->used < best->used))
			best = e;
	}
	if (best) {
		json_decref(best->value);
		memset(best, 0, sizeof(*best));
	}
	return best;
}

static bool
usable(const struct entry *e, uint64_t version, int64_t now)
{
	int64_t age = now - e->at_ms;

	if (e->value == NULL)
		return false;
	if (e->computing)
		return true; /* someone is refreshing it: serve the previous figures */
	if (age < 0 || age >= STATS_SLOW_TTL_S * 1000)
		return false;
	return e->version == version || e->cost_ms >= STATS_SLOW_MS;
}

/* Store the outcome of a computation of key (lock held). */
static void
finish(struct stats_cache *c, const char *key, uint64_t version, int64_t t0, int rc, json_t *v)
{
	struct entry *e = find(c, key);

	if (e) {
		e->computing = false;
		if (rc == 0) {
			json_decref(e->value);
			e->value = json_incref(v);
			e->version = version;
			e->at_ms = clock_mono_ms();
			e->cost_ms = e->at_ms - t0;
		} else if (e->value == NULL) {
			memset(e, 0, sizeof(*e));
		}
	}
	pthread_cond_broadcast(&c->done);
}

static void *
refresh_main(void *p)
{
	struct refresh *r = p;
	struct errbuf eb;
	json_t *v = NULL;
	int64_t t0 = clock_mono_ms();
	int rc;

	/* on Linux PRIO_PROCESS with a thread id applies to this thread only */
	if (setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), REFRESH_NICE) != 0)
		log_debug("stats: cannot lower the refresh thread's priority");
	rc = r->fn(r->arg, &v, &eb);

	if (rc < 0)
		log_warn("stats: background refresh of %s failed: %s", r->key, eb.msg);
	pthread_mutex_lock(&r->c->lock);
	finish(r->c, r->key, r->version, t0, rc, v);
	r->c->running--;
	pthread_cond_broadcast(&r->c->done);
	pthread_mutex_unlock(&r->c->lock);
	json_decref(v);
	free(r->arg);
	free(r);
	return NULL;
}

/* Start a background refresh of e (lock held); false when no thread. */
static bool
refresh_start(struct stats_cache *c, struct entry *e, uint64_t version, stats_compute_fn fn,
	      const void *arg, size_t argsize)
{
	struct refresh *r = xcalloc(1, sizeof(*r));
	pthread_attr_t attr;
	pthread_t t;
	int err;

	r->c = c;
	cstr_copy(r->key, sizeof(r->key), e->key);
	r->version = version;
	r->fn = fn;
	r->arg = xmalloc(argsize);
	memcpy(r->arg, arg, argsize);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	err = pthread_create(&t, &attr, refresh_main, r);
	pthread_attr_destroy(&attr);
	if (err != 0) {
		free(r->arg);
		free(r);
		return false;
	}
	e->computing = true;
	c->running++;
	return true;
}

int
stats_cache_get(struct stats_cache *c, const char *key, uint64_t version, stats_compute_fn fn,
		const void *arg, size_t argsize, json_t **out, struct errbuf *eb)
{
	struct entry *e;
	json_t *v = NULL;
	int64_t t0, now;
	int rc;

	*out = NULL;
	pthread_mutex_lock(&c->lock);
	for (;;) {
		now = clock_mono_ms();
		e = find(c, key);
		if (e && usable(e, version, now)) {
			e->used = ++c->tick;
			*out = json_incref(e->value);
			pthread_mutex_unlock(&c->lock);
			return 0;
		}
		if (e && e->computing) {
			pthread_cond_wait(&c->done, &c->lock); /* first computation */
			continue;
		}
		/* slow and old: refresh behind the scenes, answer with what we have */
		if (e && e->value && e->cost_ms >= STATS_SLOW_MS &&
		    refresh_start(c, e, version, fn, arg, argsize)) {
			e->used = ++c->tick;
			*out = json_incref(e->value);
			pthread_mutex_unlock(&c->lock);
			return 0;
		}
		if (e == NULL) {
			e = slot(c);
			if (e == NULL) {
				/* every slot is being computed: compute without caching */
				pthread_mutex_unlock(&c->lock);
				return fn((void *)(uintptr_t)arg, out, eb);
			}
			cstr_copy(e->key, sizeof(e->key), key);
			e->live = true;
		}
		e->computing = true;
		e->used = ++c->tick;
		break;
	}
	pthread_mutex_unlock(&c->lock);

	t0 = clock_mono_ms();
	rc = fn((void *)(uintptr_t)arg, &v, eb);

	pthread_mutex_lock(&c->lock);
	finish(c, key, version, t0, rc, v);
	pthread_mutex_unlock(&c->lock);
	*out = v;
	return rc;
}

void
stats_cache_prefetch(struct stats_cache *c, const char *key, uint64_t version, stats_compute_fn fn,
		     const void *arg, size_t argsize)
{
	struct entry *e;

	pthread_mutex_lock(&c->lock);
	e = find(c, key);
	if (e == NULL) {
		e = slot(c);
		if (e) {
			cstr_copy(e->key, sizeof(e->key), key);
			e->live = true;
		}
	}
	if (e && !e->computing && !refresh_start(c, e, version, fn, arg, argsize) &&
	    e->value == NULL)
		memset(e, 0, sizeof(*e));
	pthread_mutex_unlock(&c->lock);
}
