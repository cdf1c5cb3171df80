/*
 * publik_common.c - what the public pages share: their context, dates in
 * the visitor's language, the deployment's home province and zone, and
 * the calendar's elections for a select.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_users.h"
#include "web/i18n.h"
#include "web/labels.h"
#include "web/publik.h"
#include "web/web.h"

json_t *
publik_ctx(struct http_request *req, const char *title_key)
{
	const struct principal *p = auth_principal(req);
	json_t *ctx = web_page_ctx(req, title_key);

	json_object_set_new(ctx, "css", json_pack("[s]", "publik.css"));
	if (p->via_cookie && p->csrf[0])
		json_object_set_new(ctx, "csrf", json_string(p->csrf));
	return ctx;
}

void
publik_date(const struct i18n *lang, struct date d, char *out, size_t outsz)
{
	label_date(lang, d, out, outsz);
}

void
publik_time(const struct i18n *lang, int64_t t, const struct tz *zone, char *out, size_t outsz)
{
	struct date d = time_local_date(t, zone->offset_min);
	int s = time_local_seconds(t, zone->offset_min);
	char day[80];

	publik_date(lang, d, day, sizeof(day));
	snprintf(out, outsz, "%s %s %02d.%02d %s", day, i18n_get(lang, "date.at"), s / 3600,
		 s / 60 % 60, zone->name);
}

const char *
publik_date_text(struct arena *a, const struct i18n *lang, const char *iso, const struct tz *zone)
{
	char out[128];
	struct date d;
	int64_t t;
	int off;

	if (iso == NULL)
		return "";
	if (strlen(iso) == 10 && date_parse(str_from(iso), &d) == 0) {
		publik_date(lang, d, out, sizeof(out));
		return arena_strdup(a, out);
	}
	if (time_parse_iso(str_from(iso), &t, &off) == 0) {
		const struct tz *z = zone;

		if (z == NULL)
			z = off == tz_wit.offset_min    ? &tz_wit
			    : off == tz_wita.offset_min ? &tz_wita
							: &tz_wib;
		publik_time(lang, t, z, out, sizeof(out));
		return arena_strdup(a, out);
	}
	return iso;
}

struct home_walk {
	char province[3];
	bool many;
	char tz[8];
};

static int
home_office(void *arg, const struct store_office *o)
{
	struct home_walk *w = arg;

	if (strcmp(o->kind, "bawaslu") != 0 || strlen(o->region_code) < 2)
		return 0;
	if (w->province[0] == '\0') {
		memcpy(w->province, o->region_code, 2);
		w->province[2] = '\0';
		cstr_copy(w->tz, sizeof(w->tz), o->tz);
	} else if (memcmp(w->province, o->region_code, 2) != 0) {
		w->many = true;
	}
	return 0;
}

const struct tz *
publik_home_zone(struct app *app, char province[3])
{
	struct home_walk w;
	const struct tz *z;
	const struct calendar *cal;
	struct store_conn *c;
	struct errbuf eb;

	memset(&w, 0, sizeof(w));
	province[0] = '\0';
	if (app->store == NULL)
		return &tz_wib;
	c = store_reader(app->store);
	if (store_office_list(c, home_office, &w, &eb) < 0)
		w.province[0] = '\0';
	store_reader_done(app->store, c);
	if (w.province[0] == '\0' || w.many)
		return &tz_wib;
	memcpy(province, w.province, 3);
	cal = app_cal(app);
	if (cal && calendar_region_zone(cal, province, &z, NULL, &eb) == 0)
		return z;
	z = tz_find(str_from(w.tz));
	return z ? z : &tz_wib;
}

const char *
publik_fill(struct arena *a, const char *tmpl, ...)
{
	struct buf out = BUF_INIT;
	const char *p = tmpl, *result;

	while (*p) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		bool done = false;

		if (close) {
			va_list ap;
			const char *name;

			va_start(ap, tmpl);
			while (!done && (name = va_arg(ap, const char *)) != NULL) {
				const char *value = va_arg(ap, const char *);

				if (strlen(name) == (size_t)(close - p - 1) &&
				    memcmp(name, p + 1, (size_t)(close - p - 1)) == 0) {
					buf_addstr(&out, value ? value : "");
					p = close + 1;
					done = true;
				}
			}
			va_end(ap);
		}
		if (!done)
			buf_addch(&out, *p++);
	}
	result = arena_strdup(a, buf_cstr(&out));
	buf_release(&out);
	return result;
}

struct date
publik_today(const struct tz *zone)
{
	return time_local_date(clock_now(), zone->offset_min);
}

static json_t *
election_json(const struct election *e, const struct i18n *lang, struct date today)
{
	const struct election_stage *st = calendar_stage_at(e, today);
	json_t *o = json_object();
	char day[80];

	json_object_set_new(o, "id", json_string(e->id));
	json_object_set_new(o, "name", json_string(e->name));
	/* the clocks that apply (a PSU of a Pilkada is "pilkada") */
	json_object_set_new(o, "kind", json_string(calendar_election_clock_name(e)));
	if (st) {
		char from[80], to[80];

		publik_date(lang, st->start, from, sizeof(from));
		publik_date(lang, st->end, to, sizeof(to));
		json_object_set_new(
			o, "stage",
			json_pack("{s:s, s:s, s:s}", "name", st->name, "from", from, "to", to));
	}
	if (e->has_voting_day) {
		publik_date(lang, e->voting_day, day, sizeof(day));
		json_object_set_new(o, "voting", json_string(day));
		json_object_set_new(o, "upcoming",
				    json_boolean(date_cmp(e->voting_day, today) >= 0));
	}
	return o;
}

/* Ongoing elections, the one with the nearest voting day ahead first, then
 * those whose voting day has passed, most recent first. */
struct ranked {
	size_t index;
	int64_t key;
};

static int
by_key(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

json_t *
publik_elections(const struct calendar *cal, const struct i18n *lang, const char *selected,
		 struct date today)
{
	size_t i, n = cal ? calendar_election_count(cal) : 0, nr = 0;
	struct ranked *order = xcalloc(n ? n : 1, sizeof(*order));
	json_t *arr = json_array(), *o;
	bool picked = false;

	for (i = 0; i < n; i++) {
		const struct election *e = calendar_election_at(cal, i);
		int64_t days = e->has_voting_day ? date_to_days(e->voting_day) - date_to_days(today)
						 : 1000000;

		order[nr].index = i;
		if (calendar_stage_at(e, today) == NULL)
			order[nr].key = 4000000 + (int64_t)i; /* not under way: calendar order */
		else
			order[nr].key = days >= 0 ? days : 2000000 - days;
		nr++;
	}
	qsort(order, nr, sizeof(*order), by_key);
	for (i = 0; i < nr; i++) {
		const struct election *e = calendar_election_at(cal, order[i].index);

		o = election_json(e, lang, today);
		if (selected && strcmp(selected, e->id) == 0) {
			json_object_set_new(o, "selected", json_true());
			picked = true;
		}
		json_array_append_new(arr, o);
	}
	if (!picked && selected == NULL && nr > 0 && order[0].key < 4000000)
		json_object_set_new(json_array_get(arr, 0), "selected", json_true());
	free(order);
	return arr;
}
