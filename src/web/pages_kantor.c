/*
 * pages_kantor.c - the officers' inbox: GET /kantor (the scoped case list
 * with filters, overdue and due-soon highlighting and cursor pages),
 * POST /kantor/klaim (claim a batch of unassigned cases) and POST
 * /kantor/massal (one action on the ticked cases, with the per-case
 * results kept as a flash for the page it redirects to).
 *
 * Filters are a GET form, so a filtered view is a link an officer can keep.
 * Every filter value is checked against what it may be (a known state,
 * election or kind) and an unknown one is ignored rather than passed on.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "cases/cases.h"
#include "cases/trackcode.h"
#include "cases/workflow.h"
#include "core/str.h"
#include "store/store_cases.h"
#include "web/flash.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

#define BULK_MAX KANTOR_PAGE_SIZE /* cases ticked at once (one page) */

static const char *const case_kinds[] = {"laporan", "temuan", "informasi_awal", NULL};

struct inbox_filter {
	const char *state, *election, *kind, *q, *assigned;
	bool overdue, due_soon;
	int64_t cursor;
};

static bool
in_list(const char *v, const char *const *list)
{
	size_t i;

	for (i = 0; v && list[i]; i++)
		if (strcmp(v, list[i]) == 0)
			return true;
	return false;
}

static void
read_filter(struct http_request *req, struct inbox_filter *f)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct wf_state *st;
	const char *v;
	int64_t n;

	memset(f, 0, sizeof(*f));
	v = http_query_get(req, "status");
	st = v ? wf_state_find(v) : NULL;
	if (st && st->scope == WF_CASE)
		f->state = st->id;
	v = http_query_get(req, "pemilihan");
	if (v && cal && calendar_election_find(cal, v))
		f->election = calendar_election_find(cal, v)->id;
	v = http_query_get(req, "jenis");
	if (in_list(v, case_kinds))
		f->kind = v;
	v = http_query_get(req, "q");
	if (v && v[0] && strlen(v) <= 200)
		f->q = v;
	v = http_query_get(req, "petugas");
	if (v && (strcmp(v, "saya") == 0 || strcmp(v, "belum") == 0))
		f->assigned = v;
	v = http_query_get(req, "lewat");
	f->overdue = v && strcmp(v, "1") == 0;
	v = http_query_get(req, "segera");
	f->due_soon = v && strcmp(v, "1") == 0;
	v = http_query_get(req, "cursor");
	if (v && str_to_i64(str_from(v), &n) == 0 && n > 0)
		f->cursor = n;
}

static void
add_param(struct buf *b, const char *name, const char *value)
{
	if (value == NULL || value[0] == '\0')
		return;
	buf_addch(b, strchr(buf_cstr(b), '?') ? '&' : '?');
	buf_addstr(b, name);
	buf_addch(b, '=');
	buf_add_urlenc(b, value, strlen(value));
}

/* The canonical URL of the inbox with filter f at page cursor (0: first). */
static const char *
inbox_url(struct http_request *req, const struct inbox_filter *f, int64_t cursor)
{
	struct buf b;
	char num[24];
	const char *url;

	buf_init(&b, 4096);
	buf_addstr(&b, "/kantor");
	add_param(&b, "status", f->state);
	add_param(&b, "pemilihan", f->election);
	add_param(&b, "jenis", f->kind);
	add_param(&b, "q", f->q);
	add_param(&b, "petugas", f->assigned);
	add_param(&b, "lewat", f->overdue ? "1" : NULL);
	add_param(&b, "segera", f->due_soon ? "1" : NULL);
	if (cursor > 0) {
		snprintf(num, sizeof(num), "%lld", (long long)cursor);
		add_param(&b, "cursor", num);
	}
	url = arena_strdup(&req->arena, buf_failed(&b) ? "/kantor" : buf_cstr(&b));
	buf_release(&b);
	return url;
}

static json_t *
filter_options(struct http_request *req, const struct inbox_filter *f)
{
	const struct i18n *lang = web_lang(req);
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	json_t *o = json_object(), *arr;
	size_t i;

	arr = json_array();
	json_array_append_new(arr, kantor_option("", kantor_text(lang, "kantor.inbox.any", "Semua"),
						 f->state ? f->state : ""));
	for (i = 0; i < wf_state_count(); i++) {
		const struct wf_state *s = wf_state_at(i);

		if (s->scope == WF_CASE)
			json_array_append_new(
				arr,
				kantor_option(s->id, kantor_state_label(lang, s->id), f->state));
	}
	json_object_set_new(o, "states", arr);
	arr = json_array();
	json_array_append_new(arr, kantor_option("", kantor_text(lang, "kantor.inbox.any", "Semua"),
						 f->election ? f->election : ""));
	for (i = 0; cal && i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);

		json_array_append_new(arr, kantor_option(e->id, e->name, f->election));
	}
	json_object_set_new(o, "elections", arr);
	arr = json_array();
	json_array_append_new(arr, kantor_option("", kantor_text(lang, "kantor.inbox.any", "Semua"),
						 f->kind ? f->kind : ""));
	for (i = 0; case_kinds[i]; i++)
		json_array_append_new(arr, kantor_option(case_kinds[i],
							 kantor_kind_label(lang, case_kinds[i]),
							 f->kind));
	json_object_set_new(o, "kinds", arr);
	arr = json_array();
	json_array_append_new(arr, kantor_option("", kantor_text(lang, "kantor.inbox.any", "Semua"),
						 f->assigned ? f->assigned : ""));
	json_array_append_new(
		arr,
		kantor_option("saya", kantor_text(lang, "kantor.inbox.mine", "Saya"), f->assigned));
	json_array_append_new(
		arr, kantor_option("belum",
				   kantor_text(lang, "kantor.inbox.unassigned", "Belum ditugaskan"),
				   f->assigned));
	json_object_set_new(o, "assigned", arr);
	json_object_set_new(o, "q", f->q ? json_string(f->q) : json_null());
	json_object_set_new(o, "overdue", json_boolean(f->overdue));
	json_object_set_new(o, "due_soon", json_boolean(f->due_soon));
	return o;
}

/* The rows of the list as the template shows them. */
static json_t *
inbox_rows(struct http_request *req, json_t *items)
{
	const struct i18n *lang = web_lang(req);
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	json_t *rows = json_array(), *it;
	size_t i;

	json_array_foreach(items, i, it)
	{
		const char *due = json_string_value(json_object_get(it, "next_due"));
		const char *rule = json_string_value(json_object_get(it, "next_rule"));
		const char *state = json_string_value(json_object_get(it, "state"));
		char when[40];
		json_t *row = json_object();

		kantor_time_text(json_string_value(json_object_get(it, "received_at")), when,
				 sizeof(when));
		json_object_set(row, "id", json_object_get(it, "id"));
		json_object_set(row, "code", json_object_get(it, "code"));
		json_object_set_new(row, "received", json_string(when));
		json_object_set(row, "terlapor", json_object_get(it, "terlapor"));
		json_object_set(row, "summary", json_object_get(it, "summary"));
		json_object_set_new(row, "state_label",
				    json_string(kantor_state_label(lang, state ? state : "")));
		json_object_set(row, "assigned_to", json_object_get(it, "assigned_to"));
		json_object_set_new(row, "kind_label",
				    json_string(kantor_kind_label(
					    lang, json_string_value(json_object_get(it, "kind")))));
		json_object_set(row, "overdue", json_object_get(it, "overdue"));
		json_object_set(row, "due_soon", json_object_get(it, "due_soon"));
		json_object_set_new(row, "next_due", due ? json_string(due) : json_null());
		json_object_set_new(row, "next_provisional",
				    json_is_true(json_object_get(it, "next_due_provisional"))
					    ? web_provisional_text(lang, NULL)
					    : json_null());
		json_object_set_new(row, "next_rule", json_null());
		if (rule && due && cal) {
			struct date d;
			const struct deadline_rule *r = NULL;

			if (date_parse(str_from(due), &d) == 0)
				r = deadline_rule_find(cal, rule, d, NULL);
			json_object_set_new(row, "next_rule", json_string(r ? r->title : rule));
		}
		json_array_append_new(rows, row);
	}
	return rows;
}

/* The actions that may be applied to many cases at once: assignment and
 * the case-scope workflow steps of the viewer's role. */
static json_t *
bulk_actions(const struct i18n *lang, const struct principal *p)
{
	json_t *arr = json_array();
	size_t i;

	if (auth_can(p, PERM_CASE_TRIAGE))
		json_array_append_new(arr, kantor_option("tugaskan",
							 kantor_text(lang, "kantor.bulk.assign",
								     "Tugaskan kepada"),
							 NULL));
	if (!auth_can(p, PERM_CASE_TRANSITION))
		return arr;
	for (i = 0; i < wf_count(); i++) {
		const struct wf_transition *t = wf_at(i);

		if (t->scope != WF_CASE || !wf_role_allowed(t, p->role))
			continue;
		json_array_append_new(
			arr, kantor_option(t->action, kantor_action_label(lang, t->action), NULL));
	}
	return arr;
}

/* Per-case results of the last bulk action (?hasil=<flash id>). */
static void
add_results(struct http_request *req, json_t *ctx, const struct principal *p)
{
	struct app *app = req->app;
	const char *id = http_query_get(req, "hasil");
	json_t *flash, *results, *r;
	size_t i, ok = 0;

	if (id == NULL || app->flash == NULL)
		return;
	flash = web_flash_get(app->flash, p->user_id, id, clock_now());
	if (flash == NULL) {
		json_object_set_new(ctx, "results_gone", json_true());
		return;
	}
	results = json_object_get(flash, "results");
	json_array_foreach(results, i, r) ok += json_is_true(json_object_get(r, "ok"));
	json_object_set(ctx, "results", results);
	json_object_set(ctx, "results_action", json_object_get(flash, "action"));
	json_object_set_new(ctx, "results_ok", json_integer((json_int_t)ok));
	json_object_set_new(ctx, "results_failed",
			    json_integer((json_int_t)(json_array_size(results) - ok)));
	json_decref(flash);
}

int
kantor_inbox(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *p = auth_principal(req);
	struct store_case_filter sf;
	struct inbox_filter f;
	struct errbuf eb;
	json_t *ctx, *items = NULL;
	int64_t next = 0, claimed;
	const char *v;

	ctx = web_officer_ctx(req, "kantor.inbox.title");
	if (ctx == NULL)
		return 0;
	read_filter(req, &f);
	memset(&sf, 0, sizeof(sf));
	sf.state = f.state;
	sf.election = f.election;
	sf.kind = f.kind;
	sf.q = f.q;
	if (f.assigned && strcmp(f.assigned, "saya") == 0)
		sf.assigned_to = p->user_id;
	else if (f.assigned)
		sf.unassigned = true;
	sf.overdue = f.overdue;
	sf.due_soon = f.due_soon;
	sf.before_id = f.cursor;
	sf.limit = KANTOR_PAGE_SIZE;
	errbuf_clear(&eb);
	if (cases_list(&app->cases, p, &sf, &items, &next, &eb) < 0) {
		json_decref(ctx);
		return kantor_error(req, &eb);
	}
	json_object_set_new(ctx, "filter", filter_options(req, &f));
	json_object_set_new(ctx, "items", inbox_rows(req, items));
	json_object_set_new(ctx, "has_items", json_boolean(json_array_size(items) > 0));
	json_object_set_new(ctx, "count", json_integer((json_int_t)json_array_size(items)));
	json_decref(items);
	json_object_set_new(ctx, "next_url",
			    next ? json_string(inbox_url(req, &f, next)) : json_null());
	json_object_set_new(ctx, "first_url",
			    f.cursor ? json_string(inbox_url(req, &f, 0)) : json_null());
	json_object_set_new(ctx, "back", json_string(inbox_url(req, &f, f.cursor)));
	json_object_set_new(ctx, "filtered",
			    json_boolean(f.state || f.election || f.kind || f.q || f.assigned ||
					 f.overdue || f.due_soon));
	json_object_set_new(ctx, "bulk_actions", bulk_actions(web_lang(req), p));
	json_object_set_new(
		ctx, "can_bulk",
		json_boolean(json_array_size(json_object_get(ctx, "bulk_actions")) > 0));
	json_object_set_new(ctx, "officers", kantor_officers(app, p));
	v = http_query_get(req, "klaim");
	if (v && str_to_i64(str_from(v), &claimed) == 0 && claimed >= 0)
		json_object_set_new(ctx, claimed ? "claimed" : "claimed_none",
				    json_integer((json_int_t)(claimed ? claimed : 1)));
	add_results(req, ctx, p);
	return web_render(req, 200, "kantor_inbox", ctx);
}

int
kantor_claim(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	struct form f;
	const char *v;
	json_t *ids = NULL;
	int64_t n = 0;
	int rc;

	if (web_form(req, &f) < 0)
		return 0;
	v = form_get(&f, "n");
	errbuf_clear(&eb);
	if (v == NULL || str_to_i64(str_from(v), &n) < 0 || n < 1 || n > 200) {
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "n",
				 "jumlah kasus yang diklaim harus 1 sampai 200");
		return kantor_error(req, &eb);
	}
	rc = cases_claim(&app->cases, auth_principal(req), (int)n, &ids, &eb);
	if (rc < 0)
		return kantor_error(req, &eb);
	n = (int64_t)json_array_size(ids);
	json_decref(ids);
	return http_reply_redirect(
		req, 303,
		arena_printf(&req->arena, "/kantor?petugas=saya&klaim=%lld", (long long)n));
}

/* One bulk step on one case; the result row for the flash. */
static json_t *
bulk_one(struct http_request *req, int64_t id, const char *code, const char *action,
	 const char *username, const char *reason)
{
	struct app *app = req->app;
	const struct principal *p = auth_principal(req);
	struct errbuf eb;
	json_t *out = NULL;
	int rc;

	errbuf_clear(&eb);
	if (strcmp(action, "tugaskan") == 0) {
		rc = cases_assign(&app->cases, p, id, username, &eb);
	} else {
		struct transition_req rq;

		memset(&rq, 0, sizeof(rq));
		rq.action = action;
		rq.reason = reason;
		rc = cases_transition(&app->cases, p, id, &rq, &out, &eb);
		json_decref(out);
	}
	return json_pack("{s:I, s:s, s:b, s:s}", "id", (json_int_t)id, "code", code, "ok", rc == 0,
			 "message", rc == 0 ? "" : eb.msg);
}

int
kantor_bulk(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *p = auth_principal(req);
	const char *ids[BULK_MAX + 1], *action, *username, *reason, *back;
	char flash_id[WEB_FLASH_ID_LEN];
	struct errbuf eb;
	struct form f;
	json_t *results, *flash;
	size_t n, i;
	bool long_reason;

	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	back = kantor_back(form_get(&f, "kembali"), "/kantor");
	n = form_get_all(&f, "id", ids, ARRAY_SIZE(ids));
	action = kantor_field(&f, "tindakan", 64, NULL);
	username = kantor_field(&f, "username", 63, NULL);
	reason = kantor_field(&f, "alasan", KANTOR_TEXT_MAX, &long_reason);
	if (n == 0)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "id",
				 "pilih dulu kasus yang akan diproses (centang kotaknya)");
	else if (n > BULK_MAX)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "id", "paling banyak %d kasus sekaligus",
				 BULK_MAX);
	else if (action == NULL || (strcmp(action, "tugaskan") != 0 && wf_find(action) == NULL))
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "tindakan",
				 "pilih tindakan yang akan "
				 "dilakukan");
	else if (strcmp(action, "tugaskan") == 0 && username == NULL)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "username",
				 "tuliskan nama pengguna petugas yang ditugaskan");
	else if (long_reason)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "alasan",
				 "alasan terlalu panjang (paling banyak %d karakter)",
				 KANTOR_TEXT_MAX);
	if (eb.kind != ERR_NONE || action == NULL) /* action: for the analyser */
		return kantor_error(req, &eb);
	results = json_array();
	for (i = 0; i < n; i++) {
		char key[40], code[TRACKCODE_LEN];
		int64_t id;
		struct errbuf ceb;

		if (str_to_i64(str_from(ids[i]), &id) < 0 || id <= 0)
			continue;
		snprintf(key, sizeof(key), "kode_%lld", (long long)id);
		/* the code only labels the result row; a bad one shows the id */
		if (trackcode_normalize(form_get(&f, key), code, &ceb) < 0)
			snprintf(code, sizeof(code), "#%lld", (long long)id);
		json_array_append_new(results, bulk_one(req, id, code, action, username, reason));
	}
	flash = json_pack("{s:o, s:s}", "results", results, "action",
			  strcmp(action, "tugaskan") == 0
				  ? kantor_text(web_lang(req), "kantor.bulk.assign", "Tugaskan")
				  : kantor_action_label(web_lang(req), action));
	if (app->flash == NULL ||
	    web_flash_put(app->flash, p->user_id, flash, clock_now(), flash_id) < 0) {
		json_decref(flash);
		return http_reply_redirect(req, 303, back);
	}
	json_decref(flash);
	return http_reply_redirect(req, 303,
				   arena_printf(&req->arena, "%s%shasil=%s", back,
						strchr(back, '?') ? "&" : "?", flash_id));
}
