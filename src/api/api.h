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

/* api_ident.c */
int api_ident_get(struct http_request *req);
int api_regions_search(struct http_request *req);
int api_region_get(struct http_request *req);

#endif
