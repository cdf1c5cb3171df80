/*
 * dashboard.c - the officers' figures (stats_dashboard()): exact counts
 * inside the principal's scope, by region, state, election, kind, employee
 * status, level, catalog item and agency; the trend of receipts; the PPK's
 * compliance (recommended against imposed, time to execute); and the
 * deadlines met and missed per rule.
 *
 * Six store queries, each one scan (store/stats.c); everything else is
 * folding their rows in memory.  Maps are JSON objects {key: count} while
 * folding; the answer is arrays in a fixed, documented order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar/calendar.h"
#include "cases/workflow.h"
#include "core/datetime.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/region.h"
#include "rules/rules.h"
#include "stats/stats_internal.h"
#include "store/store_stats.h"

#define TREND_MAX_POINTS 600

static int64_t
get(json_t *map, const char *key)
{
	return json_integer_value(json_object_get(map, key));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of map, sorted; free the array (not the strings). */
static const char **
sorted_keys(json_t *map, size_t *n)
{
	const char **k = xcalloc(json_object_size(map) + 1, sizeof(*k));
	const char *key;
	json_t *v;
	size_t i = 0;

	json_object_foreach(map, key, v)
	{
		(void)v;
		k[i++] = key;
	}
	qsort(k, i, sizeof(*k), cmp_str);
	*n = i;
	return k;
}

struct dash {
	struct stats_service *s;
	const struct store_scope *sc;
	const struct stats_filter *f;
	/* cases */
	json_t *region, *state, *election, *kind, *period;
	int64_t cases, open_cases;
	/* tracks */
	json_t *track_state, *status, *level, *sanction_level, *rec_vs;
	int64_t terlapor, recommended, sanctioned;
	/* answers */
	json_t *items, *agencies, *ppk, *deadlines;
	int64_t agency_other, agency_others, agency_unknown;
	/* the rows as they stream from the store, counted by key */
	struct fold cases_f, tracks_f, items_f, agencies_f, deadlines_f;
	/* days per PPK office */
	int64_t *days;
	size_t ndays, capdays;
	int64_t *day_office;
};

static void
apply_case(struct dash *d, const struct store_stat_case *r)
{
	const struct wf_state *st = wf_state_find(r->state);

	stats_json_add(d->region, r->region, r->n);
	stats_json_add(d->state, r->state, r->n);
	stats_json_add(d->election, r->election, r->n);
	stats_json_add(d->kind, r->kind, r->n);
	stats_json_add(d->period, r->period, r->n);
	d->cases += r->n;
	if (st == NULL || !st->terminal)
		d->open_cases += r->n;
}

static void
apply_track(struct dash *d, const struct store_stat_track *r)
{
	stats_json_add(d->track_state, r->state, r->n);
	stats_json_add(d->status, r->status[0] ? r->status : "unknown", r->n);
	d->terlapor += r->n;
	if (r->rec_level[0]) {
		char key[80];

		stats_json_add(d->level, r->rec_level, r->n);
		d->recommended += r->n;
		if (r->sanction_level[0]) {
			snprintf(key, sizeof(key), "%s|%s", r->rec_level, r->sanction_level);
			stats_json_add(d->rec_vs, key, r->n);
		}
	}
	if (r->sanction_level[0]) {
		stats_json_add(d->sanction_level, r->sanction_level, r->n);
		d->sanctioned += r->n;
	}
}

static void
apply_item(struct dash *d, const char *key, int64_t n)
{
	const struct rules_item *it =
		d->s->d.catalog ? rules_item_find(d->s->d.catalog, key) : NULL;

	json_array_append_new(d->items,
			      json_pack("{s:s, s:s, s:s, s:I}", "id", key, "family",
					it ? rules_family_name(it->family) : "", "title",
					it && it->title ? it->title : "", "n", (json_int_t)n));
}

static void
apply_agency(struct dash *d, const char *key, int64_t n)
{
	if (key[0] == '\0') {
		d->agency_unknown += n;
	} else if (json_array_size(d->agencies) < STATS_TOP_AGENCIES) {
		json_array_append_new(d->agencies,
				      json_pack("{s:s, s:I}", "name", key, "n", (json_int_t)n));
	} else {
		d->agency_other += n; /* the rest, together */
		d->agency_others++;
	}
}

/* The top agencies, then the rest together, then those not given. */
static json_t *
agency_rows(struct dash *d)
{
	json_t *arr = json_incref(d->agencies);

	if (d->agency_others)
		json_array_append_new(arr, json_pack("{s:s, s:b, s:I, s:I}", "name", "", "other", 1,
						     "agencies", (json_int_t)d->agency_others, "n",
						     (json_int_t)d->agency_other));
	if (d->agency_unknown)
		json_array_append_new(arr, json_pack("{s:s, s:b, s:I}", "name", "", "unknown", 1,
						     "n", (json_int_t)d->agency_unknown));
	return arr;
}

static void
apply_deadline(struct dash *d, const char *rule, const char *status, int64_t n)
{
	json_t *row = json_object_get(d->deadlines, rule);

	if (row == NULL) {
		row = json_pack("{s:s, s:I, s:I, s:I, s:I, s:I}", "rule", rule, "met",
				(json_int_t)0, "missed", (json_int_t)0, "open", (json_int_t)0,
				"extended", (json_int_t)0, "stopped", (json_int_t)0);
		json_object_set_new(d->deadlines, rule, row);
	}
	if (json_object_get(row, status))
		stats_json_add(row, status, n);
}

/* --- the rows as they come: counted by key -------------------------------- */

/* parts joined with FOLD_SEP into out (the parts never hold it) */
static const char *
join(char *out, size_t outsz, const char *const *parts, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < outsz; i++) {
		size_t len = strlen(parts[i]);

		if (i > 0)
			out[o++] = FOLD_SEP;
		if (len > outsz - o - 2)
			len = outsz - o - 2;
		memcpy(out + o, parts[i], len);
		o += len;
	}
	out[o] = '\0';
	return out;
}

static int
on_case(void *arg, const struct store_stat_case *r)
{
	struct dash *d = arg;
	const char *parts[] = {r->region, r->state, r->election, r->kind, r->period};
	char key[256];

	fold_add(&d->cases_f, join(key, sizeof(key), parts, 5), r->n);
	return 0;
}

static int
on_track(void *arg, const struct store_stat_track *r)
{
	struct dash *d = arg;
	const char *parts[] = {r->case_state, r->state,          r->status,
			       r->rec_level,  r->sanction_level, r->cmp};
	char key[512];

	fold_add(&d->tracks_f, join(key, sizeof(key), parts, 6), r->n);
	return 0;
}

static int
on_item(void *arg, const char *key, const char *key2, int64_t n)
{
	(void)key2;
	fold_add(&((struct dash *)arg)->items_f, key, n);
	return 0;
}

static int
on_agency(void *arg, const char *key, const char *key2, int64_t n)
{
	(void)key2;
	fold_add(&((struct dash *)arg)->agencies_f, key, n);
	return 0;
}

static int
on_deadline(void *arg, const char *rule, const char *status, int64_t n)
{
	const char *parts[] = {rule, status};
	char key[256];

	fold_add(&((struct dash *)arg)->deadlines_f, join(key, sizeof(key), parts, 2), n);
	return 0;
}

/* Turn the counted rows into the figures. */
static void
unfold(struct dash *d)
{
	const struct fold_slot **v;
	char *p[6];
	size_t i;

	v = fold_sorted(&d->cases_f, false);
	for (i = 0; i < d->cases_f.n; i++)
		if (fold_split(v[i]->key, p, 5) == 5) {
			struct store_stat_case r = {p[0], p[1], p[2], p[3], p[4], v[i]->n};

			apply_case(d, &r);
		}
	free(v);
	v = fold_sorted(&d->tracks_f, false);
	for (i = 0; i < d->tracks_f.n; i++)
		if (fold_split(v[i]->key, p, 6) == 6) {
			struct store_stat_track r = {p[0], p[1], p[2], p[3], p[4], p[5], v[i]->n};

			apply_track(d, &r);
		}
	free(v);
	v = fold_sorted(&d->items_f, true);
	for (i = 0; i < d->items_f.n; i++)
		apply_item(d, v[i]->key, v[i]->n);
	free(v);
	v = fold_sorted(&d->agencies_f, true);
	for (i = 0; i < d->agencies_f.n; i++)
		apply_agency(d, v[i]->key, v[i]->n);
	free(v);
	v = fold_sorted(&d->deadlines_f, false);
	for (i = 0; i < d->deadlines_f.n; i++)
		if (fold_split(v[i]->key, p, 2) == 2)
			apply_deadline(d, p[0], p[1], v[i]->n);
	free(v);
}

static int
on_ppk(void *arg, const struct store_stat_ppk *r)
{
	struct dash *d = arg;
	int64_t pending = r->sent - r->sanctioned - r->not_followed - r->escalated;

	json_array_append_new(
		d->ppk,
		json_pack("{s:I, s:s, s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}",
			  "office_id", (json_int_t)r->office_id, "code", r->code, "name", r->name,
			  "sent", (json_int_t)r->sent, "sanctioned", (json_int_t)r->sanctioned,
			  "on_time", (json_int_t)r->on_time, "not_followed",
			  (json_int_t)r->not_followed, "escalated", (json_int_t)r->escalated,
			  "pending", (json_int_t)(pending > 0 ? pending : 0), "lower",
			  (json_int_t)r->lower, "equal", (json_int_t)r->equal, "higher",
			  (json_int_t)r->higher));
	return 0;
}

static int
on_days(void *arg, int64_t office_id, int64_t days)
{
	struct dash *d = arg;

	if (d->ndays == d->capdays) {
		d->capdays = d->capdays ? d->capdays * 2 : 256;
		d->days = xreallocarray(d->days, d->capdays, sizeof(*d->days));
		d->day_office = xreallocarray(d->day_office, d->capdays, sizeof(*d->day_office));
	}
	d->days[d->ndays] = days < 0 ? 0 : days;
	d->day_office[d->ndays++] = office_id;
	return 0;
}

/* Attach median and p90 days to each PPK row (days come ordered by office,
 * then days). */
static void
ppk_days(struct dash *d)
{
	size_t i, k, start = 0;
	json_t *row;

	for (i = 0; i <= d->ndays; i++) {
		if (i < d->ndays && d->day_office[i] == d->day_office[start])
			continue;
		if (i > start) {
			json_array_foreach(d->ppk, k, row)
			{
				if (json_integer_value(json_object_get(row, "office_id")) !=
				    d->day_office[start])
					continue;
				json_object_set_new(row, "days_n",
						    json_integer((json_int_t)(i - start)));
				json_object_set_new(row, "median_days",
						    json_integer(stats_percentile(d->days + start,
										  i - start, 50)));
				json_object_set_new(row, "p90_days",
						    json_integer(stats_percentile(d->days + start,
										  i - start, 90)));
			}
		}
		start = i;
	}
	json_array_foreach(d->ppk, k, row)
	{
		if (json_object_get(row, "median_days") == NULL) {
			json_object_set_new(row, "days_n", json_integer(0));
			json_object_set_new(row, "median_days", json_null());
			json_object_set_new(row, "p90_days", json_null());
		}
	}
}

/* --- building the answer -------------------------------------------------- */

static json_t *
state_rows(json_t *map, enum wf_scope scope)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < wf_state_count(); i++) {
		const struct wf_state *st = wf_state_at(i);

		if (st->scope != scope || strcmp(st->id, "digabung") == 0)
			continue;
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b, s:I}", "id", st->id, "label",
						     st->label_id, "terminal", st->terminal, "n",
						     (json_int_t)get(map, st->id)));
	}
	return arr;
}

/* Kab/kota rows: every kab/kota of the provinces in view (the scope's
 * province, and any province with cases) with zeros filled in, so that
 * Kalimantan Timur's ten always show; beneath a kab/kota scope, what is
 * there. */
static json_t *
region_rows(struct dash *d, const char *prefix)
{
	json_t *arr = json_array(), *all = json_object();
	const char **keys;
	size_t i, n;
	const char *key;
	json_t *v;
	char name[REGION_NAME_MAX + 1];

	json_object_foreach(d->region, key, v) stats_json_add(all, key, json_integer_value(v));
	if (d->s->d.regions && strlen(prefix) <= 2) {
		json_t *provs = json_object();

		if (prefix[0])
			json_object_set_new(provs, prefix, json_true());
		json_object_foreach(d->region, key, v)
		{
			char p[3];

			memcpy(p, key, 2);
			p[2] = '\0';
			json_object_set_new(provs, p, json_true());
		}
		if (json_object_size(provs) <= 40) {
			json_object_foreach(provs, key, v)
			{
				struct region kids[100];
				size_t total = 0, k;

				if (region_children(d->s->d.regions, key, kids, 100, &total) < 0)
					continue;
				for (k = 0; k < total && k < 100; k++)
					stats_json_add(all, kids[k].code, 0);
			}
		}
		json_decref(provs);
	}
	keys = sorted_keys(all, &n);
	for (i = 0; i < n; i++)
		json_array_append_new(
			arr, json_pack("{s:s, s:s, s:b, s:I}", "code", keys[i], "name",
				       stats_region_name(d->s, keys[i], name, sizeof(name)),
				       "province_level", strlen(keys[i]) <= 2, "n",
				       (json_int_t)get(all, keys[i])));
	free(keys);
	json_decref(all);
	return arr;
}

static json_t *
fixed_rows(json_t *map, const char *const *ids)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; ids[i]; i++)
		json_array_append_new(arr, json_pack("{s:s, s:I}", "id", ids[i], "n",
						     (json_int_t)get(map, ids[i])));
	return arr;
}

static json_t *
sorted_rows(json_t *map, bool by_count)
{
	json_t *arr = json_array();
	const char **keys;
	size_t i, n;

	keys = sorted_keys(map, &n);
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:I}", "id", keys[i], "n",
						     (json_int_t)get(map, keys[i])));
	free(keys);
	if (by_count) {
		/* stable insertion sort by count, descending (few rows) */
		size_t a, b;

		for (a = 1; a < json_array_size(arr); a++)
			for (b = a; b > 0; b--) {
				json_t *x = json_array_get(arr, b - 1), *y = json_array_get(arr, b);

				if (json_integer_value(json_object_get(x, "n")) >=
				    json_integer_value(json_object_get(y, "n")))
					break;
				json_incref(x);
				json_array_set(arr, b - 1, y);
				json_array_set_new(arr, b, x);
			}
	}
	return arr;
}

static json_t *
election_rows(struct dash *d)
{
	json_t *arr = sorted_rows(d->election, false), *row;
	size_t i;

	json_array_foreach(arr, i, row)
	{
		const char *id = json_string_value(json_object_get(row, "id"));
		const struct calendar *cal = stats_cal(d->s);
		const struct election *e = cal ? calendar_election_find(cal, id) : NULL;

		json_object_set_new(row, "name", json_string(e ? e->name : id));
	}
	return arr;
}

/* Next period key after key: months "YYYY-MM", weeks "YYYY-MM-DD". */
static bool
next_period(const char *key, bool week, char *out, size_t outsz)
{
	struct date d;

	if (week) {
		if (date_parse(str_from(key), &d) < 0)
			return false;
		date_format(date_add_days(d, 7), out);
		return true;
	}
	if (strlen(key) != 7)
		return false;
	d.year = atoi(key);
	d.month = atoi(key + 5);
	if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12)
		return false;
	if (++d.month > 12) {
		d.month = 1;
		d.year++;
	}
	snprintf(out, outsz, "%04d-%02d", d.year % 10000, d.month % 100);
	return true;
}

static json_t *
trend(struct dash *d)
{
	bool week = d->f->period == STORE_STAT_WEEK;
	json_t *points = json_array();
	const char **keys;
	size_t n, i;
	char cur[16];

	keys = sorted_keys(d->period, &n);
	if (n > 0) {
		cstr_copy(cur, sizeof(cur), keys[0]);
		/* fill the gaps between the first and the last period with zeros */
		for (i = 0; i < TREND_MAX_POINTS; i++) {
			json_array_append_new(points, json_pack("{s:s, s:I}", "key", cur, "n",
								(json_int_t)get(d->period, cur)));
			if (strcmp(cur, keys[n - 1]) >= 0 ||
			    !next_period(cur, week, cur, sizeof(cur)))
				break;
		}
	}
	free(keys);
	return json_pack("{s:s, s:o}", "period", week ? "week" : "month", "points", points);
}

static json_t *
rec_vs_rows(json_t *map)
{
	json_t *arr = json_array();
	const char **keys;
	size_t i, n;

	keys = sorted_keys(map, &n);
	for (i = 0; i < n; i++) {
		char rec[40];
		const char *bar = strchr(keys[i], '|');

		if (bar == NULL || (size_t)(bar - keys[i]) >= sizeof(rec))
			continue;
		memcpy(rec, keys[i], (size_t)(bar - keys[i]));
		rec[bar - keys[i]] = '\0';
		json_array_append_new(
			arr,
			json_pack("{s:s, s:s, s:s, s:I}", "rec", rec, "imposed", bar + 1, "cmp",
				  wf_level_rank(bar + 1) < wf_level_rank(rec)   ? "lower"
				  : wf_level_rank(bar + 1) > wf_level_rank(rec) ? "higher"
										: "equal",
				  "n", (json_int_t)get(map, keys[i])));
	}
	free(keys);
	return arr;
}

static json_t *
deadline_rows(json_t *map)
{
	json_t *arr = json_array();
	const char **keys;
	size_t i, n;

	keys = sorted_keys(map, &n);
	for (i = 0; i < n; i++) {
		json_t *row = json_object_get(map, keys[i]);
		int64_t met = get(row, "met"), missed = get(row, "missed");

		json_object_set_new(
			row, "met_pct",
			met + missed > 0
				? json_integer((met * 100 + (met + missed) / 2) / (met + missed))
				: json_null());
		json_array_append(arr, row);
	}
	free(keys);
	return arr;
}

/* --- the computation ------------------------------------------------------- */

struct dash_arg {
	struct stats_service *s;
	struct store_scope sc;
	struct stats_filter f;
	char scope_region[24];
};

static int
compute(void *arg, json_t **out, struct errbuf *eb)
{
	static const char *const kinds[] = {"laporan", "temuan", "informasi_awal", NULL};
	static const char *const levels[] = {"moral", "ringan", "sedang", "berat", "ptdh", NULL};
	struct dash_arg *a = arg;
	struct store_stat_filter sf;
	struct dash d;
	struct store_conn *c;
	int64_t t0 = clock_mono_ms();
	char prefix[24], name[REGION_NAME_MAX + 1];
	int rc;
	json_t *o;

	memset(&d, 0, sizeof(d));
	d.s = a->s;
	d.sc = &a->sc;
	d.f = &a->f;
	d.region = json_object();
	d.state = json_object();
	d.election = json_object();
	d.kind = json_object();
	d.period = json_object();
	d.track_state = json_object();
	d.status = json_object();
	d.level = json_object();
	d.sanction_level = json_object();
	d.rec_vs = json_object();
	d.items = json_array();
	d.agencies = json_array();
	d.ppk = json_array();
	d.deadlines = json_object();
	fold_init(&d.cases_f);
	fold_init(&d.tracks_f);
	fold_init(&d.items_f);
	fold_init(&d.agencies_f);
	fold_init(&d.deadlines_f);
	stats_filter_store(&a->f, &sf);
	c = store_reader(a->s->d.store);
	rc = store_stat_cases(c, &a->sc, &sf, a->f.period, on_case, &d, eb);
	if (rc == 0)
		rc = store_stat_tracks(c, &a->sc, &sf, on_track, &d, eb);
	if (rc == 0)
		rc = store_stat_items(c, &a->sc, &sf, on_item, &d, eb);
	if (rc == 0)
		rc = store_stat_agencies(c, &a->sc, &sf, on_agency, &d, eb);
	if (rc == 0)
		rc = store_stat_ppk(c, &a->sc, &sf, on_ppk, &d, eb);
	if (rc == 0)
		rc = store_stat_ppk_days(c, &a->sc, &sf, on_days, &d, eb);
	if (rc == 0)
		rc = store_stat_deadlines(c, &a->sc, &sf, on_deadline, &d, eb);
	store_reader_done(a->s->d.store, c);
	o = NULL;
	if (rc == 0) {
		unfold(&d);
		ppk_days(&d);
		/* the view's region: the filter's when narrower than the scope */
		cstr_copy(prefix, sizeof(prefix),
			  strlen(a->f.region) > strlen(a->scope_region) ? a->f.region
									: a->scope_region);
		o = json_object();
		json_object_set_new(o, "generated_at", stats_now_json());
		json_object_set_new(o, "filter",
				    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "election",
					      a->f.election, "kind", a->f.kind, "region",
					      a->f.region, "from", a->f.from, "to", a->f.to,
					      "period",
					      a->f.period == STORE_STAT_WEEK ? "minggu" : "bulan"));
		json_object_set_new(
			o, "scope",
			json_pack("{s:s, s:s, s:b, s:b}", "region", a->scope_region, "region_name",
				  a->scope_region[0] ? stats_region_name(a->s, a->scope_region,
									 name, sizeof(name))
						     : "Nasional",
				  "recommended_only", !a->sc.all && a->sc.recommended_only, "ppk",
				  !a->sc.all && a->sc.ppk_office_id > 0));
		json_object_set_new(
			o, "totals",
			json_pack("{s:I, s:I, s:I, s:I, s:I}", "cases", (json_int_t)d.cases,
				  "open_cases", (json_int_t)d.open_cases, "terlapor",
				  (json_int_t)d.terlapor, "recommended", (json_int_t)d.recommended,
				  "sanctioned", (json_int_t)d.sanctioned));
		json_object_set_new(o, "by_region", region_rows(&d, prefix));
		json_object_set_new(o, "by_state", state_rows(d.state, WF_CASE));
		json_object_set_new(o, "by_track_state", state_rows(d.track_state, WF_TRACK));
		json_object_set_new(o, "by_election", election_rows(&d));
		json_object_set_new(o, "by_kind", fixed_rows(d.kind, kinds));
		json_object_set_new(o, "by_status", sorted_rows(d.status, true));
		json_object_set_new(o, "by_level", fixed_rows(d.level, levels));
		json_object_set_new(o, "by_sanction_level", fixed_rows(d.sanction_level, levels));
		json_object_set_new(o, "by_item", json_incref(d.items));
		json_object_set_new(o, "by_agency", agency_rows(&d));
		json_object_set_new(o, "trend", trend(&d));
		json_object_set_new(o, "ppk", json_incref(d.ppk));
		json_object_set_new(o, "rec_vs_sanction", rec_vs_rows(d.rec_vs));
		json_object_set_new(o, "deadlines", deadline_rows(d.deadlines));
		json_object_set_new(o, "took_ms", json_integer(clock_mono_ms() - t0));
	}
	json_decref(d.region);
	json_decref(d.state);
	json_decref(d.election);
	json_decref(d.kind);
	json_decref(d.period);
	json_decref(d.track_state);
	json_decref(d.status);
	json_decref(d.level);
	json_decref(d.sanction_level);
	json_decref(d.rec_vs);
	json_decref(d.items);
	json_decref(d.agencies);
	json_decref(d.ppk);
	json_decref(d.deadlines);
	free(d.days);
	free(d.day_office);
	fold_release(&d.cases_f);
	fold_release(&d.tracks_f);
	fold_release(&d.items_f);
	fold_release(&d.agencies_f);
	fold_release(&d.deadlines_f);
	*out = o;
	return rc < 0 ? -1 : 0;
}

int
stats_dashboard(struct stats_service *s, const struct principal *who, const struct stats_filter *f,
		json_t **out, struct errbuf *eb)
{
	struct dash_arg a;
	char key[200], fkey[128];

	*out = NULL;
	if (who == NULL || who->user_id == 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, PERM_DASHBOARD))
		return errbuf_set(eb, ERR_FORBIDDEN, "peran Anda tidak diizinkan melihat dasbor");
	memset(&a, 0, sizeof(a));
	a.s = s;
	a.f = *f;
	auth_scope(who, &a.sc);
	if (a.sc.none)
		return errbuf_set(eb, ERR_FORBIDDEN, "akses ditolak");
	cstr_copy(a.scope_region, sizeof(a.scope_region), a.sc.region_prefix);
	/* a region filter must lie inside the scope, or contain it */
	if (f->region[0] && !auth_region_within(a.sc.region_prefix, f->region) &&
	    !auth_region_within(f->region, a.sc.region_prefix))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, "region",
					"wilayah %s berada di luar wilayah kerja Anda", f->region);
	stats_filter_key(f, fkey, sizeof(fkey));
	snprintf(key, sizeof(key), "d|%s|%d|%lld|%s", a.sc.region_prefix, a.sc.recommended_only,
		 (long long)a.sc.ppk_office_id, fkey);
	return stats_cache_get(s->cache, key, stats_store_version(s), compute, &a, sizeof(a), out,
			       eb);
}
