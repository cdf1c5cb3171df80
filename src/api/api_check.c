/*
 * api_check.c - the rule catalog over HTTP: POST /api/v1/check (the JSON
 * face of `netra check --json`), GET /api/v1/rules and GET
 * /api/v1/rules/{id} (of `netra rules list|show --json`).
 *
 * POST body: one request object, or an array of at most API_CHECK_MAX of
 * them.  One object answers 200 with the answer, or a problem+json with a
 * stable code (400 invalid_json / invalid_input / invalid_date /
 * unknown_field / missing_conduct / text_too_long / invalid_nip; 422
 * unknown_status / unknown_item / unknown_modifier / unknown_election /
 * date_out_of_range).  An array answers 200 with an array of the same
 * length, each element an answer or {"error": {...}}.  The catalog, the
 * readings and the calendar are those loaded at start-up.
 */
#include <string.h>

#include "api/api.h"
#include "app/app.h"
#include "check/check.h"

#define API_CHECK_MAX 1000

int
api_check_post(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	json_error_t je;
	json_t *body, *out;

	errbuf_clear(&eb);
	if (app->check == NULL)
		return http_reply_error(req, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
	if (req->body_len > (size_t)CHECK_MAX_REQUEST * 16)
		return http_reply_error(req, ERR_PAYLOAD_TOO_LARGE,
					"badan permintaan terlalu besar (paling banyak %d bait)",
					CHECK_MAX_REQUEST * 16);
	body = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (body == NULL) {
		errbuf_set_code(&eb, ERR_INVALID_INPUT, "invalid_json",
				"badan permintaan bukan JSON yang sah (baris %d, kolom %d): %s",
				je.line, je.column, je.text);
		return http_reply_problem(req, &eb);
	}
	if (json_is_array(body)) {
		json_t *item;
		size_t i;

		if (json_array_size(body) > API_CHECK_MAX) {
			json_decref(body);
			return http_reply_error(req, ERR_INVALID_INPUT,
						"paling banyak %d permintaan dalam satu daftar",
						API_CHECK_MAX);
		}
		out = json_array();
		json_array_foreach(body, i, item)
		{
			json_t *answer;

			if (check_run(app->check, item, &req->arena, &answer, NULL, &eb) < 0)
				answer = check_error_json(&eb);
			json_array_append_new(out, answer);
		}
		json_decref(body);
		return http_reply_json(req, 200, out);
	}
	if (check_run(app->check, body, &req->arena, &out, NULL, &eb) < 0) {
		json_decref(body);
		return http_reply_problem(req, &eb);
	}
	json_decref(body);
	return http_reply_json(req, 200, out);
}

int
api_rules_list(struct http_request *req)
{
	struct app *app = req->app;

	if (app->check == NULL)
		return http_reply_error(req, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
	http_header_add(req, "Cache-Control", "no-cache");
	return http_reply_json(req, 200, check_catalog_json(app->check));
}

int
api_rules_show(struct http_request *req)
{
	struct app *app = req->app;
	const struct rules_item *it;
	struct errbuf eb;

	if (app->check == NULL)
		return http_reply_error(req, ERR_UNAVAILABLE, "katalog aturan tidak dimuat");
	it = rules_item_find(check_service_catalog(app->check), req->params[0]);
	if (it == NULL) {
		errbuf_set_code(&eb, ERR_NOT_FOUND, "unknown_item",
				"butir '%.40s' tidak ada di katalog", req->params[0]);
		return http_reply_problem(req, &eb);
	}
	return http_reply_json(req, 200,
			       rules_item_to_json(check_service_catalog(app->check), it,
						  check_service_options(app->check), true));
}
