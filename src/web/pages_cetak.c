/*
 * pages_cetak.c - GET /kantor/kasus/{id}/cetak: one case on paper.
 *
 * Everything an officer needs at a desk or a hearing: the office and the
 * code, the summary, each terlapor with the recommendation and the
 * sanction, the deadlines with their explanations, the timeline and the
 * evidence with its hashes.  It comes from cases_detail(), so scope and
 * permissions are the case service's; the reporter's identity is never
 * part of that answer, and witnesses are only counted here.  The page has
 * no navigation: a header with the office and the code, then the file
 * (assets/static/cetak.css is its print stylesheet).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "cases/cases.h"
#include "core/datetime.h"
#include "core/str.h"
#include "ident/region.h"
#include "rules/rules.h"
#include "check/check.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

static const char *
str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* unix seconds -> "2024-01-05 11:56 WITA" in the case's zone */
static json_t *
local_time_t(int64_t t, const char *tzname)
{
	const struct tz *z = tz_find(str_from(tzname));
	int off = z ? z->offset_min : tz_wita.offset_min;
	struct date d;
	int s;

	if (t <= 0)
		return json_string("");
	d = time_local_date(t, off);
	s = time_local_seconds(t, off);
	return json_sprintf("%04d-%02d-%02d %02d:%02d %s", d.year, d.month, d.day, s / 3600,
			    (s / 60) % 60, z ? z->name : "WITA");
}

static json_t *
local_time(json_t *v, const char *tzname)
{
	return local_time_t(json_is_integer(v) ? (int64_t)json_integer_value(v) : 0, tzname);
}

static json_t *
notes(json_t *detail, const char *tz)
{
	json_t *out = json_array(), *n;
	size_t i;

	json_array_foreach(json_object_get(detail, "notes"), i, n) json_array_append_new(
		out, json_pack("{s:o, s:s, s:s}", "at", local_time(json_object_get(n, "at"), tz),
			       "author", str(n, "author"), "body", str(n, "body")));
	return out;
}

static json_t *
deadlines(json_t *detail, const char *tz, const struct i18n *l)
{
	json_t *out = json_array(), *d;
	size_t i;

	json_array_foreach(json_object_get(detail, "deadlines"), i, d)
	{
		json_t *ex = json_object_get(d, "explanation");
		const char *status = str(d, "status");

		json_array_append_new(
			out, json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:b}", "rule",
				       str(d, "rule"), "title",
				       json_is_object(ex) ? str(ex, "title") : "", "start",
				       str(d, "start_on"), "due", str(d, "due_on"), "status",
				       dasbor_label(l, "cetak.dl", status, status), "explanation",
				       json_is_object(ex) ? str(ex, "explanation") : "", "reason",
				       str(d, "reason"), "closed",
				       local_time(json_object_get(d, "closed_at"), tz), "track",
				       !json_is_null(json_object_get(d, "track_id"))));
		if (json_is_true(json_object_get(d, "provisional")))
			json_object_set_new(
				json_array_get(out, json_array_size(out) - 1), "provisional",
				web_provisional_text(
					l, json_is_object(ex)
						   ? json_object_get(ex, "provisional_years")
						   : NULL));
	}
	return out;
}

static json_t *
timeline(json_t *detail, const char *tz)
{
	json_t *out = json_array(), *e;
	size_t i;

	json_array_foreach(json_object_get(detail, "timeline"), i, e)
	{
		json_t *data = json_object_get(e, "data");
		const char *action = str(data, "action");
		const char *from = str(data, "from"), *to = str(data, "to");

		json_array_append_new(
			out, json_pack("{s:o, s:s, s:s, s:s, s:s, s:s}", "at",
				       local_time(json_object_get(e, "at"), tz), "actor",
				       str(e, "actor"), "what", action[0] ? action : str(e, "kind"),
				       "from", from, "to", to, "reason", str(data, "reason")));
	}
	return out;
}

static json_t *
evidence(json_t *detail, const char *tz, bool en)
{
	json_t *out = json_array(), *e;
	size_t i;

	json_array_foreach(json_object_get(detail, "evidence"), i, e)
	{
		json_t *size = json_object_get(e, "size");

		json_array_append_new(
			out, json_pack("{s:s, s:s, s:s, s:s, s:o, s:s, s:s, s:o}", "kind",
				       str(e, "kind"), "name",
				       str(e, "filename")[0] ? str(e, "filename") : str(e, "url"),
				       "mime", str(e, "mime"), "sha256", str(e, "sha256"), "size",
				       json_is_integer(size)
					       ? dasbor_int_json(json_integer_value(size), en)
					       : json_string(""),
				       "note", str(e, "note"), "url", str(e, "url"), "added",
				       local_time(json_object_get(e, "added_at"), tz)));
	}
	return out;
}

/* The recommendation stored on a track: level, institution, items with
 * their titles, the forms the PPK may choose, the legal basis, and the
 * evaluator's explanation. */
static json_t *
recommendation(struct app *app, json_t *rec)
{
	const struct rules_catalog *cat = app->check ? check_service_catalog(app->check) : NULL;
	json_t *ev, *items, *forms, *basis, *v;
	size_t i;

	if (!json_is_object(rec))
		return json_null();
	items = json_array();
	forms = json_array();
	basis = json_array();
	ev = json_array_get(json_object_get(rec, "evaluation"), 0);
	json_array_foreach(json_object_get(rec, "items"), i, v)
	{
		const char *id = json_string_value(v);
		const struct rules_item *it = id && cat ? rules_item_find(cat, id) : NULL;

		if (id)
			json_array_append_new(items, json_pack("{s:s, s:s}", "id", id, "title",
							       it && it->title ? it->title : ""));
	}
	json_array_foreach(json_object_get(ev, "forms"), i, v) json_array_append_new(
		forms, json_pack("{s:s, s:s}", "code", str(v, "code"), "text", str(v, "text")));
	json_array_foreach(json_object_get(ev, "legal_basis"), i, v)
		json_array_append_new(basis, json_string(str(v, "text")));
	return json_pack("{s:s, s:s, s:o, s:o, s:o, s:s}", "level", str(rec, "level"),
			 "institution", str(rec, "institution"), "items", items, "forms", forms,
			 "basis", basis, "explanation", str(ev, "explanation"));
}

static json_t *
tracks(struct app *app, json_t *detail, const char *tz, const struct i18n *l)
{
	json_t *out = json_array(), *t;
	size_t i;

	json_array_foreach(json_object_get(detail, "tracks"), i, t)
	{
		const char *cmp = str(t, "sanction_vs_rec");
		json_t *o = json_pack(
			"{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}", "name",
			str(t, "name"), "nip", str(t, "nip"), "status", str(t, "status"), "agency",
			str(t, "agency"), "position", str(t, "position"), "state",
			dasbor_label(l, "dasbor.track_state", str(t, "state"),
				     str(t, "state_label")),
			"ppk", str(t, "ppk_office_name"), "rec_level",
			dasbor_label(l, "dasbor.level", str(t, "rec_level"), str(t, "rec_level")),
			"rec_institution", str(t, "rec_institution"), "rec_at",
			local_time(json_object_get(t, "rec_at"), tz));

		json_object_set_new(o, "recommendation",
				    recommendation(app, json_object_get(t, "recommendation")));
		if (str(t, "sanction_level")[0])
			json_object_set_new(
				o, "sanction",
				json_pack("{s:s, s:s, s:s, s:s, s:s}", "form",
					  str(t, "sanction_form"), "level",
					  dasbor_label(l, "dasbor.level", str(t, "sanction_level"),
						       str(t, "sanction_level")),
					  "sk", str(t, "sanction_sk"), "on", str(t, "sanction_on"),
					  "cmp", dasbor_label(l, "dasbor.cmp", cmp, cmp)));
		json_array_append_new(out, o);
	}
	return out;
}

int
web_cetak(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	json_t *ctx, *detail, *c;
	struct errbuf eb;
	struct region r;
	int64_t id;
	const char *tz, *region;

	ctx = web_officer_ctx(req, "cetak.title");
	if (ctx == NULL)
		return 0;
	errbuf_clear(&eb);
	if (str_to_i64(str_from(req->params[0]), &id) < 0 || id <= 0) {
		json_decref(ctx);
		errbuf_set(&eb, ERR_NOT_FOUND, "Kasus tidak ditemukan.");
		return web_error_page(req, &eb);
	}
	if (cases_detail(&app->cases, who, id, &detail, &eb) < 0) {
		json_decref(ctx);
		return web_error_page(req, &eb);
	}
	tz = str(detail, "tz");
	region = str(detail, "region_code");
	c = json_pack(
		"{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}",
		"id", (json_int_t)id, "code", str(detail, "code"), "kind",
		dasbor_label(l, "dasbor.kind", str(detail, "kind"), str(detail, "kind")),
		"election", str(detail, "election"), "state",
		dasbor_label(l, "dasbor.state", str(detail, "state"), str(detail, "state_label")),
		"region", region, "region_name",
		app->regions && region_find(app->regions, region, &r) == 0 ? r.name : "",
		"received", str(detail, "received_at"), "occurred", str(detail, "occurred_on"),
		"known", str(detail, "known_on"), "place", str(detail, "place"), "description",
		str(detail, "description"), "channel", str(detail, "channel"), "assigned",
		str(detail, "assigned_to"), "office",
		str(json_object_get(detail, "office"), "name"), "status_url",
		str(detail, "status_url"));
	json_object_set_new(c, "sealed",
			    json_boolean(json_is_true(json_object_get(
				    json_object_get(detail, "pelapor"), "sealed"))));
	json_object_set_new(
		c, "witnesses",
		dasbor_int_json((int64_t)json_array_size(json_object_get(detail, "witnesses")),
				en));
	json_object_set_new(c, "tracks", tracks(app, detail, tz, l));
	json_object_set_new(c, "deadlines", deadlines(detail, tz, l));
	json_object_set_new(c, "timeline", timeline(detail, tz));
	json_object_set_new(c, "evidence", evidence(detail, tz, en));
	json_object_set_new(c, "notes", notes(detail, tz));
	json_decref(detail);
	json_object_set_new(ctx, "case", c);
	json_object_set_new(ctx, "printed_at", local_time_t(clock_now(), who->tz));
	json_object_set_new(ctx, "css", json_pack("[s]", "cetak.css"));
	http_header_add(req, "Cache-Control", "private, no-store");
	return web_render(req, 200, "cetak", ctx);
}
