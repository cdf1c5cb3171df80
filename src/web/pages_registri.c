/*
 * pages_registri.c - the registry search, GET /kantor/registri?q=...: the
 * persons seen in the cases the viewer may open, by name (normalised and
 * fuzzy) or by NIP/NIK (registry.h), each with status, agency, position
 * and their cases; a person in more than one case is marked as a repeat.
 * Statuses, elections, stages, levels and dates are shown in words
 * (web/labels.h).
 */
#include <string.h>

#include "app/app.h"
#include "registry/registry.h"
#include "web/i18n.h"
#include "web/kantor_internal.h"
#include "web/labels.h"
#include "web/web.h"

#define REGISTRY_PAGE 30 /* persons shown for one search */

/* "YYYY-MM-DD" -> "Kamis, 4 Januari 2024" (arena copy); other text as it is */
static const char *
day_words(struct http_request *req, const struct i18n *lang, const char *iso)
{
	struct date d;
	char out[96];

	if (iso == NULL || date_parse(str_from(iso), &d) < 0)
		return iso ? iso : "";
	label_date(lang, d, out, sizeof(out));
	return arena_strdup(&req->arena, out);
}

static json_t *
results_view(struct http_request *req, json_t *results)
{
	json_t *out = json_array(), *r, *c;
	struct labels lb;
	const struct i18n *lang;
	size_t i, k;

	web_labels(req, &lb);
	lang = lb.lang;
	json_array_foreach(results, i, r)
	{
		json_t *cases = json_array();

		json_array_foreach(json_object_get(r, "cases"), k, c)
		{
			const char *lv = json_string_value(json_object_get(c, "rec_level"));
			const char *sl = json_string_value(json_object_get(c, "sanction_level"));

			json_array_append_new(
				cases,
				json_pack(
					"{s:O, s:O, s:s, s:s, s:s, s:s, s:s, s:s?, s:s?, s:O}",
					"case_id", json_object_get(c, "case_id"), "code",
					json_object_get(c, "code"), "election",
					label_word(
						&lb, LABEL_ELECTION,
						json_string_value(json_object_get(c, "election"))),
					"received_on",
					day_words(req, lang,
						  json_string_value(
							  json_object_get(c, "received_on"))),
					"received_iso",
					json_string_value(json_object_get(c, "received_on"))
						? json_string_value(
							  json_object_get(c, "received_on"))
						: "",
					"case_state",
					kantor_state_label(lang, json_string_value(json_object_get(
									 c, "case_state"))),
					"track_state",
					kantor_state_label(lang, json_string_value(json_object_get(
									 c, "track_state"))),
					"rec_level", lv ? kantor_level_label(lang, lv) : NULL,
					"sanction_level", sl ? kantor_level_label(lang, sl) : NULL,
					"sanction_form", json_object_get(c, "sanction_form")));
		}
		json_array_append_new(
			out,
			json_pack("{s:O, s:O, s:O, s:s?, s:O, s:O, s:O, s:O, s:O, s:o}", "name",
				  json_object_get(r, "name"), "nip", json_object_get(r, "nip"),
				  "nik", json_object_get(r, "nik"), "status",
				  json_string_value(json_object_get(r, "status"))
					  ? label_word(
						    &lb, LABEL_STATUS,
						    json_string_value(json_object_get(r, "status")))
					  : NULL,
				  "agency", json_object_get(r, "agency"), "position",
				  json_object_get(r, "position"), "score",
				  json_object_get(r, "score"), "ncases",
				  json_object_get(r, "ncases"), "repeat",
				  json_object_get(r, "repeat"), "cases", cases));
	}
	return out;
}

int
kantor_registry(struct http_request *req)
{
	struct app *app = req->app;
	const char *q = http_query_get(req, "q");
	struct errbuf eb;
	json_t *ctx, *res = NULL;

	ctx = web_officer_ctx(req, "kantor.registry.title");
	if (ctx == NULL)
		return 0;
	json_object_set_new(ctx, "q", q ? json_string(q) : json_null());
	errbuf_clear(&eb);
	if (q && q[0]) {
		if (registry_search(app->store, auth_principal(req), q, REGISTRY_PAGE, &res, &eb) <
		    0) {
			if (eb.kind != ERR_INVALID_INPUT) {
				json_decref(ctx);
				return kantor_error(req, &eb);
			}
			json_object_set_new(ctx, "error", json_string(eb.msg));
			return web_render(req, 400, "kantor_registri", ctx);
		}
		json_object_set_new(ctx, "searched", json_true());
		json_object_set_new(ctx, "results",
				    results_view(req, json_object_get(res, "results")));
		json_object_set_new(
			ctx, "count",
			json_integer((json_int_t)json_array_size(json_object_get(res, "results"))));
		json_object_set_new(
			ctx, "mode_number",
			json_boolean(
				strcmp(json_string_value(json_object_get(res, "mode"))
					       ? json_string_value(json_object_get(res, "mode"))
					       : "",
				       "nomor") == 0));
		json_object_set(ctx, "truncated", json_object_get(res, "truncated"));
		json_decref(res);
	}
	return web_render(req, 200, "kantor_registri", ctx);
}
