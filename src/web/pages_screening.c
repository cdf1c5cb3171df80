/*
 * pages_screening.c - /kantor/penyaringan: the screening queue, one item,
 * and its confirm and dismiss forms (see pages_screening.h).
 *
 * Invariants: the marked text is HTML built here by
 * screening_highlight_html(), which escapes every piece of the text and
 * every attribute; it is the only value the templates print raw ({{{ }}}).
 * Everything else goes through the templates' escaping.  Forms post with
 * the session's CSRF token (checked by the auth before-hook), and a
 * successful post answers 303 to the item page (post/redirect/get); a
 * refused one re-renders the item with the message next to the form and
 * the officer's input kept.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "core/datetime.h"
#include "core/str.h"
#include "ident/region.h"
#include "screening/screening.h"
#include "web/i18n.h"
#include "web/pages_screening.h"
#include "web/web.h"

static struct screening_ctx
sx_of(struct http_request *req)
{
	struct app *app = req->app;
	struct screening_ctx sx = {&app->cases, app->scan};

	return sx;
}

/* Category names for the marks' titles, in the page's language. */
static void
cat_titles(struct http_request *req, const char *titles[SCAN_CAT__COUNT])
{
	const struct i18n *lang = web_lang(req);
	int i;

	for (i = 0; i < SCAN_CAT__COUNT; i++) {
		char key[64];

		snprintf(key, sizeof(key), "saring.cat.%s", scan_cat_name((enum scan_cat)i));
		titles[i] = i18n_get(lang, key);
	}
}

static const struct tz *
viewer_zone(struct http_request *req)
{
	const struct tz *z = tz_find(str_from(auth_principal(req)->tz));

	return z ? z : &tz_wita;
}

/* "2024-02-07 19:42 WITA" from a unix time, or NULL */
static json_t *
local_time(struct http_request *req, json_t *ts)
{
	const struct tz *z = viewer_zone(req);
	char iso[TIME_STRLEN];

	if (!json_is_integer(ts))
		return json_null();
	time_format_iso(json_integer_value(ts), z->offset_min, iso);
	iso[10] = ' ';
	iso[16] = '\0';
	return json_sprintf("%s %s", iso, z->name);
}

static json_t *
region_label(struct http_request *req, const char *code)
{
	struct app *app = req->app;
	struct region r;

	if (code == NULL || code[0] == '\0')
		return json_null();
	if (app->regions && region_find(app->regions, code, &r) == 0)
		return json_sprintf("%s %s", code, r.name);
	return json_string(code);
}

/* The template's view of an item: booleans for the label and state, texts
 * for times and score, the marked text. */
static void
item_view(struct http_request *req, json_t *it, const char *const *titles)
{
	const char *label = json_string_value(json_object_get(it, "label"));
	const char *state = json_string_value(json_object_get(it, "state"));
	const char *text = json_string_value(json_object_get(it, "text"));
	json_t *dec = json_object_get(it, "decision"), *items = json_object_get(it, "items"), *v;
	struct buf html = BUF_INIT, list = BUF_INIT;
	size_t i;

	json_object_set_new(it, "href",
			    json_sprintf("/kantor/penyaringan/%lld",
					 (long long)json_integer_value(json_object_get(it, "id"))));
	json_object_set_new(
		it, "score_text",
		json_sprintf("%.2f",
			     (double)json_integer_value(json_object_get(it, "score_pct")) / 100.0));
	json_object_set_new(it, "is_violation",
			    json_boolean(label && strcmp(label, "possible_violation") == 0));
	json_object_set_new(it, "is_neutral",
			    json_boolean(label && strcmp(label, "neutral_mention") == 0));
	json_object_set_new(it, "is_unrelated",
			    json_boolean(label && strcmp(label, "unrelated") == 0));
	json_object_set_new(it, "is_new", json_boolean(state && strcmp(state, "baru") == 0));
	json_object_set_new(it, "is_confirmed",
			    json_boolean(state && strcmp(state, "dikonfirmasi") == 0));
	json_object_set_new(it, "is_dismissed",
			    json_boolean(state && strcmp(state, "diabaikan") == 0));
	json_object_set_new(it, "captured_text",
			    local_time(req, json_object_get(it, "captured_ts")));
	json_object_set_new(it, "seen_text", local_time(req, json_object_get(it, "seen_ts")));
	json_object_set_new(
		it, "region_text",
		region_label(req, json_string_value(json_object_get(it, "region_code"))));
	json_array_foreach(items, i, v)
	{
		if (json_is_string(v)) {
			buf_addstr(&list, list.len ? ", " : "");
			buf_addstr(&list, json_string_value(v));
		}
	}
	if (list.len)
		json_object_set_new(it, "items_text", json_string(buf_cstr(&list)));
	if (json_is_object(dec)) {
		json_object_set_new(dec, "decided_text",
				    local_time(req, json_object_get(dec, "decided_ts")));
		if (json_is_integer(json_object_get(dec, "case_id")))
			json_object_set_new(dec, "case_href",
					    json_sprintf("/kantor/kasus/%lld",
							 (long long)json_integer_value(
								 json_object_get(dec, "case_id"))));
	}
	if (json_is_object(json_object_get(it, "rescreened"))) {
		json_t *rs = json_object_get(it, "rescreened");
		char key[64];

		snprintf(key, sizeof(key), "saring.label.%s",
			 json_string_value(json_object_get(rs, "label")));
		json_object_set_new(rs, "label_text", json_string(i18n_get(web_lang(req), key)));
		json_object_set_new(
			rs, "score_text",
			json_sprintf("%.2f", json_real_value(json_object_get(rs, "score"))));
	}
	if (text) {
		buf_init(&html, 8u << 20);
		screening_highlight_html(&html, text,
					 json_string_length(json_object_get(it, "text")),
					 json_object_get(it, "spans"), titles);
		json_object_set_new(it, "text_html",
				    json_string(buf_failed(&html) ? "" : buf_cstr(&html)));
	}
	buf_release(&html);
	buf_release(&list);
}

static json_t *
selected(const char *value, const char *const *choices)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; choices[i]; i++)
		json_object_set_new(o, choices[i],
				    json_boolean(value && strcmp(value, choices[i]) == 0));
	return o;
}

/* Link to the queue with the current filters and another cursor. */
static json_t *
queue_href(const struct screening_query *q, const char *cursor)
{
	struct buf b = BUF_INIT;
	json_t *out;

	buf_addstr(&b, "/kantor/penyaringan?state=");
	buf_add_urlenc(&b, q->state ? q->state : "baru", strlen(q->state ? q->state : "baru"));
	if (q->label && q->label[0]) {
		buf_addstr(&b, "&label=");
		buf_add_urlenc(&b, q->label, strlen(q->label));
	}
	if (q->min_score && q->min_score[0]) {
		buf_addstr(&b, "&min_score=");
		buf_add_urlenc(&b, q->min_score, strlen(q->min_score));
	}
	if (q->asn_only)
		buf_addstr(&b, "&asn=1");
	if (cursor) {
		buf_addstr(&b, "&cursor=");
		buf_add_urlenc(&b, cursor, strlen(cursor));
	}
	out = json_string(buf_cstr(&b));
	buf_release(&b);
	return out;
}

/* The cut-offs of the decision statistics, for the tuning table. */
static json_t *
stats_view(struct http_request *req)
{
	struct screening_ctx sx = sx_of(req);
	struct errbuf eb;
	json_t *st, *rows, *c;
	size_t i;

	if (screening_stats(&sx, auth_principal(req), &st, &eb) < 0)
		return json_null();
	rows = json_array();
	json_array_foreach(json_object_get(st, "cutoffs"), i, c)
	{
		json_t *p = json_object_get(c, "precision");

		if (json_integer_value(json_object_get(c, "confirmed")) +
			    json_integer_value(json_object_get(c, "dismissed")) ==
		    0)
			continue;
		json_array_append_new(
			rows,
			json_pack("{s:o, s:O, s:O, s:o}", "at",
				  json_sprintf("%.1f", json_real_value(json_object_get(c, "at"))),
				  "confirmed", json_object_get(c, "confirmed"), "dismissed",
				  json_object_get(c, "dismissed"), "precision",
				  json_is_real(p) ? json_sprintf("%.0f%%", json_real_value(p) * 100)
						  : json_string("-")));
	}
	json_object_set_new(st, "rows", rows);
	return st;
}

int
web_screening_queue(struct http_request *req)
{
	static const char *const states[] = {"baru", "dikonfirmasi", "diabaikan", NULL};
	static const char *const labels[] = {"possible_violation", "neutral_mention", "unrelated",
					     NULL};
	struct screening_ctx sx = sx_of(req);
	const char *titles[SCAN_CAT__COUNT];
	struct screening_query q;
	const char *v;
	struct errbuf eb;
	json_t *ctx, *out, *items, *it;
	size_t i;

	ctx = web_officer_ctx(req, "saring.title");
	if (ctx == NULL)
		return 0;
	memset(&q, 0, sizeof(q));
	q.state = http_query_get(req, "state");
	q.label = http_query_get(req, "label");
	q.min_score = http_query_get(req, "min_score");
	q.cursor = http_query_get(req, "cursor");
	q.asn_only = (v = http_query_get(req, "asn")) && strcmp(v, "1") == 0;
	if (q.state && q.state[0] == '\0')
		q.state = NULL;
	if (screening_queue(&sx, auth_principal(req), &q, &out, &eb) < 0) {
		json_decref(ctx);
		return web_error_page(req, &eb);
	}
	cat_titles(req, titles);
	items = json_object_get(out, "items");
	json_array_foreach(items, i, it) item_view(req, it, titles);
	json_object_set_new(ctx, "css", json_pack("[s]", "penyaringan.css"));
	json_object_set(ctx, "items", items);
	json_object_set_new(ctx, "count", json_integer((json_int_t)json_array_size(items)));
	if (json_is_string(json_object_get(out, "next_cursor")))
		json_object_set_new(
			ctx, "next_href",
			queue_href(&q, json_string_value(json_object_get(out, "next_cursor"))));
	if (q.cursor && q.cursor[0])
		json_object_set_new(ctx, "first_href", queue_href(&q, NULL));
	json_object_set_new(
		ctx, "threshold_text",
		json_sprintf("%.2f", json_real_value(json_object_get(out, "threshold"))));
	json_object_set_new(ctx, "filter",
			    json_pack("{s:s, s:s, s:b}", "min_score",
				      q.min_score ? q.min_score : "", "state",
				      q.state ? q.state : "baru", "asn", q.asn_only));
	json_object_set_new(ctx, "state_sel", selected(q.state ? q.state : "baru", states));
	json_object_set_new(ctx, "label_sel", selected(q.label, labels));
	json_object_set_new(ctx, "stats", stats_view(req));
	json_decref(out);
	return web_render(req, 200, "penyaringan", ctx);
}

/* --- one item ---------------------------------------------------------------- */

/* Region choices for the confirm form: the item's region (or the officer's
 * when unknown) and its direct subdivisions; the provinces for a national
 * officer confronted with an item of unknown region. */
static json_t *
region_options(struct http_request *req, const char *item_region, const char *chosen)
{
	struct app *app = req->app;
	const char *base =
		item_region && item_region[0] ? item_region : auth_principal(req)->region_prefix;
	struct region self, kids[128];
	size_t n = 0, total, i;
	json_t *arr = json_array();

	if (app->regions == NULL)
		return arr;
	if (base[0] && region_find(app->regions, base, &self) == 0)
		json_array_append_new(arr, json_pack("{s:s, s:o, s:b}", "code", self.code, "name",
						     json_sprintf("%s %s", self.code, self.name),
						     "selected",
						     chosen && strcmp(chosen, self.code) == 0));
	if (region_children(app->regions, base, kids, sizeof(kids) / sizeof(kids[0]), &total) ==
	    0) {
		n = total < sizeof(kids) / sizeof(kids[0]) ? total : sizeof(kids) / sizeof(kids[0]);
		for (i = 0; i < n; i++)
			json_array_append_new(
				arr,
				json_pack("{s:s, s:o, s:b}", "code", kids[i].code, "name",
					  json_sprintf("%s %s", kids[i].code, kids[i].name),
					  "selected", chosen && strcmp(chosen, kids[i].code) == 0));
	}
	return arr;
}

static json_t *
election_options(struct http_request *req, const char *chosen)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	json_t *arr = json_array();
	size_t i;

	for (i = 0; cal && i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);

		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:b}", "id", e->id, "name", e->name,
						"selected", chosen && strcmp(chosen, e->id) == 0));
	}
	return arr;
}

static const char *
form_or(const struct form *f, const char *name, const char *fallback)
{
	const char *v = f ? form_get(f, name) : NULL;

	return v ? v : fallback ? fallback : "";
}

/* The confirm form's values: what was posted, else the item's and its
 * watched account's. */
static json_t *
confirm_view(struct http_request *req, json_t *item, const struct form *f)
{
	static const char *const statuses[] = {"PNS", "PPPK",  "CPNS",    "non_asn", "kepala_desa",
					       "TNI", "Polri", "unknown", NULL};
	json_t *acc = json_object_get(item, "account");
	const char *item_region = json_string_value(json_object_get(item, "region_code"));
	const char *election = json_string_value(json_object_get(item, "election"));
	const char *region = form_or(f, "region", item_region);
	const char *status;
	json_t *o;

	if (!json_is_object(acc))
		acc = NULL;
	status = form_or(f, "t_status",
			 acc ? json_string_value(json_object_get(acc, "status")) : "");
	o = json_pack(
		"{s:o, s:o, s:s, s:s, s:s, s:s, s:s, s:o, s:s}", "regions",
		region_options(req, item_region, region), "elections",
		election_options(req, form_or(f, "pemilihan", election)), "t_nama",
		form_or(f, "t_nama", acc ? json_string_value(json_object_get(acc, "name")) : ""),
		"t_nip",
		form_or(f, "t_nip", acc ? json_string_value(json_object_get(acc, "nip")) : ""),
		"t_instansi",
		form_or(f, "t_instansi",
			acc ? json_string_value(json_object_get(acc, "agency")) : ""),
		"t_jabatan",
		form_or(f, "t_jabatan",
			acc ? json_string_value(json_object_get(acc, "position")) : ""),
		"note", form_or(f, "note", ""), "status_sel", selected(status, statuses), "reason",
		form_or(f, "reason", ""));
	json_object_set_new(o, "region_unknown",
			    json_boolean(item_region == NULL || item_region[0] == '\0'));
	return o;
}

/* A message that filled its errbuf was cut mid-sentence (the daluarsa
 * explanation is long): show the sentences that arrived whole. */
static void
whole_sentences(char *msg, size_t size)
{
	size_t n = strlen(msg);
	char *end;

	if (n + 1 < size)
		return;
	end = strstr(msg, ". ");
	while (end) {
		char *next = strstr(end + 2, ". ");

		if (next == NULL)
			break;
		end = next;
	}
	if (end)
		end[1] = '\0';
}

/* The form field an error names: "region", "terlapor[0].nip" -> "t_nip". */
static const char *
error_field(const char *field)
{
	static const struct {
		const char *from, *to;
	} map[] = {
		{"region", "region"},
		{"pemilihan", "pemilihan"},
		{"note", "note"},
		{"terlapor[0].nama", "t_nama"},
		{"terlapor[0].nip", "t_nip"},
		{"terlapor[0].instansi", "t_instansi"},
		{"terlapor[0].jabatan", "t_jabatan"},
		{"terlapor[0].status", "t_status"},
		{"t_nama", "t_nama"},
	};
	size_t i;

	for (i = 0; field && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(field, map[i].from) == 0)
			return map[i].to;
	return NULL;
}

static int
render_item(struct http_request *req, int64_t id, int status, const struct errbuf *confirm_err,
	    const struct errbuf *dismiss_err, const struct form *posted)
{
	struct screening_ctx sx = sx_of(req);
	const char *titles[SCAN_CAT__COUNT];
	const char *ok = http_query_get(req, "ok");
	struct errbuf eb;
	json_t *ctx, *item;

	ctx = web_officer_ctx(req, "saring.item_title");
	if (ctx == NULL)
		return 0;
	if (screening_item(&sx, auth_principal(req), id, &item, &eb) < 0) {
		json_decref(ctx);
		return web_error_page(req, &eb);
	}
	cat_titles(req, titles);
	item_view(req, item, titles);
	json_object_set_new(ctx, "css", json_pack("[s]", "penyaringan.css"));
	json_object_set_new(ctx, "form", confirm_view(req, item, posted));
	json_object_set_new(ctx, "item", item);
	if (confirm_err) {
		const char *field = error_field(confirm_err->field);
		char msg[sizeof(confirm_err->msg)];

		cstr_copy(msg, sizeof(msg), confirm_err->msg);
		whole_sentences(msg, sizeof(msg));
		json_object_set_new(
			ctx, "confirm_error",
			json_pack("{s:s, s:b}", "message", msg, "general", field == NULL));
		if (field)
			json_object_set_new(ctx, "errf", json_pack("{s:b}", field, 1));
	}
	if (dismiss_err)
		json_object_set_new(ctx, "dismiss_error", json_string(dismiss_err->msg));
	if (ok && strcmp(ok, "konfirmasi") == 0)
		json_object_set_new(ctx, "ok_confirmed", json_true());
	else if (ok && strcmp(ok, "abaikan") == 0)
		json_object_set_new(ctx, "ok_dismissed", json_true());
	return web_render(req, status, "penyaringan_butir", ctx);
}

static int64_t
param_id(struct http_request *req)
{
	int64_t v;

	if (req->nparams < 1 || str_to_i64(str_from(req->params[0]), &v) < 0 || v <= 0)
		return -1;
	return v;
}

static int
not_found(struct http_request *req)
{
	struct errbuf eb;

	errbuf_clear(&eb);
	errbuf_set(&eb, ERR_NOT_FOUND, "Butir penyaringan tidak ditemukan.");
	return web_error_page(req, &eb);
}

int
web_screening_item(struct http_request *req)
{
	int64_t id = param_id(req);

	if (id < 0)
		return not_found(req);
	return render_item(req, id, 200, NULL, NULL, NULL);
}

static const char *
trimmed(struct http_request *req, const struct form *f, const char *name)
{
	const char *v = form_get(f, name);
	struct str t;

	if (v == NULL)
		return NULL;
	t = str_trim(str_from(v));
	return t.len ? arena_strndup(&req->arena, t.ptr, t.len) : NULL;
}

int
web_screening_confirm(struct http_request *req)
{
	static const struct {
		const char *field, *key;
	} tf[] = {{"t_nama", "nama"},
		  {"t_nip", "nip"},
		  {"t_instansi", "instansi"},
		  {"t_jabatan", "jabatan"},
		  {"t_status", "status"}};
	struct screening_ctx sx = sx_of(req);
	struct screening_confirm_req rq;
	int64_t id = param_id(req);
	struct errbuf eb;
	struct form f;
	json_t *t, *out = NULL;
	size_t i;
	int rc;

	if (id < 0)
		return not_found(req);
	if (web_form(req, &f) < 0)
		return 0;
	memset(&rq, 0, sizeof(rq));
	rq.region = trimmed(req, &f, "region");
	rq.pemilihan = trimmed(req, &f, "pemilihan");
	rq.note = trimmed(req, &f, "note");
	/* one terlapor from the form */
	t = json_object();
	for (i = 0; i < sizeof(tf) / sizeof(tf[0]); i++) {
		const char *v = trimmed(req, &f, tf[i].field);

		if (v && !(strcmp(tf[i].field, "t_status") == 0 && strcmp(v, "unknown") == 0 &&
			   json_object_size(t) == 0))
			json_object_set_new(t, tf[i].key, json_string(v));
	}
	if (json_object_size(t) && !json_object_get(t, "nama")) {
		json_decref(t);
		errbuf_clear(&eb);
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "t_nama", "Nama terlapor harus diisi.");
		return render_item(req, id, 400, &eb, NULL, &f);
	}
	/* the form comes prefilled from the watched account: emptied, it means
	 * "no terlapor yet", not "the account's person" */
	rq.terlapor = json_object_size(t) ? json_pack("[O]", t) : json_array();
	json_decref(t);
	errbuf_clear(&eb);
	rc = screening_confirm(&sx, auth_principal(req), id, &rq, &req->arena, &out, &eb);
	json_decref(rq.terlapor);
	json_decref(out);
	if (rc < 0)
		return render_item(req, id, err_info(eb.kind)->http_status, &eb, NULL, &f);
	return http_reply_redirect(
		req, 303,
		arena_printf(&req->arena, "/kantor/penyaringan/%lld?ok=konfirmasi", (long long)id));
}

int
web_screening_dismiss(struct http_request *req)
{
	struct screening_ctx sx = sx_of(req);
	int64_t id = param_id(req);
	struct errbuf eb;
	struct form f;
	json_t *out = NULL;

	if (id < 0)
		return not_found(req);
	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	if (screening_dismiss(&sx, auth_principal(req), id, form_get(&f, "reason"), &out, &eb) < 0)
		return render_item(req, id, err_info(eb.kind)->http_status, NULL, &eb, &f);
	json_decref(out);
	return http_reply_redirect(
		req, 303,
		arena_printf(&req->arena, "/kantor/penyaringan/%lld?ok=abaikan", (long long)id));
}
