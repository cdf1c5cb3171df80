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

	/* identifiers and regions */
	{"GET", "/api/v1/ident/{number}", api_ident_get, 0},
	{"GET", "/api/v1/regions", api_regions_search, 0},
	{"GET", "/api/v1/regions/{code}", api_region_get, 0},

	/* public pages */
	{"GET", "/", web_home, 0},
	{"GET", "/static/*", web_static, HTTP_ROUTE_PREFIX},
};

const struct http_route *const app_routes = routes;
const unsigned long app_routes_count = sizeof(routes) / sizeof(routes[0]);
