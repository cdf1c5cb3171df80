/*
 * pages_transparansi.c - GET /transparansi: the public figures (cases by
 * kab/kota, terlapor by outcome, recommended terlapor by violation type),
 * each as an SVG chart with its data table, for anyone, without login.
 *
 * The figures come suppressed from stats_public(): a hidden cell has no
 * number to render, so neither the page nor the chart can show one.  The
 * page stays small (no script, one extra stylesheet) for phones on slow
 * connections, and is rendered once per language and election for as long
 * as the figures are current (stats_rendered_get/put): a hit is a copy of the
 * bytes, which keeps the page fast under load.  With the training clock
 * override the banner shows the time, so nothing is kept then.
 */
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "core/datetime.h"
#include "core/log.h"
#include "web/tmpl.h"
#include "stats/stats.h"
#include "web/chart.h"
#include "web/dasbor_util.h"
#include "web/i18n.h"
#include "web/pages_dasbor.h"
#include "web/web.h"

/* rows of table t -> {label, code?, text, hidden} rows and a bar chart */
static json_t *
table_ctx(struct http_request *req, json_t *t, int64_t threshold, const char *id, const char *title,
	  const char *desc, const char *label_key, const char *sub_key)
{
	bool en = dasbor_lang_en(req);
	json_t *rows = json_object_get(t, "rows"), *row, *out = json_array();
	size_t i, n = json_array_size(rows);
	struct chart_bar *bars = arena_array(&req->arena, n + 1, sizeof(*bars));
	struct chart ch = {id, title, desc, en};
	struct buf svg;
	bool hidden;

	buf_init(&svg, 4 * 1024 * 1024);
	json_array_foreach(rows, i, row)
	{
		const char *label = json_string_value(json_object_get(row, label_key));
		const char *sub = sub_key ? json_string_value(json_object_get(row, sub_key)) : NULL;
		const char *text = dasbor_cell_text(req, json_object_get(row, "cell"), threshold,
						    &hidden, &bars[i].value);

		bars[i].label =
			sub && sub[0] ? arena_printf(&req->arena, "%s %s", sub, label) : label;
		bars[i].text = text;
		bars[i].hidden = hidden;
		json_array_append_new(out, json_pack("{s:s, s:s?, s:s, s:b}", "label",
						     label ? label : "", "sub", sub, "text", text,
						     "hidden", hidden));
	}
	chart_hbar(&svg, &ch, bars, n);
	return json_pack("{s:o, s:o, s:s}", "rows", out, "svg", dasbor_svg_json(&svg), "total",
			 dasbor_cell_text(req, json_object_get(t, "total"), threshold, NULL, NULL));
}

static json_t *
page_ctx(struct http_request *req, json_t *fig, const char *election)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	const struct i18n *l = web_lang(req);
	bool en = dasbor_lang_en(req);
	json_t *ctx, *elections;
	int64_t threshold = json_integer_value(json_object_get(fig, "threshold"));
	size_t i;

	ctx = web_page_ctx(req, "transparansi.title");
	json_object_set_new(ctx, "css", json_pack("[s]", "dasbor.css"));
	elections = json_array();
	for (i = 0; cal && i < calendar_election_count(cal); i++) {
		const struct election *e = calendar_election_at(cal, i);

		json_array_append_new(elections,
				      json_pack("{s:s, s:s, s:b}", "id", e->id, "name", e->name,
						"selected", strcmp(election, e->id) == 0));
	}
	json_object_set_new(ctx, "elections", elections);
	json_object_set_new(ctx, "generated_at", json_incref(json_object_get(fig, "generated_at")));
	json_object_set_new(ctx, "threshold", dasbor_int_json(threshold, en));
	json_object_set_new(ctx, "cases",
			    json_string(dasbor_cell_text(req, json_object_get(fig, "cases"),
							 threshold, NULL, NULL)));
	json_object_set_new(ctx, "terlapor",
			    json_string(dasbor_cell_text(req, json_object_get(fig, "terlapor"),
							 threshold, NULL, NULL)));
	json_object_set_new(
		ctx, "note",
		json_incref(json_object_get(json_object_get(fig, "note"), en ? "en" : "id")));
	json_object_set_new(ctx, "regions",
			    table_ctx(req, json_object_get(fig, "by_region"), threshold,
				      "tr-wilayah", i18n_get(l, "transparansi.region_heading"),
				      i18n_get(l, "transparansi.region_desc"), "name", NULL));
	/* outcomes carry their labels in both languages (the data file); fig is
	 * shared with the cache and never modified */
	json_object_set_new(ctx, "outcomes",
			    table_ctx(req, json_object_get(fig, "by_outcome"), threshold,
				      "tr-hasil", i18n_get(l, "transparansi.outcome_heading"),
				      i18n_get(l, "transparansi.outcome_desc"),
				      en ? "label_en" : "label_id", NULL));
	json_object_set_new(ctx, "items",
			    table_ctx(req, json_object_get(fig, "by_item"), threshold, "tr-jenis",
				      i18n_get(l, "transparansi.item_heading"),
				      i18n_get(l, "transparansi.item_desc"), "title", "id"));
	return ctx;
}

int
web_transparansi(struct http_request *req)
{
	struct app *app = req->app;
	const char *election = http_query_get(req, "election");
	const char *lang = i18n_lang(web_lang(req));
	bool keep = !clock_is_overridden();
	struct errbuf eb;
	struct buf out;
	json_t *fig, *ctx;
	char variant[64];

	errbuf_clear(&eb);
	if (election == NULL)
		election = "";
	if (stats_public(app->stats, election, &fig, &eb) < 0)
		return web_error_page(req, &eb);
	snprintf(variant, sizeof(variant), "%s|%s", lang, election);
	buf_init(&out, 8 * 1024 * 1024);
	if (!keep || !stats_rendered_get(fig, variant, &out)) {
		ctx = page_ctx(req, fig, election);
		if (tmpl_render(app->tmpl, "transparansi", ctx, web_lang(req), &out, &eb) < 0 ||
		    buf_failed(&out)) {
			json_decref(ctx);
			json_decref(fig);
			buf_release(&out);
			log_error("web: render transparansi: %s", eb.msg);
			return http_reply_error(req, ERR_INTERNAL, "kesalahan internal");
		}
		json_decref(ctx);
		if (keep)
			stats_rendered_put(fig, variant, buf_cstr(&out), out.len);
	}
	json_decref(fig);
	if (http_query_get(req, "lang"))
		http_header_add(req, "Set-Cookie",
				arena_printf(&req->arena,
					     "lang=%s; Path=/; Max-Age=31536000; SameSite=Lax",
					     lang));
	http_header_add(req, "Cache-Control", "public, max-age=60");
	return http_reply_buf(req, 200, "text/html; charset=utf-8", &out);
}
