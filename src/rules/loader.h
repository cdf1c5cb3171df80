/*
 * loader.h - shared by the files that load the rule catalog (loader.c,
 * load_sections.c, load_items.c, catalog_load.c): the loader state, the
 * validation context that knows where in which file it is, and the typed
 * field readers that report "FILE:LINE: what is wrong".
 *
 * Invariant: every reader either stores a value copied into the catalog
 * arena and returns 0, or reports through verr() and returns -1; in lint
 * mode the caller continues with the next element after a -1.
 */
#ifndef NETRA_RULES_LOADER_H
#define NETRA_RULES_LOADER_H

#include "rules/rules_internal.h"

#define MAX_ID    32
#define MAX_SHORT 256
#define MAX_TEXT  4096
#define MAX_LIST  256

struct lfile {
	char *name;
	char *owned; /* text read from disk, or NULL for embedded/in-memory */
	const char *text;
	size_t len;
	json_t *root;
};

struct loader {
	struct rules_catalog *cat;
	struct errbuf *eb;
	void (*report)(void *arg, bool warning, const char *msg);
	void *arg;
	bool lint;
	int nerr;
	struct text_stemmer *st;
	struct lfile files[RULES_MAX_FILES];
	size_t nfiles;
	bool have_meta;
};

/* Where the validator is: file and JSON path (for the line number). */
struct vctx {
	struct loader *ld;
	const struct lfile *f;
	struct jpos_step path[JPOS_MAX_DEPTH];
	size_t depth;
};

/* loader.c: errors and typed fields */
int verr(struct vctx *v, const char *fmt, ...) ATTR_PRINTF(2, 3);
int verr_at(struct vctx *v, const char *key, const char *fmt, ...) ATTR_PRINTF(3, 4);
void push_key(struct vctx *v, const char *key);
void push_index(struct vctx *v, size_t i);
void pop(struct vctx *v);
int check_fields(struct vctx *v, json_t *obj, const char *const *allowed, const char *what);
int get_str(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
	    const char **out, const char *what);
int get_str_list(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
		 const char ***out, size_t *n, const char *what);
int get_bool(struct vctx *v, json_t *obj, const char *key, bool *out, const char *what);
int get_number(struct vctx *v, json_t *obj, const char *key, double lo, double hi, double *out,
	       const char *what);
int get_date(struct vctx *v, json_t *obj, const char *key, struct date *out, bool *has,
	     const char *what);
int get_period(struct vctx *v, json_t *obj, struct rules_period *p, const char *what);
bool id_ok(const char *s);
int load_basis(struct vctx *v, json_t *o, struct rules_basis *b, const char *what);

/* load_sections.c: one element or object of each section */
int load_meta(struct vctx *v, json_t *m);
int load_lexicon(struct vctx *v, json_t *lx);
int load_modifier(struct vctx *v, json_t *o);
int load_reading(struct vctx *v, json_t *o);
int load_levels(struct vctx *v, json_t *o);
int load_form_flags(struct vctx *v, json_t *o);
int load_form_set(struct vctx *v, json_t *o);
int load_status(struct vctx *v, json_t *o);
int load_route(struct vctx *v, json_t *o);

/* load_items.c */
int load_item(struct vctx *v, json_t *o);
/* Second pass: resolve "implements" and "see_also" across files. */
int resolve_implements(struct vctx *v, json_t *o);

#endif
