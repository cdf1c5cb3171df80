/*
 * publik.h - the public pages, for people without an account: /lapor (the
 * laporan form, its submission and the receipt), /status and
 * /status/{code}, /boleh (the decision aid), and the helpers they share
 * with the beranda.  Paths are printed on posters and receipts: keep them.
 *
 * Every page works without JavaScript (assets/static/lapor.js only
 * enhances), renders in the visitor's language (i18n keys in
 * assets/i18n/<lang>.publik.ini), and goes through the case service, the
 * check service and the calendar for everything it shows: no legal fact
 * is written here.
 */
#ifndef NETRA_WEB_PUBLIK_H
#define NETRA_WEB_PUBLIK_H

#include <jansson.h>
#include <stdint.h>

#include "core/datetime.h"
#include "http/http.h"

struct calendar;
struct i18n;
struct app;

/* Handlers (routes.c) */
int web_lapor_page(struct http_request *req);  /* GET /lapor */
int web_lapor_post(struct http_request *req);  /* POST /lapor */
int web_status_page(struct http_request *req); /* GET /status */
int web_status_post(struct http_request *req); /* POST /status: 303 to /status/{code} */
int web_status_code(struct http_request *req); /* GET /status/{code} */
int web_boleh_page(struct http_request *req);  /* GET /boleh (query = the question) */

/* --- shared helpers (publik_common.c) ------------------------------------------ */

/* web_page_ctx() plus css ["publik.css"] and, for a signed-in officer,
 * "csrf" (public forms post with it, so an officer can use them too). */
json_t *publik_ctx(struct http_request *req, const char *title_key);
/* "Selasa, 20 Februari 2024" / "Tuesday, 20 February 2024" (names from the
 * catalog: date.weekday.N, date.month.N). */
void publik_date(const struct i18n *lang, struct date d, char *out, size_t outsz);
/* "Jumat, 9 Februari 2024 pukul 10.00 WITA" in zone. */
void publik_time(const struct i18n *lang, int64_t t, const struct tz *zone, char *out,
		 size_t outsz);
/* The same from "YYYY-MM-DD" or an ISO timestamp; the text itself when it
 * is neither. */
const char *publik_date_text(struct arena *a, const struct i18n *lang, const char *iso,
			     const struct tz *zone);
/*
 * The zone of the deployment's own province: the province of the Bawaslu
 * offices with a region when they all lie in one; *province gets its code
 * ("64") or "".  WIB when it cannot be told.
 */
const struct tz *publik_home_zone(struct app *app, char province[3]);
/* tmpl with each "{name}" replaced by its value: pairs of name, value,
 * then NULL (catalog messages with places for numbers and dates; lapor.js
 * fills the same messages in the browser).  Arena memory. */
const char *publik_fill(struct arena *a, const char *tmpl, ...);
/* Today's local date in zone (the --now override applies). */
struct date publik_today(const struct tz *zone);
/*
 * The elections of the calendar for a select: [{"id","name","kind",
 * "selected","stage","voting","upcoming"}]: the ongoing ones (a stage
 * contains today) first, the one whose voting day is nearest ahead before
 * those whose voting day has passed; then the others in calendar order.
 * selected names the chosen id ("" none); NULL picks the first ongoing one.
 */
json_t *publik_elections(const struct calendar *cal, const struct i18n *lang, const char *selected,
			 struct date today);

#endif
