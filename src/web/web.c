/*
 * web.c - page context, rendering, language choice, static files and the
 * HTML error page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "core/buf.h"
#include "calendar/calendar.h"
#include "core/asset.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/version.h"
#include "core/xalloc.h"
#include "web/i18n.h"
#include "web/tmpl.h"
#include "web/web.h"

const struct i18n *
web_lang(struct http_request *req)
{
	struct app *app = req->app;
	const char *l = http_query_get(req, "lang");

	if (l == NULL)
		l = http_cookie_get(req, "lang");
	if (l == NULL)
		l = app->cfg.lang;
	return strcmp(l, "en") == 0 ? app->lang_en : app->lang_id;
}

json_t *
web_provisional_text(const struct i18n *lang, const json_t *years)
{
	struct buf b = BUF_INIT;
	const char *tmpl = i18n_get(lang, "deadline.provisional"), *p;
	size_t i, n = json_array_size(years);
	json_t *out;

	if (n == 0)
		return json_string(i18n_get(lang, "deadline.provisional_any"));
	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n)
			buf_addf(&b, " %s ", i18n_get(lang, "deadline.provisional_and"));
		else if (i > 0)
			buf_addstr(&b, ", ");
		buf_addf(&b, "%lld", (long long)json_integer_value(json_array_get(years, i)));
	}
	/* tmpl holds one {years} */
	p = strstr(tmpl, "{years}");
	if (p == NULL) {
		buf_release(&b);
		return json_string(tmpl);
	}
	out = json_sprintf("%.*s%s%s", (int)(p - tmpl), tmpl, buf_cstr(&b), p + 7);
	buf_release(&b);
	return out;
}

json_t *
web_page_ctx(struct http_request *req, const char *title_key)
{
	const struct i18n *lang = web_lang(req);
	json_t *ctx = json_object();

	json_object_set_new(ctx, "lang", json_string(i18n_lang(lang)));
	json_object_set_new(ctx, "title", json_string(i18n_get(lang, title_key)));
	json_object_set_new(ctx, "version", json_string(NETRA_VERSION));
	json_object_set_new(ctx, "path", json_string(req->path));
	json_object_set_new(ctx, "lang_en", json_boolean(strcmp(i18n_lang(lang), "en") == 0));
	if (auth_principal(req)->user_id)
		json_object_set_new(ctx, "signed_in", json_true());
	if (clock_is_overridden()) {
		char when[TIME_STRLEN];

		time_format_iso(clock_now(), tz_wita.offset_min, when);
		json_object_set_new(ctx, "clock_override", json_string(when));
	}
	return ctx;
}

json_t *
web_officer_ctx(struct http_request *req, const char *title_key)
{
	const struct principal *p = auth_principal(req);
	json_t *ctx, *can;

	if (p->user_id == 0) {
		struct buf next = BUF_INIT;

		buf_addstr(&next, "/masuk?next=");
		buf_add_urlenc(&next, req->raw_url, strlen(req->raw_url));
		http_reply_redirect(req, 303, arena_strdup(&req->arena, buf_cstr(&next)));
		buf_release(&next);
		return NULL;
	}
	ctx = web_page_ctx(req, title_key);
	json_object_set_new(ctx, "user",
			    json_pack("{s:s, s:s, s:s, s:s, s:s}", "username", p->username,
				      "full_name", p->full_name, "role", role_name(p->role),
				      "office", p->office_name, "region", p->region_prefix));
	json_object_set_new(ctx, "csrf", json_string(p->csrf));
	can = json_object();
	json_object_set_new(can, "triage", json_boolean(auth_can(p, PERM_CASE_TRIAGE)));
	json_object_set_new(can, "transition", json_boolean(auth_can(p, PERM_CASE_TRANSITION)));
	json_object_set_new(can, "unseal", json_boolean(auth_can(p, PERM_PELAPOR_UNSEAL)));
	json_object_set_new(can, "audit", json_boolean(auth_can(p, PERM_AUDIT_READ)));
	json_object_set_new(can, "admin", json_boolean(auth_can(p, PERM_USER_ADMIN)));
	json_object_set_new(can, "export", json_boolean(auth_can(p, PERM_EXPORT)));
	json_object_set_new(can, "dashboard", json_boolean(auth_can(p, PERM_DASHBOARD)));
	json_object_set_new(can, "screening", json_boolean(auth_can(p, PERM_SCREENING)));
	json_object_set_new(can, "temuan", json_boolean(auth_can(p, PERM_TEMUAN_CREATE)));
	json_object_set_new(ctx, "can", can);
	web_holiday_warning(req, ctx);
	return ctx;
}

/* "31 Desember 2026" / "31 December 2026" */
static void
date_words(struct http_request *req, struct date d, char *out, size_t outsz)
{
	static const char *const en[] = {"January",   "February", "March",    "April",
					 "May",       "June",     "July",     "August",
					 "September", "October",  "November", "December"};
	const struct app *app = req->app;

	if (web_lang(req) == app->lang_en && d.month >= 1 && d.month <= 12)
		snprintf(out, outsz, "%d %s %d", d.day, en[d.month - 1], d.year);
	else
		snprintf(out, outsz, "%d %s %d", d.day, date_month_name_id(d.month), d.year);
}

void
web_holiday_warning(struct http_request *req, json_t *ctx)
{
	const struct principal *p = auth_principal(req);
	const struct calendar *cal = app_cal(req->app);
	const struct tz *z = p ? tz_find(str_from(p->tz)) : NULL;
	struct date end;
	long left;
	char words[64], iso[DATE_STRLEN];

	if (cal == NULL ||
	    !calendar_data_ending(cal, time_local_date(clock_now(), (z ? z : &tz_wita)->offset_min),
				  &end, &left))
		return;
	date_words(req, end, words, sizeof(words));
	date_format(end, iso);
	json_object_set_new(ctx, "holiday_warning",
			    json_pack("{s:s, s:s, s:i, s:i}", "end", words, "end_iso", iso,
				      "next_year", end.year + 1, "days_left", (int)left));
}

int
web_form(struct http_request *req, struct form *f)
{
	const char *ct = http_header_get(req, "Content-Type");
	struct errbuf eb;

	if (ct == NULL || strncmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
		errbuf_clear(&eb);
		errbuf_set(&eb, ERR_UNSUPPORTED_MEDIA,
			   "Formulir dikirim dalam bentuk yang tidak "
			   "dikenal.");
		web_error_page(req, &eb);
		return -1;
	}
	if (form_parse(&req->arena, req->body, req->body_len, f, &eb) < 0) {
		web_error_page(req, &eb);
		return -1;
	}
	return 0;
}

int
web_render(struct http_request *req, int status, const char *tmpl, json_t *ctx)
{
	struct app *app = req->app;
	struct buf out;
	struct errbuf eb;
	int rc;

	buf_init(&out, 8 * 1024 * 1024);
	errbuf_clear(&eb);
	rc = tmpl_render(app->tmpl, tmpl, ctx, web_lang(req), &out, &eb);
	json_decref(ctx);
	if (rc < 0 || buf_failed(&out)) {
		buf_release(&out);
		log_error("web: render %s: %s", tmpl, eb.msg[0] ? eb.msg : "page too large");
		return http_reply_bytes(req, 500, "text/plain; charset=utf-8",
					"Kesalahan internal.\n", 20);
	}
	if (http_query_get(req, "lang")) {
		const char *l = i18n_lang(web_lang(req));

		http_header_add(req, "Set-Cookie",
				arena_printf(&req->arena,
					     "lang=%s; Path=/; Max-Age=31536000; SameSite=Lax", l));
	}
	return http_reply_buf(req, status, "text/html; charset=utf-8", &out);
}

int
web_error_page(struct http_request *req, const struct errbuf *eb)
{
	const struct err_info *info = err_info(eb->kind);
	json_t *ctx = web_page_ctx(req, "error.title");

	json_object_set_new(ctx, "status", json_integer(info->http_status));
	json_object_set_new(ctx, "heading", json_string(info->title_id));
	json_object_set_new(ctx, "detail", json_string(eb->msg));
	return web_render(req, info->http_status, "error", ctx);
}

/* GET /static/<name>: embedded file, or from --assets-dir in development. */
int
web_static(struct http_request *req)
{
	struct app *app = req->app;
	char name[256];
	const struct asset *a;

	if (req->rest == NULL || strstr(req->rest, "..") != NULL ||
	    snprintf(name, sizeof(name), "static/%s", req->rest) >= (int)sizeof(name))
		return http_reply_error(req, ERR_NOT_FOUND, "berkas tidak ditemukan");
	if (app->cfg.assets_dir[0]) {
		char path[1024];
		FILE *f;
		long n;
		struct asset *dev;
		unsigned char *data;
		unsigned long long h = 0xcbf29ce484222325ULL;

		snprintf(path, sizeof(path), "%s/%s", app->cfg.assets_dir, name);
		f = fopen(path, "rb");
		if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
		    fseek(f, 0, SEEK_SET) == 0) {
			data = arena_alloc(&req->arena, (size_t)n + 1);
			if (fread(data, 1, (size_t)n, f) == (size_t)n) {
				long i;

				fclose(f);
				for (i = 0; i < n; i++) {
					h ^= data[i];
					h *= 0x100000001b3ULL;
				}
				a = asset_find(name);
				dev = arena_zalloc(&req->arena, sizeof(*dev));
				dev->name = name;
				dev->data = data;
				dev->len = (size_t)n;
				dev->etag = arena_printf(&req->arena, "\"%016llx\"", h);
				dev->mime = a ? a->mime : "application/octet-stream";
				return http_reply_asset(req, dev, "no-cache");
			}
		}
		if (f)
			fclose(f);
	}
	a = asset_find(name);
	if (a == NULL)
		return http_reply_error(req, ERR_NOT_FOUND, "berkas tidak ditemukan");
	/* pages link /static/F?v=HASH ({{$F}}): that URL never changes its
	 * bytes, so browsers keep it a year without asking; a plain or stale
	 * URL is kept an hour and then revalidated with its ETag */
	if (asset_fingerprint_is(a, http_query_get(req, "v")))
		return http_reply_asset(req, a, "public, max-age=31536000, immutable");
	return http_reply_asset(req, a, "public, max-age=3600");
}

int
web_not_found(struct http_request *req)
{
	struct errbuf eb;

	if (strncmp(req->path, "/api/", 5) == 0)
		return -1; /* the http layer answers with problem+json */
	errbuf_clear(&eb);
	errbuf_set(&eb, ERR_NOT_FOUND, "Halaman yang Anda cari tidak ada.");
	return web_error_page(req, &eb);
}
