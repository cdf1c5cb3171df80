/*
 * fuzz_regions.c - the knowledge loaders of src/ident over arbitrary
 * bytes: the region CSV (region_table_parse, through libcsv) and the
 * identifier limits INI (ident_limits_parse).
 *
 * When a table loads, its invariants are checked: per-level counts add
 * up, every region is found by its own code, its parent chain climbs one
 * level at a time, and the children of the root are provinces.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ident/ident.h"
#include "ident/region.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_region(const struct region_table *t, const struct region *r)
{
	struct region again, chain[4];
	size_t n, i;

	if (region_find(t, r->code, &again) < 0 || strcmp(again.name, r->name) != 0)
		abort();
	n = region_parent_chain(t, r->code, chain);
	if (n != (size_t)r->level)
		abort();
	for (i = 0; i < n; i++)
		if (chain[i].level != r->level - (int)i)
			abort();
}

static void
check_table(const struct region_table *t)
{
	struct region kids[16];
	struct region_hit hits[16];
	struct errbuf eb;
	size_t n, total, i;

	if (region_table_count(t, 0) != region_table_count(t, 1) + region_table_count(t, 2) +
						region_table_count(t, 3) + region_table_count(t, 4))
		abort();
	if (region_children(t, NULL, kids, 16, &n) < 0 || n != region_table_count(t, 1))
		abort();
	for (i = 0; i < n && i < 16; i++) {
		if (kids[i].level != 1)
			abort();
		check_region(t, &kids[i]);
	}
	if (region_search(t, "", 0, NULL, 16, hits, &n, &total, &eb) < 0 ||
	    total != region_table_count(t, 0))
		abort();
	for (i = 0; i < n; i++)
		check_region(t, &hits[i].region);
	(void)region_search(t, "a", 0, NULL, 16, hits, &n, &total, &eb);
	(void)region_search(t, "1", 0, NULL, 16, hits, &n, &total, &eb);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct region_table *t = NULL;
	struct ident_limits lim;
	struct errbuf eb;

	if (region_table_parse(&t, (const char *)data, size, "fuzz", "fuzz.csv", &eb) == 0) {
		check_table(t);
		region_table_free(t);
	} else if (t != NULL) {
		abort();
	}
	(void)ident_limits_parse(&lim, (const char *)data, size, "fuzz.ini", &eb);
	return 0;
}
