/*
 * i18n.c - message catalogs (see i18n.h).  Entries are kept sorted by key
 * for binary search; the text is copied once and sliced in place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/asset.h"
#include "core/buf.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "web/i18n.h"

struct i18n_entry {
	const char *key;
	const char *value;
};

struct i18n {
	char lang[8];
	char *text;
	struct i18n_entry *entries;
	size_t n;
};

static int
by_key(const void *a, const void *b)
{
	return strcmp(((const struct i18n_entry *)a)->key, ((const struct i18n_entry *)b)->key);
}

int
i18n_parse(const char *lang, const char *text, size_t len, struct i18n **out, struct errbuf *eb)
{
	struct i18n *c = xcalloc(1, sizeof(*c));
	size_t cap = 64, lineno = 0, i;
	char *p, *end;

	*out = NULL;
	cstr_copy(c->lang, sizeof(c->lang), lang);
	c->text = xstrndup(text, len);
	c->entries = xcalloc(cap, sizeof(*c->entries));
	p = c->text;
	end = c->text + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *line_end = nl ? nl : end, *eq;
		struct str key, value;

		lineno++;
		*line_end = '\0';
		key = str_trim(str_from(p));
		p = nl ? nl + 1 : end;
		if (key.len == 0 || key.ptr[0] == '#' || key.ptr[0] == ';')
			continue;
		eq = memchr(key.ptr, '=', key.len);
		if (eq == NULL) {
			errbuf_set(eb, ERR_INVALID_INPUT, "i18n/%s.ini:%zu: baris tanpa '='", lang,
				   lineno);
			goto fail;
		}
		value = str_trim(str_make(eq + 1, key.len - (size_t)(eq - key.ptr) - 1));
		key = str_trim(str_make(key.ptr, (size_t)(eq - key.ptr)));
		if (key.len == 0 || !utf8_valid(value.ptr, value.len)) {
			errbuf_set(eb, ERR_INVALID_INPUT,
				   "i18n/%s.ini:%zu: kunci kosong atau bukan UTF-8", lang, lineno);
			goto fail;
		}
		/* both slices point into c->text, which we own: terminate in place */
		c->text[(size_t)(key.ptr - c->text) + key.len] = '\0';
		c->text[(size_t)(value.ptr - c->text) + value.len] = '\0';
		if (c->n == cap) {
			cap *= 2;
			c->entries = xreallocarray(c->entries, cap, sizeof(*c->entries));
		}
		c->entries[c->n].key = key.ptr;
		c->entries[c->n].value = value.ptr;
		c->n++;
	}
	qsort(c->entries, c->n, sizeof(*c->entries), by_key);
	for (i = 1; i < c->n; i++)
		if (strcmp(c->entries[i - 1].key, c->entries[i].key) == 0) {
			errbuf_set(eb, ERR_INVALID_INPUT, "i18n/%s.ini: kunci ganda '%s'", lang,
				   c->entries[i].key);
			goto fail;
		}
	*out = c;
	return 0;
fail:
	i18n_free(c);
	return -1;
}

void
i18n_free(struct i18n *c)
{
	if (c == NULL)
		return;
	free(c->text);
	free(c->entries);
	free(c);
}

const char *
i18n_get(const struct i18n *c, const char *key)
{
	size_t lo = 0, hi;

	if (c == NULL)
		return key;
	hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(c->entries[mid].key, key);

		if (r == 0)
			return c->entries[mid].value;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return key;
}

const char *
i18n_lang(const struct i18n *c)
{
	return c->lang;
}

size_t
i18n_count(const struct i18n *c)
{
	return c->n;
}

const char *
i18n_key_at(const struct i18n *c, size_t i)
{
	return i < c->n ? c->entries[i].key : NULL;
}

int
i18n_load_embedded(const char *lang, struct i18n **out, struct errbuf *eb)
{
	char prefix[32];
	struct buf all = BUF_INIT;
	size_t i, plen, files = 0;
	int rc;

	/* "i18n/id.ini", "i18n/id.publik.ini", "i18n/id.kantor.ini", ...: one catalog */
	snprintf(prefix, sizeof(prefix), "i18n/%s.", lang);
	plen = strlen(prefix);
	for (i = asset_prefix_first(prefix);
	     i < asset_count && strncmp(asset_table[i].name, prefix, plen) == 0; i++) {
		buf_add(&all, asset_table[i].data, asset_table[i].len);
		buf_addch(&all, '\n');
		files++;
	}
	if (files == 0) {
		buf_release(&all);
		return errbuf_set(eb, ERR_NOT_FOUND, "katalog bahasa '%s' tidak ada", lang);
	}
	rc = i18n_parse(lang, buf_cstr(&all), all.len, out, eb);
	buf_release(&all);
	return rc;
}
