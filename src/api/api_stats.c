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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

	struct buf text;
	const char *election = http_query_get(req, "election");
	char variant[64];

	errbuf_clear(&eb);
	if (stats_public(app->stats, election, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	/* the same figures give the same bytes: serialise them once */
	snprintf(variant, sizeof(variant), "json|%s", election ? election : "");
	buf_init(&text, 8 * 1024 * 1024);
	if (!stats_rendered_get(out, variant, &text)) {
		char *s = json_dumps(out, JSON_COMPACT | JSON_ENSURE_ASCII);

		if (s) {
			buf_addstr(&text, s);
			stats_rendered_put(out, variant, s, strlen(s));
			free(s);
		}
	}
	json_decref(out);
	http_header_add(req, "Cache-Control", "public, max-age=60");
	return http_reply_buf(req, 200, "application/json", &text);
}
