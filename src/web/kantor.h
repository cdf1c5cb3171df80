/*
 * kantor.h - the officers' workspace (/kantor): the inbox with triage and
 * bulk actions, the case page with every action on a case, the registry
 * search, the rules browser and the election calendar.
 *
 * Every page is an officer page (web_officer_ctx(): a visitor who is not
 * signed in is sent to /masuk) and works without JavaScript; every form
 * posts with the session's CSRF token and, when it succeeds, redirects
 * with 303 to the page it came from (post/redirect/get).  Case data comes
 * only from the case service (cases.h) with the signed-in principal, so
 * region scope and permissions are decided in one place: a case outside
 * the viewer's scope is "not found" here exactly as in the API.
 *
 * The view helpers below turn the case service's JSON into what the
 * templates show.  They are pure functions of their arguments (no clock,
 * no store) so that they can be tested and fuzzed; labels come from the
 * i18n catalog of the request, with the Indonesian workflow labels as the
 * fallback.  Every JSON value they return is new (the caller owns it);
 * malformed input gives empty or partial output, never a crash.
 */
#ifndef NETRA_WEB_KANTOR_H
#define NETRA_WEB_KANTOR_H

#include <jansson.h>
#include <stdint.h>

#include "http/http.h"
#include "store/store_cases.h"

struct i18n;

/* --- handlers (routes.c) ------------------------------------------------- */

int kantor_inbox(struct http_request *req);           /* GET  /kantor */
int kantor_claim(struct http_request *req);           /* POST /kantor/klaim */
int kantor_bulk(struct http_request *req);            /* POST /kantor/massal */
int kantor_case(struct http_request *req);            /* GET  /kantor/kasus/{id} */
int kantor_case_transition(struct http_request *req); /* POST .../{id}/transisi */
int kantor_case_assign(struct http_request *req);     /* POST .../{id}/tugaskan */
int kantor_case_note(struct http_request *req);       /* POST .../{id}/catatan */
int kantor_case_merge(struct http_request *req);      /* POST .../{id}/gabung */
int kantor_case_unseal(struct http_request *req);     /* POST .../{id}/pelapor */
int kantor_registry(struct http_request *req);        /* GET  /kantor/registri */
int kantor_rules(struct http_request *req);           /* GET  /kantor/aturan */
int kantor_rule(struct http_request *req);            /* GET  /kantor/aturan/{id} */
int kantor_calendar(struct http_request *req);        /* GET  /kantor/kalender */

/* --- view helpers (kantor_view.c) ----------------------------------------- */

/* The catalog text of key, or fallback when the catalog has no such key. */
const char *kantor_text(const struct i18n *lang, const char *key, const char *fallback);
/* Label of a workflow state / action / sanction level / case kind:
 * "label.state.<id>" (labels.h), "kantor.action.<id>", "label.level.<id>",
 * "label.kind.<id>", falling back to the workflow table or the id. */
const char *kantor_state_label(const struct i18n *lang, const char *state);
const char *kantor_action_label(const struct i18n *lang, const char *action);
const char *kantor_level_label(const struct i18n *lang, const char *level);
const char *kantor_kind_label(const struct i18n *lang, const char *kind);
/* "2024-02-09T10:00:00+08:00" -> "2024-02-09 10:00"; other text is copied
 * (at most outsz - 1 bytes). */
void kantor_time_text(const char *iso, char *out, size_t outsz);
/* A size in bytes for people: "812 B", "12,5 KB", "3,2 MB". */
void kantor_size_text(int64_t bytes, char *out, size_t outsz);
/* Whether a link may be put in an href: http or https only. */
bool kantor_url_safe(const char *url);

/*
 * The timeline of a case in words: events as store_case_detail() gives
 * them ({"at" seconds, "actor", "kind", "track_id", "data"}), shown in the
 * case's zone tz ("WITA"); tracks name the terlapor of track events.
 * Each entry: {"at", "actor", "title", "from", "to", "terlapor", "reason",
 * "facts": [{"label", "value"}]}.
 */
json_t *kantor_timeline(json_t *events, json_t *tracks, const char *tz, const struct i18n *lang);
/*
 * The deadlines of a case: rows of store_case_detail() with their stored
 * explanation, judged against the case's local today and soon (YYYY-MM-DD;
 * an open deadline due before today is overdue, one due from today to soon
 * is due soon).  Each row: {"rule", "title", "terlapor", "start", "due",
 * "status", "status_label", "open", "overdue", "due_soon", "basis",
 * "explanation", "skipped": [{"date", "reason"}], "reason"}.
 */
json_t *kantor_deadlines(json_t *deadlines, json_t *tracks, const char *today, const char *soon,
			 const struct i18n *lang);
/*
 * The evidence list: {"kind_label", "filename", "mime", "size", "sha256",
 * "url" (the file through the case API, for stored files), "image" (shown
 * inline), "link" (http(s) links only), "note"}.
 */
json_t *kantor_evidence(json_t *evidence, int64_t case_id, const struct i18n *lang);
/*
 * The evaluator's answer (check_run()) as the recommendation builder shows
 * it: {"verdict", "verdict_label", "level", "level_label", "items": [{"id",
 * "title", "level_label", "applies", "matched", "score", "notes"}],
 * "forms": [{"code", "text"}], "forms_regime", "basis": [text],
 * "route_summary", "route_text", "recommending", "missing", "notes",
 * "explanation": [line]}.
 */
json_t *kantor_preview(json_t *answer, const struct i18n *lang);

#endif
