/*
 * web.h - server-rendered pages: layout, language, static files.
 *
 * Pages are templates rendered with a JSON context that web_page_ctx()
 * starts for them (language, clock-override banner, the signed-in user).
 * Every page works without JavaScript; scripts only enhance.
 */
#ifndef NETRA_WEB_WEB_H
#define NETRA_WEB_WEB_H

#include <jansson.h>

#include "http/http.h"

struct i18n;

/* The catalog for this request: ?lang=, then the lang cookie, then config. */
const struct i18n *web_lang(struct http_request *req);
/* A deadline counted past the holiday data, in words: "perkiraan: data hari
 * libur 2027 belum dimuat" / "provisional: holiday data for 2027 not
 * loaded".  years is the deadline's "provisional_years" array (NULL or
 * empty: the same sentence without years).  A new JSON string. */
json_t *web_provisional_text(const struct i18n *lang, const json_t *years);
/* A new context with the fields every page's layout needs; title_key is
 * an i18n key for the <title>. */
json_t *web_page_ctx(struct http_request *req, const char *title_key);
/*
 * An officer page: NULL (after redirecting to /masuk?next=...) when nobody
 * is signed in; else the page context plus "user" {username, full_name,
 * role, office}, "csrf" (put it in every form as <input name="csrf">) and
 * "can" {triage, transition, unseal, audit, admin, export, dashboard,
 * screening, temuan} for the navigation.
 */
json_t *web_officer_ctx(struct http_request *req, const char *title_key);
/* ctx.holiday_warning {end, end_iso, next_year, days_left} when the holiday
 * data runs out within CALENDAR_WARN_DAYS (calendar_data_ending()); every
 * officer page shows it in the top bar.  Called by web_officer_ctx(). */
void web_holiday_warning(struct http_request *req, json_t *ctx);
/* Read a urlencoded form body into f; replies 400/415 and returns -1 on error. */
int web_form(struct http_request *req, struct form *f);
/* Render template with ctx (reference taken) as a full HTML page. */
int web_render(struct http_request *req, int status, const char *tmpl, json_t *ctx);
/* Error page in the user's language, for browsers. */
int web_error_page(struct http_request *req, const struct errbuf *eb);

/* Handlers */
int web_static(struct http_request *req);
int web_home(struct http_request *req);
int web_login_page(struct http_request *req);
int web_login_post(struct http_request *req);
int web_logout_post(struct http_request *req);
/* Unmatched paths: HTML 404 for browsers, problem+json for the API. */
int web_not_found(struct http_request *req);

#endif
