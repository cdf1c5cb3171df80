/*
 * flash.c - a small ring of recent POST results (see flash.h).
 *
 * Invariants: slots[] holds at most max entries in insertion order as a
 * ring (next is the slot written next, which is also the oldest once the
 * ring is full); an empty slot has text == NULL.  Ids are 16 random bytes
 * from libsodium, so one user cannot guess another's, and the user id is
 * checked as well.
 */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "web/flash.h"

struct flash_slot {
	char id[WEB_FLASH_ID_LEN];
	int64_t user_id;
	int64_t at;
	char *text; /* the value as JSON */
};

struct web_flash {
	pthread_mutex_t lock;
	struct flash_slot *slots;
	size_t max, next;
};

struct web_flash *
web_flash_new(size_t max)
{
	struct web_flash *f = xcalloc(1, sizeof(*f));

	if (sodium_init() < 0)
		abort(); /* no secure randomness: nothing else would work either */
	pthread_mutex_init(&f->lock, NULL);
	f->max = max ? max : 1;
	f->slots = xcalloc(f->max, sizeof(*f->slots));
	return f;
}

void
web_flash_free(struct web_flash *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->max; i++)
		free(f->slots[i].text);
	free(f->slots);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

int
web_flash_put(struct web_flash *f, int64_t user_id, json_t *v, int64_t now,
	      char id[WEB_FLASH_ID_LEN])
{
	unsigned char raw[(WEB_FLASH_ID_LEN - 1) / 2];
	char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	struct flash_slot *s;

	id[0] = '\0';
	if (text == NULL || strlen(text) > WEB_FLASH_MAX_TEXT) {
		free(text);
		return -1;
	}
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(id, WEB_FLASH_ID_LEN, raw, sizeof(raw));
	pthread_mutex_lock(&f->lock);
	s = &f->slots[f->next];
	free(s->text);
	memcpy(s->id, id, WEB_FLASH_ID_LEN);
	s->user_id = user_id;
	s->at = now;
	s->text = text;
	f->next = (f->next + 1) % f->max;
	pthread_mutex_unlock(&f->lock);
	return 0;
}

json_t *
web_flash_get(struct web_flash *f, int64_t user_id, const char *id, int64_t now)
{
	json_t *v = NULL;
	size_t i;

	if (f == NULL || id == NULL || strlen(id) != WEB_FLASH_ID_LEN - 1)
		return NULL;
	pthread_mutex_lock(&f->lock);
	for (i = 0; i < f->max; i++) {
		const struct flash_slot *s = &f->slots[i];

		if (s->text && s->user_id == user_id && strcmp(s->id, id) == 0 &&
		    now - s->at <= WEB_FLASH_TTL_S && now >= s->at) {
			v = json_loads(s->text, JSON_DECODE_ANY, NULL);
			break;
		}
	}
	pthread_mutex_unlock(&f->lock);
	return v;
}
