/*
 * check.h - the check service behind `netra check` and POST /api/v1/check:
 * the rule catalog, the readings chosen in the configuration, and the
 * election calendar that turns "election": "pemilu2024" into the election
 * kind, the penetapan date (SKB 2022 D-9/D-10) and the stage at the act
 * date.  The CLI and the API stay thin: they read requests and print or
 * send what this returns.
 *
 * Ownership: check_service_new() loads and owns the catalog; the calendar
 * is borrowed (it belongs to struct app) and must outlive the service.  A
 * loaded service is immutable and safe to use from many threads.
 *
 * Errors: check_run() returns -1 with a stable code in eb: the codes of
 * rules_check() and rules_facts_from_json() (unknown_status, unknown_item,
 * unknown_field, unknown_modifier, invalid_date, date_out_of_range,
 * missing_conduct, text_too_long, invalid_input), plus unknown_election
 * and invalid_nip.
 */
#ifndef NETRA_CHECK_CHECK_H
#define NETRA_CHECK_CHECK_H

#include <jansson.h>

#include "core/arena.h"
#include "core/err.h"
#include "rules/rules.h"

struct calendar;
struct config;

#define CHECK_MAX_REQUEST (64 * 1024) /* bytes of one request line or body */

struct check_service;

/* Load the catalog from cfg->knowledge_dir (built-in copy when empty) and
 * the readings from cfg's [rules] options.  cal may be NULL: then any
 * "election" in a request is unknown_election. */
int check_service_new(struct check_service **out, const struct config *cfg,
		      const struct calendar *cal, struct errbuf *eb);
/* From now on read the calendar through live (the server's calendar,
 * which admins may replace); call before the service is shared. */
struct calendar_live;
void check_service_follow(struct check_service *s, const struct calendar_live *live);
void check_service_free(struct check_service *s);
const struct rules_catalog *check_service_catalog(const struct check_service *s);
const struct rules_options *check_service_options(const struct check_service *s);

/*
 * Evaluate one request object.  On success *answer is a new JSON object
 * (the rules answer plus "election" and, when the request had one, "id")
 * and *res, when res is not NULL, the result (valid while a lives).
 */
int check_run(const struct check_service *s, json_t *req, struct arena *a, json_t **answer,
	      struct rules_result *res, struct errbuf *eb);
/* Parse and evaluate one request text (a JSON object). */
int check_run_text(const struct check_service *s, const char *text, size_t len, struct arena *a,
		   json_t **answer, struct rules_result *res, struct errbuf *eb);
/* {"error": {"code", "message", "field"}} for a failed request. */
json_t *check_error_json(const struct errbuf *eb);
/* The catalog listing of `netra rules list --json` and GET /api/v1/rules. */
json_t *check_catalog_json(const struct check_service *s);

#endif
