/*
 * pages_status.c - /status: the form for a tracking code; POST /status
 * redirects (303) to /status/{code}, the public status of one report from
 * cases_public_status(): the state in plain words, its steps with dates,
 * the deadlines that run on it.  No personal data is shown: the case
 * service gives none.
 *
 * A code is accepted as people type it (lowercase, spaces, dashes).  A
 * code with a wrong check symbol says it has a typo, before any lookup; a
 * well-formed code that is not stored gets a friendly 404 with the form.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/deadline.h"
#include "cases/cases.h"
#include "cases/trackcode.h"
#include "web/i18n.h"
#include "web/publik.h"
#include "web/web.h"

/* Why a typed code is not a code, as an i18n key (the same reasons as
 * trackcode_normalize(), which decides). */
static const char *
code_problem_key(const char *in)
{
	size_t n = 0;
	const char *p;

	for (p = in ? in : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c == ' ' || c == '\t' || c == '-' || c == '.')
			continue;
		if (strchr(TRACKCODE_ALPHABET, toupper(c)) == NULL)
			return "status.err.char";
		n++;
	}
	if (n == 0)
		return "status.err.empty";
	if (n < TRACKCODE_SYMBOLS)
		return "status.err.short";
	if (n > TRACKCODE_SYMBOLS)
		return "status.err.long";
	return "status.err.typo";
}

static int
render_form(struct http_request *req, int status, const char *typed, const char *error_key,
	    bool not_found)
{
	json_t *ctx = publik_ctx(req, "status.title");

	if (typed)
		json_object_set_new(ctx, "kode", json_string(typed));
	if (error_key)
		json_object_set_new(ctx, "error", json_string(i18n_get(web_lang(req), error_key)));
	if (not_found)
		json_object_set_new(ctx, "not_found", json_true());
	http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, status, "status", ctx);
}

int
web_status_page(struct http_request *req)
{
	return render_form(req, 200, NULL, NULL, false);
}

int
web_status_post(struct http_request *req)
{
	char canon[TRACKCODE_LEN];
	struct form f;
	const char *kode;

	if (web_form(req, &f) < 0)
		return 0;
	kode = form_get(&f, "kode");
	if (trackcode_normalize(kode, canon, NULL) < 0)
		return render_form(req, 400, kode, code_problem_key(kode), false);
	return http_reply_redirect(req, 303, arena_printf(&req->arena, "/status/%s", canon));
}

static const char *
str_of(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* A catalog message by key prefix and id, or fallback when there is none. */
static const char *
label(const struct i18n *lang, const char *prefix, const char *id, const char *fallback)
{
	char key[96];
	const char *s;

	snprintf(key, sizeof(key), "%s%s", prefix, id ? id : "");
	s = i18n_get(lang, key);
	return strcmp(s, key) == 0 ? fallback : s;
}

int
web_status_code(struct http_request *req)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *lang = web_lang(req);
	const char *typed = req->params[0];
	char canon[TRACKCODE_LEN];
	const struct election *e;
	const struct tz *zone;
	json_t *st, *ctx, *arr, *d;
	struct errbuf eb;
	const char *state, *tzname;
	size_t i;

	if (trackcode_normalize(typed, canon, NULL) < 0)
		return render_form(req, 400, typed, code_problem_key(typed), false);
	errbuf_clear(&eb);
	if (cases_public_status(&app->cases, canon, &st, &eb) < 0) {
		if (eb.kind == ERR_NOT_FOUND)
			return render_form(req, 404, canon, NULL, true);
		return web_error_page(req, &eb);
	}
	ctx = publik_ctx(req, "status.title");
	state = str_of(st, "state");
	tzname = str_of(st, "tz");
	zone = tz_find(str_from(tzname ? tzname : "WIB"));
	if (zone == NULL)
		zone = &tz_wib;
	json_object_set_new(ctx, "code", json_string(canon));
	json_object_set_new(ctx, "code_groups",
			    json_pack("[s#, s#, s#]", canon, 4, canon + 5, 4, canon + 10, 1));
	json_object_set_new(ctx, "state", json_string(state));
	json_object_set_new(
		ctx, "state_label",
		json_string(label(lang, "status.state.", state, str_of(st, "status_label"))));
	json_object_set_new(ctx, "state_help", json_string(label(lang, "status.help.", state, "")));
	json_object_set_new(
		ctx, "kind_label",
		json_string(label(lang, "status.kind.", str_of(st, "kind"), str_of(st, "kind"))));
	e = cal ? calendar_election_find(cal, str_of(st, "election")) : NULL;
	json_object_set_new(ctx, "election", json_string(e ? e->name : str_of(st, "election")));
	json_object_set_new(
		ctx, "received",
		json_string(publik_date_text(&req->arena, lang, str_of(st, "received_at"), zone)));

	arr = json_array();
	json_array_foreach(json_object_get(st, "steps"), i, d)
	{
		const char *to = str_of(d, "state");

		json_array_append_new(
			arr, json_pack("{s:s, s:s}", "at",
				       publik_date_text(&req->arena, lang, str_of(d, "at"), zone),
				       "label",
				       label(lang, "status.state.", to,
					     str_of(d, "label") ? str_of(d, "label") : "")));
	}
	json_object_set_new(ctx, "steps", arr);

	arr = json_array();
	json_array_foreach(json_object_get(st, "deadlines"), i, d)
	{
		const char *rule = str_of(d, "rule"), *due = str_of(d, "due_on");
		const char *dst = str_of(d, "status");
		const struct deadline_rule *r = NULL;
		struct date dd;
		bool overdue = false;

		if (due && date_parse(str_from(due), &dd) == 0) {
			if (cal && rule)
				r = deadline_rule_find(cal, rule, dd, NULL);
			overdue = dst && strcmp(dst, "open") == 0 &&
				  date_cmp(dd, publik_today(zone)) < 0;
		}
		json_array_append_new(
			arr,
			json_pack("{s:s, s:s, s:s, s:b, s:o?}", "title", r ? r->title : rule, "due",
				  publik_date_text(&req->arena, lang, due, zone), "status",
				  label(lang, "status.dl.", dst, dst ? dst : ""), "overdue",
				  overdue, "provisional",
				  json_is_true(json_object_get(d, "provisional"))
					  ? web_provisional_text(
						    lang, json_object_get(d, "provisional_years"))
					  : NULL));
	}
	json_object_set_new(ctx, "has_deadlines", json_boolean(json_array_size(arr) > 0));
	json_object_set_new(ctx, "deadlines", arr);
	json_decref(st);
	http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, 200, "status_kode", ctx);
}
