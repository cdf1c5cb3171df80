/*
 * stats_internal.h - what the files of src/stats/ share: the figure cache
 * and the service structure.
 */
#ifndef NETRA_STATS_INTERNAL_H
#define NETRA_STATS_INTERNAL_H

#include <stdint.h>

#include "stats/stats.h"

/*
 * A small cache of computed figures keyed by text (scope and filter).  An
 * entry is fresh while the store's write counter is unchanged (and it is
 * younger than STATS_SLOW_TTL_S); an entry that was slow to compute stays
 * usable for STATS_SLOW_TTL_S whatever was written.  Only one thread
 * computes a key at a time: the others get the previous value, or wait
 * when there is none yet.  Least recently used entries are evicted.
 */
struct stats_cache;
typedef int (*stats_compute_fn)(void *arg, json_t **out, struct errbuf *eb);

struct stats_cache *stats_cache_new(size_t max_entries);
void stats_cache_free(struct stats_cache *c);
/* *out gets a new reference to a read-only value. */
int stats_cache_get(struct stats_cache *c, const char *key, uint64_t version, stats_compute_fn fn,
		    void *arg, json_t **out, struct errbuf *eb);

struct stats_service {
	struct stats_deps d;
	struct stats_public_cfg pub;
	struct stats_cache *cache;
};

/* The store's write counter (the cache's version). */
uint64_t stats_store_version(const struct stats_service *s);
/* "2024-02-09T10:00:00+08:00" for now. */
json_t *stats_now_json(void);
/* Name of region code from the table, or the code itself. */
const char *stats_region_name(const struct stats_service *s, const char *code, char *buf,
			      size_t bufsz);

#endif
