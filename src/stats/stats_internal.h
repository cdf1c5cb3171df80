/*
 * stats_internal.h - what the files of src/stats/ share: the figure cache
 * and the service structure.
 */
#ifndef NETRA_STATS_INTERNAL_H
#define NETRA_STATS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "calendar/calendar.h"
#include "stats/stats.h"

/*
 * A small cache of computed figures keyed by text (scope and filter).  An
 * entry is fresh while the store's write counter is unchanged (and it is
 * younger than STATS_SLOW_TTL_S); an entry that was slow to compute
 * (STATS_SLOW_MS) stays usable for STATS_SLOW_TTL_S whatever was written,
 * and after that is recomputed by a background thread while requests keep
 * getting the previous value.  Only one thread computes a key at a time:
 * the others get the previous value, or wait when there is none yet.
 * Least recently used entries are evicted.  arg is copied (argsize bytes,
 * plain data) when a background thread needs it.
 */
struct stats_cache;
typedef int (*stats_compute_fn)(void *arg, json_t **out, struct errbuf *eb);

struct stats_cache *stats_cache_new(size_t max_entries);
void stats_cache_free(struct stats_cache *c);
/* *out gets a new reference to a read-only value. */
int stats_cache_get(struct stats_cache *c, const char *key, uint64_t version, stats_compute_fn fn,
		    const void *arg, size_t argsize, json_t **out, struct errbuf *eb);
/* Compute key in the background unless it is being computed (warm-up). */
void stats_cache_prefetch(struct stats_cache *c, const char *key, uint64_t version,
			  stats_compute_fn fn, const void *arg, size_t argsize);

/* Counting by key (fold.c): keys are NUL-terminated text, parts of a
 * composite key are joined with FOLD_SEP (a control character, which no
 * stored value holds). */
#define FOLD_SEP '\x1f'

struct fold_slot {
	char *key; /* NULL: empty slot */
	uint64_t h;
	int64_t n;
};

struct fold {
	struct fold_slot *slots;
	size_t cap, n;
};

void fold_init(struct fold *f);
void fold_release(struct fold *f);
void fold_add(struct fold *f, const char *key, int64_t n);
/* The used slots, most counted first (then by key) or by key; free the
 * array, not the slots.  Valid until the next fold_add(). */
const struct fold_slot **fold_sorted(const struct fold *f, bool most_first);
/* Split key in place at FOLD_SEP into at most max parts; returns how many. */
size_t fold_split(char *key, char **parts, size_t max);

struct stats_service {
	struct stats_deps d;
	struct stats_public_cfg pub;
	struct stats_cache *cache;
	/* figures notifications heard (any node's case changes) */
	_Atomic uint64_t notified;
	bool subscribed;
};

/* The calendar in force (the live one when the service follows it). */
static inline const struct calendar *
stats_cal(const struct stats_service *s)
{
	return s->d.cal_live ? calendar_live_get(s->d.cal_live) : s->d.cal;
}

/* The cache's version: this process's write counter plus the figures
 * notifications heard from every node (store.h), so a case changed on
 * another node makes the figures stale here too. */
uint64_t stats_store_version(const struct stats_service *s);
/* Add n to the integer at key of map (created at n when absent). */
void stats_json_add(json_t *map, const char *key, int64_t n);
/* An identifier: 1..max characters of [a-z0-9_]; NULL is not one. */
bool stats_ident_ok(const char *s, size_t max);
/* "2024-02-09T10:00:00+08:00" for now. */
json_t *stats_now_json(void);
/* Name of region code from the table, or the code itself. */
const char *stats_region_name(const struct stats_service *s, const char *code, char *buf,
			      size_t bufsz);

#endif
