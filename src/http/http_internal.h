/*
 * http_internal.h - state the http layer's files share about a request;
 * not for handlers.
 */
#ifndef NETRA_HTTP_INTERNAL_H
#define NETRA_HTTP_INTERNAL_H

#include <microhttpd.h>

#include "http/http.h"

enum http_phase { PHASE_NEW, PHASE_BODY, PHASE_DISPATCHED };

struct http_private {
	const struct http_server_opts *srv_opts;
	struct MHD_Connection *conn;
	enum http_phase phase;
	struct buf body;
	bool too_large;
	uint64_t discarded;
	struct MHD_Response *response; /* built by a reply, queued by the glue */
	int status;
	size_t bytes;
	const char *route_pattern; /* what the access log shows: never the raw path of a
				      matched route, whose parameters may be a NIP or a code */
	int64_t t_start_us;
	http_handler cont;
	bool suspended;
	bool resumed;
	char client[64];
};

/* Attach a built response to the request (headers added here). */
int http_set_response(struct http_request *req, int status, struct MHD_Response *resp,
		      const char *content_type, size_t bytes);

#endif
