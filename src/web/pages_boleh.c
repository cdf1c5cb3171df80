/*
 * pages_boleh.c - /boleh, "Boleh atau tidak?": the decision aid.  A GET
 * form (so an answer can be linked and bookmarked) asks for a catalog item
 * or a free-text description, the employee status, the date, the election
 * and the circumstances (atribut, fasilitas negara, mengerahkan bawahan,
 * cuti, dukungan aktif); the answer comes from the check service
 * (check_run) and is shown in plain words: the verdict, the items that
 * apply and those that would apply if something else were true, the level
 * and the forms the PPK may choose, the legal basis, where the matter
 * goes, what is missing, and the evaluator's own explanation.
 *
 * Invariant: this file judges nothing; items, statuses, modifiers and
 * every legal text come from the catalog (data/rules/).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/app.h"
#include "check/check.h"
#include "rules/rules.h"
#include "web/boleh_query.h"
#include "web/i18n.h"
#include "web/publik.h"
#include "web/web.h"

static const char *
str_of(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A catalog message by prefix and id, or fallback when there is none. */
static const char *
label(const struct i18n *lang, const char *prefix, const char *id, const char *fallback)
{
	char key[96];
	const char *s;

	snprintf(key, sizeof(key), "%s%s", prefix, id ? id : "");
	s = i18n_get(lang, key);
	return strcmp(s, key) == 0 ? fallback : s;
}

static const char *
level_title(const struct rules_catalog *cat, const char *level)
{
	enum rules_level lv;

	if (level == NULL || rules_level_parse(level, &lv) < 0)
		return NULL;
	return rules_level_title(cat, lv);
}

/* The items of the catalog grouped by family, permitted conduct first. */
static json_t *
item_groups(const struct rules_catalog *cat, const struct i18n *lang, const char *selected)
{
	static const enum rules_family order[] = {RULES_FAMILY_BOLEH, RULES_FAMILY_KE,
						  RULES_FAMILY_D, RULES_FAMILY_PP94};
	json_t *groups = json_array();
	size_t g, i;

	for (g = 0; g < sizeof(order) / sizeof(order[0]); g++) {
		json_t *items = json_array();

		for (i = 0; i < rules_item_count(cat); i++) {
			const struct rules_item *it = rules_item_at(cat, i);

			if (it->family != order[g])
				continue;
			json_array_append_new(
				items, json_pack("{s:s, s:s, s:b}", "id", it->id, "title",
						 it->title, "selected",
						 selected && strcasecmp(selected, it->id) == 0));
		}
		if (json_array_size(items) == 0) {
			json_decref(items);
			continue;
		}
		json_array_append_new(
			groups, json_pack("{s:s, s:o}", "label",
					  label(lang, "boleh.family.", rules_family_name(order[g]),
						rules_family_name(order[g])),
					  "items", items));
	}
	return groups;
}

/* The question's fields, for the form (as asked, or the defaults). */
static void
add_form(struct http_request *req, json_t *ctx, json_t *q, bool asked)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	const struct rules_catalog *cat = check_service_catalog(app->check);
	const char *status = str_of(q, "status");
	json_t *arr, *mods = json_object_get(q, "modifiers");
	char home[3], today[DATE_STRLEN];
	struct date d = publik_today(publik_home_zone(app, home));
	size_t i;

	json_object_set_new(ctx, "groups", item_groups(cat, lang, str_of(q, "item")));
	json_object_set_new(ctx, "teks", json_string(str_of(q, "text")));
	arr = json_array();
	for (i = 0; i < rules_status_count(cat); i++) {
		const struct rules_status *st = rules_status_at(cat, i);

		if (strcmp(st->id, "unknown") == 0)
			continue; /* the "tidak tahu" option of the select */
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "id", st->id, "name",
						     st->name, "selected",
						     status && strcasecmp(status, st->id) == 0));
	}
	json_object_set_new(ctx, "statuses", arr);
	arr = json_array();
	for (i = 0; i < rules_modifier_count(cat); i++) {
		const struct rules_modifier *m = rules_modifier_at(cat, i);

		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:b}", "id", m->id, "title", m->title,
						"checked", json_object_get(mods, m->id) != NULL));
	}
	json_object_set_new(ctx, "modifiers", arr);
	date_format(d, today);
	json_object_set_new(ctx, "tanggal",
			    json_string(str_of(q, "date") ? str_of(q, "date") : today));
	json_object_set_new(
		ctx, "elections",
		publik_elections(
			app_cal(app), lang,
			asked ? (str_of(q, "election") ? str_of(q, "election") : "") : NULL, d));
}

static json_t *
items_view(const struct rules_catalog *cat, const struct i18n *lang, json_t *answer,
	   bool conditional)
{
	json_t *arr = json_array(), *it;
	size_t i;

	json_array_foreach(json_object_get(answer, "items"), i, it)
	{
		bool cond = json_is_true(json_object_get(it, "conditional"));

		if (!json_is_true(json_object_get(it, "applies")) || cond != conditional)
			continue;
		json_array_append_new(
			arr, json_pack("{s:s?, s:s?, s:s?, s:s?, s:O?, s:O?, s:b}", "id",
				       str_of(it, "id"), "title", str_of(it, "title"), "family",
				       label(lang, "boleh.family.", str_of(it, "family"),
					     str_of(it, "family")),
				       "level", level_title(cat, str_of(it, "level")), "notes",
				       json_object_get(it, "notes"), "basis",
				       json_object_get(it, "legal_basis"), "permitted",
				       str_of(it, "family") &&
					       strcmp(str_of(it, "family"), "boleh") == 0));
	}
	return arr;
}

/* What the evaluator still needs, in words. */
static json_t *
missing_view(const struct rules_catalog *cat, const struct i18n *lang, json_t *answer)
{
	json_t *arr = json_array(), *m;
	size_t i;

	json_array_foreach(json_object_get(answer, "missing"), i, m)
	{
		const char *code = json_string_value(m);
		const struct rules_modifier *mod;
		size_t at;

		if (code == NULL)
			continue;
		if (strncmp(code, "modifiers.", 10) == 0 &&
		    (mod = rules_modifier_find(cat, code + 10, &at)) != NULL)
			json_array_append_new(arr, json_string(mod->title));
		else
			json_array_append_new(
				arr, json_string(label(lang, "boleh.missing.", code, code)));
	}
	return arr;
}

static void
add_answer(struct http_request *req, json_t *ctx, json_t *answer)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	const struct rules_catalog *cat = check_service_catalog(app->check);
	const char *verdict = str_of(answer, "verdict");
	json_t *a = json_object(), *mods, *v, *detected = json_array();
	const char *key;

	json_object_set_new(a, "verdict", json_string(verdict));
	json_object_set_new(a, "headline",
			    json_string(label(lang, "boleh.verdict.", verdict, verdict)));
	json_object_set_new(a, "lead", json_string(label(lang, "boleh.lead.", verdict, "")));
	json_object_set_new(a, "tone",
			    json_string(strcmp(verdict, "boleh") == 0         ? "ok"
					: strcmp(verdict, "pelanggaran") == 0 ? "no"
									      : "info"));
	json_object_set_new(a, "level", json_incref(json_object_get(answer, "level_title")));
	json_object_set_new(a, "items", items_view(cat, lang, answer, false));
	json_object_set_new(a, "conditional", items_view(cat, lang, answer, true));
	json_object_set_new(a, "forms", json_incref(json_object_get(answer, "forms")));
	json_object_set_new(a, "forms_regime",
			    json_incref(json_object_get(answer, "forms_regime")));
	json_object_set_new(a, "basis", json_incref(json_object_get(answer, "legal_basis")));
	json_object_set_new(a, "route", json_incref(json_object_get(answer, "route")));
	json_object_set_new(a, "pidana", json_incref(json_object_get(answer, "pidana")));
	json_object_set_new(a, "missing", missing_view(cat, lang, answer));
	json_object_set_new(a, "notes", json_incref(json_object_get(answer, "notes")));
	json_object_set_new(a, "explanation", json_incref(json_object_get(answer, "explanation")));
	json_object_set_new(a, "status", json_incref(json_object_get(answer, "status")));
	json_object_set_new(a, "election", json_incref(json_object_get(answer, "election")));
	mods = json_object_get(answer, "modifiers");
	json_object_foreach(mods, key, v)
	{
		size_t at;
		const struct rules_modifier *m = rules_modifier_find(cat, key, &at);

		if (str_of(v, "source") && strcmp(str_of(v, "source"), "text") == 0 && m)
			json_array_append_new(
				detected, json_pack("{s:s, s:b, s:s?}", "title", m->title, "yes",
						    json_is_true(json_object_get(v, "value")),
						    "evidence", str_of(v, "evidence")));
	}
	json_object_set_new(a, "detected", detected);
	{
		static const char *const lists[] = {"items",    "conditional", "missing", "forms",
						    "detected", "basis",       "notes"};
		char has[32];
		size_t i;

		for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
			snprintf(has, sizeof(has), "has_%s", lists[i]);
			json_object_set_new(
				a, has,
				json_boolean(json_array_size(json_object_get(a, lists[i]))));
		}
	}
	json_object_set_new(ctx, "answer", a);
}

int
web_boleh_page(struct http_request *req)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	json_t *ctx = publik_ctx(req, "boleh.title"), *q, *answer = NULL;
	struct errbuf eb;
	bool asked;
	int status = 200;

	if (app->check == NULL) {
		json_decref(ctx);
		errbuf_clear(&eb);
		errbuf_set(&eb, ERR_UNAVAILABLE, "Katalog aturan tidak dimuat.");
		return web_error_page(req, &eb);
	}
	q = boleh_request_json(&req->query, &asked);
	add_form(req, ctx, q, asked);
	if (asked) {
		errbuf_clear(&eb);
		if (check_run(app->check, q, &req->arena, &answer, NULL, &eb) == 0) {
			add_answer(req, ctx, answer);
			json_decref(answer);
		} else {
			const char *field = boleh_form_field(eb.field);

			json_object_set_new(ctx, "error",
					    json_pack("{s:s, s:s}", "msg", eb.msg, "field", field));
			if (field[0])
				json_object_set_new(ctx, "e", json_pack("{s:s}", field, eb.msg));
			status = err_info(eb.kind)->http_status;
		}
	} else if (form_get(&req->query, "butir") || form_get(&req->query, "teks") ||
		   form_get(&req->query, "q")) {
		/* the form was sent without a conduct */
		json_object_set_new(ctx, "error",
				    json_pack("{s:s, s:s}", "msg",
					      i18n_get(lang, "boleh.err.conduct"), "field",
					      "butir"));
		status = 400;
	}
	json_decref(q);
	return web_render(req, status, "boleh", ctx);
}
