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

/* api_check.c */
int api_check_post(struct http_request *req);
int api_rules_list(struct http_request *req);
int api_rules_show(struct http_request *req);

/* api_deadlines.c */
int api_deadlines_post(struct http_request *req);

#endif
