/*
 * pages_public.c - the beranda: what netra is for, how to report, what ASN
 * may and may not do, and the elections under way or ahead with their
 * current stage (from the calendar, so the page follows the data; a
 * regional election only when it is held in the deployment's province).
 */
#include "app/app.h"
#include "calendar/calendar.h"
#include "web/publik.h"
#include "web/web.h"

/* GET / - beranda */
int
web_home(struct http_request *req)
{
	struct app *app = req->app;
	const struct calendar *cal = app_cal(app);
	json_t *ctx = publik_ctx(req, "home.title"), *all, *shown = json_array(), *e;
	char home[3];
	size_t i;

	all = publik_elections(cal, web_lang(req), "", publik_today(publik_home_zone(app, home)));
	json_array_foreach(all, i, e)
	{
		const struct election *el =
			cal ? calendar_election_find(cal,
						     json_string_value(json_object_get(e, "id")))
			    : NULL;

		/* a regional election only where this deployment serves */
		if (home[0] && el && !calendar_election_in_region(el, home))
			continue;
		if (json_object_get(e, "stage") || json_is_true(json_object_get(e, "upcoming")))
			json_array_append(shown, e);
	}
	json_decref(all);
	json_object_set_new(ctx, "has_elections", json_boolean(json_array_size(shown) > 0));
	json_object_set_new(ctx, "elections", shown);
	return web_render(req, 200, "home", ctx);
}
