/*
 * office_cache.h - which Bawaslu office handles a region, and which key
 * seals its reporters' identities, remembered for a short time.
 *
 * Both answers depend only on the offices table, which changes rarely
 * (`netra office add`, `netra key init`, the admin page); every intake asks
 * both questions.  A server subscribes office_cache_on_notify() to its
 * store, so a change written by any node (STORE_TOPIC_OFFICES,
 * STORE_TOPIC_SEAL_KEYS) empties the cache at once; entries also live at
 * most OFFICE_CACHE_TTL seconds, the safety net for a change nobody
 * announced (another process on a SQLite file).  Thread-safe.
 */
#ifndef NETRA_CASES_OFFICE_CACHE_H
#define NETRA_CASES_OFFICE_CACHE_H

#include <stdint.h>

#include "auth/seal.h"
#include "store/store.h"
#include "store/store_cases.h"
#include "store/store_users.h"

#define OFFICE_CACHE_TTL 30

struct office_cache;

struct office_cache *office_cache_new(void);
void office_cache_free(struct office_cache *oc);
/* store_office_for_region(kind "bawaslu"), cached */
int office_cache_for_region(struct office_cache *oc, struct store *st, const char *region,
			    struct store_office *out, struct errbuf *eb);
/* seal_find_office(), cached */
int office_cache_seal_key(struct office_cache *oc, struct store *st, int64_t office_id,
			  int64_t *key_office, unsigned char pk[SEAL_PUBLIC_BYTES],
			  struct errbuf *eb);

/* A store_notify_fn: drop what topic changed (see store.h). */
void office_cache_on_notify(void *arg, const char *topic);

#endif
