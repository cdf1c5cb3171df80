/*
 * pages_aturan.c - the rules browser: GET /kantor/aturan (the catalog
 * grouped by family: SKB 2022 kode etik, SKB 2022 disiplin, PP 94/2021,
 * permitted conduct; with the readings this installation uses) and
 * GET /kantor/aturan/{id} (one item with everything the catalog says about
 * it: level under the readings, legal basis with dates, the sanction forms
 * of its level and what they mean for each employee status, keywords,
 * examples and sources).
 *
 * The catalog is the one the evaluator uses (app->check), so what an
 * officer reads here is what the recommendation builder applies.
 */
#include <string.h>

#include "app/app.h"
#include "check/check.h"
#include "core/str.h"
#include "rules/rules.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

static const enum rules_family families[] = {RULES_FAMILY_KE, RULES_FAMILY_D, RULES_FAMILY_PP94,
					     RULES_FAMILY_BOLEH};

static struct date
local_today(const struct principal *p)
{
	const struct tz *z = tz_find(str_from(p->tz));

	return time_local_date(clock_now(), (z ? z : &tz_wita)->offset_min);
}

/* "PP 94/2021 Pasal 14 huruf i; SKB 2022 Lampiran II" in force on d */
static json_t *
basis_text(const struct rules_item *it, struct date d)
{
	struct buf b = BUF_INIT;
	json_t *v;
	size_t i;

	buf_init(&b, 4096);
	for (i = 0; i < it->nbasis; i++) {
		const struct rules_basis *bs = &it->basis[i];

		if (!rules_period_contains(&bs->period, d))
			continue;
		if (b.len)
			buf_addstr(&b, "; ");
		buf_addstr(&b, bs->label ? bs->label : bs->regulation);
	}
	v = b.len ? json_string(buf_cstr(&b)) : json_null();
	buf_release(&b);
	return v ? v : json_null();
}

static json_t *
readings_view(const struct rules_catalog *cat, const struct rules_options *opt)
{
	json_t *arr = json_array();
	size_t i, k;

	for (i = 0; i < rules_reading_count(cat); i++) {
		const struct rules_reading *r = rules_reading_at(cat, i);
		const char *v = rules_options_value(opt, r), *note = NULL;

		for (k = 0; k < r->nvalues; k++)
			if (v && r->notes && strcmp(r->values[k], v) == 0)
				note = r->notes[k];
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s?, s:s?, s:b}", "id", r->id,
						     "title", r->title ? r->title : r->id, "value",
						     v, "note", note, "default",
						     v && r->def && strcmp(v, r->def) == 0));
	}
	return arr;
}

int
kantor_rules(struct http_request *req)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	const struct rules_catalog *cat;
	const struct rules_options *opt;
	struct date today;
	json_t *ctx, *groups;
	size_t f, i;

	ctx = web_officer_ctx(req, "kantor.rules.title");
	if (ctx == NULL)
		return 0;
	if (app->check == NULL) {
		struct errbuf eb;

		json_decref(ctx);
		errbuf_clear(&eb);
		errbuf_set(&eb, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
		return kantor_error(req, &eb);
	}
	cat = check_service_catalog(app->check);
	opt = check_service_options(app->check);
	today = local_today(auth_principal(req));
	json_object_set_new(ctx, "catalog_title", json_string(rules_catalog_title(cat)));
	json_object_set_new(ctx, "catalog_version", json_string(rules_catalog_version(cat)));
	json_object_set_new(ctx, "readings", readings_view(cat, opt));
	groups = json_array();
	for (f = 0; f < ARRAY_SIZE(families); f++) {
		json_t *items = json_array();
		char key[48];

		for (i = 0; i < rules_item_count(cat); i++) {
			const struct rules_item *it = rules_item_at(cat, i);
			const char *lv;

			if (it->family != families[f])
				continue;
			lv = rules_level_name(rules_item_level(it, opt));
			json_array_append_new(items,
					      json_pack("{s:s, s:s, s:s?, s:o}", "id", it->id,
							"title", it->title, "level_label",
							lv ? kantor_level_label(lang, lv) : NULL,
							"basis", basis_text(it, today)));
		}
		snprintf(key, sizeof(key), "kantor.rules.family.%s",
			 rules_family_name(families[f]));
		json_array_append_new(
			groups,
			json_pack("{s:s, s:s, s:o}", "id", rules_family_name(families[f]), "title",
				  kantor_text(lang, key, rules_family_name(families[f])), "items",
				  items));
	}
	json_object_set_new(ctx, "families", groups);
	return web_render(req, 200, "kantor_aturan", ctx);
}

/* The forms of the item's level in force on d, each with what it means for
 * the employee statuses that flag it (PPPK: no pangkat, ...). */
static json_t *
forms_view(const struct rules_catalog *cat, enum rules_level lv, struct date d)
{
	const struct rules_form_set *fs = rules_form_set_at(cat, lv, d);
	json_t *o, *forms;
	size_t i, k, s;

	if (fs == NULL)
		return json_null();
	forms = json_array();
	for (i = 0; i < fs->nforms; i++) {
		const struct rules_form *form = &fs->forms[i];
		json_t *notes = json_array();

		for (s = 0; s < rules_status_count(cat); s++) {
			const struct rules_status *st = rules_status_at(cat, s);

			if (!rules_form_flagged(st, form))
				continue;
			for (k = 0; k < form->nflags; k++) {
				const char *note = rules_form_flag_note(cat, form->flags[k]);
				size_t m;
				bool flagged = false;

				for (m = 0; m < st->nflag_forms; m++)
					flagged |= strcmp(st->flag_forms[m], form->flags[k]) == 0;
				if (flagged)
					json_array_append_new(
						notes,
						json_pack("{s:s, s:s}", "status", st->id, "note",
							  note ? note : form->flags[k]));
			}
		}
		json_array_append_new(forms, json_pack("{s:s, s:s, s:o}", "code", form->code,
						       "text", form->text, "notes", notes));
	}
	o = json_pack("{s:s?, s:s?, s:s?, s:o}", "regime", fs->regime, "basis", fs->basis.label,
		      "note", fs->note, "forms", forms);
	return o ? o : json_null();
}

int
kantor_rule(struct http_request *req)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	const struct rules_catalog *cat;
	const struct rules_options *opt;
	const struct rules_item *it;
	enum rules_level lv;
	json_t *ctx, *item, *v;
	const char *key, *timing;
	char fkey[48];

	if (app->check == NULL || req->nparams < 1 ||
	    (it = rules_item_find(check_service_catalog(app->check), req->params[0])) == NULL)
		return kantor_not_found(req, "Butir aturan tidak ditemukan dalam katalog.");
	ctx = web_officer_ctx(req, "kantor.rules.title");
	if (ctx == NULL)
		return 0;
	cat = check_service_catalog(app->check);
	opt = check_service_options(app->check);
	lv = rules_item_level(it, opt);
	item = rules_item_to_json(cat, it, opt, true);
	json_object_set_new(
		ctx, "title",
		json_sprintf("%s · %s", it->id, kantor_text(lang, "kantor.rules.title", "Aturan")));
	json_object_set_new(ctx, "level_label",
			    rules_level_name(lv)
				    ? json_string(kantor_level_label(lang, rules_level_name(lv)))
				    : json_null());
	snprintf(fkey, sizeof(fkey), "kantor.rules.family.%s", rules_family_name(it->family));
	json_object_set_new(ctx, "family_title",
			    json_string(kantor_text(lang, fkey, rules_family_name(it->family))));
	/* the reading that decides the level, with its values */
	v = json_object_get(item, "level_rule");
	if (json_is_object(v)) {
		json_t *vals = json_array(), *x;

		json_object_foreach(json_object_get(v, "values"), key, x) json_array_append_new(
			vals,
			json_pack("{s:s, s:s}", "when", key, "level",
				  kantor_level_label(
					  lang, json_string_value(x) ? json_string_value(x) : "")));
		json_object_set_new(ctx, "level_reading",
				    json_pack("{s:O, s:o}", "id", json_object_get(v, "reading"),
					      "values", vals));
	}
	timing = json_string_value(json_object_get(item, "timing"));
	if (timing) {
		snprintf(fkey, sizeof(fkey), "kantor.rules.timing.%s", timing);
		json_object_set_new(ctx, "timing_label",
				    json_string(kantor_text(lang, fkey, timing)));
	} else if (json_is_object(json_object_get(item, "timing"))) {
		json_object_set_new(ctx, "timing_label",
				    json_string(kantor_text(lang, "kantor.rules.timing.reading",
							    "menurut bacaan")));
	}
	json_object_set_new(ctx, "forms",
			    lv == RULES_LEVEL_NONE
				    ? json_null()
				    : forms_view(cat, lv, local_today(auth_principal(req))));
	json_object_set_new(ctx, "item", item);
	return web_render(req, 200, "kantor_aturan_butir", ctx);
}
