/*
 * fold.c - counting rows by key in memory (see stats_internal.h): an
 * open-addressing hash table of NUL-terminated keys with 64-bit counts.
 *
 * The store streams one row per case, track, item or deadline; folding
 * them here costs one hash lookup a row, where a GROUP BY would have had
 * SQLite sort a million rows first.  Keys are copied once, on first sight;
 * the table doubles at 50% load.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "stats/stats_internal.h"

void
fold_init(struct fold *f)
{
	memset(f, 0, sizeof(*f));
}

void
fold_release(struct fold *f)
{
	size_t i;

	for (i = 0; i < f->cap; i++)
		free(f->slots[i].key);
	free(f->slots);
	memset(f, 0, sizeof(*f));
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void
grow(struct fold *f)
{
	struct fold_slot *old = f->slots;
	size_t oldcap = f->cap, i;

	f->cap = oldcap ? oldcap * 2 : 256;
	f->slots = xcalloc(f->cap, sizeof(*f->slots));
	for (i = 0; i < oldcap; i++) {
		size_t j;

		if (old[i].key == NULL)
			continue;
		j = old[i].h & (f->cap - 1);
		while (f->slots[j].key)
			j = (j + 1) & (f->cap - 1);
		f->slots[j] = old[i];
	}
	free(old);
}

void
fold_add(struct fold *f, const char *key, int64_t n)
{
	size_t len = strlen(key), j;
	uint64_t h = hash(key, len);

	if ((f->n + 1) * 2 > f->cap)
		grow(f);
	j = h & (f->cap - 1);
	while (f->slots[j].key) {
		if (f->slots[j].h == h && strcmp(f->slots[j].key, key) == 0) {
			f->slots[j].n += n;
			return;
		}
		j = (j + 1) & (f->cap - 1);
	}
	f->slots[j].key = xstrdup(key);
	f->slots[j].h = h;
	f->slots[j].n = n;
	f->n++;
}

/* most first, then by key */
static int
by_count(const void *a, const void *b)
{
	const struct fold_slot *x = *(const struct fold_slot *const *)a;
	const struct fold_slot *y = *(const struct fold_slot *const *)b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
by_key(const void *a, const void *b)
{
	return strcmp((*(const struct fold_slot *const *)a)->key,
		      (*(const struct fold_slot *const *)b)->key);
}

const struct fold_slot **
fold_sorted(const struct fold *f, bool most_first)
{
	const struct fold_slot **v = xcalloc(f->n + 1, sizeof(const struct fold_slot *));
	size_t i, k = 0;

	for (i = 0; i < f->cap; i++)
		if (f->slots[i].key)
			v[k++] = &f->slots[i];
	qsort(v, k, sizeof(const struct fold_slot *), most_first ? by_count : by_key);
	return v;
}

size_t
fold_split(char *key, char **parts, size_t max)
{
	size_t n = 0;
	char *p = key;

	while (n < max) {
		char *sep = strchr(p, FOLD_SEP);

		parts[n++] = p;
		if (sep == NULL)
			break;
		*sep = '\0';
		p = sep + 1;
	}
	return n;
}
