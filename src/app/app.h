/*
 * app.h - the application context shared by every HTTP handler and CLI
 * command: configuration, store, templates, catalogs.
 *
 * Lifetime: process.  app_open() builds it from a finished struct config;
 * app_close() releases it.  Handlers reach it through req->app and treat
 * it as read-only; anything mutable inside it guards itself.
 */
#ifndef NETRA_APP_APP_H
#define NETRA_APP_APP_H

#include <stdint.h>

#include "cases/cases.h"
#include "core/config.h"
#include "core/err.h"

struct store;
struct calendar;
struct auth_guard;
struct check_service;
struct tmpl_set;
struct i18n;
struct region_table;
struct ident_limits;
struct web_flash;
struct scan_lexicon;
struct stats_service;

struct app {
	struct config cfg;
	struct store *store;
	struct auth_guard *auth; /* sessions, CSRF, throttles (with APP_STORE) */
	struct tmpl_set *tmpl;
	struct i18n *lang_id;
	struct i18n *lang_en;
	struct cases_ctx cases;       /* the case service (with APP_STORE and the calendar); its
					 cal_live holds the calendar: read it with app_cal() */
	struct check_service *check;  /* rule catalog and readings (with APP_KNOWLEDGE/APP_WEB) */
	struct region_table *regions; /* loaded with APP_WEB */
	struct ident_limits *ident_limits; /* loaded with APP_WEB */
	struct web_flash *flash;           /* POST results for the next page (with APP_WEB) */
	struct scan_lexicon *scan;         /* screening lexicon (with APP_KNOWLEDGE/APP_WEB) */
	struct stats_service *stats;       /* dashboard/transparency figures (APP_STORE|APP_WEB) */
	int64_t started_mono_ms;
	char base_url[256];
};

enum app_flags {
	APP_STORE = 1 << 0, /* open the existing store (and migrate it) */
	/* with APP_STORE: create the database when it is missing (serve, demo) */
	APP_STORE_CREATE = 1 << 3,
	APP_WEB = 1 << 1, /* load templates and catalogs */
	/* load the calendar (also implied by APP_WEB) */
	APP_KNOWLEDGE = 1 << 2,
};

int app_open(struct app *app, const struct config *cfg, unsigned flags, struct errbuf *eb);
/* The calendar in force (elections, holidays, zones, deadline rules: the
 * data files plus admin additions), or NULL when not loaded.  Admins may
 * replace it while the server runs: take it once per request and use that
 * pointer throughout (it stays valid until app_close()). */
const struct calendar *app_cal(const struct app *app);
void app_close(struct app *app);
/* The port the server really listens on (--listen HOST:0 picks a free one):
 * without a configured base_url, links in receipts and pages use it.  Call
 * before the port is announced (the port file), so no request reads the
 * base URL while it changes. */
void app_bound_port(struct app *app, int port);

/* The route table of `netra serve` (routes.c). */
struct http_route;
extern const struct http_route *const app_routes;
extern const unsigned long app_routes_count;

#endif
