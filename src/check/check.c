/*
 * check.c - the check service: request JSON -> facts (with the election
 * resolved through the calendar) -> rules_check() -> answer JSON.
 *
 * Invariant: nothing here decides a legal question; it only gathers the
 * facts the evaluator needs and shapes the answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "check/check.h"
#include "ident/ident.h"
#include "core/config.h"
#include "core/str.h"
#include "core/xalloc.h"

struct check_service {
	struct rules_catalog *cat;
	struct rules_options opt;
	const struct calendar *cal;
	const struct calendar_live *live; /* when set, wins over cal */
};

void
check_service_follow(struct check_service *s, const struct calendar_live *live)
{
	s->live = live;
}

static const struct calendar *
service_cal(const struct check_service *s)
{
	return s->live ? calendar_live_get(s->live) : s->cal;
}

int
check_service_new(struct check_service **out, const struct config *cfg, const struct calendar *cal,
		  struct errbuf *eb)
{
	struct check_service *s = xcalloc(1, sizeof(*s));

	*out = NULL;
	s->cal = cal;
	rules_options_init(&s->opt);
	if (rules_catalog_load(&s->cat, cfg->knowledge_dir, eb) < 0 ||
	    rules_options_from_config(&s->opt, s->cat, cfg, eb) < 0) {
		check_service_free(s);
		return -1;
	}
	*out = s;
	return 0;
}

void
check_service_free(struct check_service *s)
{
	if (s == NULL)
		return;
	rules_catalog_free(s->cat);
	free(s);
}

const struct rules_catalog *
check_service_catalog(const struct check_service *s)
{
	return s->cat;
}

const struct rules_options *
check_service_options(const struct check_service *s)
{
	return &s->opt;
}

static int
set_error(struct errbuf *eb, const char *code, const char *field, const char *msg)
{
	errbuf_set_code(
		eb, strcmp(code, "unknown_election") == 0 ? ERR_UNPROCESSABLE : ERR_INVALID_INPUT,
		code, "%s", msg);
	if (eb)
		cstr_copy(eb->field, sizeof(eb->field), field);
	return -1;
}

static json_t *
election_json(const struct election *e, const struct election_stage *stage)
{
	char ds[DATE_STRLEN];
	json_t *o;

	if (e == NULL)
		return json_null();
	o = json_object();
	json_object_set_new(o, "id", json_string(e->id));
	json_object_set_new(o, "name", json_string(e->name));
	json_object_set_new(o, "kind", json_string(calendar_election_kind_name(e->kind)));
	if (e->clock != e->kind)
		json_object_set_new(o, "follows", json_string(calendar_election_clock_name(e)));
	if (e->has_penetapan) {
		date_format(e->penetapan, ds);
		json_object_set_new(o, "penetapan", json_string(ds));
	} else {
		json_object_set_new(o, "penetapan", json_null());
	}
	json_object_set_new(o, "penetapan_note", json_string(e->penetapan_note));
	json_object_set_new(o, "stage",
			    stage ? json_pack("{s:s, s:s}", "id", stage->id, "name", stage->name)
				  : json_null());
	return o;
}

int
check_run(const struct check_service *s, json_t *req, struct arena *a, json_t **answer,
	  struct rules_result *res, struct errbuf *eb)
{
	struct rules_result local;
	struct rules_facts f;
	const struct election *e = NULL;
	const struct election_stage *stage = NULL;
	const char *election = NULL;
	json_t *nip, *id;

	*answer = NULL;
	if (res == NULL)
		res = &local;
	if (rules_facts_from_json(s->cat, req, a, &f, &election, eb) < 0)
		return -1;
	nip = json_object_get(req, "nip");
	if (nip && !json_is_null(nip)) {
		const struct rules_status *st = rules_status_find(s->cat, f.status ? f.status : "");

		if (!json_is_string(nip))
			return set_error(eb, "invalid_nip", "nip",
					 "NIP harus berupa teks 18 angka");
		{
			/* the identifier module decides; no plausibility limits are applied
			 * here (they are warnings, not facts about the conduct) */
			struct ident_opts io = {NULL, NULL, {0, 0, 0}};
			struct ident_result ir;
			bool pppk = st && strcmp(st->id, "PPPK") == 0;
			int rc = pppk ? ident_parse_ni_pppk(json_string_value(nip),
							    json_string_length(nip), &io, &ir, eb)
				      : ident_parse_nip(json_string_value(nip),
							json_string_length(nip), &io, &ir, eb);

			if (rc < 0) {
				eb->kind = ERR_INVALID_INPUT; /* a bad request field here */
				eb->code = "invalid_nip";
				cstr_copy(eb->field, sizeof(eb->field), "nip");
				return -1;
			}
		}
	}
	if (election && election[0]) {
		const struct calendar *cal = service_cal(s);

		e = cal ? calendar_election_find(cal, election) : NULL;
		if (e == NULL) {
			struct buf l = BUF_INIT;
			char msg[320];
			size_t i;

			for (i = 0; cal && i < calendar_election_count(cal); i++)
				buf_addf(&l, "%s%s", i ? ", " : "",
					 calendar_election_at(cal, i)->id);
			snprintf(msg, sizeof(msg),
				 "pemilihan '%.40s' tidak ada di kalender (pilihan: %s)", election,
				 l.len ? buf_cstr(&l) : "kalender tidak dimuat");
			buf_release(&l);
			return set_error(eb, "unknown_election", "election", msg);
		}
		f.election = e->clock == ELECTION_PEMILU ? RULES_ELECTION_PEMILU
							 : RULES_ELECTION_PILKADA;
		f.election_id = e->id;
		f.election_name = e->name;
		if (!f.has_penetapan && e->has_penetapan) {
			f.penetapan = e->penetapan;
			f.has_penetapan = true;
			f.penetapan_note = e->penetapan_note;
		}
		if (f.stage_id == NULL && f.has_date) {
			stage = calendar_stage_at(e, f.date);
			if (stage) {
				f.stage_id = stage->id;
				f.stage_name = stage->name;
			}
		}
	}
	if (rules_check(s->cat, &s->opt, &f, a, res, eb) < 0)
		return -1;
	*answer = rules_result_to_json(s->cat, res);
	json_object_set_new(*answer, "election", election_json(e, stage));
	id = json_object_get(req, "id");
	if (id && (json_is_string(id) || json_is_integer(id)))
		json_object_set(*answer, "id", id);
	return 0;
}

int
check_run_text(const struct check_service *s, const char *text, size_t len, struct arena *a,
	       json_t **answer, struct rules_result *res, struct errbuf *eb)
{
	json_error_t jerr;
	json_t *req;
	int rc;

	*answer = NULL;
	if (len > CHECK_MAX_REQUEST) {
		errbuf_set_code(eb, ERR_PAYLOAD_TOO_LARGE, "request_too_large",
				"permintaan terlalu besar (%zu bait, paling banyak %d)", len,
				CHECK_MAX_REQUEST);
		return -1;
	}
	req = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
	if (req == NULL) {
		errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_json",
				"JSON tidak sah (kolom %d): %s", jerr.column, jerr.text);
		return -1;
	}
	rc = check_run(s, req, a, answer, res, eb);
	json_decref(req);
	return rc;
}

json_t *
check_error_json(const struct errbuf *eb)
{
	return json_pack("{s:{s:s, s:s, s:s}}", "error", "code", errbuf_code(eb), "message",
			 eb->msg, "field", eb->field);
}

json_t *
check_catalog_json(const struct check_service *s)
{
	const struct rules_catalog *cat = s->cat;
	json_t *o = json_object(), *items = json_array(), *st = json_array(), *mods = json_array();
	json_t *rd = json_array();
	struct rules_period cov = rules_catalog_coverage(cat);
	char from[DATE_STRLEN], to[DATE_STRLEN];
	size_t i, k;

	date_format(cov.from, from);
	date_format(cov.to, to);
	json_object_set_new(o, "catalog",
			    json_pack("{s:s, s:s, s:s, s:s}", "title", rules_catalog_title(cat),
				      "version", rules_catalog_version(cat), "coverage_from", from,
				      "coverage_to", to));
	for (i = 0; i < rules_item_count(cat); i++)
		json_array_append_new(
			items, rules_item_to_json(cat, rules_item_at(cat, i), &s->opt, false));
	json_object_set_new(o, "items", items);
	for (i = 0; i < rules_status_count(cat); i++) {
		const struct rules_status *x = rules_status_at(cat, i);
		json_t *al = json_array();

		for (k = 0; k < x->naliases; k++)
			json_array_append_new(al, json_string(x->aliases[k]));
		json_array_append_new(
			st, json_pack("{s:s, s:s, s:s, s:o}", "id", x->id, "name", x->name, "kind",
				      rules_status_kind_name(x->kind), "aliases", al));
	}
	json_object_set_new(o, "statuses", st);
	for (i = 0; i < rules_modifier_count(cat); i++) {
		const struct rules_modifier *m = rules_modifier_at(cat, i);
		json_t *al = json_array();

		for (k = 0; k < m->naliases; k++)
			json_array_append_new(al, json_string(m->aliases[k]));
		json_array_append_new(mods, json_pack("{s:s, s:s, s:o}", "id", m->id, "title",
						      m->title, "aliases", al));
	}
	json_object_set_new(o, "modifiers", mods);
	for (i = 0; i < rules_reading_count(cat); i++) {
		const struct rules_reading *r = rules_reading_at(cat, i);
		json_t *vals = json_object();

		for (k = 0; k < r->nvalues; k++)
			json_object_set_new(vals, r->values[k], json_string(r->notes[k]));
		json_array_append_new(rd,
				      json_pack("{s:s, s:s, s:s, s:s, s:o}", "id", r->id, "title",
						r->title, "default", r->def, "value",
						rules_options_value(&s->opt, r), "values", vals));
	}
	json_object_set_new(o, "readings", rd);
	return o;
}
