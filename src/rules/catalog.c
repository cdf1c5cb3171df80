/*
 * catalog.c - load and validate the rule catalog (data/rules/NAME.json).
 *
 * Every file is parsed by jansson (syntax errors carry jansson's line);
 * then the sections of all files are read in a fixed order (meta, lexicon,
 * modifiers, readings, levels, form_flags, form_sets, statuses, routes,
 * items) so that later sections can refer to earlier ones.  Semantic errors
 * name the file and the line of the offending member, found by jpos_locate()
 * from the path the validator is at.  Unknown fields are errors: a misspelt
 * field silently ignored would be a legal reading silently changed.
 *
 * In lint mode the validator keeps going after an error and reports every
 * problem; otherwise it stops at the first.  All catalog memory comes from
 * cat->arena (plus the lexicon), so rules_catalog_free() is two calls.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/asset.h"
#include "core/config.h"
#include "core/str.h"
#include "core/xalloc.h"
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
	const char **impl_names; /* parallel to cat->items: "implements" ids */
	size_t *impl_counts;
	json_t **impl_json;
};

struct vctx {
	struct loader *ld;
	const struct lfile *f;
	struct jpos_step path[JPOS_MAX_DEPTH];
	size_t depth;
};

/* --- errors with file:line ------------------------------------------------- */

static int ATTR_PRINTF(2, 3)
verr(struct vctx *v, const char *fmt, ...)
{
	char msg[512], full[640];
	va_list ap;
	int line = 1;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (v->f && v->f->text) {
		size_t depth = MIN(v->depth, (size_t)JPOS_MAX_DEPTH);

		line = jpos_line(v->f->text, v->f->len,
				 jpos_locate(v->f->text, v->f->len, v->path, depth));
	}
	snprintf(full, sizeof(full), "%s:%d: %s", v->f ? v->f->name : "katalog", line, msg);
	if (v->ld->nerr++ == 0)
		errbuf_set(v->ld->eb, ERR_INVALID_INPUT, "%s", full);
	if (v->ld->report)
		v->ld->report(v->ld->arg, false, full);
	return -1;
}

static void
push_key(struct vctx *v, const char *key)
{
	if (v->depth < JPOS_MAX_DEPTH) {
		v->path[v->depth].key = key;
		v->path[v->depth].index = 0;
	}
	v->depth++;
}

static void
push_index(struct vctx *v, size_t i)
{
	if (v->depth < JPOS_MAX_DEPTH) {
		v->path[v->depth].key = NULL;
		v->path[v->depth].index = i;
	}
	v->depth++;
}

static void
pop(struct vctx *v)
{
	v->depth--;
}

/* An error about member key of the current object. */
static int ATTR_PRINTF(3, 4)
verr_at(struct vctx *v, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	push_key(v, key);
	verr(v, "%s", msg);
	pop(v);
	return -1;
}

/* --- typed field access ----------------------------------------------------- */

static int
check_fields(struct vctx *v, json_t *obj, const char *const *allowed, const char *what)
{
	const char *key;
	json_t *val;
	int rc = 0;

	if (!json_is_object(obj))
		return verr(v, "%s harus berupa objek JSON", what);
	json_object_foreach(obj, key, val)
	{
		size_t i;
		bool ok = false;

		(void)val;
		for (i = 0; allowed[i]; i++)
			if (strcmp(allowed[i], key) == 0)
				ok = true;
		if (!ok) {
			rc = verr_at(v, key, "%s: kolom '%s' tidak dikenal", what, key);
			if (!v->ld->lint)
				break;
		}
	}
	return rc;
}

static int
get_str(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
	const char **out, const char *what)
{
	json_t *val = json_object_get(obj, key);
	size_t n;

	*out = NULL;
	if (val == NULL) {
		if (required)
			return verr(v, "%s: kolom '%s' wajib ada", what, key);
		return 0;
	}
	if (!json_is_string(val))
		return verr_at(v, key, "%s: kolom '%s' harus berupa teks", what, key);
	n = json_string_length(val);
	if (n == 0 && required)
		return verr_at(v, key, "%s: kolom '%s' tidak boleh kosong", what, key);
	if (n > maxlen)
		return verr_at(v, key, "%s: kolom '%s' terlalu panjang (%zu bait, paling banyak %zu)",
			       what, key, n, maxlen);
	*out = arena_strndup(&v->ld->cat->arena, json_string_value(val), n);
	return 0;
}

static int
get_str_list(struct vctx *v, json_t *obj, const char *key, bool required, size_t maxlen,
	     const char ***out, size_t *n, const char *what)
{
	json_t *arr = json_object_get(obj, key), *el;
	size_t i;

	*out = NULL;
	*n = 0;
	if (arr == NULL) {
		if (required)
			return verr(v, "%s: kolom '%s' wajib ada", what, key);
		return 0;
	}
	if (!json_is_array(arr))
		return verr_at(v, key, "%s: kolom '%s' harus berupa daftar teks", what, key);
	if (json_array_size(arr) > MAX_LIST)
		return verr_at(v, key, "%s: daftar '%s' terlalu panjang (paling banyak %d)", what,
			       key, MAX_LIST);
	*out = arena_array(&v->ld->cat->arena, json_array_size(arr) + 1, sizeof(**out));
	json_array_foreach(arr, i, el)
	{
		if (!json_is_string(el) || json_string_length(el) == 0 ||
		    json_string_length(el) > maxlen) {
			push_key(v, key);
			push_index(v, i);
			verr(v, "%s: '%s' butir ke-%zu harus teks tidak kosong (paling panjang %zu)",
			     what, key, i + 1, maxlen);
			pop(v);
			pop(v);
			return -1;
		}
		(*out)[(*n)++] = arena_strndup(&v->ld->cat->arena, json_string_value(el),
					       json_string_length(el));
	}
	return 0;
}

static int
get_bool(struct vctx *v, json_t *obj, const char *key, bool *out, const char *what)
{
	json_t *val = json_object_get(obj, key);

	if (val == NULL)
		return 0;
	if (!json_is_boolean(val))
		return verr_at(v, key, "%s: kolom '%s' harus true atau false", what, key);
	*out = json_is_true(val);
	return 0;
}

static int
get_number(struct vctx *v, json_t *obj, const char *key, double lo, double hi, double *out,
	   const char *what)
{
	json_t *val = json_object_get(obj, key);
	double d;

	if (val == NULL)
		return 0;
	if (!json_is_number(val))
		return verr_at(v, key, "%s: kolom '%s' harus berupa angka", what, key);
	d = json_number_value(val);
	if (!(d >= lo && d <= hi))
		return verr_at(v, key, "%s: kolom '%s' harus antara %g dan %g", what, key, lo, hi);
	*out = d;
	return 0;
}

static int
get_date(struct vctx *v, json_t *obj, const char *key, struct date *out, bool *has,
	 const char *what)
{
	json_t *val = json_object_get(obj, key);

	*has = false;
	if (val == NULL)
		return 0;
	if (!json_is_string(val) || date_parse(str_make(json_string_value(val),
							json_string_length(val)),
					       out) < 0)
		return verr_at(v, key, "%s: kolom '%s' harus tanggal YYYY-MM-DD yang sah", what,
			       key);
	*has = true;
	return 0;
}

static int
get_period(struct vctx *v, json_t *obj, struct rules_period *p, const char *what)
{
	memset(p, 0, sizeof(*p));
	if (get_date(v, obj, "effective_from", &p->from, &p->has_from, what) < 0 ||
	    get_date(v, obj, "effective_to", &p->to, &p->has_to, what) < 0)
		return -1;
	if (p->has_from && p->has_to && date_cmp(p->from, p->to) > 0)
		return verr_at(v, "effective_to", "%s: effective_to lebih awal dari effective_from",
			       what);
	return 0;
}

static bool
id_ok(const char *s)
{
	size_t i;

	if (s == NULL || s[0] == '\0' || strlen(s) >= MAX_ID)
		return false;
	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

/* --- small lookups ----------------------------------------------------------- */

static const char *const level_names[] = {NULL, "moral", "ringan", "sedang", "berat", "ptdh"};

const char *
rules_level_name(enum rules_level lv)
{
	return lv > RULES_LEVEL_NONE && lv <= RULES_LEVEL_PTDH ? level_names[lv] : NULL;
}

int
rules_level_parse(const char *s, enum rules_level *out)
{
	int i;

	for (i = RULES_LEVEL_MORAL; i <= RULES_LEVEL_PTDH; i++) {
		if (s && strcasecmp(s, level_names[i]) == 0) {
			*out = (enum rules_level)i;
			return 0;
		}
	}
	return -1;
}

const char *
rules_family_name(enum rules_family f)
{
	switch (f) {
	case RULES_FAMILY_KE: return "KE";
	case RULES_FAMILY_D: return "D";
	case RULES_FAMILY_PP94: return "PP94";
	case RULES_FAMILY_BOLEH: return "boleh";
	}
	return "?";
}

const char *
rules_verdict_name(enum rules_verdict v)
{
	switch (v) {
	case RULES_VERDICT_PELANGGARAN: return "pelanggaran";
	case RULES_VERDICT_BOLEH: return "boleh";
	case RULES_VERDICT_BUKAN_ASN: return "bukan_asn";
	case RULES_VERDICT_TIDAK_CUKUP: return "tidak_cukup_informasi";
	}
	return "?";
}

const char *
rules_status_kind_name(enum rules_status_kind k)
{
	switch (k) {
	case RULES_STATUS_ASN: return "asn";
	case RULES_STATUS_NOT_ASN: return "not_asn";
	case RULES_STATUS_UNKNOWN: return "unknown";
	}
	return "?";
}

bool
rules_period_contains(const struct rules_period *p, struct date d)
{
	if (p->has_from && date_cmp(d, p->from) < 0)
		return false;
	if (p->has_to && date_cmp(d, p->to) > 0)
		return false;
	return true;
}

static const struct rules_reading *
find_reading(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nreadings; i++)
		if (strcmp(cat->readings[i].id, id) == 0)
			return &cat->readings[i];
	return NULL;
}

static const struct rules_status *
find_status_id(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	for (i = 0; i < cat->nstatuses; i++)
		if (strcmp(cat->statuses[i].id, id) == 0)
			return &cat->statuses[i];
	return NULL;
}

static bool
flag_known(const struct rules_catalog *cat, const char *flag)
{
	size_t i;

	for (i = 0; i < cat->nflags; i++)
		if (strcmp(cat->flags[i].id, flag) == 0)
			return true;
	return false;
}

/* --- sections ------------------------------------------------------------------- */

static int
load_meta(struct vctx *v, json_t *m)
{
	static const char *const fields[] = {"title", "version", "coverage_from", "coverage_to",
					     "coverage_note", "min_score", "relative_cutoff",
					     "max_gap", "sources", NULL};
	struct rules_catalog *cat = v->ld->cat;
	const char **src;
	size_t nsrc;
	double gap = 2;
	int rc = 0;

	if (v->ld->have_meta)
		return verr(v, "bagian 'meta' sudah ada di berkas lain; harus tepat satu");
	v->ld->have_meta = true;
	cat->min_score = 4;
	cat->relative_cutoff = 0.5;
	if (check_fields(v, m, fields, "meta") < 0)
		rc = -1;
	if (get_str(v, m, "title", true, MAX_SHORT, &cat->title, "meta") < 0 ||
	    get_str(v, m, "version", true, MAX_ID, &cat->version, "meta") < 0 ||
	    get_str(v, m, "coverage_note", false, MAX_TEXT, &cat->coverage_note, "meta") < 0 ||
	    get_date(v, m, "coverage_from", &cat->coverage.from, &cat->coverage.has_from,
		     "meta") < 0 ||
	    get_date(v, m, "coverage_to", &cat->coverage.to, &cat->coverage.has_to, "meta") < 0 ||
	    get_number(v, m, "min_score", 0.1, 1000, &cat->min_score, "meta") < 0 ||
	    get_number(v, m, "relative_cutoff", 0, 1, &cat->relative_cutoff, "meta") < 0 ||
	    get_number(v, m, "max_gap", 0, 10, &gap, "meta") < 0 ||
	    get_str_list(v, m, "sources", false, MAX_TEXT, &src, &nsrc, "meta") < 0)
		return -1;
	if (!cat->coverage.has_from || !cat->coverage.has_to)
		return verr(v, "meta: coverage_from dan coverage_to wajib ada");
	if (date_cmp(cat->coverage.from, cat->coverage.to) > 0)
		return verr_at(v, "coverage_to", "meta: coverage_to lebih awal dari coverage_from");
	text_lexicon_set_max_gap(cat->lx, (unsigned)gap);
	return rc;
}

static int
lex_map(struct vctx *v, json_t *obj, const char *key,
	int (*add)(struct text_lexicon *, const char *, const char *, struct errbuf *))
{
	json_t *m = json_object_get(obj, key), *val;
	const char *k;
	int rc = 0;

	if (m == NULL)
		return 0;
	if (!json_is_object(m))
		return verr_at(v, key, "lexicon: '%s' harus objek kata -> pengganti", key);
	push_key(v, key);
	json_object_foreach(m, k, val)
	{
		struct errbuf eb;

		if (!json_is_string(val) || json_string_length(val) > MAX_SHORT) {
			rc = verr_at(v, k, "lexicon.%s: nilai untuk '%s' harus teks pendek", key, k);
		} else if (add(v->ld->cat->lx, k, json_string_value(val), &eb) < 0) {
			rc = verr_at(v, k, "lexicon.%s: %s", key, eb.msg);
		}
		if (rc < 0 && !v->ld->lint)
			break;
	}
	pop(v);
	return rc;
}

static int
lex_list(struct vctx *v, json_t *obj, const char *key,
	 int (*add)(struct text_lexicon *, const char *, struct errbuf *))
{
	const char **words;
	size_t n, i;
	int rc = 0;

	if (get_str_list(v, obj, key, false, MAX_SHORT, &words, &n, "lexicon") < 0)
		return -1;
	for (i = 0; i < n; i++) {
		struct errbuf eb;

		if (add(v->ld->cat->lx, words[i], &eb) < 0) {
			push_key(v, key);
			push_index(v, i);
			rc = verr(v, "lexicon.%s: %s", key, eb.msg);
			pop(v);
			pop(v);
			if (!v->ld->lint)
				break;
		}
	}
	return rc;
}

static int
load_lexicon(struct vctx *v, json_t *lx)
{
	static const char *const fields[] = {"abbreviations", "stopwords", "stems", "negators",
					     NULL};

	if (check_fields(v, lx, fields, "lexicon") < 0 && !v->ld->lint)
		return -1;
	if (lex_map(v, lx, "abbreviations", text_lexicon_add_abbrev) < 0 ||
	    lex_map(v, lx, "stems", text_lexicon_add_stem) < 0 ||
	    lex_list(v, lx, "stopwords", text_lexicon_add_stopword) < 0 ||
	    lex_list(v, lx, "negators", text_lexicon_add_negator) < 0)
		return -1;
	return 0;
}

/* Compile a list of phrases (strings) for a modifier. */
static int
compile_phrases(struct vctx *v, json_t *obj, const char *key, struct text_phrase **out,
		size_t *n, const char *what)
{
	const char **list;
	size_t cnt, i;

	*out = NULL;
	*n = 0;
	if (get_str_list(v, obj, key, false, MAX_SHORT, &list, &cnt, what) < 0)
		return -1;
	*out = arena_array(&v->ld->cat->arena, cnt + 1, sizeof(**out));
	for (i = 0; i < cnt; i++) {
		if (text_phrase_compile(v->ld->cat->lx, v->ld->st, list[i], &v->ld->cat->arena,
					&(*out)[*n]) < 0) {
			push_key(v, key);
			push_index(v, i);
			verr(v, "%s: frasa '%s' kosong setelah normalisasi (hanya kata henti?)", what,
			     list[i]);
			pop(v);
			pop(v);
			return -1;
		}
		(*n)++;
	}
	return 0;
}

static bool
modifier_name_taken(const struct rules_catalog *cat, const char *s)
{
	size_t i;

	return rules_modifier_find(cat, s, &i) != NULL;
}

static int
load_modifier(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"id", "aliases", "title", "yes", "no", NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_modifier m;
	char what[64];
	size_t i;

	memset(&m, 0, sizeof(m));
	if (get_str(v, o, "id", true, MAX_ID, &m.id, "pengubah") < 0)
		return -1;
	snprintf(what, sizeof(what), "pengubah %s", m.id);
	if (!id_ok(m.id))
		return verr_at(v, "id", "%s: id hanya boleh huruf, angka, '-', '_' atau '.'", what);
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "title", true, MAX_SHORT, &m.title, what) < 0 ||
	    get_str_list(v, o, "aliases", false, MAX_ID, &m.aliases, &m.naliases, what) < 0 ||
	    compile_phrases(v, o, "yes", &m.yes, &m.nyes, what) < 0 ||
	    compile_phrases(v, o, "no", &m.no, &m.nno, what) < 0)
		return -1;
	if (modifier_name_taken(cat, m.id))
		return verr_at(v, "id", "%s: id atau alias sudah dipakai", what);
	for (i = 0; i < m.naliases; i++)
		if (modifier_name_taken(cat, m.aliases[i]) || strcasecmp(m.aliases[i], m.id) == 0)
			return verr_at(v, "aliases", "%s: alias '%s' sudah dipakai", what,
				       m.aliases[i]);
	if (cat->nmodifiers >= RULES_MAX_MODIFIERS)
		return verr(v, "terlalu banyak pengubah (paling banyak %d)", RULES_MAX_MODIFIERS);
	cat->modifiers[cat->nmodifiers++] = m;
	return 0;
}

static int
load_reading(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"id", "title", "default", "values", "sources", NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_reading r;
	json_t *vals, *val;
	const char *k;
	char what[64];
	size_t i;
	bool def_ok = false;

	memset(&r, 0, sizeof(r));
	if (get_str(v, o, "id", true, MAX_ID, &r.id, "bacaan") < 0)
		return -1;
	snprintf(what, sizeof(what), "bacaan %s", r.id);
	if (!id_ok(r.id))
		return verr_at(v, "id", "%s: id tidak sah", what);
	if (find_reading(cat, r.id))
		return verr_at(v, "id", "%s: id ganda", what);
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "title", true, MAX_SHORT, &r.title, what) < 0 ||
	    get_str(v, o, "default", true, MAX_ID, &r.def, what) < 0 ||
	    get_str_list(v, o, "sources", false, MAX_TEXT, &r.sources, &r.nsources, what) < 0)
		return -1;
	vals = json_object_get(o, "values");
	if (!json_is_object(vals) || json_object_size(vals) == 0 || json_object_size(vals) > 16)
		return verr(v, "%s: 'values' wajib berupa objek nilai -> catatan (1 sampai 16)",
			    what);
	r.values = arena_array(&cat->arena, json_object_size(vals), sizeof(*r.values));
	r.notes = arena_array(&cat->arena, json_object_size(vals), sizeof(*r.notes));
	push_key(v, "values");
	json_object_foreach(vals, k, val)
	{
		if (!id_ok(k) || !json_is_string(val) || json_string_length(val) > MAX_TEXT) {
			verr_at(v, k, "%s: nilai '%s' harus id sederhana dengan catatan teks", what, k);
			pop(v);
			return -1;
		}
		r.values[r.nvalues] = arena_strdup(&cat->arena, k);
		r.notes[r.nvalues++] = arena_strdup(&cat->arena, json_string_value(val));
	}
	pop(v);
	for (i = 0; i < r.nvalues; i++)
		if (strcmp(r.values[i], r.def) == 0)
			def_ok = true;
	if (!def_ok)
		return verr_at(v, "default", "%s: nilai bawaan '%s' tidak ada di 'values'", what,
			       r.def);
	cat->readings[cat->nreadings++] = r;
	return 0;
}

static int
load_levels(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"moral", "ringan", "sedang", "berat", "ptdh", NULL};
	struct rules_catalog *cat = v->ld->cat;
	int i;

	if (check_fields(v, o, fields, "levels") < 0)
		return -1;
	for (i = RULES_LEVEL_MORAL; i <= RULES_LEVEL_PTDH; i++) {
		const char *t;

		if (get_str(v, o, level_names[i], false, MAX_SHORT, &t, "levels") < 0)
			return -1;
		if (t) {
			if (cat->level_titles[i])
				return verr_at(v, level_names[i], "levels: '%s' sudah ditulis di berkas lain",
					       level_names[i]);
			cat->level_titles[i] = t;
		}
	}
	return 0;
}

static int
load_form_flags(struct vctx *v, json_t *o)
{
	struct rules_catalog *cat = v->ld->cat;
	const char *k;
	json_t *val;

	if (!json_is_object(o))
		return verr(v, "form_flags harus objek tanda -> penjelasan");
	json_object_foreach(o, k, val)
	{
		if (!id_ok(k) || !json_is_string(val) || json_string_length(val) > MAX_TEXT)
			return verr_at(v, k, "form_flags: '%s' harus id dengan penjelasan teks", k);
		if (flag_known(cat, k))
			return verr_at(v, k, "form_flags: '%s' ganda", k);
		cat->flags = xreallocarray(cat->flags, cat->nflags + 1, sizeof(*cat->flags));
		cat->flags[cat->nflags].id = arena_strdup(&cat->arena, k);
		cat->flags[cat->nflags++].note = arena_strdup(&cat->arena, json_string_value(val));
	}
	return 0;
}

static void
basis_label(struct rules_catalog *cat, struct rules_basis *b)
{
	struct buf l = BUF_INIT;

	buf_addstr(&l, b->regulation);
	if (b->pasal)
		buf_addf(&l, " Pasal %s", b->pasal);
	if (b->ayat)
		buf_addf(&l, " ayat (%s)", b->ayat);
	if (b->huruf)
		buf_addf(&l, " huruf %s", b->huruf);
	if (b->angka)
		buf_addf(&l, " angka %s", b->angka);
	b->label = arena_strdup(&cat->arena, buf_cstr(&l));
	buf_release(&l);
}

static int
load_basis(struct vctx *v, json_t *o, struct rules_basis *b, const char *what)
{
	static const char *const fields[] = {"regulation", "pasal", "ayat", "huruf", "angka",
					     "note", "effective_from", "effective_to", "statuses",
					     "unconfirmed", NULL};
	struct rules_catalog *cat = v->ld->cat;
	size_t i;

	memset(b, 0, sizeof(*b));
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "regulation", true, MAX_SHORT, &b->regulation, what) < 0 ||
	    get_str(v, o, "pasal", false, MAX_ID, &b->pasal, what) < 0 ||
	    get_str(v, o, "ayat", false, MAX_ID, &b->ayat, what) < 0 ||
	    get_str(v, o, "huruf", false, MAX_ID, &b->huruf, what) < 0 ||
	    get_str(v, o, "angka", false, MAX_ID, &b->angka, what) < 0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &b->note, what) < 0 ||
	    get_period(v, o, &b->period, what) < 0 ||
	    get_str_list(v, o, "statuses", false, MAX_ID, &b->statuses, &b->nstatuses, what) < 0 ||
	    get_bool(v, o, "unconfirmed", &b->unconfirmed, what) < 0)
		return -1;
	for (i = 0; i < b->nstatuses; i++)
		if (find_status_id(cat, b->statuses[i]) == NULL)
			return verr_at(v, "statuses", "%s: status '%s' tidak dikenal", what,
				       b->statuses[i]);
	basis_label(cat, b);
	return 0;
}

static int
load_form_set(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"level", "regime", "legal_basis", "effective_from",
					     "effective_to", "forms", "note", "sources", NULL};
	static const char *const form_fields[] = {"code", "text", "flags", NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_form_set fs;
	const char *lv, **src;
	json_t *forms, *f;
	size_t i, k, nsrc;

	memset(&fs, 0, sizeof(fs));
	if (check_fields(v, o, fields, "form_sets") < 0 ||
	    get_str(v, o, "level", true, MAX_ID, &lv, "form_sets") < 0)
		return -1;
	if (rules_level_parse(lv, &fs.level) < 0)
		return verr_at(v, "level", "form_sets: tingkat '%s' tidak dikenal "
					   "(moral, ringan, sedang, berat, ptdh)", lv);
	if (get_str(v, o, "regime", true, MAX_SHORT, &fs.regime, "form_sets") < 0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &fs.note, "form_sets") < 0 ||
	    get_period(v, o, &fs.period, "form_sets") < 0 ||
	    get_str_list(v, o, "sources", false, MAX_TEXT, &src, &nsrc, "form_sets") < 0)
		return -1;
	if (json_object_get(o, "legal_basis") == NULL)
		return verr(v, "form_sets: kolom 'legal_basis' wajib ada");
	push_key(v, "legal_basis");
	if (load_basis(v, json_object_get(o, "legal_basis"), &fs.basis, "form_sets.legal_basis") <
	    0) {
		pop(v);
		return -1;
	}
	pop(v);
	forms = json_object_get(o, "forms");
	if (!json_is_array(forms) || json_array_size(forms) == 0 || json_array_size(forms) > 16)
		return verr(v, "form_sets: 'forms' wajib daftar 1 sampai 16 bentuk hukuman");
	fs.forms = arena_array(&cat->arena, json_array_size(forms), sizeof(*fs.forms));
	push_key(v, "forms");
	json_array_foreach(forms, i, f)
	{
		struct rules_form *fm = &fs.forms[i];

		push_index(v, i);
		if (check_fields(v, f, form_fields, "bentuk hukuman") < 0 ||
		    get_str(v, f, "code", true, MAX_ID, &fm->code, "bentuk hukuman") < 0 ||
		    get_str(v, f, "text", true, MAX_SHORT, &fm->text, "bentuk hukuman") < 0 ||
		    get_str_list(v, f, "flags", false, MAX_ID, &fm->flags, &fm->nflags,
				 "bentuk hukuman") < 0)
			goto fail;
		for (k = 0; k < fm->nflags; k++)
			if (!flag_known(cat, fm->flags[k])) {
				verr_at(v, "flags", "bentuk hukuman: tanda '%s' tidak ada di form_flags",
					fm->flags[k]);
				goto fail;
			}
		pop(v);
		fs.nforms++;
	}
	pop(v);
	for (i = 0; i < cat->nform_sets; i++) {
		const struct rules_form_set *o2 = &cat->form_sets[i];
		bool overlap;

		if (o2->level != fs.level)
			continue;
		overlap = !((fs.period.has_to && o2->period.has_from &&
			     date_cmp(fs.period.to, o2->period.from) < 0) ||
			    (fs.period.has_from && o2->period.has_to &&
			     date_cmp(o2->period.to, fs.period.from) < 0));
		if (overlap)
			return verr(v, "form_sets: masa berlaku tingkat %s (%s) bertumpang tindih dengan %s",
				    lv, fs.regime, o2->regime);
	}
	cat->form_sets[cat->nform_sets++] = fs;
	return 0;
fail:
	pop(v);
	pop(v);
	return -1;
}

static int
load_status(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"id",	   "name", "kind",   "aliases",
					     "flag_forms", "note", "sources", NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_status s;
	const char *kind, **src;
	char what[64];
	size_t i, nsrc;

	memset(&s, 0, sizeof(s));
	if (get_str(v, o, "id", true, MAX_ID, &s.id, "status") < 0)
		return -1;
	snprintf(what, sizeof(what), "status %s", s.id);
	if (!id_ok(s.id))
		return verr_at(v, "id", "%s: id tidak sah", what);
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "name", true, MAX_SHORT, &s.name, what) < 0 ||
	    get_str(v, o, "kind", true, MAX_ID, &kind, what) < 0 ||
	    get_str_list(v, o, "aliases", false, MAX_SHORT, &s.aliases, &s.naliases, what) < 0 ||
	    get_str_list(v, o, "flag_forms", false, MAX_ID, &s.flag_forms, &s.nflag_forms, what) <
		    0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &s.note, what) < 0 ||
	    get_str_list(v, o, "sources", false, MAX_TEXT, &src, &nsrc, what) < 0)
		return -1;
	if (strcmp(kind, "asn") == 0)
		s.kind = RULES_STATUS_ASN;
	else if (strcmp(kind, "not_asn") == 0)
		s.kind = RULES_STATUS_NOT_ASN;
	else if (strcmp(kind, "unknown") == 0)
		s.kind = RULES_STATUS_UNKNOWN;
	else
		return verr_at(v, "kind", "%s: kind '%s' tidak dikenal (asn, not_asn, unknown)", what,
			       kind);
	if (rules_status_find(cat, s.id))
		return verr_at(v, "id", "%s: id atau alias sudah dipakai", what);
	for (i = 0; i < s.naliases; i++)
		if (rules_status_find(cat, s.aliases[i]))
			return verr_at(v, "aliases", "%s: alias '%s' sudah dipakai", what,
				       s.aliases[i]);
	for (i = 0; i < s.nflag_forms; i++)
		if (!flag_known(cat, s.flag_forms[i]))
			return verr_at(v, "flag_forms", "%s: tanda '%s' tidak ada di form_flags", what,
				       s.flag_forms[i]);
	cat->statuses[cat->nstatuses++] = s;
	return 0;
}

static int
load_route(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"id",	   "kind",	   "statuses",
					     "effective_from", "effective_to", "recommending",
					     "steps",	   "text",	   "also_pidana",
					     "sources",	   NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_route r;
	const char *kind;
	char what[64];
	size_t i;

	memset(&r, 0, sizeof(r));
	if (get_str(v, o, "id", true, MAX_ID, &r.id, "rute") < 0)
		return -1;
	snprintf(what, sizeof(what), "rute %s", r.id);
	if (!id_ok(r.id))
		return verr_at(v, "id", "%s: id tidak sah", what);
	for (i = 0; i < cat->nroutes; i++)
		if (strcmp(cat->routes[i].id, r.id) == 0)
			return verr_at(v, "id", "%s: id ganda", what);
	if (check_fields(v, o, fields, what) < 0 ||
	    get_str(v, o, "kind", true, MAX_ID, &kind, what) < 0 ||
	    get_str_list(v, o, "statuses", true, MAX_ID, &r.statuses, &r.nstatuses, what) < 0 ||
	    get_period(v, o, &r.period, what) < 0 ||
	    get_str(v, o, "recommending", true, MAX_SHORT, &r.recommending, what) < 0 ||
	    get_str_list(v, o, "steps", true, MAX_SHORT, &r.steps, &r.nsteps, what) < 0 ||
	    get_str(v, o, "text", true, MAX_TEXT, &r.text, what) < 0 ||
	    get_bool(v, o, "also_pidana", &r.also_pidana, what) < 0 ||
	    get_str_list(v, o, "sources", false, MAX_TEXT, &r.sources, &r.nsources, what) < 0)
		return -1;
	if (strcmp(kind, "sanction") == 0)
		r.kind = RULES_ROUTE_SANCTION;
	else if (strcmp(kind, "referral") == 0)
		r.kind = RULES_ROUTE_REFERRAL;
	else if (strcmp(kind, "pidana") == 0)
		r.kind = RULES_ROUTE_PIDANA;
	else
		return verr_at(v, "kind", "%s: kind '%s' tidak dikenal (sanction, referral, pidana)",
			       what, kind);
	if (r.nsteps == 0)
		return verr_at(v, "steps", "%s: 'steps' tidak boleh kosong", what);
	if (r.kind == RULES_ROUTE_PIDANA) {
		for (i = 0; i < cat->nroutes; i++)
			if (cat->routes[i].kind == RULES_ROUTE_PIDANA)
				return verr_at(v, "kind", "%s: hanya boleh ada satu rute pidana", what);
	} else if (r.nstatuses == 0) {
		return verr_at(v, "statuses", "%s: 'statuses' tidak boleh kosong", what);
	}
	for (i = 0; i < r.nstatuses; i++)
		if (find_status_id(cat, r.statuses[i]) == NULL)
			return verr_at(v, "statuses", "%s: status '%s' tidak dikenal", what,
				       r.statuses[i]);
	cat->routes[cat->nroutes++] = r;
	return 0;
}

/* --- items ------------------------------------------------------------------------ */

/* A switch value parser: text -> int, -1 when invalid. */
typedef int (*switch_parse_fn)(json_t *val, int *out);

static int
parse_level_val(json_t *val, int *out)
{
	enum rules_level lv;

	if (!json_is_string(val) || rules_level_parse(json_string_value(val), &lv) < 0)
		return -1;
	*out = (int)lv;
	return 0;
}

static int
parse_timing_val(json_t *val, int *out)
{
	const char *s = json_string_value(val);

	if (s == NULL)
		return -1;
	if (strcmp(s, "any") == 0)
		*out = RULES_TIMING_ANY;
	else if (strcmp(s, "before_penetapan") == 0)
		*out = RULES_TIMING_BEFORE_PENETAPAN;
	else if (strcmp(s, "after_penetapan") == 0)
		*out = RULES_TIMING_AFTER_PENETAPAN;
	else
		return -1;
	return 0;
}

static int
parse_bool_val(json_t *val, int *out)
{
	if (!json_is_boolean(val))
		return -1;
	*out = json_is_true(val);
	return 0;
}

static int
load_switch(struct vctx *v, json_t *o, const char *key, switch_parse_fn parse, int def,
	    const char *expect, struct rules_switch *sw, const char *what)
{
	static const char *const fields[] = {"reading", "values", NULL};
	struct rules_catalog *cat = v->ld->cat;
	json_t *val = json_object_get(o, key), *vals, *x;
	const char *rid, *k;
	size_t i;

	memset(sw, 0, sizeof(*sw));
	sw->fixed = def;
	if (val == NULL)
		return 0;
	if (!json_is_object(val)) {
		if (parse(val, &sw->fixed) < 0)
			return verr_at(v, key, "%s: '%s' harus %s, atau objek {reading, values}", what,
				       key, expect);
		return 0;
	}
	push_key(v, key);
	if (check_fields(v, val, fields, what) < 0 ||
	    get_str(v, val, "reading", true, MAX_ID, &rid, what) < 0)
		goto fail;
	sw->reading = find_reading(cat, rid);
	if (sw->reading == NULL) {
		verr_at(v, "reading", "%s: bacaan '%s' tidak dikenal", what, rid);
		goto fail;
	}
	vals = json_object_get(val, "values");
	if (!json_is_object(vals)) {
		verr(v, "%s: '%s.values' wajib objek nilai bacaan -> nilai", what, key);
		goto fail;
	}
	sw->when = arena_array(&cat->arena, json_object_size(vals) + 1, sizeof(*sw->when));
	sw->value = arena_array(&cat->arena, json_object_size(vals) + 1, sizeof(*sw->value));
	push_key(v, "values");
	json_object_foreach(vals, k, x)
	{
		bool known = false;

		for (i = 0; i < sw->reading->nvalues; i++)
			if (strcmp(sw->reading->values[i], k) == 0)
				known = true;
		if (!known) {
			verr_at(v, k, "%s: '%s' bukan nilai bacaan %s", what, k, rid);
			pop(v);
			goto fail;
		}
		if (parse(x, &sw->value[sw->n]) < 0) {
			verr_at(v, k, "%s: nilai untuk '%s' harus %s", what, k, expect);
			pop(v);
			goto fail;
		}
		sw->when[sw->n++] = arena_strdup(&cat->arena, k);
	}
	pop(v);
	for (i = 0; i < sw->reading->nvalues; i++) {
		size_t j;
		bool covered = false;

		for (j = 0; j < sw->n; j++)
			if (strcmp(sw->when[j], sw->reading->values[i]) == 0)
				covered = true;
		if (!covered) {
			verr(v, "%s: '%s' tidak menyebut nilai untuk bacaan %s=%s", what, key, rid,
			     sw->reading->values[i]);
			goto fail;
		}
	}
	pop(v);
	return 0;
fail:
	pop(v);
	return -1;
}

/* Append the anchors or keywords of an item; it->kw has room for all. */
static int
load_keywords(struct vctx *v, json_t *o, const char *key, bool anchor, double defw,
	      struct rules_item *it, const char *what)
{
	static const char *const fields[] = {"text", "weight", NULL};
	struct rules_catalog *cat = v->ld->cat;
	json_t *arr = json_object_get(o, key), *el;
	size_t i;

	if (arr == NULL)
		return 0;
	push_key(v, key);
	json_array_foreach(arr, i, el)
	{
		struct rules_keyword *k = &it->kw[it->nkw];
		const char *text = NULL;
		double w = defw;

		push_index(v, i);
		if (json_is_string(el) && json_string_length(el) <= MAX_SHORT) {
			text = json_string_value(el);
		} else if (json_is_object(el)) {
			if (check_fields(v, el, fields, what) < 0 ||
			    get_str(v, el, "text", true, MAX_SHORT, &text, what) < 0 ||
			    get_number(v, el, "weight", 0.1, 100, &w, what) < 0)
				goto fail;
		}
		if (text == NULL || text[0] == '\0') {
			verr(v, "%s: kata kunci harus teks, atau objek {text, weight}", what);
			goto fail;
		}
		k->phrase = arena_zalloc(&cat->arena, sizeof(*k->phrase));
		if (text_phrase_compile(cat->lx, v->ld->st, text, &cat->arena, k->phrase) < 0) {
			verr(v, "%s: kata kunci '%s' kosong setelah normalisasi (hanya kata henti?)",
			     what, text);
			goto fail;
		}
		k->weight = w;
		k->anchor = anchor;
		it->nkw++;
		pop(v);
	}
	pop(v);
	return 0;
fail:
	pop(v);
	pop(v);
	return -1;
}

static int
load_conditions(struct vctx *v, json_t *o, struct rules_item *it, const char *what)
{
	struct rules_catalog *cat = v->ld->cat;
	json_t *c = json_object_get(o, "conditions"), *val;
	const char *k;

	if (c == NULL)
		return 0;
	if (!json_is_object(c))
		return verr_at(v, "conditions", "%s: 'conditions' harus objek pengubah -> syarat",
			       what);
	it->conds = arena_array(&cat->arena, json_object_size(c) + 1, sizeof(*it->conds));
	push_key(v, "conditions");
	json_object_foreach(c, k, val)
	{
		struct rules_condition *rc = &it->conds[it->nconds];
		const char *s = json_string_value(val);

		rc->modifier = rules_modifier_find(cat, k, &rc->index);
		if (rc->modifier == NULL) {
			verr_at(v, k, "%s: pengubah '%s' tidak dikenal", what, k);
			goto fail;
		}
		if (s && strcmp(s, "yes") == 0)
			rc->cond = RULES_COND_YES;
		else if (s && strcmp(s, "no") == 0)
			rc->cond = RULES_COND_NO;
		else if (s && strcmp(s, "not_yes") == 0)
			rc->cond = RULES_COND_NOT_YES;
		else if (s && strcmp(s, "not_no") == 0)
			rc->cond = RULES_COND_NOT_NO;
		else {
			verr_at(v, k, "%s: syarat untuk '%s' harus yes, no, not_yes atau not_no", what,
				k);
			goto fail;
		}
		it->nconds++;
	}
	pop(v);
	return 0;
fail:
	pop(v);
	return -1;
}

static int
load_pidana(struct vctx *v, json_t *o, struct rules_item *it, const char *what)
{
	static const char *const fields[] = {"election", "legal_basis", NULL};
	struct rules_catalog *cat = v->ld->cat;
	json_t *arr = json_object_get(o, "pidana"), *el;
	size_t i;

	if (arr == NULL)
		return 0;
	if (!json_is_array(arr) || json_array_size(arr) > 8)
		return verr_at(v, "pidana", "%s: 'pidana' harus daftar (paling banyak 8)", what);
	it->pidana = arena_array(&cat->arena, json_array_size(arr) + 1, sizeof(*it->pidana));
	push_key(v, "pidana");
	json_array_foreach(arr, i, el)
	{
		struct rules_pidana *p = &it->pidana[it->npidana];
		const char *e;

		push_index(v, i);
		if (check_fields(v, el, fields, what) < 0 ||
		    get_str(v, el, "election", true, MAX_ID, &e, what) < 0)
			goto fail;
		if (strcmp(e, "pemilu") == 0)
			p->election = RULES_ELECTION_PEMILU;
		else if (strcmp(e, "pilkada") == 0)
			p->election = RULES_ELECTION_PILKADA;
		else {
			verr_at(v, "election", "%s: election harus pemilu atau pilkada", what);
			goto fail;
		}
		if (json_object_get(el, "legal_basis") == NULL) {
			verr(v, "%s: pidana tanpa legal_basis", what);
			goto fail;
		}
		push_key(v, "legal_basis");
		if (load_basis(v, json_object_get(el, "legal_basis"), &p->basis, what) < 0) {
			pop(v);
			goto fail;
		}
		pop(v);
		pop(v);
		it->npidana++;
	}
	pop(v);
	return 0;
fail:
	pop(v);
	pop(v);
	return -1;
}

static int
load_item(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {
		"id",	  "family",	"title",	  "description", "examples",
		"anchors", "keywords",	"min_score",	  "level",	 "timing",
		"active",  "legal_basis", "effective_from", "effective_to", "conditions",
		"implements", "see_also", "pidana",	"sources",	  "note",	 NULL};
	struct rules_catalog *cat = v->ld->cat;
	struct rules_item it;
	const char *fam, **impl;
	json_t *anchors, *kws, *basis, *el;
	char what[64];
	size_t i, nimpl;

	memset(&it, 0, sizeof(it));
	if (get_str(v, o, "id", true, MAX_ID, &it.id, "butir") < 0)
		return -1;
	snprintf(what, sizeof(what), "butir %s", it.id);
	if (!id_ok(it.id))
		return verr_at(v, "id", "%s: id hanya boleh huruf, angka, '-', '_' atau '.'", what);
	if (rules_item_find(cat, it.id))
		return verr_at(v, "id", "%s: id ganda", what);
	if (cat->nitems >= RULES_MAX_ITEMS)
		return verr(v, "terlalu banyak butir (paling banyak %d)", RULES_MAX_ITEMS);
	if (check_fields(v, o, fields, what) < 0 && !v->ld->lint)
		return -1;
	if (get_str(v, o, "family", true, MAX_ID, &fam, what) < 0)
		return -1;
	if (strcmp(fam, "KE") == 0)
		it.family = RULES_FAMILY_KE;
	else if (strcmp(fam, "D") == 0)
		it.family = RULES_FAMILY_D;
	else if (strcmp(fam, "PP94") == 0)
		it.family = RULES_FAMILY_PP94;
	else if (strcmp(fam, "boleh") == 0)
		it.family = RULES_FAMILY_BOLEH;
	else
		return verr_at(v, "family", "%s: family '%s' tidak dikenal (KE, D, PP94, boleh)", what,
			       fam);
	it.min_score = cat->min_score;
	if (get_str(v, o, "title", true, MAX_SHORT, &it.title, what) < 0 ||
	    get_str(v, o, "description", true, MAX_TEXT, &it.description, what) < 0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &it.note, what) < 0 ||
	    get_str_list(v, o, "examples", false, MAX_TEXT, &it.examples, &it.nexamples, what) < 0 ||
	    get_str_list(v, o, "sources", false, MAX_TEXT, &it.sources, &it.nsources, what) < 0 ||
	    get_number(v, o, "min_score", 0.1, 1000, &it.min_score, what) < 0 ||
	    get_period(v, o, &it.period, what) < 0 ||
	    get_str_list(v, o, "implements", false, MAX_ID, &impl, &nimpl, what) < 0 ||
	    get_str_list(v, o, "see_also", false, MAX_ID, &impl, &nimpl, what) < 0)
		return -1;
	anchors = json_object_get(o, "anchors");
	kws = json_object_get(o, "keywords");
	if (!json_is_array(anchors) || json_array_size(anchors) == 0 ||
	    json_array_size(anchors) > MAX_LIST)
		return verr(v, "%s: 'anchors' wajib daftar kata kunci utama (1 sampai %d)", what,
			    MAX_LIST);
	if (kws && (!json_is_array(kws) || json_array_size(kws) > MAX_LIST))
		return verr_at(v, "keywords", "%s: 'keywords' harus daftar (paling banyak %d)", what,
			       MAX_LIST);
	it.kw = arena_array(&cat->arena, json_array_size(anchors) + json_array_size(kws) + 1,
			    sizeof(*it.kw));
	if (load_keywords(v, o, "anchors", true, 3, &it, what) < 0 ||
	    load_keywords(v, o, "keywords", false, 1, &it, what) < 0)
		return -1;
	if (it.family == RULES_FAMILY_BOLEH) {
		if (json_object_get(o, "level"))
			return verr_at(v, "level", "%s: butir boleh tidak memiliki tingkat sanksi", what);
		it.level.fixed = RULES_LEVEL_NONE;
	} else {
		if (json_object_get(o, "level") == NULL)
			return verr(v, "%s: kolom 'level' wajib ada", what);
		if (load_switch(v, o, "level", parse_level_val, RULES_LEVEL_NONE,
				"tingkat (moral, ringan, sedang, berat, ptdh)", &it.level, what) < 0)
			return -1;
	}
	if (load_switch(v, o, "timing", parse_timing_val, RULES_TIMING_ANY,
			"any, before_penetapan atau after_penetapan", &it.timing, what) < 0 ||
	    load_switch(v, o, "active", parse_bool_val, 1, "true atau false", &it.active, what) < 0 ||
	    load_conditions(v, o, &it, what) < 0 || load_pidana(v, o, &it, what) < 0)
		return -1;
	basis = json_object_get(o, "legal_basis");
	if (!json_is_array(basis) || json_array_size(basis) == 0 || json_array_size(basis) > 32)
		return verr(v, "%s: 'legal_basis' wajib daftar dasar hukum (1 sampai 32)", what);
	it.basis = arena_array(&cat->arena, json_array_size(basis), sizeof(*it.basis));
	push_key(v, "legal_basis");
	json_array_foreach(basis, i, el)
	{
		push_index(v, i);
		if (load_basis(v, el, &it.basis[it.nbasis], what) < 0) {
			pop(v);
			pop(v);
			return -1;
		}
		pop(v);
		it.nbasis++;
	}
	pop(v);
	it.file = arena_strdup(&cat->arena, v->f->name);
	it.line = jpos_line(v->f->text, v->f->len,
			    jpos_locate(v->f->text, v->f->len, v->path, MIN(v->depth, (size_t)JPOS_MAX_DEPTH)));
	cat->items[cat->nitems++] = it;
	return 0;
}

/* Second pass: "implements" and "see_also" may name items of any file. */
static int
resolve_refs(struct vctx *v, json_t *o, const char *key, bool pp94_only)
{
	struct rules_catalog *cat = v->ld->cat;
	json_t *idj = json_object_get(o, "id"), *arr = json_object_get(o, key), *el;
	const struct rules_item ***list;
	struct rules_item *it;
	size_t i, *n;

	if (!json_is_array(arr) || !json_is_string(idj))
		return 0;
	it = NULL;
	for (i = 0; i < cat->nitems; i++)
		if (strcasecmp(cat->items[i].id, json_string_value(idj)) == 0)
			it = &cat->items[i];
	if (it == NULL)
		return 0; /* the item itself failed to load; already reported */
	list = pp94_only ? &it->implements : &it->see_also;
	n = pp94_only ? &it->nimplements : &it->nsee_also;
	*list = arena_array(&cat->arena, json_array_size(arr) + 1, sizeof(**list));
	json_array_foreach(arr, i, el)
	{
		const struct rules_item *t =
			json_is_string(el) ? rules_item_find(cat, json_string_value(el)) : NULL;

		if (t == NULL || t == it || (pp94_only && t->family != RULES_FAMILY_PP94)) {
			push_key(v, key);
			push_index(v, i);
			verr(v, "butir %s: '%s' harus menyebut butir %syang ada, selain dirinya ('%s')",
			     it->id, key, pp94_only ? "PP94 " : "",
			     json_is_string(el) ? json_string_value(el) : "?");
			pop(v);
			pop(v);
			return -1;
		}
		(*list)[(*n)++] = t;
	}
	return 0;
}

static int
resolve_implements(struct vctx *v, json_t *o)
{
	if (resolve_refs(v, o, "implements", true) < 0)
		return -1;
	return resolve_refs(v, o, "see_also", false);
}

/* --- sections driver ------------------------------------------------------------ */

static const char *const top_fields[] = {"about",     "meta",	    "lexicon",   "modifiers",
					 "readings",  "levels",	    "form_flags", "form_sets",
					 "statuses",  "routes",	    "items",	  NULL};

typedef int (*element_fn)(struct vctx *v, json_t *el);

/* Run fn over the elements of array section `name` in every file. */
static int
each_element(struct loader *ld, const char *name, element_fn fn)
{
	size_t fi;
	int rc = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		struct vctx v = {ld, &ld->files[fi], {{NULL, 0}}, 0};
		json_t *arr = json_object_get(ld->files[fi].root, name), *el;
		size_t i;

		if (arr == NULL)
			continue;
		push_key(&v, name);
		if (!json_is_array(arr)) {
			rc = verr(&v, "bagian '%s' harus berupa daftar", name);
			if (!ld->lint)
				return -1;
			continue;
		}
		json_array_foreach(arr, i, el)
		{
			push_index(&v, i);
			if (!json_is_object(el)) {
				rc = verr(&v, "bagian '%s': unsur ke-%zu harus objek", name, i + 1);
			} else if (fn(&v, el) < 0) {
				rc = -1;
			}
			pop(&v);
			if (rc < 0 && !ld->lint)
				return -1;
		}
	}
	return rc;
}

/* Run fn over object section `name` in every file. */
static int
each_object(struct loader *ld, const char *name, element_fn fn)
{
	size_t fi;
	int rc = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		struct vctx v = {ld, &ld->files[fi], {{NULL, 0}}, 0};
		json_t *obj = json_object_get(ld->files[fi].root, name);

		if (obj == NULL)
			continue;
		push_key(&v, name);
		if (!json_is_object(obj))
			rc = verr(&v, "bagian '%s' harus berupa objek", name);
		else if (fn(&v, obj) < 0)
			rc = -1;
		if (rc < 0 && !ld->lint)
			return -1;
	}
	return rc;
}

static size_t
count_elements(struct loader *ld, const char *name)
{
	size_t fi, n = 0;

	for (fi = 0; fi < ld->nfiles; fi++) {
		json_t *arr = json_object_get(ld->files[fi].root, name);

		if (json_is_array(arr))
			n += json_array_size(arr);
	}
	return n;
}

/* First file that has section name, for errors about the whole section. */
static struct vctx
section_ctx(struct loader *ld, const char *name)
{
	struct vctx v = {ld, ld->nfiles ? &ld->files[0] : NULL, {{NULL, 0}}, 0};
	size_t fi;

	for (fi = 0; fi < ld->nfiles; fi++) {
		if (json_object_get(ld->files[fi].root, name)) {
			v.f = &ld->files[fi];
			push_key(&v, name);
			break;
		}
	}
	return v;
}

/* Every date of the coverage must have exactly what covers it. */
static int
check_level_coverage(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	bool used[RULES_LEVEL_PTDH + 1] = {false};
	size_t i, j;
	int lv, rc = 0;

	for (i = 0; i < cat->nitems; i++) {
		const struct rules_switch *sw = &cat->items[i].level;

		if (sw->reading)
			for (j = 0; j < sw->n; j++)
				used[sw->value[j]] = true;
		else
			used[sw->fixed] = true;
	}
	for (lv = RULES_LEVEL_MORAL; lv <= RULES_LEVEL_PTDH; lv++) {
		struct date d = cat->coverage.from;
		size_t guard = 0;

		if (cat->level_titles[lv] == NULL) {
			struct vctx v = section_ctx(ld, "levels");

			rc = verr(&v, "levels: nama tingkat '%s' tidak ada", level_names[lv]);
			if (!ld->lint)
				return -1;
		}
		if (!used[lv])
			continue;
		while (guard++ <= cat->nform_sets) {
			const struct rules_form_set *fs = rules_form_set_at(cat, (enum rules_level)lv, d);
			char ds[DATE_STRLEN];

			if (fs == NULL) {
				struct vctx v = section_ctx(ld, "form_sets");

				date_format(d, ds);
				rc = verr(&v, "form_sets: tidak ada bentuk hukuman tingkat %s untuk tanggal %s",
					  level_names[lv], ds);
				if (!ld->lint)
					return -1;
				break;
			}
			if (!fs->period.has_to || date_cmp(fs->period.to, cat->coverage.to) >= 0)
				break;
			d = date_add_days(fs->period.to, 1);
		}
	}
	return rc;
}

static const struct rules_route *
route_for(const struct rules_catalog *cat, const struct rules_status *st, struct date d)
{
	size_t i, k;

	for (i = 0; i < cat->nroutes; i++) {
		const struct rules_route *r = &cat->routes[i];

		if (r->kind == RULES_ROUTE_PIDANA || !rules_period_contains(&r->period, d))
			continue;
		for (k = 0; k < r->nstatuses; k++)
			if (strcmp(r->statuses[k], st->id) == 0)
				return r;
	}
	return NULL;
}

static int
check_route_coverage(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	size_t s;
	int rc = 0;

	for (s = 0; s < cat->nstatuses; s++) {
		struct date d = cat->coverage.from;
		size_t guard = 0;

		while (guard++ <= cat->nroutes) {
			const struct rules_route *r = route_for(cat, &cat->statuses[s], d);
			char ds[DATE_STRLEN];

			if (r == NULL) {
				struct vctx v = section_ctx(ld, "routes");

				date_format(d, ds);
				rc = verr(&v, "routes: tidak ada rute untuk status %s pada tanggal %s",
					  cat->statuses[s].id, ds);
				if (!ld->lint)
					return -1;
				break;
			}
			if (!r->period.has_to || date_cmp(r->period.to, cat->coverage.to) >= 0)
				break;
			d = date_add_days(r->period.to, 1);
		}
	}
	return rc;
}

static int
run_loader(struct loader *ld)
{
	struct rules_catalog *cat = ld->cat;
	size_t fi, n;
	int rc = 0;

	/* 1. syntax and top-level fields */
	for (fi = 0; fi < ld->nfiles; fi++) {
		struct lfile *f = &ld->files[fi];
		struct vctx v = {ld, f, {{NULL, 0}}, 0};
		json_error_t jerr;

		if (f->len > RULES_MAX_FILE) {
			rc = verr(&v, "berkas terlalu besar (%zu bait, paling banyak %d)", f->len,
				  RULES_MAX_FILE);
		} else {
			f->root = json_loadb(f->text, f->len, JSON_REJECT_DUPLICATES, &jerr);
			if (f->root == NULL) {
				char full[640];

				snprintf(full, sizeof(full), "%s:%d: JSON tidak sah (kolom %d): %s",
					 f->name, jerr.line > 0 ? jerr.line : 1, jerr.column, jerr.text);
				if (ld->nerr++ == 0)
					errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s", full);
				if (ld->report)
					ld->report(ld->arg, false, full);
				rc = -1;
			} else if (check_fields(&v, f->root, top_fields, "berkas katalog") < 0) {
				rc = -1;
			}
		}
		if (rc < 0 && !ld->lint)
			return -1;
	}
	/* drop the files that did not parse, so later passes see only objects */
	for (fi = 0, n = 0; fi < ld->nfiles; fi++)
		if (json_is_object(ld->files[fi].root))
			ld->files[n++] = ld->files[fi];
		else {
			json_decref(ld->files[fi].root);
			free(ld->files[fi].owned);
			free(ld->files[fi].name);
		}
	ld->nfiles = n;

	/* 2. sections in dependency order */
	cat->modifiers = arena_array(&cat->arena, count_elements(ld, "modifiers") + 1,
				     sizeof(*cat->modifiers));
	cat->readings = arena_array(&cat->arena, count_elements(ld, "readings") + 1,
				    sizeof(*cat->readings));
	cat->form_sets = arena_array(&cat->arena, count_elements(ld, "form_sets") + 1,
				     sizeof(*cat->form_sets));
	cat->statuses = arena_array(&cat->arena, count_elements(ld, "statuses") + 1,
				    sizeof(*cat->statuses));
	cat->routes = arena_array(&cat->arena, count_elements(ld, "routes") + 1,
				  sizeof(*cat->routes));
	n = count_elements(ld, "items");
	cat->items = arena_array(&cat->arena, MIN(n, (size_t)RULES_MAX_ITEMS) + 1,
				 sizeof(*cat->items));
	if ((each_object(ld, "meta", load_meta) < 0 && !ld->lint) ||
	    (each_object(ld, "lexicon", load_lexicon) < 0 && !ld->lint) ||
	    (each_element(ld, "modifiers", load_modifier) < 0 && !ld->lint) ||
	    (each_element(ld, "readings", load_reading) < 0 && !ld->lint) ||
	    (each_object(ld, "levels", load_levels) < 0 && !ld->lint) ||
	    (each_object(ld, "form_flags", load_form_flags) < 0 && !ld->lint) ||
	    (each_element(ld, "form_sets", load_form_set) < 0 && !ld->lint) ||
	    (each_element(ld, "statuses", load_status) < 0 && !ld->lint) ||
	    (each_element(ld, "routes", load_route) < 0 && !ld->lint) ||
	    (each_element(ld, "items", load_item) < 0 && !ld->lint) ||
	    (each_element(ld, "items", resolve_implements) < 0 && !ld->lint))
		return -1;

	/* 3. whole-catalog checks */
	if (!ld->have_meta) {
		struct vctx v = {ld, ld->nfiles ? &ld->files[0] : NULL, {{NULL, 0}}, 0};

		verr(&v, "katalog tidak memiliki bagian 'meta'");
		return -1;
	}
	if (rules_status_find(cat, "unknown") == NULL) {
		struct vctx v = section_ctx(ld, "statuses");

		verr(&v, "statuses: status 'unknown' wajib ada (dipakai bila status tidak diberikan)");
		if (!ld->lint)
			return -1;
	}
	if (cat->nitems == 0) {
		struct vctx v = section_ctx(ld, "items");

		verr(&v, "katalog tidak memiliki butir");
		return -1;
	}
	if (check_level_coverage(ld) < 0 && !ld->lint)
		return -1;
	if (check_route_coverage(ld) < 0 && !ld->lint)
		return -1;
	return ld->nerr ? -1 : 0;
}

/* --- sources of files -------------------------------------------------------------- */

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool
is_json_name(const char *s)
{
	size_t n = strlen(s);

	return n > 5 && strcmp(s + n - 5, ".json") == 0 && s[0] != '.';
}

static int
add_file(struct loader *ld, const char *name, const char *text, size_t len, char *owned)
{
	struct lfile *f;

	if (ld->nfiles >= RULES_MAX_FILES) {
		free(owned);
		return errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: terlalu banyak berkas katalog (paling banyak %d)",
				  name, RULES_MAX_FILES);
	}
	f = &ld->files[ld->nfiles++];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->text = text;
	f->len = len;
	f->owned = owned;
	return 0;
}

static int
read_dir(struct loader *ld, const char *dir)
{
	char path[1024], **names = NULL;
	size_t nnames = 0, i;
	struct dirent *de;
	DIR *d;
	int rc = -1;

	snprintf(path, sizeof(path), "%s/rules", dir);
	d = opendir(path);
	if (d == NULL)
		return errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: direktori katalog tidak dapat dibuka",
				  path);
	while ((de = readdir(d)) != NULL) {
		if (!is_json_name(de->d_name))
			continue;
		if (nnames >= RULES_MAX_FILES) {
			errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: terlalu banyak berkas (paling banyak %d)",
				   path, RULES_MAX_FILES);
			goto out;
		}
		names = xreallocarray(names, nnames + 1, sizeof(*names));
		names[nnames++] = xstrdup(de->d_name);
	}
	if (nnames == 0) {
		errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: tidak ada berkas *.json", path);
		goto out;
	}
	qsort(names, nnames, sizeof(*names), cmp_names);
	for (i = 0; i < nnames; i++) {
		char fpath[1400];
		struct stat st;
		FILE *f;
		char *text;
		size_t got;

		snprintf(fpath, sizeof(fpath), "%s/%s", path, names[i]);
		f = fopen(fpath, "rb");
		if (f == NULL || fstat(fileno(f), &st) < 0 || !S_ISREG(st.st_mode)) {
			if (f)
				fclose(f);
			errbuf_set(ld->eb, ERR_INVALID_INPUT, "%s: tidak dapat dibaca", fpath);
			goto out;
		}
		if (st.st_size > RULES_MAX_FILE) {
			fclose(f);
			errbuf_set(ld->eb, ERR_INVALID_INPUT,
				   "%s:1: berkas terlalu besar (%lld bait, paling banyak %d)", fpath,
				   (long long)st.st_size, RULES_MAX_FILE);
			goto out;
		}
		text = xmalloc((size_t)st.st_size + 1);
		got = fread(text, 1, (size_t)st.st_size, f);
		fclose(f);
		text[got] = '\0';
		if (add_file(ld, fpath, text, got, text) < 0)
			goto out;
	}
	rc = 0;
out:
	closedir(d);
	for (i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
	return rc;
}

static int
read_embedded(struct loader *ld)
{
	static const char prefix[] = "data/rules/";
	size_t i;

	for (i = asset_prefix_first(prefix); i < asset_count; i++) {
		const struct asset *a = &asset_table[i];

		if (strncmp(a->name, prefix, sizeof(prefix) - 1) != 0)
			break;
		if (strchr(a->name + sizeof(prefix) - 1, '/') || !is_json_name(a->name))
			continue;
		if (add_file(ld, a->name, (const char *)a->data, a->len, NULL) < 0)
			return -1;
	}
	if (ld->nfiles == 0)
		return errbuf_set(ld->eb, ERR_INTERNAL, "katalog bawaan tidak ada (data/rules/NAME.json)");
	return 0;
}

static void
loader_init(struct loader *ld, struct errbuf *eb)
{
	memset(ld, 0, sizeof(*ld));
	ld->eb = eb;
	ld->cat = xcalloc(1, sizeof(*ld->cat));
	arena_init(&ld->cat->arena, 64 * 1024);
	ld->cat->lx = text_lexicon_new();
	ld->st = text_stemmer_new();
}

static void
loader_release(struct loader *ld)
{
	size_t i;

	for (i = 0; i < ld->nfiles; i++) {
		json_decref(ld->files[i].root);
		free(ld->files[i].owned);
		free(ld->files[i].name);
	}
	text_stemmer_free(ld->st);
	ld->nfiles = 0;
}

/* --- public ------------------------------------------------------------------------ */

void
rules_catalog_free(struct rules_catalog *cat)
{
	if (cat == NULL)
		return;
	text_lexicon_free(cat->lx);
	free(cat->flags);
	arena_release(&cat->arena);
	free(cat);
}

static int
finish_load(struct loader *ld, struct rules_catalog **out)
{
	int rc = run_loader(ld);

	loader_release(ld);
	if (rc < 0) {
		rules_catalog_free(ld->cat);
		*out = NULL;
		return -1;
	}
	*out = ld->cat;
	return 0;
}

int
rules_catalog_load(struct rules_catalog **out, const char *dir, struct errbuf *eb)
{
	struct loader ld;

	*out = NULL;
	loader_init(&ld, eb);
	if ((dir && dir[0] ? read_dir(&ld, dir) : read_embedded(&ld)) < 0) {
		loader_release(&ld);
		rules_catalog_free(ld.cat);
		return -1;
	}
	return finish_load(&ld, out);
}

int
rules_catalog_load_files(struct rules_catalog **out, const struct rules_file *files,
			 size_t nfiles, struct errbuf *eb)
{
	struct loader ld;
	size_t i;

	*out = NULL;
	loader_init(&ld, eb);
	for (i = 0; i < nfiles; i++) {
		if (add_file(&ld, files[i].name, files[i].text, files[i].len, NULL) < 0) {
			loader_release(&ld);
			rules_catalog_free(ld.cat);
			return -1;
		}
	}
	return finish_load(&ld, out);
}

/* Each example of an item should be recognised as that item. */
static void
lint_examples(const struct rules_catalog *cat, void (*report)(void *, bool, const char *),
	      void *arg)
{
	struct rules_options opt;
	struct arena a;
	size_t i, e, k;

	rules_options_init(&opt);
	arena_init(&a, 64 * 1024);
	for (i = 0; i < cat->nitems; i++) {
		const struct rules_item *it = &cat->items[i];

		for (e = 0; e < it->nexamples; e++) {
			struct rules_facts f;
			struct rules_result r;
			struct errbuf eb;
			bool found = false;

			rules_facts_init(&f);
			f.text = it->examples[e];
			f.text_len = strlen(it->examples[e]);
			f.status = "PNS";
			f.date = cat->coverage.to;
			f.has_date = true;
			if (rules_check(cat, &opt, &f, &a, &r, &eb) == 0) {
				for (k = 0; k < r.nitems && k < 3; k++)
					if (r.items[k].item == it && r.items[k].score >= it->min_score)
						found = true;
			}
			if (!found && report) {
				char msg[640];

				snprintf(msg, sizeof(msg),
					 "%s:%d: peringatan: contoh %zu butir %s tidak dikenali sebagai %s "
					 "(tiga teratas: %s %s %s): \"%.120s\"",
					 it->file, it->line, e + 1, it->id, it->id,
					 r.nitems > 0 ? r.items[0].item->id : "-",
					 r.nitems > 1 ? r.items[1].item->id : "-",
					 r.nitems > 2 ? r.items[2].item->id : "-", it->examples[e]);
				report(arg, true, msg);
			}
			arena_reset(&a);
		}
	}
	arena_release(&a);
}

static int
finish_lint(struct loader *ld, void (*report)(void *, bool, const char *), void *arg)
{
	int rc = run_loader(ld), nerr = ld->nerr;

	loader_release(ld);
	if (rc == 0 && nerr == 0)
		lint_examples(ld->cat, report, arg);
	rules_catalog_free(ld->cat);
	return nerr;
}

int
rules_lint(const char *dir, void (*report)(void *arg, bool warning, const char *msg), void *arg)
{
	struct loader ld;
	struct errbuf eb;

	loader_init(&ld, &eb);
	ld.lint = true;
	ld.report = report;
	ld.arg = arg;
	if ((dir && dir[0] ? read_dir(&ld, dir) : read_embedded(&ld)) < 0) {
		if (report)
			report(arg, false, eb.msg);
		loader_release(&ld);
		rules_catalog_free(ld.cat);
		return 1;
	}
	return finish_lint(&ld, report, arg);
}

int
rules_lint_files(const struct rules_file *files, size_t nfiles,
		 void (*report)(void *arg, bool warning, const char *msg), void *arg)
{
	struct loader ld;
	struct errbuf eb;
	size_t i;

	loader_init(&ld, &eb);
	ld.lint = true;
	ld.report = report;
	ld.arg = arg;
	for (i = 0; i < nfiles; i++) {
		if (add_file(&ld, files[i].name, files[i].text, files[i].len, NULL) < 0) {
			if (report)
				report(arg, false, eb.msg);
			loader_release(&ld);
			rules_catalog_free(ld.cat);
			return 1;
		}
	}
	return finish_lint(&ld, report, arg);
}

/* --- accessors ------------------------------------------------------------------ */

const char *
rules_catalog_title(const struct rules_catalog *cat)
{
	return cat->title;
}

const char *
rules_catalog_version(const struct rules_catalog *cat)
{
	return cat->version;
}

struct rules_period
rules_catalog_coverage(const struct rules_catalog *cat)
{
	return cat->coverage;
}

size_t
rules_item_count(const struct rules_catalog *cat)
{
	return cat->nitems;
}

const struct rules_item *
rules_item_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nitems ? &cat->items[i] : NULL;
}

const struct rules_item *
rules_item_find(const struct rules_catalog *cat, const char *id)
{
	size_t i;

	if (id == NULL)
		return NULL;
	for (i = 0; i < cat->nitems; i++)
		if (strcasecmp(cat->items[i].id, id) == 0)
			return &cat->items[i];
	return NULL;
}

size_t
rules_status_count(const struct rules_catalog *cat)
{
	return cat->nstatuses;
}

const struct rules_status *
rules_status_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nstatuses ? &cat->statuses[i] : NULL;
}

const struct rules_status *
rules_status_find(const struct rules_catalog *cat, const char *s)
{
	struct str t;
	size_t i, k;

	if (s == NULL)
		return NULL;
	t = str_trim(str_from(s));
	for (i = 0; i < cat->nstatuses; i++) {
		const struct rules_status *st = &cat->statuses[i];

		if (str_caseeq_cstr(t, st->id))
			return st;
		for (k = 0; k < st->naliases; k++)
			if (str_caseeq_cstr(t, st->aliases[k]))
				return st;
	}
	return NULL;
}

size_t
rules_reading_count(const struct rules_catalog *cat)
{
	return cat->nreadings;
}

const struct rules_reading *
rules_reading_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nreadings ? &cat->readings[i] : NULL;
}

size_t
rules_modifier_count(const struct rules_catalog *cat)
{
	return cat->nmodifiers;
}

const struct rules_modifier *
rules_modifier_at(const struct rules_catalog *cat, size_t i)
{
	return i < cat->nmodifiers ? &cat->modifiers[i] : NULL;
}

const struct rules_modifier *
rules_modifier_find(const struct rules_catalog *cat, const char *s, size_t *index)
{
	size_t i, k;

	if (s == NULL)
		return NULL;
	for (i = 0; i < cat->nmodifiers; i++) {
		const struct rules_modifier *m = &cat->modifiers[i];
		bool hit = strcasecmp(m->id, s) == 0;

		for (k = 0; !hit && k < m->naliases; k++)
			hit = strcasecmp(m->aliases[k], s) == 0;
		if (hit) {
			*index = i;
			return m;
		}
	}
	return NULL;
}

const char *
rules_level_title(const struct rules_catalog *cat, enum rules_level lv)
{
	if (lv <= RULES_LEVEL_NONE || lv > RULES_LEVEL_PTDH)
		return NULL;
	return cat->level_titles[lv] ? cat->level_titles[lv] : level_names[lv];
}

const char *
rules_form_flag_note(const struct rules_catalog *cat, const char *flag)
{
	size_t i;

	for (i = 0; i < cat->nflags; i++)
		if (strcmp(cat->flags[i].id, flag) == 0)
			return cat->flags[i].note;
	return NULL;
}

const struct rules_form_set *
rules_form_set_at(const struct rules_catalog *cat, enum rules_level lv, struct date d)
{
	size_t i;

	for (i = 0; i < cat->nform_sets; i++)
		if (cat->form_sets[i].level == lv &&
		    rules_period_contains(&cat->form_sets[i].period, d))
			return &cat->form_sets[i];
	return NULL;
}

const struct text_lexicon *
rules_catalog_lexicon(const struct rules_catalog *cat)
{
	return cat->lx;
}

bool
rules_form_flagged(const struct rules_status *st, const struct rules_form *form)
{
	size_t i, k;

	if (st == NULL)
		return false;
	for (i = 0; i < st->nflag_forms; i++)
		for (k = 0; k < form->nflags; k++)
			if (strcmp(st->flag_forms[i], form->flags[k]) == 0)
				return true;
	return false;
}

/* --- options -------------------------------------------------------------------- */

void
rules_options_init(struct rules_options *o)
{
	memset(o, 0, sizeof(*o));
}

int
rules_options_set(struct rules_options *o, const struct rules_catalog *cat, const char *id,
		  const char *value, struct errbuf *eb)
{
	size_t i;

	if (strlen(id) >= sizeof(o->v[0].id) || strlen(value) >= sizeof(o->v[0].value))
		return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
				       "bacaan '%s' atau nilainya terlalu panjang", id);
	if (cat) {
		const struct rules_reading *r = find_reading(cat, id);
		bool ok = false;

		if (r == NULL)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
					       "bacaan '%s' tidak dikenal katalog", id);
		for (i = 0; i < r->nvalues; i++)
			if (strcmp(r->values[i], value) == 0)
				ok = true;
		if (!ok) {
			char allowed[256] = "";

			for (i = 0; i < r->nvalues; i++) {
				if (i)
					strncat(allowed, ", ", sizeof(allowed) - strlen(allowed) - 1);
				strncat(allowed, r->values[i], sizeof(allowed) - strlen(allowed) - 1);
			}
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
					       "nilai '%s' untuk bacaan %s tidak dikenal (pilihan: %s)",
					       value, id, allowed);
		}
	}
	for (i = 0; i < o->n; i++)
		if (strcmp(o->v[i].id, id) == 0)
			break;
	if (i == o->n) {
		if (o->n >= RULES_MAX_READINGS)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_reading",
					       "terlalu banyak bacaan");
		o->n++;
	}
	cstr_copy(o->v[i].id, sizeof(o->v[i].id), id);
	cstr_copy(o->v[i].value, sizeof(o->v[i].value), value);
	return 0;
}

int
rules_options_from_config(struct rules_options *o, const struct rules_catalog *cat,
			  const struct config *cfg, struct errbuf *eb)
{
	size_t i, k;

	for (i = 0; i < cat->nreadings; i++) {
		for (k = 0; k < config_options_count; k++) {
			const struct config_option *co = &config_options[k];
			const char *val;

			if (strcmp(co->section, "rules") != 0 || strcmp(co->name, cat->readings[i].id) != 0 ||
			    co->type != CONFIG_STRING)
				continue;
			val = (const char *)cfg + co->offset;
			if (val[0] && rules_options_set(o, cat, co->name, val, eb) < 0)
				return -1;
		}
	}
	return 0;
}

const char *
rules_options_value(const struct rules_options *o, const struct rules_reading *r)
{
	size_t i;

	for (i = 0; o && i < o->n; i++)
		if (strcmp(o->v[i].id, r->id) == 0)
			return o->v[i].value;
	return r->def;
}

int
rules_switch_value(const struct rules_switch *sw, const struct rules_options *opt)
{
	const char *val;
	size_t i;

	if (sw->reading == NULL)
		return sw->fixed;
	val = rules_options_value(opt, sw->reading);
	for (i = 0; i < sw->n; i++)
		if (strcmp(sw->when[i], val) == 0)
			return sw->value[i];
	return sw->fixed; /* unreachable: the loader checks every value is covered */
}

const char *
rules_switch_reading_value(const struct rules_switch *sw, const struct rules_options *opt)
{
	return sw->reading ? rules_options_value(opt, sw->reading) : NULL;
}

enum rules_level
rules_item_level(const struct rules_item *it, const struct rules_options *opt)
{
	if (it->family == RULES_FAMILY_BOLEH)
		return RULES_LEVEL_NONE;
	return (enum rules_level)rules_switch_value(&it->level, opt);
}
