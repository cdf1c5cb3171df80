/*
 * rendered.c - rendered answers of the public figures (the transparency
 * page of src/web/, its JSON twin in src/api/), kept while the figures
 * they were made from are the current ones (stats.h, stats_rendered_get).
 * It lives below both adapters so that neither depends on the other.
 *
 * Invariants: every slot is guarded by the one mutex; a slot holds a
 * reference to its figures object, so that object's address cannot be
 * reused for other figures while the slot exists; bytes are copied in and
 * out, never shared.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/str.h"
#include "core/xalloc.h"
#include "stats/stats.h"

#define PAGE_SLOTS 8

struct page {
	json_t *fig; /* reference held: the identity of the figures */
	char variant[64];
	char *data;
	size_t len;
	uint64_t used;
};

static struct page pages[PAGE_SLOTS];
static uint64_t page_tick;
static pthread_mutex_t page_lock = PTHREAD_MUTEX_INITIALIZER;

bool
stats_rendered_get(json_t *fig, const char *variant, struct buf *out)
{
	bool hit = false;
	size_t i;

	pthread_mutex_lock(&page_lock);
	for (i = 0; i < PAGE_SLOTS; i++)
		if (pages[i].fig == fig && strcmp(pages[i].variant, variant) == 0) {
			buf_add(out, pages[i].data, pages[i].len);
			pages[i].used = ++page_tick;
			hit = true;
			break;
		}
	pthread_mutex_unlock(&page_lock);
	return hit;
}

void
stats_rendered_put(json_t *fig, const char *variant, const char *data, size_t len)
{
	struct page *slot = &pages[0], old;
	size_t i;

	pthread_mutex_lock(&page_lock);
	for (i = 0; i < PAGE_SLOTS; i++) {
		if (strcmp(pages[i].variant, variant) == 0) {
			slot = &pages[i]; /* the same page of older figures */
			break;
		}
		if (pages[i].used < slot->used)
			slot = &pages[i];
	}
	old = *slot;
	slot->fig = json_incref(fig);
	cstr_copy(slot->variant, sizeof(slot->variant), variant);
	slot->data = xmalloc(len + 1);
	memcpy(slot->data, data, len);
	slot->data[len] = '\0';
	slot->len = len;
	slot->used = ++page_tick;
	pthread_mutex_unlock(&page_lock);
	json_decref(old.fig);
	free(old.data);
}
