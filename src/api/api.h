/*
 * api.h - JSON API handlers under /api/v1 (one file per resource).
 * Every handler replies application/json or application/problem+json.
 */
#ifndef NETRA_API_API_H
#define NETRA_API_API_H

#include "http/http.h"

/* api_system.c */
int api_healthz(struct http_request *req);
int api_version(struct http_request *req);

/* api_reports.c */
int api_reports_create(struct http_request *req);
int api_status_get(struct http_request *req);

/* api_cases.c */
int api_cases_list(struct http_request *req);
int api_cases_get(struct http_request *req);
int api_cases_transition(struct http_request *req);
int api_cases_assign(struct http_request *req);
int api_cases_claim(struct http_request *req);
int api_cases_bulk(struct http_request *req);
int api_cases_note(struct http_request *req);
int api_cases_merge(struct http_request *req);
int api_cases_duplicates(struct http_request *req);
int api_cases_unseal(struct http_request *req);
int api_cases_evidence(struct http_request *req);

/* api_screening.c */
int api_screening_list(struct http_request *req);
int api_screening_stats(struct http_request *req);
int api_screening_get(struct http_request *req);
int api_screening_confirm(struct http_request *req);
int api_screening_dismiss(struct http_request *req);
int api_screening_ingest(struct http_request *req);

/* api_audit.c */
int api_audit_verify(struct http_request *req);
/* api_check.c */
int api_check_post(struct http_request *req);
int api_rules_list(struct http_request *req);
int api_rules_show(struct http_request *req);

/* api_stats.c */
int api_stats_get(struct http_request *req);
int api_stats_public(struct http_request *req);

/* api_deadlines.c */
int api_deadlines_post(struct http_request *req);
/* api_calendar.c */
int api_calendar_holidays_get(struct http_request *req);
int api_calendar_holidays_post(struct http_request *req);
int api_calendar_holiday_delete(struct http_request *req);
/* api_session.c */
int api_session_create(struct http_request *req);
int api_session_delete(struct http_request *req);
int api_me(struct http_request *req);
/* api_ident.c */
int api_ident_get(struct http_request *req);
int api_regions_search(struct http_request *req);
int api_region_get(struct http_request *req);

#endif
