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

/* --- gzip.c ------------------------------------------------------------- */

/* Bodies smaller than this go out as they are (a gzip header and trailer
 * are 18 bytes; below about a kilobyte the saving is lost in the packet). */
#define HTTP_GZIP_MIN 1024

/* Compress in[0..len) as one gzip member into a malloc'd *out. */
int http_gzip_compress(const void *in, size_t len, unsigned char **out, size_t *outlen);
/* The type is compressible, len is worth it, and the client takes gzip. */
bool http_gzip_wanted(struct http_request *req, const char *content_type, size_t len);
/* The entity tag of the gzip variant: "abc" -> "abc-gz" (W/ kept). */
void http_gzip_etag(const char *etag, char *out, size_t outsz);

struct http_gzip_blob {
	unsigned char *data;
	size_t len;
	const char *etag; /* of the gzip variant */
	bool owned;       /* data is malloc'd for this reply (--assets-dir) */
	char etag_buf[48];
};
/* The gzip variant of an asset: 0 and *out filled, or -1 when compressing
 * does not make it smaller.  Embedded assets are compressed once. */
int http_gzip_asset(const struct asset *a, struct http_gzip_blob *out);

#endif
