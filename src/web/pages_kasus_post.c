/*
 * pages_kasus_post.c - the forms of the case page, each a POST to
 * /kantor/kasus/{id}/<what>: a workflow step (transisi), assignment
 * (tugaskan), an internal note (catatan), a merge into another case
 * (gabung), and the custodian's opening of the reporter's identity
 * (pelapor).
 *
 * Each reads its fields, calls the case service with the signed-in
 * principal and, when that succeeds, redirects with 303 to the case page
 * with a message (post/redirect/get); when it fails, the case page is
 * rendered again with the service's message next to the form, what was
 * typed still in it, and the service's HTTP status.  The identity is the
 * exception: it is shown once, on the response itself, marked no-store,
 * and never put in a URL, a flash or a log.
 */
#include <string.h>

#include "app/app.h"
#include "cases/cases.h"
#include "cases/trackcode.h"
#include "cases/workflow.h"
#include "core/str.h"
#include "store/store_cases.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

#define ITEMS_MAX 32 /* catalog items ticked in the recommendation builder */

static int
status_of(const struct errbuf *eb)
{
	return err_info(eb->kind)->http_status;
}

/* Render the case page again with the error of one form. */
static int
again(struct http_request *req, int64_t id, const struct errbuf *eb, const char *form,
      const char *action, int64_t track_id, json_t *prev)
{
	struct kantor_notice n;
	int rc;

	memset(&n, 0, sizeof(n));
	n.error = eb->msg;
	n.field = eb->field;
	n.form = form;
	n.action = action;
	n.track_id = track_id;
	n.prev = prev;
	rc = kantor_case_render(req, id, status_of(eb), &n);
	json_decref(prev);
	return rc;
}

static int
done(struct http_request *req, int64_t id, const char *ok, const char *action)
{
	return http_reply_redirect(req, 303,
				   arena_printf(&req->arena, "/kantor/kasus/%lld?ok=%s%s%s",
						(long long)id, ok, action ? "&aksi=" : "",
						action ? action : ""));
}

/* A form for this case, or -1 after replying. */
static int
case_form(struct http_request *req, int64_t *id, struct form *f)
{
	*id = kantor_param_id(req, 0);
	if (*id < 0) {
		kantor_not_found(req, "Kasus tidak ditemukan.");
		return -1;
	}
	return web_form(req, f);
}

static void
prev_put(json_t *prev, const char *key, const char *v)
{
	if (v)
		json_object_set_new(prev, key, json_string(v));
}

int
kantor_case_transition(struct http_request *req)
{
	struct app *app = req->app;
	const char *items[ITEMS_MAX + 1], *v, *form_other;
	struct transition_req rq;
	struct errbuf eb;
	struct form f;
	json_t *result = NULL, *prev, *jitems = NULL;
	int64_t id, track = 0;
	size_t n, i;
	bool too_long = false, tl;
	int rc;

	if (case_form(req, &id, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	memset(&rq, 0, sizeof(rq));
	rq.action = kantor_field(&f, "action", 64, NULL);
	v = kantor_field(&f, "track_id", 20, NULL);
	if (v && (str_to_i64(str_from(v), &track) < 0 || track < 0))
		track = -1;
	rq.track_id = track > 0 ? track : 0;
	rq.reason = kantor_field(&f, "reason", KANTOR_TEXT_MAX, &tl);
	too_long |= tl;
	rq.level = kantor_field(&f, "level", 16, &tl);
	too_long |= tl;
	rq.ppk_office = kantor_field(&f, "ppk_office", 63, &tl);
	too_long |= tl;
	rq.sk_number = kantor_field(&f, "sk_number", 200, &tl);
	too_long |= tl;
	rq.sk_date = kantor_field(&f, "sk_date", 10, &tl);
	too_long |= tl;
	rq.form = kantor_field(&f, "form", 500, &tl);
	too_long |= tl;
	form_other = kantor_field(&f, "form_other", 500, &tl);
	too_long |= tl;
	if (form_other)
		rq.form = form_other; /* what the officer wrote wins over the list */
	rq.sanction_level = kantor_field(&f, "sanction_level", 16, &tl);
	too_long |= tl;
	rq.escalation = kantor_field(&f, "escalation", 32, &tl);
	too_long |= tl;
	n = form_get_all(&f, "items", items, ARRAY_SIZE(items));
	prev = json_object();
	prev_put(prev, "reason", rq.reason);
	prev_put(prev, "level", rq.level);
	prev_put(prev, "ppk_office", rq.ppk_office);
	prev_put(prev, "sk_number", rq.sk_number);
	prev_put(prev, "sk_date", rq.sk_date);
	prev_put(prev, "form_other", form_other);
	if (rq.action == NULL || wf_find(rq.action) == NULL || track < 0) {
		json_decref(prev);
		errbuf_set(&eb, ERR_INVALID_INPUT, "langkah alur kerja tidak dikenal");
		return kantor_error(req, &eb);
	}
	if (too_long) {
		errbuf_set(&eb, ERR_INVALID_INPUT, "isian terlalu panjang");
		return again(req, id, &eb, "transisi", rq.action, rq.track_id, prev);
	}
	if (n > ITEMS_MAX) {
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "items",
				 "paling banyak %d butir katalog dalam satu rekomendasi",
				 ITEMS_MAX);
		return again(req, id, &eb, "transisi", rq.action, rq.track_id, prev);
	}
	if (n) {
		jitems = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(jitems, json_string(items[i]));
		rq.items = jitems;
	}
	rc = cases_transition(&app->cases, auth_principal(req), id, &rq, &result, &eb);
	json_decref(jitems);
	json_decref(result);
	if (rc < 0)
		return again(req, id, &eb, "transisi", rq.action, rq.track_id, prev);
	json_decref(prev);
	return done(req, id, "transisi", rq.action);
}

int
kantor_case_assign(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *p = auth_principal(req);
	const char *username, *back;
	struct errbuf eb;
	struct form f;
	int64_t id;
	json_t *prev;

	if (case_form(req, &id, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	back = kantor_back(form_get(&f, "kembali"), NULL);
	if (form_get(&f, "saya"))
		username = p->username;
	else if (form_get(&f, "lepas"))
		username = ""; /* take the case back from whoever has it */
	else
		username = kantor_field(&f, "username", 63, NULL);
	if (username == NULL)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "username",
				 "tuliskan nama pengguna petugas yang ditugaskan");
	if (eb.kind != ERR_NONE || cases_assign(&app->cases, p, id, username, &eb) < 0) {
		if (back)
			return kantor_error(req, &eb); /* from the inbox: no case page to show */
		prev = json_object();
		prev_put(prev, "username", username);
		return again(req, id, &eb, "tugas", NULL, 0, prev);
	}
	if (back)
		return http_reply_redirect(req, 303, back);
	return done(req, id, "tugaskan", NULL);
}

int
kantor_case_note(struct http_request *req)
{
	struct app *app = req->app;
	const char *body;
	struct errbuf eb;
	struct form f;
	int64_t id;
	bool too_long;
	json_t *prev;

	if (case_form(req, &id, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	body = kantor_field(&f, "body", KANTOR_TEXT_MAX, &too_long);
	if (too_long)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "body",
				 "catatan terlalu panjang (paling banyak %d karakter)",
				 KANTOR_TEXT_MAX);
	if (eb.kind != ERR_NONE ||
	    cases_note(&app->cases, auth_principal(req), id, body, &eb) < 0) {
		prev = json_object();
		if (!too_long)
			prev_put(prev, "body", body);
		return again(req, id, &eb, "catatan", NULL, 0, prev);
	}
	return done(req, id, "catatan", NULL);
}

/* The case a tracking code names, inside the viewer's scope (0: none). */
static int64_t
case_by_code(struct http_request *req, const char *code)
{
	struct app *app = req->app;
	char canon[TRACKCODE_LEN];
	struct store_case_filter sf;
	struct errbuf eb;
	json_t *items = NULL, *it;
	int64_t next = 0, id = 0;
	size_t i;

	if (trackcode_normalize(code, canon, &eb) < 0)
		return 0;
	memset(&sf, 0, sizeof(sf));
	sf.q = canon;
	sf.limit = 5;
	if (cases_list(&app->cases, auth_principal(req), &sf, &items, &next, &eb) < 0)
		return 0;
	json_array_foreach(items, i, it)
	{
		const char *c = json_string_value(json_object_get(it, "code"));

		if (c && strcmp(c, canon) == 0)
			id = json_integer_value(json_object_get(it, "id"));
	}
	json_decref(items);
	return id;
}

int
kantor_case_merge(struct http_request *req)
{
	struct app *app = req->app;
	const char *into_s, *code, *reason;
	struct errbuf eb;
	struct form f;
	int64_t id, into = 0;
	bool too_long;
	json_t *prev;

	if (case_form(req, &id, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	into_s = kantor_field(&f, "into", 20, NULL);
	code = kantor_field(&f, "into_code", TRACKCODE_MAX_INPUT, NULL);
	reason = kantor_field(&f, "reason", KANTOR_TEXT_MAX, &too_long);
	prev = json_object();
	prev_put(prev, "reason", reason);
	prev_put(prev, "into_code", code);
	if (code)
		into = case_by_code(req, code);
	else if (into_s && (str_to_i64(str_from(into_s), &into) < 0 || into < 0))
		into = 0;
	if (into == 0)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "into",
				 code ? "kode pelacakan %s tidak ditemukan di antara kasus yang "
					"dapat Anda buka"
				      : "pilih kasus tujuan penggabungan%s",
				 code ? code : "");
	else if (too_long)
		errbuf_set_field(&eb, ERR_INVALID_INPUT, "reason", "alasan terlalu panjang");
	if (eb.kind != ERR_NONE ||
	    cases_merge(&app->cases, auth_principal(req), id, into, reason, &eb) < 0)
		return again(req, id, &eb, "gabung", NULL, 0, prev);
	json_decref(prev);
	return done(req, id, "gabung", NULL);
}

static json_t *
identity_rows(const struct i18n *lang, json_t *identity)
{
	json_t *rows = json_array(), *v;
	const char *key;

	json_object_foreach(identity, key, v)
	{
		char k[96];

		if (!json_is_string(v) || json_string_length(v) == 0)
			continue;
		snprintf(k, sizeof(k), "kantor.pelapor.%s", key);
		json_array_append_new(rows, json_pack("{s:s, s:O}", "label",
						      kantor_text(lang, k, key), "value", v));
	}
	return rows;
}

int
kantor_case_unseal(struct http_request *req)
{
	struct app *app = req->app;
	const char *reason, *pass;
	char code[TRACKCODE_LEN];
	struct errbuf eb;
	struct form f;
	json_t *identity = NULL, *ctx, *prev;
	int64_t id;
	int rc;

	if (case_form(req, &id, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	reason = kantor_field(&f, "reason", 2000, NULL);
	pass = form_get(&f, "passphrase");
	if (pass && strlen(pass) > 1024)
		pass = NULL;
	rc = cases_unseal(&app->cases, auth_principal(req), id, reason, pass, &identity, &eb);
	if (rc < 0) {
		prev = json_object();
		prev_put(prev, "reason", reason); /* never the passphrase */
		return again(req, id, &eb, "pelapor", NULL, 0, prev);
	}
	ctx = web_officer_ctx(req, "kantor.pelapor.title");
	if (ctx == NULL) {
		json_decref(identity);
		return 0;
	}
	json_object_set_new(ctx, "id", json_integer(id));
	if (trackcode_normalize(form_get(&f, "kode"), code, &eb) == 0)
		json_object_set_new(ctx, "code", json_string(code));
	json_object_set_new(ctx, "reason", json_string(reason));
	json_object_set_new(ctx, "rows", identity_rows(web_lang(req), identity));
	json_decref(identity);
	http_header_add(req, "Cache-Control", "no-store");
	http_header_add(req, "Referrer-Policy", "no-referrer");
	return web_render(req, 200, "kantor_pelapor", ctx);
}
