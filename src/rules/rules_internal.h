/*
 * rules_internal.h - what the files of src/rules share and nobody else
 * sees: the catalog layout and the JSON position locator used to put a line
 * number on semantic errors in the data files.
 *
 * Invariant: after rules_catalog_load*() returns, the catalog is immutable;
 * every pointer in it points into cat->arena, cat->lx or static storage.
 */
#ifndef NETRA_RULES_RULES_INTERNAL_H
#define NETRA_RULES_RULES_INTERNAL_H

#include "rules/rules.h"
#include "rules/text.h"

struct rules_flag {
	const char *id;
	const char *note;
};

struct rules_catalog {
	struct arena arena;
	struct text_lexicon *lx;
	const char *title;
	const char *version;
	const char *coverage_note;
	struct rules_period coverage;
	double min_score;
	double relative_cutoff;
	double modifier_weight; /* score of a required modifier given in the facts */
	const char *level_titles[RULES_LEVEL_PTDH + 1];
	struct rules_flag *flags;
	size_t nflags;
	struct rules_item *items;
	size_t nitems;
	struct rules_status *statuses;
	size_t nstatuses;
	struct rules_route *routes;
	size_t nroutes;
	struct rules_form_set *form_sets;
	size_t nform_sets;
	struct rules_reading *readings;
	size_t nreadings;
	struct rules_modifier *modifiers;
	size_t nmodifiers;
};

/* --- JSON position locator (jpos.c) ---------------------------------------- */

#define JPOS_MAX_DEPTH 12

struct jpos_step {
	const char *key; /* object member, or NULL for an array index */
	size_t index;
};

/*
 * Byte offset in text (valid JSON) of the element the path names: for a
 * member, the start of its key; for an array element, its first byte.
 * When a step cannot be followed, the offset of the deepest container
 * reached.  Pure; never reads past len.
 */
size_t jpos_locate(const char *text, size_t len, const struct jpos_step *path, size_t depth);
/* 1-based line of byte offset off. */
int jpos_line(const char *text, size_t len, size_t off);

/* --- shared helpers ------------------------------------------------------------- */

/* Resolve a switch with the options (the reading's default when unset). */
int rules_switch_value(const struct rules_switch *sw, const struct rules_options *opt);
/* Whether the value of sw depends on a reading, and the value it used. */
const char *rules_switch_reading_value(const struct rules_switch *sw,
				       const struct rules_options *opt);
/* Internal lookups (catalog.c). */
const struct rules_reading *rules_reading_find(const struct rules_catalog *cat, const char *id);
const struct rules_status *rules_status_find_id(const struct rules_catalog *cat, const char *id);
bool rules_flag_known(const struct rules_catalog *cat, const char *flag);
/* The sanction or referral route for status st at date d, or NULL. */
const struct rules_route *rules_route_at(const struct rules_catalog *cat,
					 const struct rules_status *st, struct date d);
/* Explanation of a result (explain.c). */
const char *rules_explain(const struct rules_catalog *cat, const struct rules_facts *f,
			  const struct rules_result *r, struct arena *a);
/* Indonesian date "10 Januari 2024". */
void rules_date_text(struct date d, char *out, size_t outsz);

#endif
