/*
 * kantor_internal.h - what the page files of the officers' workspace
 * share (kantor_util.c); never included outside src/web/.
 */
#ifndef NETRA_WEB_KANTOR_INTERNAL_H
#define NETRA_WEB_KANTOR_INTERNAL_H

#include <jansson.h>
#include <stdint.h>

#include "auth/auth.h"
#include "core/datetime.h"
#include "http/http.h"
#include "web/kantor.h"

struct app;

#define KANTOR_PAGE_SIZE    50    /* cases per inbox page */
#define KANTOR_SOON_DAYS    2     /* "due soon": due today up to today + 2 */
#define KANTOR_TEXT_MAX     10000 /* bytes of a reason or a note from a form */
#define KANTOR_OFFICERS_MAX 200   /* officers offered for assignment */

/* The positive integer path parameter i, or -1 (the caller shows 404). */
int64_t kantor_param_id(const struct http_request *req, size_t i);
/* An error page inside the workspace layout (the public error page for a
 * visitor who is not signed in): the error's title and message, with its
 * HTTP status. */
int kantor_error(struct http_request *req, const struct errbuf *eb);
/* A not-found page in the user's language. */
int kantor_not_found(struct http_request *req, const char *msg);
/* The path to return to after a POST: a local /kantor path, else dflt. */
const char *kantor_back(const char *back, const char *dflt);
/* Today and today + KANTOR_SOON_DAYS in the zone tz ("WITA"). */
void kantor_today(const char *tz, char today[DATE_STRLEN], char soon[DATE_STRLEN]);
/* Active officers to whom a case may be assigned: the pengawas of the
 * viewer's office and of its child offices, [{"username", "full_name"}]. */
json_t *kantor_officers(struct app *app, const struct principal *p);
/* A urlencoded form field, blanks trimmed, NULL when absent or empty or
 * longer than max bytes (*too_long, when not NULL, says which). */
const char *kantor_field(const struct form *f, const char *name, size_t max, bool *too_long);
/* Options of a <select>: [{"value", "label", "selected"}]. */
json_t *kantor_option(const char *value, const char *label, const char *current);

/* Why the case page is shown again after a POST that failed: the message,
 * the form it belongs to ("transisi", "tugas", "catatan", "gabung",
 * "pelapor"), for a workflow step its action and track (0: the case), and
 * what was typed, to fill the form again (borrowed). */
struct kantor_notice {
	const char *error;
	const char *field;
	const char *form;
	const char *action;
	int64_t track_id;
	json_t *prev;
};

/* Render the case page (pages_kasus.c) with status, and a failed form's
 * notice (NULL for none); replies once, returns 0. */
int kantor_case_render(struct http_request *req, int64_t id, int status,
		       const struct kantor_notice *notice);

#endif
