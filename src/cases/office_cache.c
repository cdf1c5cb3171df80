/*
 * office_cache.c - a small time-limited cache of office routing and
 * sealing keys (see office_cache.h).  A fixed table with round-robin
 * replacement; a miss asks the store outside the lock.  Store
 * notifications (offices, seal_keys, *) empty it.
 */
#include <pthread.h>
#include <string.h>

#include "cases/office_cache.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store_cases.h"
#include "store/store_users.h"

#define OC_SLOTS 64

struct oc_region {
	char region[24];
	struct store_office office;
	int64_t until;
};

struct oc_key {
	int64_t office_id;
	int64_t key_office;
	unsigned char pk[SEAL_PUBLIC_BYTES];
	int64_t until;
};

struct office_cache {
	pthread_mutex_t lock;
	struct oc_region regions[OC_SLOTS];
	struct oc_key keys[OC_SLOTS];
	unsigned next_region, next_key;
	/* bumped by every drop: an answer read from the store before a drop
	 * is not remembered after it */
	uint64_t gen;
};

struct office_cache *
office_cache_new(void)
{
	struct office_cache *oc = xcalloc(1, sizeof(*oc));

	pthread_mutex_init(&oc->lock, NULL);
	return oc;
}

void
office_cache_free(struct office_cache *oc)
{
	if (oc == NULL)
		return;
	pthread_mutex_destroy(&oc->lock);
	free(oc);
}

static int64_t
now_s(void)
{
	return clock_mono_ms() / 1000;
}

int
office_cache_for_region(struct office_cache *oc, struct store *st, const char *region,
			struct store_office *out, struct errbuf *eb)
{
	struct store_conn *c;
	int64_t t = now_s();
	uint64_t gen;
	unsigned i;
	int rc;

	pthread_mutex_lock(&oc->lock);
	for (i = 0; i < OC_SLOTS; i++)
		if (oc->regions[i].until > t && strcmp(oc->regions[i].region, region) == 0) {
			*out = oc->regions[i].office;
			pthread_mutex_unlock(&oc->lock);
			return 0;
		}
	gen = oc->gen;
	pthread_mutex_unlock(&oc->lock);
	c = store_reader(st);
	rc = store_office_for_region(c, "bawaslu", region, out, eb);
	store_reader_done(st, c);
	if (rc < 0 || strlen(region) >= sizeof(oc->regions[0].region))
		return rc;
	pthread_mutex_lock(&oc->lock);
	if (oc->gen == gen) {
		i = oc->next_region++ % OC_SLOTS;
		cstr_copy(oc->regions[i].region, sizeof(oc->regions[i].region), region);
		oc->regions[i].office = *out;
		oc->regions[i].until = t + OFFICE_CACHE_TTL;
	}
	pthread_mutex_unlock(&oc->lock);
	return 0;
}

int
office_cache_seal_key(struct office_cache *oc, struct store *st, int64_t office_id,
		      int64_t *key_office, unsigned char pk[SEAL_PUBLIC_BYTES], struct errbuf *eb)
{
	int64_t t = now_s();
	uint64_t gen;
	unsigned i;

	pthread_mutex_lock(&oc->lock);
	for (i = 0; i < OC_SLOTS; i++)
		if (oc->keys[i].until > t && oc->keys[i].office_id == office_id) {
			*key_office = oc->keys[i].key_office;
			memcpy(pk, oc->keys[i].pk, SEAL_PUBLIC_BYTES);
			pthread_mutex_unlock(&oc->lock);
			return 0;
		}
	gen = oc->gen;
	pthread_mutex_unlock(&oc->lock);
	if (seal_find_office(st, office_id, key_office, pk, eb) < 0)
		return -1;
	pthread_mutex_lock(&oc->lock);
	if (oc->gen == gen) {
		i = oc->next_key++ % OC_SLOTS;
		oc->keys[i].office_id = office_id;
		oc->keys[i].key_office = *key_office;
		memcpy(oc->keys[i].pk, pk, SEAL_PUBLIC_BYTES);
		oc->keys[i].until = t + OFFICE_CACHE_TTL;
	}
	pthread_mutex_unlock(&oc->lock);
	return 0;
}

void
office_cache_on_notify(void *arg, const char *topic)
{
	struct office_cache *oc = arg;
	bool offices =
		strcmp(topic, STORE_TOPIC_OFFICES) == 0 || strcmp(topic, STORE_TOPIC_ALL) == 0;
	bool keys = offices || strcmp(topic, STORE_TOPIC_SEAL_KEYS) == 0;
	unsigned i;

	if (!keys)
		return;
	pthread_mutex_lock(&oc->lock);
	for (i = 0; i < OC_SLOTS; i++) {
		if (offices)
			oc->regions[i].until = 0;
		oc->keys[i].until = 0;
	}
	oc->gen++;
	pthread_mutex_unlock(&oc->lock);
}
