/*
 * load_items.c - catalog items: identity, texts, keywords (compiled with
 * the lexicon), levels and other fields a reading may switch, modifier
 * conditions, legal basis by date and status, criminal-law references,
 * and the second pass that resolves "implements" and "see_also".
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "rules/loader.h"

/* A switch value parser: JSON -> int, -1 when invalid. */
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
			return verr_at(v, key, "%s: '%s' harus %s, atau objek {reading, values}",
				       what, key, expect);
		return 0;
	}
	push_key(v, key);
	if (check_fields(v, val, fields, what) < 0 ||
	    get_str(v, val, "reading", true, MAX_ID, &rid, what) < 0)
		goto fail;
	sw->reading = rules_reading_find(cat, rid);
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
			verr(v,
			     "%s: kata kunci '%s' kosong setelah normalisasi (hanya kata henti?)",
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
			verr_at(v, k, "%s: syarat untuk '%s' harus yes, no, not_yes atau not_no",
				what, k);
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

int
load_item(struct vctx *v, json_t *o)
{
	static const char *const fields[] = {
		"id",         "family",      "title",          "description",  "examples",
		"anchors",    "keywords",    "min_score",      "level",        "timing",
		"active",     "legal_basis", "effective_from", "effective_to", "conditions",
		"implements", "see_also",    "pidana",         "sources",      "note",
		NULL};
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
		return verr_at(v, "family", "%s: family '%s' tidak dikenal (KE, D, PP94, boleh)",
			       what, fam);
	it.min_score = cat->min_score;
	if (get_str(v, o, "title", true, MAX_SHORT, &it.title, what) < 0 ||
	    get_str(v, o, "description", true, MAX_TEXT, &it.description, what) < 0 ||
	    get_str(v, o, "note", false, MAX_TEXT, &it.note, what) < 0 ||
	    get_str_list(v, o, "examples", false, MAX_TEXT, &it.examples, &it.nexamples, what) <
		    0 ||
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
		return verr_at(v, "keywords", "%s: 'keywords' harus daftar (paling banyak %d)",
			       what, MAX_LIST);
	it.kw = arena_array(&cat->arena, json_array_size(anchors) + json_array_size(kws) + 1,
			    sizeof(*it.kw));
	if (load_keywords(v, o, "anchors", true, 3, &it, what) < 0 ||
	    load_keywords(v, o, "keywords", false, 1, &it, what) < 0)
		return -1;
	if (it.family == RULES_FAMILY_BOLEH) {
		if (json_object_get(o, "level"))
			return verr_at(v, "level", "%s: butir boleh tidak memiliki tingkat sanksi",
				       what);
		it.level.fixed = RULES_LEVEL_NONE;
	} else {
		if (json_object_get(o, "level") == NULL)
			return verr(v, "%s: kolom 'level' wajib ada", what);
		if (load_switch(v, o, "level", parse_level_val, RULES_LEVEL_NONE,
				"tingkat (moral, ringan, sedang, berat, ptdh)", &it.level,
				what) < 0)
			return -1;
	}
	if (load_switch(v, o, "timing", parse_timing_val, RULES_TIMING_ANY,
			"any, before_penetapan atau after_penetapan", &it.timing, what) < 0 ||
	    load_switch(v, o, "active", parse_bool_val, 1, "true atau false", &it.active, what) <
		    0 ||
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
	it.line = jpos_line(
		v->f->text, v->f->len,
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
	*list = arena_array(&cat->arena, json_array_size(arr) + 1,
			    sizeof(const struct rules_item *));
	json_array_foreach(arr, i, el)
	{
		const struct rules_item *t =
			json_is_string(el) ? rules_item_find(cat, json_string_value(el)) : NULL;

		if (t == NULL || t == it || (pp94_only && t->family != RULES_FAMILY_PP94)) {
			push_key(v, key);
			push_index(v, i);
			verr(v,
			     "butir %s: '%s' harus menyebut butir %syang ada, selain dirinya "
			     "('%s')",
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

int
resolve_implements(struct vctx *v, json_t *o)
{
	if (resolve_refs(v, o, "implements", true) < 0)
		return -1;
	return resolve_refs(v, o, "see_also", false);
}
