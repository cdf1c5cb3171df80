/*
 * app.c - build and tear down the application context (see app.h).
 */
#include <stdio.h>
#include <string.h>

#include "app/app.h"
#include "calendar/calendar.h"
#include "check/check.h"
#include "core/datetime.h"
#include "core/log.h"
#include "core/str.h"
#include "store/store.h"
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
					(int)cfg->store_batch};
		int applied = 0;

		if (store_open(&app->store, &so, eb) < 0)
			goto fail;
		if (store_migrate(app->store, &applied, eb) < 0)
			goto fail;
		if (applied)
			log_info("store: %d migration(s) applied", applied);
	}
	if (flags & (APP_WEB | APP_KNOWLEDGE)) {
		struct calendar_opts copts;

		if (calendar_opts_from_config(&copts, cfg, eb) < 0 ||
		    calendar_load(&app->cal, cfg->knowledge_dir, eb) < 0)
			goto fail;
		if (check_service_new(&app->check, cfg, app->cal, eb) < 0)
			goto fail;
	}
	if (flags & APP_WEB) {
		if (tmpl_set_load(&app->tmpl, cfg->assets_dir, eb) < 0 ||
		    i18n_load_embedded("id", &app->lang_id, eb) < 0 ||
		    i18n_load_embedded("en", &app->lang_en, eb) < 0)
			goto fail;
	}
	return 0;
fail:
	app_close(app);
	return -1;
}

void
app_close(struct app *app)
{
	store_close(app->store);
	tmpl_set_free(app->tmpl);
	i18n_free(app->lang_id);
	i18n_free(app->lang_en);
	check_service_free(app->check);
	app->check = NULL;
	calendar_free(app->cal);
	app->cal = NULL;
	app->store = NULL;
	app->tmpl = NULL;
	app->lang_id = app->lang_en = NULL;
}
