/*
 * rules_json.c - the JSON faces of the rules module: check requests in,
 * check answers and catalog items out, and the readable text answer.
 *
 * The shapes here are an interface (netra check --json, POST
 * /api/v1/check, GET /api/v1/rules): fields are only ever added.
 * Invariant: every request field is type-checked and bounded before use;
 * an unknown field is an error, never silently ignored.
 */
#include <math.h>
#include <string.h>

#include "core/str.h"
#include "rules/rules_internal.h"

static int
jfail(struct errbuf *eb, const char *code, const char *field, const char *msg)
{
	errbuf_set_code(
		eb, strcmp(code, "unknown_modifier") == 0 ? ERR_UNPROCESSABLE : ERR_INVALID_INPUT,
		code, "%s", msg);
	if (eb)
		cstr_copy(eb->field, sizeof(eb->field), field);
	return -1;
}

/* A string field: NULL when absent or null; -1 on a wrong type. */
static int
jstr(json_t *obj, const char *key, size_t max, const char **out, struct errbuf *eb)
{
	json_t *v = json_object_get(obj, key);
	char msg[160];

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v)) {
		snprintf(msg, sizeof(msg), "kolom '%s' harus berupa teks", key);
		return jfail(eb, "invalid_input", key, msg);
	}
	if (json_string_length(v) > max) {
		snprintf(msg, sizeof(msg),
			 "kolom '%s' terlalu panjang (%zu bait, paling banyak %zu)", key,
			 json_string_length(v), max);
		return jfail(eb, strcmp(key, "text") == 0 ? "text_too_long" : "invalid_input", key,
			     msg);
	}
	if (strlen(json_string_value(v)) != json_string_length(v))
		return jfail(eb, "invalid_input", key, "teks tidak boleh memuat karakter NUL");
	*out = json_string_value(v);
	return 0;
}

static int
jdate(json_t *obj, const char *key, struct date *d, bool *has, struct errbuf *eb)
{
	const char *s;
	char msg[160];

	*has = false;
	if (jstr(obj, key, 32, &s, eb) < 0)
		return -1;
	if (s == NULL || s[0] == '\0')
		return 0;
	if (date_parse(str_from(s), d) < 0) {
		snprintf(msg, sizeof(msg),
			 "kolom '%s' harus tanggal YYYY-MM-DD yang sah, bukan '%.32s'", key, s);
		return jfail(eb, "invalid_date", key, msg);
	}
	*has = true;
	return 0;
}

int
rules_facts_from_json(const struct rules_catalog *cat, json_t *obj, struct arena *a,
		      struct rules_facts *f, const char **election, struct errbuf *eb)
{
	static const char *const fields[] = {"text",
					     "item",
					     "status",
					     "date",
					     "handling_date",
					     "election",
					     "election_kind",
					     "penetapan",
					     "stage",
					     "modifiers",
					     "nip",
					     "id",
					     NULL};
	const char *key, *kind;
	json_t *val, *mods;
	size_t i;

	(void)a;
	rules_facts_init(f);
	*election = NULL;
	if (!json_is_object(obj))
		return jfail(eb, "invalid_input", "", "permintaan harus berupa objek JSON");
	json_object_foreach(obj, key, val)
	{
		bool known = false;

		(void)val;
		for (i = 0; fields[i]; i++)
			if (strcmp(fields[i], key) == 0)
				known = true;
		if (!known) {
			char msg[200];

			snprintf(msg, sizeof(msg),
				 "kolom '%.60s' tidak dikenal (kolom yang dikenal: text, item, "
				 "status, "
				 "date, handling_date, election, stage, modifiers, nip)",
				 key);
			return jfail(eb, "unknown_field", key, msg);
		}
	}
	if (jstr(obj, "text", RULES_MAX_TEXT, &f->text, eb) < 0 ||
	    jstr(obj, "item", 64, &f->item, eb) < 0 ||
	    jstr(obj, "status", 64, &f->status, eb) < 0 ||
	    jstr(obj, "election", 64, election, eb) < 0 ||
	    jstr(obj, "election_kind", 16, &kind, eb) < 0 ||
	    jstr(obj, "stage", 64, &f->stage_id, eb) < 0 ||
	    jdate(obj, "date", &f->date, &f->has_date, eb) < 0 ||
	    jdate(obj, "handling_date", &f->handling_date, &f->has_handling_date, eb) < 0 ||
	    jdate(obj, "penetapan", &f->penetapan, &f->has_penetapan, eb) < 0)
		return -1;
	if (f->text)
		f->text_len = strlen(f->text);
	f->stage_name = f->stage_id;
	if (kind) {
		if (strcmp(kind, "pemilu") == 0)
			f->election = RULES_ELECTION_PEMILU;
		else if (strcmp(kind, "pilkada") == 0)
			f->election = RULES_ELECTION_PILKADA;
		else
			return jfail(eb, "invalid_input", "election_kind",
				     "election_kind harus 'pemilu' atau 'pilkada'");
	}
	mods = json_object_get(obj, "modifiers");
	if (mods && !json_is_null(mods)) {
		if (!json_is_object(mods))
			return jfail(eb, "invalid_input", "modifiers",
				     "'modifiers' harus objek nama -> true/false");
		json_object_foreach(mods, key, val)
		{
			size_t idx;

			if (f->nmodifiers >= RULES_MAX_MODIFIERS)
				return jfail(eb, "invalid_input", "modifiers",
					     "terlalu banyak pengubah");
			if (rules_modifier_find(cat, key, &idx) == NULL) {
				char msg[200];

				snprintf(msg, sizeof(msg),
					 "pengubah '%.40s' tidak dikenal (lihat netra rules list)",
					 key);
				return jfail(eb, "unknown_modifier", "modifiers", msg);
			}
			if (!json_is_boolean(val) && !json_is_null(val))
				return jfail(eb, "invalid_input", "modifiers",
					     "nilai pengubah harus true, false atau null");
			f->modifiers[f->nmodifiers].id = key;
			f->modifiers[f->nmodifiers].value = json_is_null(val)   ? RULES_TRI_UNKNOWN
							    : json_is_true(val) ? RULES_TRI_YES
										: RULES_TRI_NO;
			f->nmodifiers++;
		}
	}
	return 0;
}

/* --- answers --------------------------------------------------------------------- */

static json_t *
jstr_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *
jdate_or_null(bool has, struct date d)
{
	char ds[DATE_STRLEN];

	if (!has)
		return json_null();
	date_format(d, ds);
	return json_string(ds);
}

static json_t *
str_list(const char *const *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *
basis_json(const struct rules_basis *b, bool dates)
{
	json_t *o = json_object();

	json_object_set_new(o, "text", json_string(b->label));
	json_object_set_new(o, "regulation", json_string(b->regulation));
	json_object_set_new(o, "pasal", jstr_or_null(b->pasal));
	json_object_set_new(o, "ayat", jstr_or_null(b->ayat));
	json_object_set_new(o, "huruf", jstr_or_null(b->huruf));
	json_object_set_new(o, "angka", jstr_or_null(b->angka));
	json_object_set_new(o, "note", jstr_or_null(b->note));
	json_object_set_new(o, "unconfirmed", json_boolean(b->unconfirmed));
	if (dates) {
		json_object_set_new(o, "effective_from",
				    jdate_or_null(b->period.has_from, b->period.from));
		json_object_set_new(o, "effective_to",
				    jdate_or_null(b->period.has_to, b->period.to));
		if (b->nstatuses)
			json_object_set_new(o, "statuses", str_list(b->statuses, b->nstatuses));
	}
	return o;
}

static json_t *
forms_json(const struct rules_catalog *cat, const struct rules_form_set *fs,
	   const struct rules_status *st)
{
	json_t *a = json_array();
	size_t i, k;

	if (fs == NULL)
		return a;
	for (i = 0; i < fs->nforms; i++) {
		const struct rules_form *fm = &fs->forms[i];
		json_t *o = json_object(), *notes = json_array();
		bool flagged = rules_form_flagged(st, fm);

		json_object_set_new(o, "code", json_string(fm->code));
		json_object_set_new(o, "text", json_string(fm->text));
		json_object_set_new(o, "flags", str_list(fm->flags, fm->nflags));
		json_object_set_new(o, "flagged", json_boolean(flagged));
		for (k = 0; flagged && k < fm->nflags; k++) {
			const char *note = rules_form_flag_note(cat, fm->flags[k]);
			size_t s;
			bool pointed = false;

			for (s = 0; s < st->nflag_forms; s++)
				if (strcmp(st->flag_forms[s], fm->flags[k]) == 0)
					pointed = true;
			if (note && pointed)
				json_array_append_new(notes, json_string(note));
		}
		json_object_set_new(o, "flag_notes", notes);
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
route_json(const struct rules_route *r)
{
	json_t *o;
	struct buf b = BUF_INIT;
	size_t k;

	if (r == NULL)
		return json_null();
	o = json_object();
	for (k = 0; k < r->nsteps; k++)
		buf_addf(&b, "%s%s", k ? " -> " : "", r->steps[k]);
	json_object_set_new(o, "id", json_string(r->id));
	json_object_set_new(o, "recommending", json_string(r->recommending));
	json_object_set_new(o, "steps", str_list(r->steps, r->nsteps));
	json_object_set_new(o, "summary", json_string(buf_cstr(&b)));
	json_object_set_new(o, "text", json_string(r->text));
	buf_release(&b);
	return o;
}

static double
round2(double x)
{
	return floor(x * 100 + 0.5) / 100;
}

json_t *
rules_result_to_json(const struct rules_catalog *cat, const struct rules_result *r)
{
	json_t *o = json_object(), *items = json_array(), *basis = json_array(), *mods;
	size_t i, k;

	json_object_set_new(o, "verdict", json_string(rules_verdict_name(r->verdict)));
	json_object_set_new(o, "level", jstr_or_null(rules_level_name(r->level)));
	json_object_set_new(o, "level_title", jstr_or_null(rules_level_title(cat, r->level)));
	for (i = 0; i < r->nitems; i++) {
		const struct rules_match *m = &r->items[i];
		json_t *it = json_object(), *lb = json_array();

		json_object_set_new(it, "id", json_string(m->item->id));
		json_object_set_new(it, "family", json_string(rules_family_name(m->item->family)));
		json_object_set_new(it, "title", json_string(m->item->title));
		json_object_set_new(it, "score", json_real(round2(m->score)));
		json_object_set_new(it, "matched", str_list(m->matched, m->nmatched));
		json_object_set_new(it, "level", jstr_or_null(rules_level_name(m->level)));
		json_object_set_new(it, "applies", json_boolean(m->applies && !m->covered_by));
		json_object_set_new(it, "conditional", json_boolean(m->conditional));
		json_object_set_new(it, "missing", str_list(m->missing, m->nmissing));
		json_object_set_new(it, "notes", str_list(m->notes, m->nnotes));
		json_object_set_new(it, "covered_by",
				    m->covered_by ? json_string(m->covered_by->id) : json_null());
		for (k = 0; k < m->nbasis; k++)
			json_array_append_new(lb, json_string(m->basis[k]->label));
		json_object_set_new(it, "legal_basis", lb);
		json_array_append_new(items, it);
	}
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "forms", forms_json(cat, r->forms, r->status));
	json_object_set_new(o, "forms_regime",
			    r->forms ? json_string(r->forms->regime) : json_null());
	for (k = 0; k < r->nbasis; k++)
		json_array_append_new(basis, basis_json(r->basis[k], false));
	json_object_set_new(o, "legal_basis", basis);
	{
		json_t *route = route_json(r->route);

		if (r->route) {
			json_object_set_new(route, "date", jdate_or_null(true, r->route_date));
			json_object_set_new(
				route, "date_source",
				json_string(r->route_date_given ? "handling_date" : "date"));
		}
		json_object_set_new(o, "route", route);
	}
	if (r->pidana) {
		json_t *p = route_json(r->pidana), *pb = json_array();

		for (k = 0; k < r->npidana_basis; k++)
			json_array_append_new(pb, basis_json(r->pidana_basis[k], false));
		json_object_set_new(p, "legal_basis", pb);
		json_object_set_new(o, "pidana", p);
	} else {
		json_object_set_new(o, "pidana", json_null());
	}
	json_object_set_new(o, "status",
			    json_pack("{s:s, s:s, s:s}", "id", r->status->id, "name",
				      r->status->name, "kind",
				      rules_status_kind_name(r->status->kind)));
	json_object_set_new(o, "date", jdate_or_null(r->has_date, r->date));
	mods = json_object();
	for (i = 0; i < r->nmodifiers; i++) {
		const struct rules_modifier_value *mv = &r->modifiers[i];
		json_t *m = json_object();

		json_object_set_new(m, "value",
				    mv->value == RULES_TRI_UNKNOWN
					    ? json_null()
					    : json_boolean(mv->value == RULES_TRI_YES));
		json_object_set_new(m, "source",
				    mv->value == RULES_TRI_UNKNOWN
					    ? json_null()
					    : json_string(mv->from_text ? "text" : "input"));
		json_object_set_new(m, "evidence", jstr_or_null(mv->evidence));
		json_object_set_new(mods, mv->modifier->id, m);
	}
	json_object_set_new(o, "modifiers", mods);
	json_object_set_new(o, "missing", str_list(r->missing, r->nmissing));
	json_object_set_new(o, "notes", str_list(r->notes, r->nnotes));
	json_object_set_new(o, "readings", str_list(r->readings, r->nreadings));
	json_object_set_new(o, "explanation", json_string(r->explanation));
	return o;
}

static json_t *
switch_json(const struct rules_switch *sw, const char *(*name)(int))
{
	json_t *o, *vals;
	size_t i;

	if (sw->reading == NULL)
		return jstr_or_null(name(sw->fixed));
	o = json_object();
	vals = json_object();
	json_object_set_new(o, "reading", json_string(sw->reading->id));
	for (i = 0; i < sw->n; i++)
		json_object_set_new(vals, sw->when[i], jstr_or_null(name(sw->value[i])));
	json_object_set_new(o, "values", vals);
	return o;
}

static const char *
level_name_int(int v)
{
	return rules_level_name((enum rules_level)v);
}

static const char *
timing_name_int(int v)
{
	switch (v) {
	case RULES_TIMING_BEFORE_PENETAPAN: return "before_penetapan";
	case RULES_TIMING_AFTER_PENETAPAN: return "after_penetapan";
	default: return "any";
	}
}

static const char *
cond_name(enum rules_cond c)
{
	switch (c) {
	case RULES_COND_YES: return "yes";
	case RULES_COND_NO: return "no";
	case RULES_COND_NOT_YES: return "not_yes";
	case RULES_COND_NOT_NO: return "not_no";
	}
	return "?";
}

json_t *
rules_item_to_json(const struct rules_catalog *cat, const struct rules_item *it,
		   const struct rules_options *opt, bool full)
{
	json_t *o = json_object();
	int lv = it->family == RULES_FAMILY_BOLEH ? RULES_LEVEL_NONE
						  : rules_switch_value(&it->level, opt);
	size_t i;

	json_object_set_new(o, "id", json_string(it->id));
	json_object_set_new(o, "family", json_string(rules_family_name(it->family)));
	json_object_set_new(o, "title", json_string(it->title));
	json_object_set_new(o, "level", jstr_or_null(rules_level_name((enum rules_level)lv)));
	json_object_set_new(o, "level_title",
			    jstr_or_null(rules_level_title(cat, (enum rules_level)lv)));
	if (!full)
		return o;
	{
		json_t *kw = json_array(), *ex, *lb = json_array(), *conds = json_object();
		json_t *pid = json_array(), *impl = json_array(), *see = json_array();

		json_object_set_new(o, "description", json_string(it->description));
		json_object_set_new(o, "note", jstr_or_null(it->note));
		json_object_set_new(o, "level_rule", switch_json(&it->level, level_name_int));
		json_object_set_new(o, "timing", switch_json(&it->timing, timing_name_int));
		ex = str_list(it->examples, it->nexamples);
		json_object_set_new(o, "examples", ex);
		for (i = 0; i < it->nkw; i++)
			json_array_append_new(kw, json_pack("{s:s, s:f, s:b}", "text",
							    it->kw[i].phrase->text, "weight",
							    it->kw[i].weight, "anchor",
							    it->kw[i].anchor));
		json_object_set_new(o, "keywords", kw);
		json_object_set_new(o, "min_score", json_real(it->min_score));
		for (i = 0; i < it->nconds; i++)
			json_object_set_new(conds, it->conds[i].modifier->id,
					    json_string(cond_name(it->conds[i].cond)));
		json_object_set_new(o, "conditions", conds);
		for (i = 0; i < it->nbasis; i++)
			json_array_append_new(lb, basis_json(&it->basis[i], true));
		json_object_set_new(o, "legal_basis", lb);
		for (i = 0; i < it->npidana; i++)
			json_array_append_new(
				pid,
				json_pack("{s:s, s:o}", "election",
					  it->pidana[i].election == RULES_ELECTION_PEMILU
						  ? "pemilu"
						  : "pilkada",
					  "legal_basis", basis_json(&it->pidana[i].basis, false)));
		json_object_set_new(o, "pidana", pid);
		for (i = 0; i < it->nimplements; i++)
			json_array_append_new(impl, json_string(it->implements[i]->id));
		json_object_set_new(o, "implements", impl);
		for (i = 0; i < it->nsee_also; i++)
			json_array_append_new(see, json_string(it->see_also[i]->id));
		json_object_set_new(o, "see_also", see);
		json_object_set_new(o, "effective_from",
				    jdate_or_null(it->period.has_from, it->period.from));
		json_object_set_new(o, "effective_to",
				    jdate_or_null(it->period.has_to, it->period.to));
		json_object_set_new(o, "sources", str_list(it->sources, it->nsources));
		json_object_set_new(o, "file", json_string(it->file));
		json_object_set_new(o, "line", json_integer(it->line));
	}
	return o;
}

void
rules_result_format_text(const struct rules_result *r, struct buf *out)
{
	buf_addstr(out, r->explanation ? r->explanation : "");
	buf_addch(out, '\n');
}
