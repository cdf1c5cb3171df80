/*
 * api_stats.c - figures as JSON:
 *   GET /api/v1/stats          the dashboard's figures inside the caller's
 *                              scope (officers with the dashboard
 *                              permission); query: election, kind, region,
 *                              from, to, period (bulan|minggu)
 *   GET /api/v1/stats/public   the transparency figures, small counts
 *                              suppressed; query: election.  No login.
 * Both are computed by src/stats/ and cached there.
 */
#include "api/api.h"
#include "app/app.h"
#include "auth/auth.h"
#include "stats/stats.h"

int
api_stats_get(struct http_request *req)
{
	struct app *app = req->app;
	struct stats_filter f;
	struct errbuf eb;
	json_t *out;

	errbuf_clear(&eb);
	if (stats_filter_parse(&req->query, &f, &eb) < 0 ||
	    stats_dashboard(app->stats, auth_principal(req), &f, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	http_header_add(req, "Cache-Control", "private, no-store");
	return http_reply_json(req, 200, out);
}

int
api_stats_public(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	json_t *out;

	errbuf_clear(&eb);
	if (stats_public(app->stats, http_query_get(req, "election"), &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	http_header_add(req, "Cache-Control", "public, max-age=60");
	return http_reply_json(req, 200, out);
}
