/*
 * region.h - the Kemendagri region table (provinsi, kabupaten/kota,
 * kecamatan, desa/kelurahan): lookup by code, parent chain, children for
 * dropdowns, and search by name or code prefix.
 *
 * Data: "regions/wilayah.csv" (columns kode,nama,level; dotted codes such
 * as 64.08.01.2001) and "regions/attribution.txt", read from the embedded
 * assets "data/regions/..." or, when dir is non-empty, from DIR/regions/.
 *
 * Codes have fixed-width parts: province 2 digits, kab/kota 2, kecamatan 2,
 * desa/kelurahan 4.  Kab/kota 01-69 are kabupaten and 71-99 kota; desa
 * codes start with 2 and kelurahan codes with 1 (Permendagri 137/2017).
 *
 * Ownership: the table owns every name; a struct region and a
 * struct region_hit point into it and stay valid until region_table_free().
 * A loaded table is read-only, so any number of threads may query it.
 *
 * Limits: the CSV is at most REGION_FILE_MAX bytes and REGION_ROWS_MAX
 * rows; a name is at most REGION_NAME_MAX bytes of valid UTF-8; a query is
 * at most REGION_QUERY_MAX bytes; a search returns at most
 * REGION_LIMIT_MAX hits.
 */
#ifndef NETRA_IDENT_REGION_H
#define NETRA_IDENT_REGION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define REGION_CODE_MAX      14 /* "64.08.01.2001" + NUL */
#define REGION_NAME_MAX      255
#define REGION_ROWS_MAX      250000
#define REGION_FILE_MAX      (32u << 20)
#define REGION_QUERY_MAX     200
#define REGION_LIMIT_MAX     200
#define REGION_LIMIT_DEFAULT 20

enum region_level {
	REGION_PROVINSI = 1,
	REGION_KABKOTA = 2,
	REGION_KECAMATAN = 3,
	REGION_DESA = 4, /* desa or kelurahan */
};

/* How a search hit matched, best first. */
enum region_match {
	REGION_MATCH_EXACT = 0,   /* the whole name, or the name without "Kabupaten"/"Kota" */
	REGION_MATCH_PREFIX,      /* the name starts with the query */
	REGION_MATCH_WORD_PREFIX, /* every query word starts a word of the name */
	REGION_MATCH_SUBSTRING,   /* the query occurs inside the name */
	REGION_MATCH_CODE,        /* the code starts with the query ("64.08") */
	REGION_MATCH_ALL,         /* empty query: every region that passes the filters */
};

struct region_table;

struct region {
	char code[REGION_CODE_MAX];   /* dotted: "64.08" */
	const char *name;             /* as in the data: "Kabupaten Kutai Timur" */
	int level;                    /* enum region_level */
	char parent[REGION_CODE_MAX]; /* "" for a province */
};

struct region_hit {
	struct region region;
	enum region_match match;
};

/* Load from the embedded assets (dir NULL or "") or from DIR/regions/. */
int region_table_load(struct region_table **out, const char *dir, struct errbuf *eb);
/*
 * Parse CSV bytes (need not be NUL-terminated).  source names the input in
 * error messages.  attribution may be NULL.  On error *out is NULL and eb
 * says which row is wrong, in Indonesian.
 */
int region_table_parse(struct region_table **out, const char *csv, size_t len,
		       const char *attribution, const char *source, struct errbuf *eb);
void region_table_free(struct region_table *t);

/* Number of regions at level (1-4), or of all regions for level 0. */
size_t region_table_count(const struct region_table *t, int level);
/* Where the data came from and whose it is (for display); never NULL. */
const char *region_table_attribution(const struct region_table *t);
const char *region_table_source(const struct region_table *t);

/*
 * Codes: dotted ("64.08.01.2001") or plain digits of length 2, 4, 6 or 10
 * ("6408012001").  region_code_parse() is pure and strict: 0 and the
 * numeric key and level, or -1.
 */
int region_code_parse(const char *s, size_t len, uint64_t *key, int *level);
void region_code_format(uint64_t key, int level, char out[REGION_CODE_MAX]);

/* Exact lookup; 0 when found, -1 when the code is malformed or unknown. */
int region_find(const struct region_table *t, const char *code, struct region *out);
/*
 * The region and its ancestors, nearest first: desa, kecamatan, kab/kota,
 * provinsi.  Returns how many were written (0 when code is unknown).
 */
size_t region_parent_chain(const struct region_table *t, const char *code, struct region out[4]);
/*
 * Direct children in code order (code NULL or "" = the provinces).  Writes
 * up to max of them and sets *total to how many there are; -1 when code is
 * malformed or unknown.
 */
int region_children(const struct region_table *t, const char *code, struct region *out, size_t max,
		    size_t *total);

/*
 * Search by name (case- and accent-insensitive; punctuation separates
 * words) or, when the query is digits and dots only, by code prefix.
 * level 0 = any; parent NULL/"" = anywhere, else only regions inside it.
 * limit 1..REGION_LIMIT_MAX; hits must hold limit entries.  Results are
 * ranked by match (enum region_match), then higher levels first, then code.
 * *nhits gets the number written, *total (may be NULL) the number of
 * matches.  Returns -1 with eb set for a bad query, level, limit or parent.
 */
int region_search(const struct region_table *t, const char *query, int level, const char *parent,
		  size_t limit, struct region_hit *hits, size_t *nhits, size_t *total,
		  struct errbuf *eb);

/*
 * Fold text for matching: ASCII lower case, Latin letters with diacritics
 * to their base letters, apostrophes dropped, any other punctuation or
 * space run to one space, no leading or trailing space.  Never longer than
 * the input; out must hold len + 1 bytes.  Returns the folded length.
 */
size_t region_fold(const char *s, size_t len, char *out);

/* Helpers over a code's own digits (pure, no table). */
bool region_is_kabupaten(const char *code); /* kab/kota part 01-69 */
bool region_is_kota(const char *code);      /* kab/kota part 71-99 */
bool region_is_kelurahan(const char *code); /* desa part 1xxx */
bool region_is_desa(const char *code);      /* desa part 2xxx */
/* "provinsi", "kabupaten", "kota", "kecamatan", "desa", "kelurahan", or
 * "desa/kelurahan" for level-4 codes outside 1xxx/2xxx. */
const char *region_kind_name(const struct region *r);
const char *region_match_name(enum region_match m);

#endif
