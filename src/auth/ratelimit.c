/*
 * ratelimit.c - token buckets in a fixed-size, set-associative table,
 * keyed by BLAKE2b-128(client key || process-random salt).
 *
 * Invariants: the client key (an address or a username) never enters the
 * table, a log or the disk: only its salted hash does, and the salt lives
 * in this process only, so the table cannot be reversed even from a core
 * dump without the salt.  Memory is fixed at RATELIMIT_SLOTS entries; a
 * new key takes an empty way of its set, else a way whose bucket is full
 * again (equivalent to absent), else the way used longest ago.  Buckets are
 * fixed-point (1/1000 token) so refill is exact integer arithmetic.
 * One mutex guards the table; an operation is a hash and a few compares.
 */
#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "auth/auth_internal.h"
#include "core/xalloc.h"

#define KEY_BYTES  16
#define MILLI      1000
#define NSETS      (RATELIMIT_SLOTS / RATELIMIT_WAYS)
#define MAX_ELAPSE 86400 /* a day refills any bucket; avoids overflow */

struct rl_entry {
	unsigned char key[KEY_BYTES];
	int64_t last;    /* second of the last refill */
	uint64_t tokens; /* milli-tokens */
	uint32_t rem;    /* refill remainder, in 1/60 milli-tokens */
	bool used;
};

struct ratelimit {
	pthread_mutex_t lock;
	unsigned per_minute;
	unsigned burst;
	unsigned char salt[32];
	struct rl_entry slots[RATELIMIT_SLOTS];
};

struct ratelimit *
ratelimit_new(unsigned per_minute, unsigned burst)
{
	struct ratelimit *rl = xcalloc(1, sizeof(*rl));

	auth_sodium_ready();
	pthread_mutex_init(&rl->lock, NULL);
	rl->per_minute = per_minute;
	rl->burst = burst ? burst : per_minute;
	randombytes_buf(rl->salt, sizeof(rl->salt));
	return rl;
}

void
ratelimit_free(struct ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->lock);
	sodium_memzero(rl, sizeof(*rl));
	free(rl);
}

static void
key_hash(const struct ratelimit *rl, const char *client_key, unsigned char out[KEY_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, KEY_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)client_key, strlen(client_key));
	crypto_generichash_update(&st, rl->salt, sizeof(rl->salt));
	crypto_generichash_final(&st, out, KEY_BYTES);
}

static uint64_t
capacity(const struct ratelimit *rl)
{
	return (uint64_t)rl->burst * MILLI;
}

static void
refill(const struct ratelimit *rl, struct rl_entry *e, int64_t now)
{
	int64_t dt = now - e->last;
	uint64_t num, add;

	if (dt <= 0)
		return; /* same second, or the clock went back */
	if (dt > MAX_ELAPSE)
		dt = MAX_ELAPSE;
	num = (uint64_t)dt * rl->per_minute * MILLI + e->rem;
	add = num / 60;
	e->rem = (uint32_t)(num % 60);
	e->tokens += add;
	if (e->tokens >= capacity(rl)) {
		e->tokens = capacity(rl);
		e->rem = 0;
	}
	e->last = now;
}

/* The entry for key, or NULL (create false) / a fresh one (create true). */
static struct rl_entry *
lookup(struct ratelimit *rl, const unsigned char key[KEY_BYTES], int64_t now, bool create)
{
	uint64_t h;
	struct rl_entry *set, *victim = NULL;
	size_t i;

	memcpy(&h, key, sizeof(h));
	set = &rl->slots[(h % NSETS) * RATELIMIT_WAYS];
	for (i = 0; i < RATELIMIT_WAYS; i++)
		if (set[i].used && sodium_memcmp(set[i].key, key, KEY_BYTES) == 0)
			return &set[i];
	if (!create)
		return NULL;
	for (i = 0; i < RATELIMIT_WAYS && victim == NULL; i++)
		if (!set[i].used)
			victim = &set[i];
	for (i = 0; i < RATELIMIT_WAYS && victim == NULL; i++) {
		refill(rl, &set[i], now);
		if (set[i].tokens >= capacity(rl))
			victim = &set[i];
	}
	if (victim == NULL) {
		victim = &set[0];
		for (i = 1; i < RATELIMIT_WAYS; i++)
			if (set[i].last < victim->last)
				victim = &set[i];
	}
	memcpy(victim->key, key, KEY_BYTES);
	victim->used = true;
	victim->last = now;
	victim->tokens = capacity(rl);
	victim->rem = 0;
	return victim;
}

static bool
rl_op(struct ratelimit *rl, const char *client_key, int64_t now, bool take)
{
	unsigned char key[KEY_BYTES];
	struct rl_entry *e;
	bool ok;

	if (rl == NULL || rl->per_minute == 0)
		return true;
	key_hash(rl, client_key ? client_key : "", key);
	pthread_mutex_lock(&rl->lock);
	e = lookup(rl, key, now, take);
	if (e == NULL) {
		ok = rl->burst > 0; /* never seen: a full bucket */
	} else {
		refill(rl, e, now);
		ok = e->tokens >= MILLI;
		if (ok && take)
			e->tokens -= MILLI;
	}
	pthread_mutex_unlock(&rl->lock);
	return ok;
}

bool
ratelimit_take(struct ratelimit *rl, const char *client_key, int64_t now)
{
	return rl_op(rl, client_key, now, true);
}

bool
ratelimit_peek(struct ratelimit *rl, const char *client_key, int64_t now)
{
	return rl_op(rl, client_key, now, false);
}
