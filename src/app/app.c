/*
 * app.c - build and tear down the application context (see app.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "auth/auth.h"
#include "auth/seal.h"
#include "cases/calendar_admin.h"
#include "cases/evidence.h"
#include "cases/deadline_memo.h"
#include "cases/office_cache.h"
#include "check/check.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "core/xalloc.h"
#include "ident/ident.h"
#include "ident/region.h"
#include "scan/scan.h"
#include "screening/screening.h"
#include "stats/stats.h"
#include "store/store.h"
#include "web/flash.h"
#include "web/i18n.h"
#include "web/tmpl.h"

int
app_open(struct app *app, const struct config *cfg, unsigned flags, struct errbuf *eb)
{
	memset(app, 0, sizeof(*app));
	app->cfg = *cfg;
	app->started_mono_ms = clock_mono_ms();
	if (cfg->base_url[0])
		cstr_copy(app->base_url, sizeof(app->base_url), cfg->base_url);
	else
		snprintf(app->base_url, sizeof(app->base_url), "http://%s", cfg->listen);
	if (flags & APP_STORE) {
		struct store_opts so = {cfg->data_dir, cfg->db_url, (int)cfg->store_readers,
					(int)cfg->store_batch, !(flags & APP_STORE_CREATE)};
		int applied = 0;

		if (store_open(&app->store, &so, eb) < 0)
			goto fail;
		if (store_migrate(app->store, &applied, eb) < 0)
			goto fail;
		if (applied)
			log_info("store: %d migration(s) applied", applied);
		app->auth = auth_guard_new(&(struct auth_guard_opts){
			.store = app->store,
			.secure_cookie = strncmp(app->base_url, "https://", 8) == 0,
			.intake_per_minute = (unsigned)cfg->intake_rate_per_min,
		});
	}
	if (flags & (APP_WEB | APP_KNOWLEDGE)) {
		struct calendar *cal = NULL;
		int64_t version = 0;

		if (calendar_opts_from_config(&app->cases.copts, cfg, eb) < 0)
			goto fail;
		/* the data files plus what admins added (src/cases/calendar_admin.c) */
		if (app->store &&
		    cases_calendar_load(app->store, cfg->knowledge_dir, &cal, &version, eb) < 0) {
			log_error("calendar: admin additions not applied: %s", eb->msg);
			log_error("calendar: serving the data files only; fix or remove the row "
				  "(netra calendar holiday list / remove)");
			cal = NULL;
		}
		if (cal == NULL && calendar_load(&cal, cfg->knowledge_dir, eb) < 0)
			goto fail;
		app->cases.cal_live = calendar_live_new(cal, version);
		if (check_service_new(&app->check, cfg, NULL, eb) < 0 ||
		    screening_lexicon_load(&app->scan, cfg->knowledge_dir,
					   check_service_catalog(app->check), eb) < 0)
			goto fail;
		check_service_follow(app->check, app->cases.cal_live);
		app->ident_limits = xcalloc(1, sizeof(*app->ident_limits));
		if (region_table_load(&app->regions, cfg->knowledge_dir, eb) < 0 ||
		    ident_limits_load(app->ident_limits, cfg->knowledge_dir, eb) < 0)
			goto fail;
	}
	/* the case service: everything it needs is loaded by now */
	app->cases.store = app->store;
	app->cases.check = app->check;
	app->cases.regions = app->regions;
	if (app->store && app->cases.offices == NULL) {
		app->cases.offices = office_cache_new();
		/* an office or key changed on any node empties it (store.h) */
		if (store_subscribe(app->store, office_cache_on_notify, app->cases.offices, eb) < 0)
			goto fail;
	}
	if (app->store && app->cases.sealer == NULL)
		app->cases.sealer = seal_sender_new();
	if (app->cases.deadlines == NULL)
		app->cases.deadlines = deadline_memo_new();
	app->cases.cfg = &app->cfg;
	cstr_copy(app->cases.base_url, sizeof(app->cases.base_url), app->base_url);
	if (flags & APP_WEB) {
		if (tmpl_set_load(&app->tmpl, cfg->assets_dir, eb) < 0 ||
		    i18n_load_embedded("id", &app->lang_id, eb) < 0 ||
		    i18n_load_embedded("en", &app->lang_en, eb) < 0)
			goto fail;
		app->flash = web_flash_new(256);
	}
	if ((flags & APP_WEB) && app->store) {
		struct stats_deps sd = {
			app->store, app->regions,       check_service_catalog(app->check),
			NULL,       cfg->knowledge_dir, app->cases.cal_live};

		if (stats_service_new(&app->stats, &sd, eb) < 0)
			goto fail;
		stats_service_warm(app->stats);
	}
	return 0;
fail:
	app_close(app);
	return -1;
}

const struct calendar *
app_cal(const struct app *app)
{
	return calendar_live_get(app->cases.cal_live);
}

void
app_close(struct app *app)
{
	stats_service_free(app->stats);
	app->stats = NULL;
	auth_guard_free(app->auth);
	app->auth = NULL;
	store_close(app->store);
	tmpl_set_free(app->tmpl);
	i18n_free(app->lang_id);
	i18n_free(app->lang_en);
	web_flash_free(app->flash);
	app->flash = NULL;
	evidence_shutdown();
	office_cache_free(app->cases.offices);
	app->cases.offices = NULL;
	seal_sender_free(app->cases.sealer);
	app->cases.sealer = NULL;
	deadline_memo_free(app->cases.deadlines);
	app->cases.deadlines = NULL;
	check_service_free(app->check);
	app->check = NULL;
	scan_lexicon_free(app->scan);
	app->scan = NULL;
	calendar_live_free(app->cases.cal_live);
	app->cases.cal_live = NULL;
	region_table_free(app->regions);
	free(app->ident_limits);
	app->regions = NULL;
	app->ident_limits = NULL;
	app->store = NULL;
	app->tmpl = NULL;
	app->lang_id = app->lang_en = NULL;
}

void
app_bound_port(struct app *app, int port)
{
	const char *colon = strrchr(app->cfg.listen, ':');

	if (app->cfg.base_url[0] || colon == NULL || port <= 0)
		return;
	snprintf(app->base_url, sizeof(app->base_url), "http://%.*s:%d",
		 (int)(colon - app->cfg.listen), app->cfg.listen, port);
	cstr_copy(app->cases.base_url, sizeof(app->cases.base_url), app->base_url);
}
