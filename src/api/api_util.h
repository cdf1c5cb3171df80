/*
 * api_util.h - small helpers shared by the JSON handlers: request bodies,
 * integer path parameters, and the case-service context of the app.
 */
#ifndef NETRA_API_UTIL_H
#define NETRA_API_UTIL_H

#include <jansson.h>
#include <stdint.h>

#include "http/http.h"

/* Parse the request body as a JSON object (Content-Type must be JSON);
 * replies 400/415 itself and returns NULL on failure. */
json_t *api_body_json(struct http_request *req);
/* Positive integer path parameter i; replies 404 and returns -1 when not. */
int64_t api_param_id(struct http_request *req, size_t i);
/* String member or NULL (also NULL for non-strings). */
const char *api_str(json_t *o, const char *key);
/* true when the Content-Type header starts with type */
int api_content_type_is(struct http_request *req, const char *type);

#endif
