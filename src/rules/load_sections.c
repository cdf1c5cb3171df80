/*
 * load_sections.c - the catalog sections other than items: meta, lexicon,
 * modifiers, readings, level names, form flags, sanction form sets,
 * employee statuses and routes.  Each loader validates one element and
 * appends it to the catalog; cross-references point only to sections
 * loaded earlier (catalog_load.c runs them in dependency order).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/xalloc.h"
#include "rules/loader.h"

int
load_meta(struct vctx *v, json_t *m)
{
	static const char *const fields[] = {
		"title",     "version",         "coverage_from", "coverage_to",     "coverage_note",
		"min_score", "relative_cutoff", "max_gap",       "modifier_weight", "sources",
		NULL};
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
	cat->modifier_weight = 3;
	if (check_fields(v, m, fields, "meta") < 0)
		rc = -1;
	if (get_str(v, m, "title", true, MAX_SHORT, &cat->title, "meta") < 0 ||
	    get_str(v, m, "version", true, MAX_ID, &cat->version, "meta") < 0 ||
	    get_str(v, m, "coverage_note", false, MAX_TEXT, &cat->coverage_note, "meta") < 0 ||
	    get_date(v, m, "coverage_from", &cat->coverage.from, &cat->coverage.has_from, "meta") <
		    0 ||
	    get_date(v, m, "coverage_to", &cat->coverage.to, &cat->coverage.has_to, "meta") < 0 ||
	    get_number(v, m, "min_score", 0.1, 1000, &cat->min_score, "meta") < 0 ||
	    get_number(v, m, "relative_cutoff", 0, 1, &cat->relative_cutoff, "meta") < 0 ||
	    get_number(v, m, "max_gap", 0, 10, &gap, "meta") < 0 ||
	    get_number(v, m, "modifier_weight", 0, 100, &cat->modifier_weight, "meta") < 0 ||
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
			rc = verr_at(v, k, "lexicon.%s: nilai untuk '%s' harus teks pendek", key,
				     k);
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

/* "negator_scopes": {"dilarang": 6}: words that negate several tokens. */
static int
lex_scopes(struct vctx *v, json_t *obj)
{
	json_t *m = json_object_get(obj, "negator_scopes"), *val;
	const char *k;

	if (m == NULL)
		return 0;
	if (!json_is_object(m))
		return verr_at(v, "negator_scopes",
			       "lexicon: 'negator_scopes' harus objek kata -> angka");
	push_key(v, "negator_scopes");
	json_object_foreach(m, k, val)
	{
		struct errbuf eb;
		json_int_t scope = json_is_integer(val) ? json_integer_value(val) : 0;

		if (scope < 1 || scope > TEXT_MAX_SCOPE ||
		    text_lexicon_add_negator_scope(v->ld->cat->lx, k, (unsigned)scope, &eb) < 0) {
			verr_at(v, k,
				"lexicon.negator_scopes: '%s' harus kata dengan jangkauan 1 sampai "
				"%d",
				k, TEXT_MAX_SCOPE);
			pop(v);
			return -1;
		}
	}
	pop(v);
	return 0;
}

int
load_lexicon(struct vctx *v, json_t *lx)
{
	static const char *const fields[] = {
		"abbreviations",  "stopwords",      "stems", "negators",
		"negator_scopes", "scope_breakers", NULL};

	if (check_fields(v, lx, fields, "lexicon") < 0 && !v->ld->lint)
		return -1;
	if (lex_map(v, lx, "abbreviations", text_lexicon_add_abbrev) < 0 ||
	    lex_map(v, lx, "stems", text_lexicon_add_stem) < 0 ||
	    lex_list(v, lx, "stopwords", text_lexicon_add_stopword) < 0 ||
	    lex_list(v, lx, "negators", text_lexicon_add_negator) < 0 ||
	    lex_list(v, lx, "scope_breakers", text_lexicon_add_breaker) < 0 ||
	    lex_scopes(v, lx) < 0)
		return -1;
	return 0;
}

/* Compile a list of phrases (strings) for a modifier. */
static int
compile_phrases(struct vctx *v, json_t *obj, const char *key, struct text_phrase **out, size_t *n,
		const char *what)
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
			verr(v, "%s: frasa '%s' kosong setelah normalisasi (hanya kata henti?)",
			     what, list[i]);
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

int
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

int
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
	if (rules_reading_find(cat, r.id))
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
			verr_at(v, k, "%s: nilai '%s' harus id sederhana dengan catatan teks", what,
				k);
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

int
load_levels(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"moral", "ringan", "sedang", "berat", "ptdh", NULL};
	struct rules_catalog *cat = v->ld->cat;
	int i;

	if (check_fields(v, o, fields, "levels") < 0)
		return -1;
	for (i = RULES_LEVEL_MORAL; i <= RULES_LEVEL_PTDH; i++) {
		const char *t;

		if (get_str(v, o, rules_level_name((enum rules_level)i), false, MAX_SHORT, &t,
			    "levels") < 0)
			return -1;
		if (t) {
			if (cat->level_titles[i])
				return verr_at(v, rules_level_name((enum rules_level)i),
					       "levels: '%s' sudah ditulis di berkas lain",
					       rules_level_name((enum rules_level)i));
			cat->level_titles[i] = t;
		}
	}
	return 0;
}

int
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
		if (rules_flag_known(cat, k))
			return verr_at(v, k, "form_flags: '%s' ganda", k);
		cat->flags = xreallocarray(cat->flags, cat->nflags + 1, sizeof(*cat->flags));
		cat->flags[cat->nflags].id = arena_strdup(&cat->arena, k);
		cat->flags[cat->nflags++].note = arena_strdup(&cat->arena, json_string_value(val));
	}
	return 0;
}

int
load_form_set(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"level",          "regime",       "legal_basis",
					     "effective_from", "effective_to", "forms",
					     "note",           "sources",      NULL};
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
		return verr_at(v, "level",
			       "form_sets: tingkat '%s' tidak dikenal "
			       "(moral, ringan, sedang, berat, ptdh)",
			       lv);
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
			if (!rules_flag_known(cat, fm->flags[k])) {
				verr_at(v, "flags",
					"bentuk hukuman: tanda '%s' tidak ada di form_flags",
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
			return verr_at(v, fs.period.has_from ? "effective_from" : "effective_to",
				       "form_sets: masa berlaku tingkat %s (%s) bertumpang tindih "
				       "dengan %s",
				       lv, fs.regime, o2->regime);
	}
	cat->form_sets[cat->nform_sets++] = fs;
	return 0;
fail:
	pop(v);
	pop(v);
	return -1;
}

int
load_status(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {"id",   "name",    "kind",    "aliases", "flag_forms",
					     "note", "sources", "name_en", NULL};
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
	    get_str(v, o, "name_en", false, MAX_SHORT, &s.name_en, what) < 0 ||
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
		return verr_at(v, "kind", "%s: kind '%s' tidak dikenal (asn, not_asn, unknown)",
			       what, kind);
	if (rules_status_find(cat, s.id))
		return verr_at(v, "id", "%s: id atau alias sudah dipakai", what);
	for (i = 0; i < s.naliases; i++)
		if (rules_status_find(cat, s.aliases[i]))
			return verr_at(v, "aliases", "%s: alias '%s' sudah dipakai", what,
				       s.aliases[i]);
	for (i = 0; i < s.nflag_forms; i++)
		if (!rules_flag_known(cat, s.flag_forms[i]))
			return verr_at(v, "flag_forms", "%s: tanda '%s' tidak ada di form_flags",
				       what, s.flag_forms[i]);
	cat->statuses[cat->nstatuses++] = s;
	return 0;
}

int
load_route(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {
		"id",           "kind",         "statuses", "effective_from",
		"effective_to", "recommending", "steps",    "text",
		"also_pidana",  "sources",      NULL};
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
		return verr_at(v, "kind",
			       "%s: kind '%s' tidak dikenal (sanction, referral, pidana)", what,
			       kind);
	if (r.nsteps == 0)
		return verr_at(v, "steps", "%s: 'steps' tidak boleh kosong", what);
	if (r.kind == RULES_ROUTE_PIDANA) {
		for (i = 0; i < cat->nroutes; i++)
			if (cat->routes[i].kind == RULES_ROUTE_PIDANA)
				return verr_at(v, "kind", "%s: hanya boleh ada satu rute pidana",
					       what);
	} else if (r.nstatuses == 0) {
		return verr_at(v, "statuses", "%s: 'statuses' tidak boleh kosong", what);
	}
	for (i = 0; i < r.nstatuses; i++)
		if (rules_status_find_id(cat, r.statuses[i]) == NULL)
			return verr_at(v, "statuses", "%s: status '%s' tidak dikenal", what,
				       r.statuses[i]);
	cat->routes[cat->nroutes++] = r;
	return 0;
}
