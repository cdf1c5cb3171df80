/*
 * pages_lapor.c - /lapor: the laporan form (GET), its submission (POST),
 * the form again with each message next to its field, the filing-limit
 * check before submission, and the receipt.
 *
 * POST /lapor carries "aksi": "kirim" (submit; the default), "periksa"
 * (check the filing limit and show the form again) or "wilayah" (refresh
 * the region lists; the no-JavaScript path of the cascading selects).
 * Only "kirim" stores anything, and only a "kirim" that passes the form's
 * checks counts against the public intake rate limit.  It arrives as multipart/form-data (the
 * evidence files); the other two as urlencoded forms, so no file is uploaded for nothing.
 *
 * Invariants: nothing typed is lost - every failure renders the form again
 * with the values (files cannot be refilled by a browser, and the page
 * says so); the receipt is rendered only after the group commit that
 * stores the report, the request waiting suspended meanwhile; validation
 * is the case service's (report_parse_json, cases_intake_prepare), run per
 * block by lapor_form.c so each block's first problem is shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app/app.h"
#include "auth/auth.h"
#include "calendar/deadline.h"
#include "cases/cases.h"
#include "cases/qr.h"
#include "core/log.h"
#include "core/str.h"
#include "http/multipart.h"
#include "ident/ident.h"
#include "ident/region.h"
#include "web/i18n.h"
#include "web/lapor_form.h"
#include "web/publik.h"
#include "web/web.h"

#define LAPOR_MAX_PARTS 96 /* form fields (about 50) plus evidence files */

struct lapor_body {
	struct form form;
	const struct multipart_part *parts; /* multipart only; files among them */
	size_t nparts;
	size_t nfiles;
};

/* An evidence file: a "berkas" part with content (an empty file input sends
 * an empty part with filename=""). */
static bool
is_evidence(const struct multipart_part *p)
{
	return p->filename && strcmp(p->name, "berkas") == 0 && p->len > 0;
}

/* A submission across the wait for its commit (arena memory). */
struct lapor_req {
	struct intake in;
	struct lapor_body body;
	json_t *doc;
	bool suspended; /* submit_reply() releases doc and the intake */
	int rc;
	struct errbuf eb;
};

/* --- the request body ---------------------------------------------------------- */

static int
parse_body(struct http_request *req, struct lapor_body *b, struct errbuf *eb)
{
	struct app *app = req->app;
	const char *ct = http_header_get(req, "Content-Type");
	struct multipart_limits lim = {LAPOR_MAX_PARTS, (size_t)app->cfg.max_body, 8192};
	struct multipart_part *parts;
	size_t n, k;

	memset(b, 0, sizeof(*b));
	if (ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0)
		return form_parse(&req->arena, req->body, req->body_len, &b->form, eb);
	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return errbuf_set(eb, ERR_UNSUPPORTED_MEDIA,
				  "Formulir dikirim dalam bentuk yang tidak dikenal.");
	if (multipart_parse(&req->arena, ct, req->body, req->body_len, &lim, &parts, &n, eb) < 0)
		return -1;
	b->form.fields = arena_array(&req->arena, n ? n : 1, sizeof(struct form_field));
	b->parts = parts;
	b->nparts = n;
	for (k = 0; k < n; k++) {
		const struct multipart_part *p = &parts[k];
		struct form_field *ff;

		if (p->filename) {
			if (is_evidence(p))
				b->nfiles++;
			continue;
		}
		if (memchr(p->data, '\0', p->len) || !utf8_valid(p->data, p->len))
			return errbuf_set_field(eb, ERR_INVALID_INPUT, p->name,
						"Isian '%.40s' memuat karakter yang tidak sah.",
						p->name);
		ff = &b->form.fields[b->form.n++];
		ff->name = p->name;
		ff->value = arena_strndup(&req->arena, p->data, p->len);
		ff->value_len = p->len;
	}
	return 0;
}

/* --- the form ------------------------------------------------------------------------ */

static const char *const status_values[] = {"PNS",         "CPNS", "PPPK",  "non_asn",
					    "kepala_desa", "TNI",  "Polri", "unknown"};
static const char *const jk_values[] = {"Laki-laki", "Perempuan"};

static const char *
str_of(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static json_t *
options(const struct i18n *lang, const char *key_prefix, const char *const *values, size_t n,
	const char *selected)
{
	json_t *arr = json_array();
	char key[64];
	size_t i;

	for (i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "%s%s", key_prefix, values[i]);
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "value", values[i], "label",
						     i18n_get(lang, key), "selected",
						     selected && strcmp(selected, values[i]) == 0));
	}
	return arr;
}

static json_t *
region_options(struct http_request *req, const char *parent, const char *selected)
{
	struct app *app = req->app;
	json_t *arr = json_array();
	struct region *kids;
	size_t n = 0, i;

	if (app->regions == NULL || region_children(app->regions, parent, NULL, 0, &n) < 0 ||
	    n == 0)
		return arr;
	kids = arena_array(&req->arena, n, sizeof(*kids));
	if (region_children(app->regions, parent, kids, n, &n) < 0)
		return arr;
	for (i = 0; i < n; i++)
		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:b}", "code", kids[i].code, "name",
						kids[i].name, "selected",
						selected && strcmp(selected, kids[i].code) == 0));
	return arr;
}

/* b lies inside a ("64.08" inside "64"). */
static bool
inside(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0;

	return n && b && strlen(b) > n && strncmp(a, b, n) == 0 && b[n] == '.';
}

static const char *
form_value(const struct form *f, const char *name)
{
	const char *v = f ? form_get(f, name) : NULL;

	return v && v[0] ? v : NULL;
}

/* Province -> kab/kota -> kecamatan, each list for the level above. */
static void
add_regions(struct http_request *req, json_t *ctx, const struct form *f, const char *home)
{
	const char *prov = f ? form_value(f, "wilayah.provinsi") : (home[0] ? home : NULL);
	const char *kab = form_value(f, "wilayah.kabkota");
	const char *kec = form_value(f, "wilayah.kecamatan");

	if (kab && !inside(prov, kab))
		kab = NULL;
	if (kec && !inside(kab, kec))
		kec = NULL;
	json_object_set_new(ctx, "provinces", region_options(req, NULL, prov));
	json_object_set_new(ctx, "kabkota", prov ? region_options(req, prov, kab) : json_array());
	json_object_set_new(ctx, "kecamatan", kab ? region_options(req, kab, kec) : json_array());
}

/* The filing limit for what was typed, or NULL when it cannot be asked yet. */
static json_t *
filing_hint(struct http_request *req, json_t *doc)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *lang = web_lang(req);
	json_t *pe = json_object_get(doc, "peristiwa");
	const char *elect = str_of(doc, "pemilihan");
	const char *known = str_of(pe, "waktu_diketahui");
	const char *region = str_of(pe, "kode_wilayah");
	const struct election *e;
	struct deadline_request dr;
	struct deadline_result res;
	struct errbuf eb;
	char due[96], home[3], num[24];
	const char *unit, *text, *state;
	const struct tz *zone;
	struct date today;
	json_t *hint;
	int cmp;

	if (known == NULL)
		known = str_of(pe, "waktu_kejadian");
	if (elect == NULL || known == NULL || cal == NULL)
		return NULL;
	e = calendar_election_find(cal, elect);
	if (e == NULL)
		return NULL;
	memset(&dr, 0, sizeof(dr));
	snprintf(dr.rule, sizeof(dr.rule), "%s.laporan", calendar_election_clock_name(e));
	cstr_copy(dr.start, sizeof(dr.start), known);
	if (region && strlen(region) < sizeof(dr.region))
		cstr_copy(dr.region, sizeof(dr.region), region);
	deadline_result_init(&res);
	errbuf_clear(&eb);
	if (deadline_request_run(cal, &dr, &app->cases.copts, &res, &eb) < 0) {
		if (strcmp(errbuf_code(&eb), "invalid_date") == 0 ||
		    strcmp(errbuf_code(&eb), "unknown_region") == 0) {
			deadline_result_release(&res);
			return NULL; /* the field's own message says it */
		}
		hint = json_pack("{s:s, s:s}", "state", "unknown", "text",
				 publik_fill(&req->arena, i18n_get(lang, "lapor.hint.unknown"),
					     "reason", eb.msg, (const char *)NULL));
		deadline_result_release(&res);
		return hint;
	}
	zone = res.zone ? res.zone : publik_home_zone(app, home);
	today = publik_today(zone);
	publik_date(lang, res.due, due, sizeof(due));
	unit = i18n_get(lang, res.unit == DEADLINE_HARI_KERJA ? "lapor.unit.hari_kerja"
							      : "lapor.unit.hari");
	cmp = date_cmp(res.due, today);
	if (cmp < 0 && res.provisional &&
	    date_cmp(deadline_latest_due(res.start, res.due, res.unit, res.count, true), today) >=
		    0) {
		/* past the earliest possible due, not past the latest: unsure */
		state = "unsure";
		text = publik_fill(&req->arena, i18n_get(lang, "lapor.hint.unsure"), "due", due,
				   (const char *)NULL);
	} else if (cmp < 0) {
		state = "late";
		text = publik_fill(&req->arena, i18n_get(lang, "lapor.hint.late"), "due", due,
				   (const char *)NULL);
	} else if (cmp == 0) {
		state = "today";
		text = publik_fill(&req->arena, i18n_get(lang, "lapor.hint.today"), "due", due,
				   (const char *)NULL);
	} else {
		long left = (long)(date_to_days(res.due) - date_to_days(today));

		if (res.unit == DEADLINE_HARI_KERJA &&
		    deadline_workdays_between(cal, today, res.due, &app->cases.copts, &left, NULL,
					      &eb) < 0)
			left = -1;
		state = "ok";
		snprintf(num, sizeof(num), "%ld", left);
		text = publik_fill(
			&req->arena,
			i18n_get(lang, left < 0 ? "lapor.hint.ok_nocount" : "lapor.hint.ok"), "due",
			due, "n", num, "unit", unit, (const char *)NULL);
	}
	if (res.provisional) {
		json_t *years = json_array(), *prov;
		size_t k;

		for (k = 0; k < res.nprovisional_years; k++)
			json_array_append_new(years, json_integer(res.provisional_years[k]));
		prov = web_provisional_text(lang, years);
		text = publik_fill(&req->arena, i18n_get(lang, "lapor.hint.provisional"), "text",
				   text, "prov", json_string_value(prov), (const char *)NULL);
		json_decref(prov);
		json_decref(years);
	}
	hint = json_pack("{s:s, s:s, s:s, s:s}", "state", state, "text", text, "explanation",
			 buf_cstr(&res.explanation), "rule", res.rule->title);
	deadline_result_release(&res);
	return hint;
}

/* The blocks of doc's array name, with their values, options and errors. */
static json_t *
blocks(struct http_request *req, json_t *doc, const char *name, const struct lapor_errors *errs,
       const char *const *keys, size_t nkeys)
{
	const struct i18n *lang = web_lang(req);
	json_t *arr = json_array(), *blk;
	size_t i, k;

	json_array_foreach(json_object_get(doc, name), i, blk)
	{
		json_t *o = json_deep_copy(blk), *e = json_object();
		char field[LAPOR_FIELD_MAX];
		bool err = false;

		for (k = 0; k < nkeys; k++) {
			const struct lapor_error *le;

			snprintf(field, sizeof(field), "%s[%zu].%s", name, i, keys[k]);
			le = lapor_errors_get(errs, field);
			if (le) {
				json_object_set_new(
					e, keys[k],
					json_string(le->key ? i18n_get(lang, le->key) : le->msg));
				err = true;
			}
		}
		json_object_set_new(o, "i", json_integer((json_int_t)i));
		json_object_set_new(o, "n", json_integer((json_int_t)i + 1));
		json_object_set_new(o, "e", e);
		json_object_set_new(o, "open",
				    json_boolean(i == 0 || err || json_object_size(blk)));
		json_object_set_new(o, "later", json_boolean(i > 0));
		if (strcmp(name, "terlapor") == 0)
			json_object_set_new(
				o, "statuses",
				options(lang, "lapor.status.", status_values,
					sizeof(status_values) / sizeof(status_values[0]),
					str_of(blk, "status")));
		json_array_append_new(arr, o);
	}
	return arr;
}

struct form_view {
	const struct form *form; /* NULL: a fresh form */
	json_t *doc;             /* what was typed (borrowed) */
	const struct lapor_errors *errs;
	bool files_dropped;
	bool hint;
};

static int
render_form(struct http_request *req, int status, const struct form_view *fv)
{
	static const char *const terlapor_keys[] = {"nama",     "nip",     "nik",
						    "instansi", "jabatan", "status"};
	static const char *const saksi_keys[] = {"nama", "alamat", "telepon"};
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *lang = web_lang(req);
	json_t *ctx = publik_ctx(req, "lapor.title"), *errors = json_array(), *e = json_object();
	json_t *links = json_array(), *blk, *doc = fv->doc;
	struct lapor_errors none = {.n = 0};
	const struct lapor_errors *errs = fv->errs ? fv->errs : &none;
	const char *pemilihan = str_of(doc, "pemilihan");
	char home[3], id[LAPOR_FIELD_MAX + 8], today_s[DATE_STRLEN];
	const struct tz *zone = publik_home_zone(app, home);
	size_t i;

	for (i = 0; i < errs->n; i++) {
		const struct lapor_error *le = &errs->v[i];
		const char *msg = le->key ? i18n_get(lang, le->key) : le->msg;

		lapor_field_id(le->field, id, sizeof(id));
		json_array_append_new(
			errors, json_pack("{s:s, s:s?}", "msg", msg, "href",
					  id[0] ? arena_printf(&req->arena, "#%s", id) : NULL));
		if (id[0] && json_object_get(e, id) == NULL)
			json_object_set_new(e, id, json_string(msg));
	}
	json_object_set_new(ctx, "has_errors", json_boolean(errs->n > 0));
	json_object_set_new(ctx, "errors", errors);
	json_object_set_new(ctx, "e", e);
	json_object_set_new(ctx, "v", json_incref(doc));
	json_object_set_new(ctx, "terlapor", blocks(req, doc, "terlapor", errs, terlapor_keys, 6));
	json_object_set_new(ctx, "saksi", blocks(req, doc, "saksi", errs, saksi_keys, 3));
	json_array_foreach(json_object_get(doc, "bukti"), i, blk)
	{
		const struct lapor_error *le;
		char field[LAPOR_FIELD_MAX];

		if (i >= LAPOR_TAUTAN_BLOCKS)
			break;
		snprintf(field, sizeof(field), "bukti[%zu].url", i);
		le = lapor_errors_get(errs, field);
		json_array_append_new(
			links,
			json_pack("{s:i, s:i, s:s?, s:s?}", "i", (int)i, "n", (int)i + 1, "url",
				  str_of(blk, "url"), "error",
				  le ? (le->key ? i18n_get(lang, le->key) : le->msg) : NULL));
	}
	json_array_foreach(json_object_get(doc, "bukti"), i, blk)
	{
		if (i >= LAPOR_TAUTAN_BLOCKS)
			json_object_set_new(ctx, "keterangan",
					    json_string(str_of(blk, "keterangan")));
	}
	json_object_set_new(ctx, "tautan", links);
	json_object_set_new(ctx, "elections",
			    publik_elections(cal, lang,
					     fv->form ? (pemilihan ? pemilihan : "") : NULL,
					     publik_today(zone)));
	json_object_set_new(ctx, "jk",
			    options(lang, "lapor.jk.", jk_values, 2,
				    str_of(json_object_get(doc, "pelapor"), "jenis_kelamin")));
	add_regions(req, ctx, fv->form, home);
	if (fv->hint) {
		json_t *hint = filing_hint(req, doc);

		if (hint)
			json_object_set_new(ctx, "hint", hint);
	}
	date_format(publik_today(zone), today_s);
	json_object_set_new(ctx, "today", json_string(today_s));
	json_object_set_new(ctx, "max_file_mb",
			    json_integer((json_int_t)(app->cfg.evidence_max_bytes >> 20)));
	json_object_set_new(ctx, "max_total_mb",
			    json_integer((json_int_t)(app->cfg.max_body >> 20)));
	json_object_set_new(ctx, "max_file_bytes", json_integer(app->cfg.evidence_max_bytes));
	json_object_set_new(ctx, "max_total_bytes", json_integer(app->cfg.max_body));
	if (fv->files_dropped)
		json_object_set_new(ctx, "files_dropped", json_true());
	http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, status, "lapor", ctx);
}

int
web_lapor_page(struct http_request *req)
{
	struct form empty = {NULL, 0};
	json_t *doc = lapor_form_to_json(&empty);
	struct form_view fv = {NULL, doc, NULL, false, false};
	int rc;

	json_object_set_new(json_object_get(doc, "pelapor"), "kewarganegaraan",
			    json_string("Indonesia"));
	rc = render_form(req, 200, &fv);
	json_decref(doc);
	return rc;
}

/* --- the receipt ------------------------------------------------------------------- */

static const char *
size_text(struct arena *a, const struct i18n *lang, json_int_t n)
{
	char *s;
	size_t i;

	if (n < 1024)
		return arena_printf(a, "%lld B", (long long)n);
	s = n < 1024 * 1024 ? arena_printf(a, "%.1f KB", (double)n / 1024.0)
			    : arena_printf(a, "%.1f MB", (double)n / (1024.0 * 1024.0));
	if (strcmp(i18n_lang(lang), "id") == 0)
		for (i = 0; s[i]; i++)
			if (s[i] == '.')
				s[i] = ',';
	return s;
}

static int
render_receipt(struct http_request *req, struct lapor_req *lr)
{
	struct app *app = req->app;
	const struct i18n *lang = web_lang(req);
	json_t *rc = cases_intake_receipt(&app->cases, &lr->in);
	json_t *ctx = publik_ctx(req, "terima.title"), *d, *arr;
	const char *code = lr->in.code, *status_url = str_of(rc, "status_url");
	struct buf qr;
	struct errbuf eb;
	char spelled[64];
	size_t i, o = 0;

	json_object_set_new(ctx, "code", json_string(code));
	json_object_set_new(ctx, "code_groups",
			    json_pack("[s#, s#, s#]", code, 4, code + 5, 4, code + 10, 1));
	for (i = 0; code[i] && o + 3 < sizeof(spelled); i++) {
		spelled[o++] = code[i];
		spelled[o++] = ' ';
	}
	spelled[o ? o - 1 : 0] = '\0';
	json_object_set_new(ctx, "code_spelled", json_string(spelled));
	json_object_set_new(ctx, "status_path", json_sprintf("/status/%s", code));
	json_object_set_new(ctx, "status_url", json_string(status_url));
	json_object_set_new(ctx, "status_label", json_incref(json_object_get(rc, "status_label")));
	json_object_set_new(ctx, "kind", json_string(lr->in.kind));
	json_object_set_new(ctx, "informasi_awal",
			    json_boolean(strcmp(lr->in.kind, "informasi_awal") == 0));
	json_object_set_new(ctx, "perbaikan",
			    json_boolean(strcmp(lr->in.state, "perlu_perbaikan") == 0));
	json_object_set_new(ctx, "received",
			    json_string(publik_date_text(&req->arena, lang,
							 str_of(rc, "received_at"), lr->in.zone)));
	json_object_set_new(ctx, "office", json_string(lr->in.office_name));

	buf_init(&qr, 256 * 1024);
	errbuf_clear(&eb);
	if (status_url && qr_svg(status_url, i18n_get(lang, "terima.qr_label"), &qr, &eb) == 0)
		json_object_set_new(ctx, "qr", json_string(buf_cstr(&qr)));
	else
		log_warn("lapor: no QR code for the receipt: %s", eb.msg);
	buf_release(&qr);

	arr = json_array();
	json_array_foreach(json_object_get(rc, "deadlines"), i, d)
	{
		const char *rule = str_of(d, "rule");

		json_array_append_new(
			arr,
			json_pack("{s:s?, s:s, s:s?, s:b, s:o?}", "title", str_of(d, "title"),
				  "due",
				  publik_date_text(&req->arena, lang, str_of(d, "due"), NULL),
				  "explanation", str_of(d, "explanation"), "met",
				  str_of(d, "status") && strcmp(str_of(d, "status"), "met") == 0,
				  "provisional",
				  json_is_true(json_object_get(d, "provisional"))
					  ? web_provisional_text(
						    lang, json_object_get(d, "provisional_years"))
					  : NULL));
		if (rule && strstr(rule, ".perbaikan"))
			json_object_set_new(ctx, "perbaikan_due",
					    json_string(publik_date_text(&req->arena, lang,
									 str_of(d, "due"), NULL)));
	}
	json_object_set_new(ctx, "deadlines", arr);

	arr = json_array();
	json_array_foreach(json_object_get(rc, "missing"), i, d)
	{
		char key[96];
		const char *label;

		snprintf(key, sizeof(key), "terima.missing.%s", str_of(d, "code"));
		label = i18n_get(lang, key);
		json_array_append_new(
			arr, json_string(strcmp(label, key) == 0 ? str_of(d, "label") : label));
	}
	json_object_set_new(ctx, "has_missing", json_boolean(json_array_size(arr) > 0));
	json_object_set_new(ctx, "missing", arr);

	arr = json_array();
	json_array_foreach(json_object_get(rc, "evidence"), i, d)
	{
		if (str_of(d, "sha256"))
			json_array_append_new(
				arr, json_pack("{s:s, s:s?, s:s?, s:s}", "sha256",
					       str_of(d, "sha256"), "mime", str_of(d, "mime"),
					       "filename", str_of(d, "filename"), "size",
					       size_text(&req->arena, lang,
							 json_integer_value(
								 json_object_get(d, "size")))));
		else if (str_of(d, "url"))
			json_array_append_new(arr, json_pack("{s:s}", "url", str_of(d, "url")));
	}
	json_object_set_new(ctx, "has_evidence", json_boolean(json_array_size(arr) > 0));
	json_object_set_new(ctx, "evidence", arr);
	json_object_set_new(ctx, "has_notes",
			    json_boolean(json_array_size(json_object_get(rc, "notes")) > 0));
	json_object_set_new(ctx, "notes", json_incref(json_object_get(rc, "notes")));
	json_decref(rc);
	http_header_add(req, "Cache-Control", "no-store");
	return web_render(req, 201, "lapor_terima", ctx);
}

/* --- submission ------------------------------------------------------------------- */

static void
intake_done(struct intake *in, int rc, const struct errbuf *eb)
{
	struct http_request *req = in->done_arg;
	struct lapor_req *lr = req->handler_ctx;

	lr->rc = rc;
	if (rc != 0 && eb)
		lr->eb = *eb;
	http_resume(req);
}

static int
submit_reply(struct http_request *req)
{
	struct lapor_req *lr = req->handler_ctx;
	int rc;

	if (lr->rc == 0) {
		rc = render_receipt(req, lr);
	} else {
		struct lapor_errors errs = {.n = 0};
		struct form_view fv = {&lr->body.form, lr->doc, &errs, lr->body.nfiles > 0, true};

		log_error("lapor: report not stored: %s", lr->eb.msg);
		lapor_errors_add(&errs, "", "lapor.err.store", NULL);
		rc = render_form(req, 500, &fv);
	}
	cases_intake_release(&lr->in);
	json_decref(lr->doc);
	return rc;
}

/* What NIK and NIP are checked against: the region table, the plausibility
 * limits and today. */
static struct ident_opts
ident_opts_of(struct http_request *req)
{
	struct app *app = req->app;
	struct ident_opts o;
	char home[3];

	o.regions = app->regions;
	o.limits = app->ident_limits;
	o.today = publik_today(publik_home_zone(app, home));
	return o;
}

static int
status_of(const struct errbuf *eb)
{
	return err_info(eb->kind)->http_status;
}

/* Files as evidence of their own, after the typed bukti. */
static int
attach_files(struct report *r, const struct lapor_body *b, struct errbuf *eb)
{
	size_t k;

	for (k = 0; k < b->nparts; k++) {
		const struct multipart_part *p = &b->parts[k];
		struct report_bukti *bk;

		if (!is_evidence(p))
			continue;
		if (r->nbukti == REPORT_MAX_BUKTI)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "berkas",
						"Paling banyak %d bukti dalam satu laporan.",
						REPORT_MAX_BUKTI);
		bk = &r->bukti[r->nbukti++];
		memset(bk, 0, sizeof(*bk));
		bk->kind = BUKTI_BERKAS;
		bk->berkas = "berkas";
		bk->data = p->data;
		bk->len = p->len;
		bk->filename = p->filename;
	}
	return 0;
}

static int
submit(struct http_request *req, struct lapor_req *lr)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct lapor_errors errs = {.n = 0};
	struct form_view fv = {&lr->body.form, lr->doc, &errs, lr->body.nfiles > 0, true};
	char field[LAPOR_FIELD_MAX];
	struct ident_opts io;
	struct errbuf eb;
	unsigned wait;
	char *text;
	int rc;

	io = ident_opts_of(req);
	if (lapor_form_check(&req->arena, &lr->body.form, lr->doc, &io, &errs) > 0)
		return render_form(req, 400, &fv);
	/* the limit counts what would be stored, not forms sent back to correct */
	if (who->user_id == 0 && !auth_http_intake_take(req, &wait)) {
		http_header_add(req, "Retry-After", arena_printf(&req->arena, "%u", wait));
		lapor_errors_add(&errs, "", "lapor.err.rate", NULL);
		return render_form(req, 429, &fv);
	}
	cases_intake_init(&lr->in);
	errbuf_clear(&eb);
	text = json_dumps(lr->doc, JSON_COMPACT);
	rc = report_parse_json(&req->arena, text ? text : "{}", text ? strlen(text) : 2,
			       &lr->in.report, &eb);
	free(text);
	if (rc == 0)
		rc = attach_files(&lr->in.report, &lr->body, &eb);
	if (rc == 0) {
		lr->in.who = who;
		lr->in.channel = "web";
		rc = cases_intake_prepare(&app->cases, &req->arena, &lr->in, &eb);
	}
	if (rc < 0) {
		const char *code = errbuf_code(&eb), *key = NULL;
		int status = status_of(&eb);

		lapor_error_field(&eb, "", lr->doc, field, sizeof(field));
		if (strcmp(code, "daluarsa") == 0) {
			key = "lapor.err.daluarsa";
		} else if (strcmp(code, "no_office") == 0 &&
			   str_of(json_object_get(lr->doc, "peristiwa"), "kode_wilayah") == NULL) {
			/* no national office: the region decides who handles it */
			cstr_copy(field, sizeof(field), "wilayah.kabkota");
			key = "lapor.err.wilayah_needed";
			status = 400;
		}
		lapor_errors_add(&errs, field, key, eb.msg);
		cases_intake_release(&lr->in);
		return render_form(req, status, &fv);
	}
	lr->in.done = intake_done;
	lr->in.done_arg = req;
	lr->suspended = true;
	req->handler_ctx = lr;
	http_suspend(req, submit_reply);
	cases_intake_submit(&app->cases, &lr->in);
	return 0;
}

int
web_lapor_post(struct http_request *req)
{
	struct lapor_req *lr = arena_zalloc(&req->arena, sizeof(*lr));
	struct lapor_errors errs = {.n = 0};
	struct form_view fv = {NULL, NULL, &errs, false, true};
	const char *aksi;
	struct errbuf eb;
	int rc;

	errbuf_clear(&eb);
	if (parse_body(req, &lr->body, &eb) < 0)
		return web_error_page(req, &eb);
	aksi = form_get(&lr->body.form, "aksi");
	lr->doc = lapor_form_to_json(&lr->body.form);
	if (aksi == NULL || strcmp(aksi, "kirim") == 0) {
		rc = submit(req, lr);
		if (!lr->suspended)
			json_decref(lr->doc);
		return rc;
	}
	fv.form = &lr->body.form;
	fv.doc = lr->doc;
	fv.files_dropped = lr->body.nfiles > 0;
	if (strcmp(aksi, "periksa") == 0) {
		struct ident_opts io = ident_opts_of(req);

		lapor_form_check(&req->arena, &lr->body.form, lr->doc, &io, &errs);
	}
	rc = render_form(req, 200, &fv);
	json_decref(lr->doc);
	return rc;
}
