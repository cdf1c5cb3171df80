/*
 * routes.c - the one route table of `netra serve`.
 *
 * Order matters only where patterns overlap: the first match wins.
 * Public paths printed on posters and receipts (/, /lapor, /status, /boleh,
 * /transparansi, /masuk) and everything under /api/v1 are stable.
 */
#include "api/api.h"
#include "app/app.h"
#include "http/http.h"
#include "web/web.h"

static const struct http_route routes[] = {
	/* system */
	{"GET", "/healthz", api_healthz, 0},
	{"GET", "/api/v1/version", api_version, 0},

	/* calendar */
	{"POST", "/api/v1/deadlines", api_deadlines_post, 0},

	/* rules */
	{"POST", "/api/v1/check", api_check_post, 0},
	{"GET", "/api/v1/rules", api_rules_list, 0},
	{"GET", "/api/v1/rules/{id}", api_rules_show, 0},

	/* public pages */
	{"GET", "/", web_home, 0},
	{"GET", "/static/*", web_static, HTTP_ROUTE_PREFIX},
};

const struct http_route *const app_routes = routes;
const unsigned long app_routes_count = sizeof(routes) / sizeof(routes[0]);
