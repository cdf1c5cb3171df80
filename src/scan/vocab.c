/*
 * vocab.c - the hash used by the engine and the lexicon's string map.
 *
 * scan_hash() (scan_internal.h) serves both the vocabulary (built once,
 * read by every thread) and the per-context token cache.  The vocabulary maps a tag
 * byte plus a string to a uint32 with open addressing (linear probing,
 * power-of-two capacity, load <= 1/2); hash 0 marks an empty slot.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "scan/scan_internal.h"

#define K1 0x9E3779B97F4A7C15ull

static uint64_t
key_hash(char tag, const char *s, size_t n)
{
	return scan_hash(s, n, (uint64_t)(unsigned char)tag * K1);
}

static bool
key_eq(const struct scan_vocab *v, const struct scan_vocab_ent *e, char tag, const char *s,
       size_t n)
{
	return e->key_len == n + 1 && v->keys[e->key_off] == tag &&
	       memcmp(v->keys + e->key_off + 1, s, n) == 0;
}

bool
scan_vocab_get(const struct scan_vocab *v, char tag, const char *s, size_t n, uint32_t *out)
{
	uint64_t h;
	size_t i, mask;

	if (v->cap == 0)
		return false;
	h = key_hash(tag, s, n);
	mask = v->cap - 1;
	for (i = (size_t)h & mask; v->ents[i].hash; i = (i + 1) & mask) {
		if (v->ents[i].hash == h && key_eq(v, &v->ents[i], tag, s, n)) {
			*out = v->ents[i].value;
			return true;
		}
	}
	return false;
}

static void
vocab_place(struct scan_vocab_ent *ents, size_t cap, const struct scan_vocab_ent *e)
{
	size_t i, mask = cap - 1;

	for (i = (size_t)e->hash & mask; ents[i].hash; i = (i + 1) & mask)
		;
	ents[i] = *e;
}

static void
vocab_grow(struct scan_vocab *v)
{
	size_t cap = v->cap ? v->cap * 2 : 1024, i;
	struct scan_vocab_ent *ents = xcalloc(cap, sizeof(*ents));

	for (i = 0; i < v->cap; i++)
		if (v->ents[i].hash)
			vocab_place(ents, cap, &v->ents[i]);
	free(v->ents);
	v->ents = ents;
	v->cap = cap;
}

bool
scan_vocab_put(struct scan_vocab *v, char tag, const char *s, size_t n, uint32_t value,
	       uint32_t *out)
{
	struct scan_vocab_ent e;

	if (scan_vocab_get(v, tag, s, n, out))
		return false;
	if ((v->count + 1) * 2 > v->cap)
		vocab_grow(v);
	if (v->keys_len + n + 1 > v->keys_cap) {
		v->keys_cap = (v->keys_len + n + 1) * 2 + 4096;
		v->keys = xrealloc(v->keys, v->keys_cap);
	}
	e.hash = key_hash(tag, s, n);
	e.key_off = (uint32_t)v->keys_len;
	e.key_len = (uint32_t)(n + 1);
	e.value = value;
	v->keys[v->keys_len] = tag;
	memcpy(v->keys + v->keys_len + 1, s, n);
	v->keys_len += n + 1;
	vocab_place(v->ents, v->cap, &e);
	v->count++;
	*out = value;
	return true;
}

void
scan_vocab_release(struct scan_vocab *v)
{
	free(v->ents);
	free(v->keys);
	memset(v, 0, sizeof(*v));
}
