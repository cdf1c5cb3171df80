/*
 * api_system.c - liveness and version: GET /healthz, GET /api/v1/version.
 */
#include "api/api.h"
#include "app/app.h"
#include "core/datetime.h"
#include "core/version.h"
#include "store/store.h"

int
api_healthz(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	json_t *j;

	errbuf_clear(&eb);
	if (store_ping(app->store, &eb) < 0) {
		eb.kind = ERR_UNAVAILABLE;
		return http_reply_problem(req, &eb);
	}
	j = json_pack("{s:s, s:s, s:I}", "status", "ok", "store", "ok", "uptime_s",
		      (json_int_t)((clock_mono_ms() - app->started_mono_ms) / 1000));
	http_header_add(req, "Cache-Control", "no-store");
	return http_reply_json(req, 200, j);
}

int
api_version(struct http_request *req)
{
	json_t *j =
		json_pack("{s:s, s:s, s:i, s:b}", "name", "netra", "version", NETRA_VERSION,
			  "schema", store_schema_latest(), "clock_override", clock_is_overridden());

	return http_reply_json(req, 200, j);
}
