/*
 * asset.c - lookups in the embedded asset table (see asset.h).
 */
#include <stdio.h>
#include <string.h>

#include "asset.h"

const struct asset *
asset_find(const char *name)
{
	size_t lo = 0, hi = asset_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(asset_table[mid].name, name);

		if (c == 0)
			return &asset_table[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t
asset_prefix_first(const char *prefix)
{
	size_t lo = 0, hi = asset_count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(asset_table[mid].name, prefix) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The ETag is "\"<16 hex>\"": the fingerprint is what is inside the quotes. */
static size_t
fingerprint_of(const struct asset *a, const char **fp)
{
	size_t n = strlen(a->etag);

	if (n < 3 || a->etag[0] != '"' || a->etag[n - 1] != '"')
		return 0;
	*fp = a->etag + 1;
	return n - 2;
}

size_t
asset_static_url(const char *file, char *out, size_t outsz)
{
	char name[256];
	const struct asset *a = NULL;
	const char *fp = NULL;
	size_t fplen = 0;
	int n;

	if (snprintf(name, sizeof(name), "static/%s", file) < (int)sizeof(name))
		a = asset_find(name);
	if (a)
		fplen = fingerprint_of(a, &fp);
	if (fplen)
		n = snprintf(out, outsz, "/static/%s?v=%.*s", file, (int)fplen, fp);
	else
		n = snprintf(out, outsz, "/static/%s", file);
	if (n < 0)
		return 0;
	return (size_t)n < outsz ? (size_t)n : outsz - 1;
}

int
asset_fingerprint_is(const struct asset *a, const char *v)
{
	const char *fp = NULL;
	size_t fplen = fingerprint_of(a, &fp);

	return v != NULL && fplen > 0 && strlen(v) == fplen && memcmp(v, fp, fplen) == 0;
}
