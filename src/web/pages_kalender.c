/*
 * pages_kalender.c - the election calendar, GET /kantor/kalender: every
 * election of the calendar data with its voting day, the penetapan of
 * candidates (which divides SKB 2022 D-9 from D-10), its stages with their
 * flags, and the stage of today highlighted; then the days off of one year
 * (?tahun=YYYY, default this year): libur nasional, cuti bersama and
 * election days, which decide every "hari kerja" deadline.
 *
 * "Today" is the viewer's local date in the zone of their office.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "core/str.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/web.h"

static const unsigned stage_flags[] = {STAGE_CAMPAIGN, STAGE_QUIET, STAGE_VOTING, STAGE_RECAP,
				       STAGE_NO_INTAKE};

static json_t *
date_json(struct date d)
{
	char s[DATE_STRLEN];

	date_format(d, s);
	return json_string(s);
}

static const char *
weekday(const struct i18n *lang, struct date d)
{
	char key[32];
	int wd = date_weekday(d);

	snprintf(key, sizeof(key), "kantor.weekday.%d", wd);
	return kantor_text(lang, key, date_weekday_name_id(wd));
}

static json_t *
flags_view(const struct i18n *lang, unsigned flags)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(stage_flags); i++) {
		char key[48];
		const char *name = calendar_stage_flag_name(stage_flags[i]);

		if (!(flags & stage_flags[i]))
			continue;
		snprintf(key, sizeof(key), "kantor.cal.flag.%s", name);
		json_array_append_new(arr, json_pack("{s:s, s:s}", "id", name, "label",
						     kantor_text(lang, key, name)));
	}
	return arr;
}

static json_t *
election_view(const struct i18n *lang, const struct election *e, struct date today)
{
	const struct election_stage *now = calendar_stage_at(e, today);
	json_t *o = json_object(), *stages = json_array(), *regions = json_array();
	size_t i;

	json_object_set_new(o, "id", json_string(e->id));
	json_object_set_new(o, "name", json_string(e->name));
	{
		char key[48];

		snprintf(key, sizeof(key), "kantor.cal.%s", calendar_election_kind_name(e->kind));
		json_object_set_new(
			o, "kind_label",
			json_string(kantor_text(lang, key, calendar_election_kind_name(e->kind))));
		if (e->clock != e->kind) {
			snprintf(key, sizeof(key), "kantor.cal.follows_%s",
				 calendar_election_clock_name(e));
			json_object_set_new(o, "follows_label",
					    json_string(kantor_text(lang, key, key)));
		}
	}
	json_object_set_new(o, "voting_day",
			    e->has_voting_day ? date_json(e->voting_day) : json_null());
	json_object_set_new(o, "penetapan",
			    e->has_penetapan ? date_json(e->penetapan) : json_null());
	json_object_set_new(o, "penetapan_note",
			    e->penetapan_note[0] ? json_string(e->penetapan_note) : json_null());
	json_object_set_new(o, "basis",
			    e->basis && e->basis[0] ? json_string(e->basis) : json_null());
	json_object_set_new(o, "note", e->note && e->note[0] ? json_string(e->note) : json_null());
	for (i = 0; i < e->nregions; i++)
		json_array_append_new(regions, json_string(e->regions[i]));
	json_object_set_new(o, "regions", regions);
	json_object_set_new(o, "nationwide", json_boolean(e->nregions == 0));
	json_object_set_new(o, "current",
			    now ? json_pack("{s:s, s:s}", "id", now->id, "name", now->name)
				: json_null());
	for (i = 0; i < e->nstages; i++) {
		const struct election_stage *s = &e->stages[i];
		bool is_today = date_cmp(s->start, today) <= 0 && date_cmp(today, s->end) <= 0;

		json_array_append_new(
			stages,
			json_pack("{s:s, s:s, s:o, s:o, s:o, s:b, s:b, s:s?}", "id", s->id, "name",
				  s->name, "start", date_json(s->start), "end", date_json(s->end),
				  "flags", flags_view(lang, s->flags), "today", is_today, "current",
				  now == s, "note", s->note && s->note[0] ? s->note : NULL));
	}
	json_object_set_new(o, "has_stages", json_boolean(e->nstages > 0));
	json_object_set_new(o, "stages", stages);
	return o;
}

static json_t *
holidays_view(const struct i18n *lang, const struct calendar *cal, int year)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < calendar_holiday_count(cal); i++) {
		const struct holiday *h = calendar_holiday_at(cal, i);
		const char *kind = h->kind & HOLIDAY_LIBUR_PEMILU   ? "libur_pemilu"
				   : h->kind & HOLIDAY_CUTI_BERSAMA ? "cuti_bersama"
								    : "libur_nasional";
		char key[48];

		if (h->date.year != year)
			continue;
		snprintf(key, sizeof(key), "kantor.cal.holiday.%s", kind);
		json_array_append_new(
			arr, json_pack("{s:o, s:s, s:s, s:s, s:s?, s:s?, s:s?}", "date",
				       date_json(h->date), "weekday", weekday(lang, h->date),
				       "kind", kind, "kind_label", kantor_text(lang, key, kind),
				       "name", h->name, "basis", h->basis, "source",
				       kantor_url_safe(h->source_url) ? h->source_url : NULL));
	}
	return arr;
}

int
kantor_calendar(struct http_request *req)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *lang = web_lang(req);
	const struct principal *p = auth_principal(req);
	const struct tz *z = tz_find(str_from(p->tz));
	struct date today, first, last;
	json_t *ctx, *elections, *years;
	const char *v;
	int64_t year;
	int y;
	size_t i;
	char today_s[DATE_STRLEN];

	ctx = web_officer_ctx(req, "kantor.cal.title");
	if (ctx == NULL)
		return 0;
	if (cal == NULL) {
		struct errbuf eb;

		json_decref(ctx);
		errbuf_clear(&eb);
		errbuf_set(&eb, ERR_UNAVAILABLE, "kalender tidak dimuat");
		return kantor_error(req, &eb);
	}
	today = time_local_date(clock_now(), (z ? z : &tz_wita)->offset_min);
	date_format(today, today_s);
	json_object_set_new(ctx, "today", json_string(today_s));
	json_object_set_new(ctx, "today_weekday", json_string(weekday(lang, today)));
	elections = json_array();
	for (i = 0; i < calendar_election_count(cal); i++)
		json_array_append_new(elections,
				      election_view(lang, calendar_election_at(cal, i), today));
	json_object_set_new(ctx, "elections", elections);

	calendar_coverage(cal, &first, &last);
	year = today.year;
	v = http_query_get(req, "tahun");
	if (v && (str_to_i64(str_from(v), &year) < 0 || year < first.year || year > last.year))
		year = today.year;
	if (year < first.year || year > last.year)
		year = last.year;
	years = json_array();
	for (y = first.year; y <= last.year; y++) {
		char ys[8];

		snprintf(ys, sizeof(ys), "%d", y);
		json_array_append_new(years, kantor_option(ys, ys, (y == year) ? ys : NULL));
	}
	json_object_set_new(ctx, "years", years);
	json_object_set_new(ctx, "year", json_integer(year));
	json_object_set_new(ctx, "holidays", holidays_view(lang, cal, (int)year));
	return web_render(req, 200, "kantor_kalender", ctx);
}
