/*
 * region.c - region codes and lookups in a loaded table: parse and format
 * codes, find, parent chain, children, and the kabupaten/kota and
 * desa/kelurahan helpers (see region.h; loading is in region_load.c).
 *
 * Invariant relied on: the table is sorted by key and every region sits
 * right before its subtree (region_internal.h), so lookups are binary
 * searches and a region's first child, if any, is the next record.
 */
#include <string.h>

#include "ident/region_internal.h"

/* --- codes ----------------------------------------------------------------- */

static int
two_digits(const char *s)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	return (s[0] - '0') * 10 + (s[1] - '0');
}

int
region_code_parse(const char *s, size_t len, uint64_t *key, int *level)
{
	char digits[10];
	size_t nd = 0, i;
	int lv, part[4] = {0, 0, 0, 0};

	if (s == NULL)
		return -1;
	if (len == 2 || len == 5 || len == 8 || len == 13) {
		/* dotted: DD, DD.DD, DD.DD.DD, DD.DD.DD.DDDD */
		for (i = 0; i < len; i++) {
			if (i == 2 || i == 5 || i == 8) {
				if (s[i] != '.')
					return -1;
				continue;
			}
			if (s[i] < '0' || s[i] > '9')
				return -1;
			digits[nd++] = s[i];
		}
	} else if (len == 4 || len == 6 || len == 10) {
		for (i = 0; i < len; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			digits[nd++] = s[i];
		}
	} else {
		return -1;
	}
	lv = nd == 2 ? 1 : nd == 4 ? 2 : nd == 6 ? 3 : 4;
	part[0] = two_digits(digits);
	if (lv >= 2)
		part[1] = two_digits(digits + 2);
	if (lv >= 3)
		part[2] = two_digits(digits + 4);
	if (lv == 4)
		part[3] = two_digits(digits + 6) * 100 + two_digits(digits + 8);
	/* no part is ever 00 (or 0000): such a code would collide with its parent */
	for (i = 0; i < (size_t)lv; i++)
		if (part[i] <= 0)
			return -1;
	*key = (uint64_t)part[0] * 100000000ull + (uint64_t)part[1] * 1000000ull +
	       (uint64_t)part[2] * 10000ull + (uint64_t)part[3];
	*level = lv;
	return 0;
}

void
region_code_format(uint64_t key, int level, char out[REGION_CODE_MAX])
{
	unsigned prov = (unsigned)(key / 100000000ull % 100);
	unsigned kab = (unsigned)(key / 1000000ull % 100);
	unsigned kec = (unsigned)(key / 10000ull % 100);
	unsigned desa = (unsigned)(key % 10000ull);
	char *p = out;

	*p++ = (char)('0' + prov / 10);
	*p++ = (char)('0' + prov % 10);
	if (level >= 2) {
		*p++ = '.';
		*p++ = (char)('0' + kab / 10);
		*p++ = (char)('0' + kab % 10);
	}
	if (level >= 3) {
		*p++ = '.';
		*p++ = (char)('0' + kec / 10);
		*p++ = (char)('0' + kec % 10);
	}
	if (level >= 4) {
		*p++ = '.';
		*p++ = (char)('0' + desa / 1000);
		*p++ = (char)('0' + desa / 100 % 10);
		*p++ = (char)('0' + desa / 10 % 10);
		*p++ = (char)('0' + desa % 10);
	}
	*p = '\0';
}

/* --- the table ---------------------------------------------------------------- */

size_t
region_table_count(const struct region_table *t, int level)
{
	if (level < 0 || level > 4)
		return 0;
	return t->count[level];
}

const char *
region_table_attribution(const struct region_table *t)
{
	return t->attribution;
}

const char *
region_table_source(const struct region_table *t)
{
	return t->source;
}

/* --- lookups ---------------------------------------------------------------- */

uint32_t
region_index_of(const struct region_table *t, uint64_t key)
{
	size_t lo = 0, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->recs[mid].key == key)
			return (uint32_t)mid;
		if (t->recs[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return REGION_NONE;
}

uint32_t
region_subtree_end(const struct region_table *t, uint32_t i)
{
	uint64_t end = t->recs[i].key + region_level_span(t->recs[i].level);
	size_t lo = i + 1, hi = t->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->recs[mid].key < end)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

void
region_fill(const struct region_table *t, uint32_t i, struct region *out)
{
	const struct region_rec *r = &t->recs[i];

	region_code_format(r->key, r->level, out->code);
	out->name = t->text + r->name;
	out->level = r->level;
	if (r->parent == REGION_NONE)
		out->parent[0] = '\0';
	else
		region_code_format(t->recs[r->parent].key, r->level - 1, out->parent);
}

static uint32_t
lookup(const struct region_table *t, const char *code)
{
	uint64_t key;
	int level;

	if (code == NULL || region_code_parse(code, strlen(code), &key, &level) < 0)
		return REGION_NONE;
	return region_index_of(t, key);
}

int
region_find(const struct region_table *t, const char *code, struct region *out)
{
	uint32_t i = lookup(t, code);

	if (i == REGION_NONE)
		return -1;
	region_fill(t, i, out);
	return 0;
}

size_t
region_parent_chain(const struct region_table *t, const char *code, struct region out[4])
{
	uint32_t i = lookup(t, code);
	size_t n = 0;

	while (i != REGION_NONE && n < 4) {
		region_fill(t, i, &out[n++]);
		i = t->recs[i].parent;
	}
	return n;
}

int
region_children(const struct region_table *t, const char *code, struct region *out, size_t max,
		size_t *total)
{
	uint32_t i, c;
	size_t n = 0;

	*total = 0;
	if (code == NULL || code[0] == '\0') {
		c = t->n > 0 ? 0 : REGION_NONE;
	} else {
		i = lookup(t, code);
		if (i == REGION_NONE)
			return -1;
		c = i + 1 < t->n && t->recs[i + 1].parent == i ? i + 1 : REGION_NONE;
	}
	for (; c != REGION_NONE; c = t->recs[c].next) {
		if (n < max)
			region_fill(t, c, &out[n]);
		n++;
	}
	*total = n;
	return 0;
}

/* --- helpers over codes ------------------------------------------------------ */

static int
code_part(const char *code, int level, int *lv_out)
{
	uint64_t key;
	int lv;

	if (code == NULL || region_code_parse(code, strlen(code), &key, &lv) < 0 || lv < level)
		return -1;
	*lv_out = lv;
	if (level == 2)
		return (int)(key / 1000000ull % 100);
	return (int)(key % 10000ull);
}

bool
region_is_kabupaten(const char *code)
{
	int lv, k = code_part(code, 2, &lv);

	return k >= 1 && k <= 69;
}

bool
region_is_kota(const char *code)
{
	int lv, k = code_part(code, 2, &lv);

	return k >= 71 && k <= 99;
}

bool
region_is_kelurahan(const char *code)
{
	int lv, d = code_part(code, 4, &lv);

	return d >= 1000 && d <= 1999;
}

bool
region_is_desa(const char *code)
{
	int lv, d = code_part(code, 4, &lv);

	return d >= 2000 && d <= 2999;
}

const char *
region_kind_name(const struct region *r)
{
	switch (r->level) {
	case REGION_PROVINSI: return "provinsi";
	case REGION_KABKOTA:
		return region_is_kabupaten(r->code) ? "kabupaten"
		       : region_is_kota(r->code)    ? "kota"
						    : "kabupaten/kota";
	case REGION_KECAMATAN: return "kecamatan";
	case REGION_DESA:
		return region_is_kelurahan(r->code) ? "kelurahan"
		       : region_is_desa(r->code)    ? "desa"
						    : "desa/kelurahan";
	default: return "wilayah";
	}
}

const char *
region_match_name(enum region_match m)
{
	switch (m) {
	case REGION_MATCH_EXACT: return "exact";
	case REGION_MATCH_PREFIX: return "prefix";
	case REGION_MATCH_WORD_PREFIX: return "word_prefix";
	case REGION_MATCH_SUBSTRING: return "substring";
	case REGION_MATCH_CODE: return "code";
	case REGION_MATCH_ALL: return "all";
	}
	return "unknown";
}
