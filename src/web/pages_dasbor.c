/*
 * pages_dasbor.c - GET /kantor/dasbor: the officer's dashboard.
 *
 * Every figure comes from stats_dashboard(), inside the officer's scope;
 * this file only turns it into charts (SVG, src/web/chart.c) and the data
 * table behind each chart.  The filter is a plain GET form, so the page
 * works without script; the same filter feeds the export links.  The
 * figures JSON is shared with the cache and is only read here.
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "calendar/deadline.h"
#include "core/str.h"
#include "ident/region.h"
#include "stats/stats.h"
#include "web/chart.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/labels.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

enum shape { HBAR, COLUMNS };

/* A chart and its table rows from bars; rows get "label" and "n". */
static json_t *
section(struct http_request *req, const char *id, const char *title_key, const char *desc_key,
	const struct chart_bar *bars, size_t n, enum shape shape)
{
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	struct chart ch = {id, i18n_get(l, title_key), i18n_get(l, desc_key), en};
	json_t *rows = json_array();
	struct buf svg;
	int64_t total = 0;
	size_t i;
	char colk[64];

	buf_init(&svg, 4 * 1024 * 1024);
	if (shape == COLUMNS)
		chart_columns(&svg, &ch, bars, n);
	else
		chart_hbar(&svg, &ch, bars, n);
	for (i = 0; i < n; i++) {
		json_array_append_new(rows, json_pack("{s:s, s:o}", "label", bars[i].label, "n",
						      dasbor_int_json(bars[i].value, en)));
		total += bars[i].value;
	}
	snprintf(colk, sizeof(colk), "dasbor.%s.col", id);
	return json_pack("{s:s, s:s, s:s, s:o, s:o, s:o, s:b, s:b}", "id", id, "title", ch.title,
			 "col", i18n_get(l, colk), "svg", dasbor_svg_json(&svg), "rows", rows,
			 "total", dasbor_int_json(total, en), "empty", total == 0, "show_total",
			 strcmp(id, "jenis") != 0);
}

/* bars from rows [{<key>, "n"}], labels through label(). */
static struct chart_bar *
bars_of(struct http_request *req, json_t *rows, size_t *n,
	const char *(*label)(struct http_request *req, json_t *row))
{
	struct chart_bar *bars = arena_array(&req->arena, json_array_size(rows) + 1, sizeof(*bars));
	json_t *row;
	size_t i;

	json_array_foreach(rows, i, row)
	{
		bars[i].label = label(req, row);
		bars[i].value = json_integer_value(json_object_get(row, "n"));
	}
	*n = json_array_size(rows);
	return bars;
}

static const char *
label_region(struct http_request *req, json_t *row)
{
	const char *name = json_string_value(json_object_get(row, "name"));

	if (json_is_true(json_object_get(row, "province_level")))
		return arena_printf(&req->arena, "%s (%s)", name,
				    i18n_get(web_lang(req), "dasbor.province_level"));
	return name;
}

static const char *
label_state(struct http_request *req, json_t *row)
{
	return dasbor_label(web_lang(req), "label.state",
			    json_string_value(json_object_get(row, "id")),
			    json_string_value(json_object_get(row, "label")));
}

static const char *
label_track_state(struct http_request *req, json_t *row)
{
	return dasbor_label(web_lang(req), "label.state",
			    json_string_value(json_object_get(row, "id")),
			    json_string_value(json_object_get(row, "label")));
}

static const char *
label_level(struct http_request *req, json_t *row)
{
	return dasbor_label(web_lang(req), "label.level",
			    json_string_value(json_object_get(row, "id")), NULL);
}

static const char *
label_kind(struct http_request *req, json_t *row)
{
	return dasbor_label(web_lang(req), "label.kind",
			    json_string_value(json_object_get(row, "id")), NULL);
}

static const char *
label_status(struct http_request *req, json_t *row)
{
	struct labels lb;

	web_labels(req, &lb);
	return label_word(&lb, LABEL_STATUS, json_string_value(json_object_get(row, "id")));
}

static const char *
label_election(struct http_request *req, json_t *row)
{
	const char *id = json_string_value(json_object_get(row, "id"));
	struct labels lb;

	web_labels(req, &lb);
	return id && id[0] ? label_word(&lb, LABEL_ELECTION, id)
			   : json_string_value(json_object_get(row, "name"));
}

static const char *
label_item(struct http_request *req, json_t *row)
{
	return arena_printf(&req->arena, "%s %s", json_string_value(json_object_get(row, "id")),
			    json_string_value(json_object_get(row, "title")));
}

static const char *
label_agency(struct http_request *req, json_t *row)
{
	const struct i18n *l = web_lang(req);

	if (json_is_true(json_object_get(row, "other")))
		return arena_printf(
			&req->arena, "%s (%lld)", i18n_get(l, "dasbor.agency_other"),
			(long long)json_integer_value(json_object_get(row, "agencies")));
	if (json_is_true(json_object_get(row, "unknown")))
		return i18n_get(l, "dasbor.agency_unknown");
	return json_string_value(json_object_get(row, "name"));
}

/* "2024-01" -> "Jan 2024"; "2024-01-08" (a week's Monday) -> "8 Jan 2024" */
static const char *
label_period(struct http_request *req, json_t *row)
{
	const char *key = json_string_value(json_object_get(row, "key"));
	int y = 0, m = 0, d = 0;
	char mk[32];

	if (key == NULL || sscanf(key, "%d-%d-%d", &y, &m, &d) < 2 || m < 1 || m > 12)
		return key ? key : "";
	snprintf(mk, sizeof(mk), "dasbor.month.%d", m);
	if (d > 0)
		return arena_printf(&req->arena, "%d %s %d", d, i18n_get(web_lang(req), mk), y);
	return arena_printf(&req->arena, "%s %d", i18n_get(web_lang(req), mk), y);
}

/* Short axis labels: "Jan '24" at the first point and each January,
 * else "Feb"; weeks "8 Jan". */
static void
period_ticks(struct http_request *req, json_t *points, struct chart_bar *bars)
{
	json_t *p;
	size_t i;

	json_array_foreach(points, i, p)
	{
		const char *key = json_string_value(json_object_get(p, "key"));
		int y = 0, m = 0, d = 0;
		char mk[32];
		const char *mon;

		if (key == NULL || sscanf(key, "%d-%d-%d", &y, &m, &d) < 2 || m < 1 || m > 12)
			continue;
		snprintf(mk, sizeof(mk), "dasbor.month.%d", m);
		mon = i18n_get(web_lang(req), mk);
		if (d > 0)
			bars[i].tick = arena_printf(&req->arena, "%d %s", d, mon);
		else if (i == 0 || m == 1)
			bars[i].tick = arena_printf(&req->arena, "%s '%02d", mon, y % 100);
		else
			bars[i].tick = mon;
	}
}

static const char *
rule_title(const struct app *app, const char *id)
{
	const struct calendar *cal = app_cal(app);
	size_t i;

	for (i = 0; cal && i < deadline_rule_count(cal); i++) {
		const struct deadline_rule *r = deadline_rule_at(cal, i);

		if (strcmp(r->id, id) == 0)
			return r->title;
	}
	return id;
}

static json_t *
hbar(struct http_request *req, json_t *fig, const char *field, const char *id,
     const char *(*label)(struct http_request *, json_t *))
{
	char tk[64], dk[64];
	struct chart_bar *bars;
	size_t n;

	snprintf(tk, sizeof(tk), "dasbor.%s.title", id);
	snprintf(dk, sizeof(dk), "dasbor.%s.desc", id);
	bars = bars_of(req, json_object_get(fig, field), &n, label);
	return section(req, id, tk, dk, bars, n, HBAR);
}

/* PPK compliance: a stacked bar per PPK office and the full table. */
static json_t *
ppk_section(struct http_request *req, json_t *fig)
{
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	/* green done, red not done, amber escalated, grey waiting */
	const struct chart_series series[] = {{i18n_get(l, "dasbor.ppk.sanctioned"), 1},
					      {i18n_get(l, "dasbor.ppk.not_followed"), 2},
					      {i18n_get(l, "dasbor.ppk.escalated"), 3},
					      {i18n_get(l, "dasbor.ppk.pending"), 4}};
	static const char *const keys[] = {"sanctioned", "not_followed", "escalated", "pending"};
	json_t *ppk = json_object_get(fig, "ppk"), *row, *rows = json_array();
	size_t i, k, n = json_array_size(ppk);
	struct chart_stack_row *sr = arena_array(&req->arena, n + 1, sizeof(*sr));
	struct chart ch = {"ppk", i18n_get(l, "dasbor.ppk.title"), i18n_get(l, "dasbor.ppk.desc"),
			   en};
	struct buf svg;

	buf_init(&svg, 4 * 1024 * 1024);
	json_array_foreach(ppk, i, row)
	{
		int64_t *v = arena_array(&req->arena, 4, sizeof(*v));
		json_t *med = json_object_get(row, "median_days"),
		       *p90 = json_object_get(row, "p90_days");

		for (k = 0; k < 4; k++)
			v[k] = json_integer_value(json_object_get(row, keys[k]));
		sr[i].label = json_string_value(json_object_get(row, "name"));
		sr[i].values = v;
		json_array_append_new(
			rows,
			json_pack(
				"{s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
				"name", sr[i].label, "sent",
				dasbor_int_json(json_integer_value(json_object_get(row, "sent")),
						en),
				"sanctioned", dasbor_int_json(v[0], en), "on_time",
				dasbor_int_json(json_integer_value(json_object_get(row, "on_time")),
						en),
				"not_followed", dasbor_int_json(v[1], en), "escalated",
				dasbor_int_json(v[2], en), "pending", dasbor_int_json(v[3], en),
				"lower",
				dasbor_int_json(json_integer_value(json_object_get(row, "lower")),
						en),
				"equal",
				dasbor_int_json(json_integer_value(json_object_get(row, "equal")),
						en),
				"higher",
				dasbor_int_json(json_integer_value(json_object_get(row, "higher")),
						en),
				"median",
				json_is_integer(med) ? dasbor_int_json(json_integer_value(med), en)
						     : json_string("–"),
				"p90",
				json_is_integer(p90) ? dasbor_int_json(json_integer_value(p90), en)
						     : json_string("–")));
	}
	chart_stacked(&svg, &ch, series, 4, sr, n);
	return json_pack("{s:o, s:o, s:b}", "svg", dasbor_svg_json(&svg), "rows", rows, "empty",
			 n == 0);
}

/* Deadlines met, missed and still open per rule. */
static json_t *
deadline_section(struct http_request *req, json_t *fig)
{
	struct app *app = req->app;
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	const struct chart_series series[] = {{i18n_get(l, "dasbor.deadlines.met"), 1},
					      {i18n_get(l, "dasbor.deadlines.missed"), 2},
					      {i18n_get(l, "dasbor.deadlines.open"), 4}};
	static const char *const keys[] = {"met", "missed", "open"};
	json_t *dl = json_object_get(fig, "deadlines"), *row, *rows = json_array();
	size_t i, k, n = json_array_size(dl);
	struct chart_stack_row *sr = arena_array(&req->arena, n + 1, sizeof(*sr));
	struct chart ch = {"tenggat", i18n_get(l, "dasbor.deadlines.title"),
			   i18n_get(l, "dasbor.deadlines.desc"), en};
	struct buf svg;

	buf_init(&svg, 4 * 1024 * 1024);
	json_array_foreach(dl, i, row)
	{
		int64_t *v = arena_array(&req->arena, 3, sizeof(*v));
		const char *rule = json_string_value(json_object_get(row, "rule"));
		json_t *pct = json_object_get(row, "met_pct");

		for (k = 0; k < 3; k++)
			v[k] = json_integer_value(json_object_get(row, keys[k]));
		sr[i].label = rule_title(app, rule);
		sr[i].values = v;
		json_array_append_new(
			rows,
			json_pack(
				"{s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o}", "rule", rule, "title",
				sr[i].label, "met", dasbor_int_json(v[0], en), "missed",
				dasbor_int_json(v[1], en), "open", dasbor_int_json(v[2], en),
				"extended",
				dasbor_int_json(
					json_integer_value(json_object_get(row, "extended")), en),
				"stopped",
				dasbor_int_json(json_integer_value(json_object_get(row, "stopped")),
						en),
				"pct",
				json_is_integer(pct)
					? json_sprintf("%lld%%", (long long)json_integer_value(pct))
					: json_string("–")));
	}
	chart_stacked(&svg, &ch, series, 3, sr, n);
	return json_pack("{s:o, s:o, s:b}", "svg", dasbor_svg_json(&svg), "rows", rows, "empty",
			 n == 0);
}

static json_t *
rec_vs_rows(struct http_request *req, json_t *fig)
{
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	json_t *rows = json_array(), *row;
	size_t i;

	json_array_foreach(json_object_get(fig, "rec_vs_sanction"), i, row)
	{
		const char *cmp = json_string_value(json_object_get(row, "cmp"));

		json_array_append_new(
			rows,
			json_pack("{s:s, s:s, s:s, s:o}", "rec",
				  dasbor_label(l, "label.level",
					       json_string_value(json_object_get(row, "rec")),
					       NULL),
				  "imposed",
				  dasbor_label(l, "label.level",
					       json_string_value(json_object_get(row, "imposed")),
					       NULL),
				  "cmp", dasbor_label(l, "label.cmp", cmp, cmp), "n",
				  dasbor_int_json(json_integer_value(json_object_get(row, "n")),
						  en)));
	}
	return rows;
}

/* When the figures were computed, in words, in the viewer's office zone:
 * "Selasa, 8 Desember 2026 09.34 WITA". */
static const char *
generated_text(struct http_request *req, json_t *iso)
{
	const struct tz *zone = tz_find(str_from(auth_principal(req)->tz));
	const char *s = json_string_value(iso);
	char out[128];
	int64_t t;
	int off;

	if (s == NULL || time_parse_iso(str_from(s), &t, &off) < 0)
		return s ? s : "";
	label_time(web_lang(req), t, zone ? zone : &tz_wita, out, sizeof(out));
	return arena_strdup(&req->arena, out);
}

/* The filter form: its values and the choices of each select. */
static json_t *
filter_ctx(struct http_request *req, const struct stats_filter *f, const char *scope)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *l = web_lang(req);
	static const char *const kinds[] = {"laporan", "temuan", "informasi_awal", NULL};
	json_t *o = json_object(), *arr;
	size_t i, total = 0;
	struct region kids[120];
	const char *base = f->region[0] && strlen(f->region) > strlen(scope) ? f->region : scope;
	bool have_selected = false;

	arr = json_array();
	for (i = 0; cal && i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);

		json_array_append_new(arr,
				      json_pack("{s:s, s:s, s:b}", "id", e->id, "name", e->name,
						"selected", strcmp(f->election, e->id) == 0));
	}
	json_object_set_new(o, "elections", arr);
	arr = json_array();
	for (i = 0; kinds[i]; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "id", kinds[i], "name",
						     dasbor_label(l, "label.kind", kinds[i], NULL),
						     "selected", strcmp(f->kind, kinds[i]) == 0));
	json_object_set_new(o, "kinds", arr);
	/* regions: the selected one, and one level below it (kab/kota, kecamatan) */
	arr = json_array();
	if (app->regions && strlen(base) <= 5 &&
	    region_children(app->regions, base[0] ? base : NULL, kids, 120, &total) == 0) {
		if (f->region[0] && strcmp(f->region, scope) != 0) {
			struct region me;

			if (region_find(app->regions, f->region, &me) == 0) {
				json_array_append_new(arr,
						      json_pack("{s:s, s:s, s:b}", "code", me.code,
								"name", me.name, "selected", 1));
				have_selected = true;
			}
		}
		for (i = 0; i < total && i < 120; i++)
			if (strcmp(kids[i].code, f->region) != 0)
				json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "code",
								     kids[i].code, "name",
								     kids[i].name, "selected", 0));
	}
	if (f->region[0] && !have_selected)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:b}", "code", f->region, "name",
						     f->region, "selected", 1));
	json_object_set_new(o, "regions", arr);
	json_object_set_new(o, "from", json_string(f->from));
	json_object_set_new(o, "to", json_string(f->to));
	json_object_set_new(o, "week", json_boolean(f->period == STORE_STAT_WEEK));
	return o;
}

/* "election=..&kind=..": the dashboard filter as a query for the exports */
static const char *
filter_query(struct http_request *req, const struct stats_filter *f)
{
	struct buf q = BUF_INIT;
	const char *names[] = {"election", "kind", "region", "from", "to"};
	const char *vals[] = {f->election, f->kind, f->region, f->from, f->to};
	const char *out;
	size_t i;

	for (i = 0; i < 5; i++) {
		if (vals[i][0] == '\0')
			continue;
		buf_addf(&q, "%s%s=", q.len ? "&" : "", names[i]);
		buf_add_urlenc(&q, vals[i], strlen(vals[i]));
	}
	out = arena_strdup(&req->arena, buf_cstr(&q));
	buf_release(&q);
	return out;
}

int
web_dasbor(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	json_t *ctx = web_officer_ctx(req, "dasbor.title"), *fig, *totals, *scope, *trend;
	bool en = dasbor_lang_en(req);
	struct stats_filter f;
	struct errbuf eb;
	struct chart_bar *bars;
	size_t n;
	const char *q;

	if (ctx == NULL)
		return 0;
	errbuf_clear(&eb);
	if (!auth_can(who, PERM_DASHBOARD)) {
		json_decref(ctx);
		errbuf_set(&eb, ERR_FORBIDDEN, "Peran Anda tidak diizinkan melihat dasbor.");
		return web_error_page(req, &eb);
	}
	if (stats_filter_parse(&req->query, &f, &eb) < 0 ||
	    stats_dashboard(app->stats, who, &f, &fig, &eb) < 0) {
		json_decref(ctx);
		return web_error_page(req, &eb);
	}
	json_object_set_new(ctx, "css", json_pack("[s]", "dasbor.css"));
	scope = json_object_get(fig, "scope");
	json_object_set_new(ctx, "scope", json_deep_copy(scope));
	json_object_set_new(
		ctx, "filter",
		filter_ctx(req, &f, json_string_value(json_object_get(scope, "region"))));
	q = filter_query(req, &f);
	json_object_set_new(ctx, "export_query",
			    json_string(q[0] ? arena_printf(&req->arena, "?%s", q) : ""));
	json_object_set_new(ctx, "generated_at",
			    json_string(generated_text(req, json_object_get(fig, "generated_at"))));
	totals = json_object_get(fig, "totals");
	json_object_set_new(
		ctx, "totals",
		json_pack("{s:o, s:o, s:o, s:o, s:o}", "cases",
			  dasbor_int_json(json_integer_value(json_object_get(totals, "cases")), en),
			  "open_cases",
			  dasbor_int_json(json_integer_value(json_object_get(totals, "open_cases")),
					  en),
			  "terlapor",
			  dasbor_int_json(json_integer_value(json_object_get(totals, "terlapor")),
					  en),
			  "recommended",
			  dasbor_int_json(
				  json_integer_value(json_object_get(totals, "recommended")), en),
			  "sanctioned",
			  dasbor_int_json(json_integer_value(json_object_get(totals, "sanctioned")),
					  en)));
	json_object_set_new(ctx, "regions", hbar(req, fig, "by_region", "wilayah", label_region));
	trend = json_object_get(fig, "trend");
	bars = bars_of(req, json_object_get(trend, "points"), &n, label_period);
	period_ticks(req, json_object_get(trend, "points"), bars);
	json_object_set_new(ctx, "trend",
			    section(req, "tren",
				    f.period == STORE_STAT_WEEK ? "dasbor.tren.title_week"
								: "dasbor.tren.title",
				    "dasbor.tren.desc", bars, n, COLUMNS));
	json_object_set_new(ctx, "states", hbar(req, fig, "by_state", "status", label_state));
	json_object_set_new(ctx, "track_states",
			    hbar(req, fig, "by_track_state", "terlapor", label_track_state));
	json_object_set_new(ctx, "items", hbar(req, fig, "by_item", "jenis", label_item));
	json_object_set_new(ctx, "levels", hbar(req, fig, "by_level", "tingkat", label_level));
	json_object_set_new(ctx, "agencies", hbar(req, fig, "by_agency", "instansi", label_agency));
	json_object_set_new(ctx, "statuses",
			    hbar(req, fig, "by_status", "kepegawaian", label_status));
	json_object_set_new(ctx, "elections",
			    hbar(req, fig, "by_election", "pemilihan", label_election));
	json_object_set_new(ctx, "kinds", hbar(req, fig, "by_kind", "jenis_laporan", label_kind));
	json_object_set_new(ctx, "ppk", ppk_section(req, fig));
	json_object_set_new(ctx, "rec_vs", rec_vs_rows(req, fig));
	json_object_set_new(ctx, "has_rec_vs",
			    json_boolean(json_array_size(json_object_get(ctx, "rec_vs")) > 0));
	json_object_set_new(ctx, "deadlines", deadline_section(req, fig));
	json_decref(fig);
	http_header_add(req, "Cache-Control", "private, no-store");
	return web_render(req, 200, "dasbor", ctx);
}
