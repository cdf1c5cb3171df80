/*
 * asset.c - lookups in the embedded asset table (see asset.h).
 */
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
