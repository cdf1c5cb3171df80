/*
 * api_calendar.c - the holidays as JSON and the admin's changes to them:
 *
 *   GET    /api/v1/calendar/holidays[?year=Y]  every holiday in force (data
 *          files and admin rows, with origin), the coverage and the
 *          end-of-data warning; public, as the law it lists
 *   POST   /api/v1/calendar/holidays           one holiday {date, kind, name,
 *          basis, source_url}; national administrators only
 *   DELETE /api/v1/calendar/holidays/{id}      remove an admin row
 *
 * The rules live in src/cases/calendar_admin.c (the same as the CLI and
 * /kantor/admin/kalender).
 */
#include <string.h>

#include "api/api.h"
#include "api/api_util.h"
#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "cases/calendar_admin.h"
#include "core/datetime.h"
#include "core/str.h"
#include "store/store_calendar.h"

static json_t *
date_json(struct date d)
{
	char s[DATE_STRLEN];

	date_format(d, s);
	return json_string(s);
}

int
api_calendar_holidays_get(struct http_request *req)
{
	const struct calendar *cal = app_cal(req->app);
	const char *ys = http_query_get(req, "year");
	struct date first, last, end;
	json_t *out, *arr;
	int64_t year = 0;
	long left;
	bool warn;
	size_t i;

	if (cal == NULL)
		return http_reply_error(req, ERR_UNAVAILABLE, "kalender tidak dimuat");
	if (ys && (str_to_i64(str_from(ys), &year) < 0 || year < 1900 || year > 2200))
		return http_reply_error(req, ERR_INVALID_INPUT, "year harus tahun, mis. 2027");
	arr = json_array();
	for (i = 0; i < calendar_holiday_count(cal); i++) {
		const struct holiday *h = calendar_holiday_at(cal, i);

		if (year && h->date.year != year)
			continue;
		json_array_append_new(
			arr,
			json_pack("{s:o, s:s, s:s, s:s, s:s, s:s, s:o}", "date", date_json(h->date),
				  "kind", calendar_holiday_kind_name(h->kind), "name", h->name,
				  "basis", h->basis, "source_url", h->source_url, "origin",
				  h->admin_id ? "admin" : "data", "id",
				  h->admin_id ? json_integer(h->admin_id) : json_null()));
	}
	calendar_coverage(cal, &first, &last);
	warn = calendar_data_ending(cal, time_local_date(clock_now(), tz_wib.offset_min), &end,
				    &left);
	out = json_pack("{s:o, s:{s:o, s:o}, s:{s:o, s:i, s:b}}", "holidays", arr, "coverage",
			"first", date_json(first), "last", date_json(last), "data_end", "date",
			date_json(end), "days_left", (int)left, "warning", warn);
	return http_reply_json(req, 200, out);
}

static json_t *
change_json(const struct calendar_change *ch)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:I}", "id", (json_int_t)ch->id, "rows",
			 (json_int_t)ch->rows, "first_date", ch->first_date, "deadlines_moved",
			 (json_int_t)ch->moved, "deadlines_rewritten", (json_int_t)ch->rewritten);
}

static void
actor_of(struct http_request *req, struct calendar_actor *a)
{
	const struct principal *who = auth_principal(req);

	a->name = who->username;
	a->user_id = who->user_id;
	a->via = "api";
}

int
api_calendar_holidays_post(struct http_request *req)
{
	struct app *app = req->app;
	struct store_cal_holiday h;
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;
	json_t *body;
	static const char *const keys[] = {"date", "kind", "name", "basis", "source_url", NULL};
	const char *k;
	json_t *v;

	errbuf_clear(&eb);
	if (cases_calendar_require(auth_principal(req), &eb) < 0)
		return http_reply_problem(req, &eb);
	body = api_body_json(req);
	if (body == NULL)
		return 0;
	json_object_foreach(body, k, v)
	{
		size_t i;
		bool known = false;

		for (i = 0; keys[i]; i++)
			known = known || strcmp(keys[i], k) == 0;
		if (!known || !json_is_string(v)) {
			errbuf_set_field(&eb, ERR_INVALID_INPUT, k,
					 known ? "%s harus berupa teks" : "kunci %s tidak dikenal",
					 k);
			json_decref(body);
			return http_reply_problem(req, &eb);
		}
	}
	memset(&h, 0, sizeof(h));
	cstr_copy(h.date, sizeof(h.date), api_str(body, "date") ? api_str(body, "date") : "");
	cstr_copy(h.kind, sizeof(h.kind), api_str(body, "kind") ? api_str(body, "kind") : "");
	cstr_copy(h.name, sizeof(h.name), api_str(body, "name") ? api_str(body, "name") : "");
	cstr_copy(h.basis, sizeof(h.basis), api_str(body, "basis") ? api_str(body, "basis") : "");
	cstr_copy(h.source_url, sizeof(h.source_url),
		  api_str(body, "source_url") ? api_str(body, "source_url") : "");
	json_decref(body);
	actor_of(req, &who);
	if (cases_calendar_holiday_add(&app->cases, &h, &who, &ch, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 201, change_json(&ch));
}

int
api_calendar_holiday_delete(struct http_request *req)
{
	struct app *app = req->app;
	struct calendar_change ch;
	struct calendar_actor who;
	struct errbuf eb;
	int64_t id;

	errbuf_clear(&eb);
	if (cases_calendar_require(auth_principal(req), &eb) < 0)
		return http_reply_problem(req, &eb);
	id = api_param_id(req, 0);
	if (id < 0)
		return 0;
	actor_of(req, &who);
	if (cases_calendar_holiday_remove(&app->cases, id, &who, &ch, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, change_json(&ch));
}
