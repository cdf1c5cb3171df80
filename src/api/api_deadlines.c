/*
 * api_deadlines.c - POST /api/v1/deadlines: the JSON face of
 * `netra deadline --json`.
 *
 * Body: one request object {"rule", "start", "region"} or an array of at
 * most API_DEADLINES_MAX of them.  One object answers 200 with the result,
 * or a problem+json (400 invalid_input / invalid_date / region_required,
 * 422 unknown_rule / rule_not_in_effect / unknown_region /
 * date_out_of_range).  An array answers 200 with an array of the same
 * length, each element a result or {"rule", "start", "error": {"code",
 * "message"}}.  The calendar is the one loaded at start-up; the counting
 * options come from the [rules] configuration.
 */
#include <string.h>

#include "api/api.h"
#include "app/app.h"
#include "calendar/deadline.h"

#define API_DEADLINES_MAX 1000

/* Result or error object for one request; *failed set on error. */
static json_t *
one(const struct calendar *cal, const struct calendar_opts *opts, json_t *in, struct errbuf *eb,
    bool *failed)
{
	struct deadline_request req;
	struct deadline_result res;
	json_t *out;

	errbuf_clear(eb);
	*failed = false;
	if (deadline_request_from_json(in, &req, eb) < 0) {
		*failed = true;
		return deadline_error_to_json(&req, eb);
	}
	deadline_result_init(&res);
	if (deadline_request_run(cal, &req, opts, &res, eb) < 0) {
		*failed = true;
		out = deadline_error_to_json(&req, eb);
	} else {
		out = deadline_result_to_json(&req, &res);
	}
	deadline_result_release(&res);
	return out;
}

int
api_deadlines_post(struct http_request *req)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	struct calendar_opts opts;
	struct errbuf eb;
	json_error_t je;
	json_t *body, *out;
	bool failed;

	errbuf_clear(&eb);
	if (cal == NULL)
		return http_reply_error(req, ERR_UNAVAILABLE, "kalender tidak dimuat");
	if (calendar_opts_from_config(&opts, &app->cfg, &eb) < 0) {
		eb.kind = ERR_INTERNAL;
		return http_reply_problem(req, &eb);
	}
	body = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (body == NULL)
		return http_reply_error(
			req, ERR_INVALID_INPUT,
			"badan permintaan bukan JSON yang sah (baris %d, kolom %d): %s", je.line,
			je.column, je.text);
	if (json_is_array(body)) {
		size_t i;
		json_t *item;

		if (json_array_size(body) > API_DEADLINES_MAX) {
			json_decref(body);
			return http_reply_error(req, ERR_INVALID_INPUT,
						"paling banyak %d permintaan dalam satu daftar",
						API_DEADLINES_MAX);
		}
		out = json_array();
		json_array_foreach(body, i, item)
		{
			json_array_append_new(out, one(cal, &opts, item, &eb, &failed));
		}
		json_decref(body);
		return http_reply_json(req, 200, out);
	}
	out = one(cal, &opts, body, &eb, &failed);
	json_decref(body);
	if (failed) {
		json_decref(out);
		return http_reply_problem(req, &eb);
	}
	return http_reply_json(req, 200, out);
}
