/*
 * pages_admin_kalender.c - /kantor/admin/kalender: administrators keep the
 * calendar current without a release.  The holidays of a year with their
 * basis and origin (data file or admin), a form to add one, a CSV upload
 * (the columns of holidays.csv), removal of an admin row, and an election
 * JSON.  Every change goes through src/cases/calendar_admin.h (the same
 * rules, audit events and deadline recomputation as `netra calendar
 * holiday|election`); the running server publishes the new calendar at
 * once.  Holidays are national: only administrators of a national office
 * may change them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "http/multipart.h"
#include "store/store_calendar.h"
#include "web/i18n.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

#define KAL_PATH "/kantor/admin/kalender"

/* Refuse without PERM_USER_ADMIN or outside a national office; 1 when it replied. */
static int
guard(struct http_request *req)
{
	const struct principal *who = auth_principal(req);
	struct errbuf eb;

	if (who->user_id == 0) {
		http_reply_redirect(req, 303, "/masuk?next=%2Fkantor%2Fadmin%2Fkalender");
		return 1;
	}
	errbuf_clear(&eb);
	if (cases_calendar_require(who, &eb) < 0) {
		web_error_page(req, &eb);
		return 1;
	}
	return 0;
}

static json_t *
holidays_of(const struct i18n *lang, const struct calendar *cal, int year)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < calendar_holiday_count(cal); i++) {
		const struct holiday *h = calendar_holiday_at(cal, i);
		const char *kind = calendar_holiday_kind_name(h->kind);
		char ds[DATE_STRLEN], key[48];

		if (h->date.year != year)
			continue;
		date_format(h->date, ds);
		snprintf(key, sizeof(key), "kantor.cal.holiday.%s", kind);
		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:I}", "date", ds,
						"kind_label", i18n_get(lang, key), "name", h->name,
						"basis", h->basis, "source", h->source_url, "admin",
						h->admin_id > 0, "id", (json_int_t)h->admin_id));
	}
	return arr;
}

/* The page; which names the form that failed ("libur", "impor",
 * "pemilihan") with err, f its fields to show again. */
static int
render(struct http_request *req, int status, const char *which, const struct form *f,
       const struct errbuf *err)
{
	const struct calendar *cal = app_cal(req->app);
	const struct i18n *lang = web_lang(req);
	const char *done = http_query_get(req, "selesai"), *v;
	struct date first, last, today;
	json_t *ctx, *years;
	int64_t year;
	int y;
	size_t i;

	ctx = web_officer_ctx(req, "kal.title");
	if (ctx == NULL)
		return 0;
	today = time_local_date(clock_now(), tz_wita.offset_min);
	calendar_coverage(cal, &first, &last);
	year = today.year;
	v = http_query_get(req, "tahun");
	if (v && str_to_i64(str_from(v), &year) < 0)
		year = today.year;
	if (year < first.year - 1 || year > last.year + 1)
		year = today.year;
	years = json_array();
	for (y = first.year; y <= last.year + 1; y++)
		json_array_append_new(years,
				      json_pack("{s:i, s:b}", "y", y, "selected", y == year));
	json_object_set_new(ctx, "years", years);
	json_object_set_new(ctx, "year", json_integer(year));
	json_object_set_new(ctx, "holidays", holidays_of(lang, cal, (int)year));
	if (done && (strcmp(done, "libur") == 0 || strcmp(done, "impor") == 0 ||
		     strcmp(done, "hapus") == 0 || strcmp(done, "pemilihan") == 0)) {
		char key[32];

		snprintf(key, sizeof(key), "kal.done.%s", done);
		json_object_set_new(ctx, "done",
				    json_pack("{s:s}", "message", i18n_get(lang, key)));
	}
	if (which && err) {
		char key[32];

		snprintf(key, sizeof(key), "%s_error", which);
		json_object_set_new(ctx, key, json_pack("{s:s}", "message", err->msg));
	}
	for (i = 0; f && i < f->n; i++)
		if (strcmp(f->fields[i].name, "csrf") != 0) {
			char key[64];

			snprintf(key, sizeof(key), "f_%s", f->fields[i].name);
			json_object_set_new(ctx, key, json_string(f->fields[i].value));
		}
	return web_render(req, status, "admin_kalender", ctx);
}

int
web_admin_calendar(struct http_request *req)
{
	if (guard(req))
		return 0;
	return render(req, 200, NULL, NULL, NULL);
}

static void
actor_of(struct http_request *req, struct calendar_actor *a)
{
	const struct principal *who = auth_principal(req);

	a->name = who->username;
	a->user_id = who->user_id;
	a->via = "web";
}

static int
redirect_done(struct http_request *req, const char *what, const struct calendar_change *ch)
{
	char url[96];

	log_info("admin: %s changed the calendar (%s; %zu deadline(s) moved)",
		 auth_principal(req)->username, what, ch->moved);
	snprintf(url, sizeof(url), KAL_PATH "?selesai=%s", what);
	return http_reply_redirect(req, 303, url);
}

int
web_admin_calendar_add(struct http_request *req)
{
	struct store_cal_holiday h;
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;
	struct form f;

	if (guard(req))
		return 0;
	if (web_form(req, &f) < 0)
		return 0;
	errbuf_clear(&eb);
	memset(&h, 0, sizeof(h));
	cstr_copy(h.date, sizeof(h.date), form_get(&f, "date") ? form_get(&f, "date") : "");
	cstr_copy(h.kind, sizeof(h.kind), form_get(&f, "kind") ? form_get(&f, "kind") : "");
	cstr_copy(h.name, sizeof(h.name), form_get(&f, "name") ? form_get(&f, "name") : "");
	cstr_copy(h.basis, sizeof(h.basis), form_get(&f, "basis") ? form_get(&f, "basis") : "");
	cstr_copy(h.source_url, sizeof(h.source_url),
		  form_get(&f, "source") ? form_get(&f, "source") : "");
	actor_of(req, &who);
	if (cases_calendar_holiday_add(&((struct app *)req->app)->cases, &h, &who, &ch, &eb) < 0)
		return render(req, eb.kind == ERR_CONFLICT ? 409 : 400, "libur", &f, &eb);
	return redirect_done(req, "libur", &ch);
}

int
web_admin_calendar_remove(struct http_request *req)
{
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;
	int64_t id;

	if (guard(req))
		return 0;
	errbuf_clear(&eb);
	if (str_to_i64(str_from(req->params[0]), &id) < 0)
		id = 0;
	actor_of(req, &who);
	if (cases_calendar_holiday_remove(&((struct app *)req->app)->cases, id, &who, &ch, &eb) < 0)
		return web_error_page(req, &eb);
	return redirect_done(req, "hapus", &ch);
}

/* The one file (or text field) of a multipart form; NULL with eb. */
static const struct multipart_part *
upload(struct http_request *req, const char *file_field, const char *text_field, struct errbuf *eb)
{
	const char *ct = http_header_get(req, "Content-Type");
	struct multipart_part *parts;
	const struct multipart_part *p;
	size_t n;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0) {
		errbuf_set(eb, ERR_UNSUPPORTED_MEDIA,
			   "Formulir dikirim dalam bentuk yang tidak dikenal.");
		return NULL;
	}
	if (multipart_parse(&req->arena, ct, req->body, req->body_len, NULL, &parts, &n, eb) < 0)
		return NULL;
	p = multipart_find(parts, n, file_field);
	if ((p == NULL || p->len == 0) && text_field)
		p = multipart_find(parts, n, text_field);
	if (p == NULL || p->len == 0) {
		errbuf_set(eb, ERR_INVALID_INPUT, "Pilih berkas yang akan dimuat.");
		return NULL;
	}
	return p;
}

int
web_admin_calendar_import(struct http_request *req)
{
	const struct multipart_part *p;
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;
	const char *name;

	if (guard(req))
		return 0;
	errbuf_clear(&eb);
	p = upload(req, "file", NULL, &eb);
	if (p == NULL)
		return render(req, 400, "impor", NULL, &eb);
	name = p->filename
		       ? multipart_filename_sanitize(&req->arena, p->filename, strlen(p->filename))
		       : "unggahan.csv";
	actor_of(req, &who);
	if (cases_calendar_holiday_import(&((struct app *)req->app)->cases,
					  name[0] ? name : "unggahan.csv", p->data, p->len, &who,
					  &ch, &eb) < 0)
		return render(req, eb.kind == ERR_CONFLICT ? 409 : 400, "impor", NULL, &eb);
	return redirect_done(req, "impor", &ch);
}

int
web_admin_calendar_election(struct http_request *req)
{
	const struct multipart_part *p;
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;

	if (guard(req))
		return 0;
	errbuf_clear(&eb);
	p = upload(req, "file", "json", &eb);
	if (p == NULL)
		return render(req, 400, "pemilihan", NULL, &eb);
	actor_of(req, &who);
	if (cases_calendar_election_add(&((struct app *)req->app)->cases, p->data, p->len, &who,
					&ch, &eb) < 0)
		return render(req, 400, "pemilihan", NULL, &eb);
	return redirect_done(req, "pemilihan", &ch);
}
