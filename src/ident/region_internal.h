/*
 * region_internal.h - private to src/ident/region*.c: the in-memory shape
 * of a region table.
 *
 * Invariants of a loaded table: recs is sorted by key (which is also the
 * order of the dotted code text and a depth-first walk of the tree, every
 * region right before its subtree); keys are unique; every region but a
 * province has its parent in the table; text is one allocation holding
 * the display names, then the folded names in record order (each
 * NUL-terminated, so one region's folded name ends right before the next
 * one's starts), then the attribution.
 */
#ifndef NETRA_IDENT_REGION_INTERNAL_H
#define NETRA_IDENT_REGION_INTERNAL_H

#include <stdint.h>

#include "ident/region.h"

#define REGION_NONE UINT32_MAX

struct region_rec {
	uint64_t key;      /* prov*10^8 + kab*10^6 + kec*10^4 + desa */
	uint32_t name;     /* offset of the display name in text */
	uint32_t fold;     /* offset of the folded name in text */
	uint32_t parent;   /* index of the parent, REGION_NONE for a province */
	uint32_t next;     /* index of the next sibling, REGION_NONE for the last */
	uint16_t fold_len; /* bytes of the folded name */
	uint8_t level;     /* 1..4 */
	uint8_t core;      /* bytes of the folded name before its core ("kabupaten ") */
};

struct region_table {
	struct region_rec *recs;
	size_t n;
	size_t count[5]; /* [0] all, [1..4] per level */
	char *text;
	const char *attribution;
	char source[256];
};

/* Width of one key unit at level 1-4: a subtree spans [key, key + span). */
static inline uint64_t
region_level_span(int level)
{
	static const uint64_t span[5] = {0, 100000000ull, 1000000ull, 10000ull, 1ull};

	return span[level];
}

/* Index of the region with this key, or REGION_NONE. */
uint32_t region_index_of(const struct region_table *t, uint64_t key);
/* First index after the subtree rooted at i. */
uint32_t region_subtree_end(const struct region_table *t, uint32_t i);
void region_fill(const struct region_table *t, uint32_t i, struct region *out);

#endif
