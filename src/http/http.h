/*
 * http.h - the HTTP layer over libmicrohttpd: one route table, a request
 * with its own arena, and replies (JSON, problem+json, HTML, assets,
 * streams).
 *
 * A handler runs on one of the server's worker threads, allocates only
 * from req->arena (freed when the request completes) and finishes by
 * calling exactly one http_reply_*() function, or by http_suspend() when
 * it waits for something durable (a group-committed write): the waiter
 * later calls http_resume() and the continuation replies.
 *
 * Limits: request line + headers are bounded by max_header; bodies by
 * max_body (413 beyond, before the body is read when Content-Length says
 * so); connections by max_connections; idle connections by timeout.
 */
#ifndef NETRA_HTTP_HTTP_H
#define NETRA_HTTP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/arena.h"
#include "core/asset.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/form.h"

#define HTTP_MAX_PARAMS  6
#define HTTP_MAX_HEADERS 12

struct http_request;
struct http_server;

typedef int (*http_handler)(struct http_request *req);

enum http_route_flags {
	HTTP_ROUTE_PREFIX = 1 << 0, /* pattern ending in '*' matches the rest */
};

struct http_route {
	const char *method;  /* "GET", "POST", ...; HEAD is served by GET */
	const char *pattern; /* "/api/v1/cases/{id}", or "/static/" then a star */
	http_handler handler;
	unsigned flags;
};

struct http_header {
	const char *name;
	const char *value;
};

struct http_request {
	struct arena arena;
	void *app; /* the application context given to the server */

	const char *method;
	const char *path;                    /* decoded path, no query */
	const char *raw_url;                 /* as received, with query */
	struct form query;                   /* decoded query string */
	const char *params[HTTP_MAX_PARAMS]; /* {name} captures in pattern order */
	size_t nparams;
	const char *rest; /* what '*' matched in a prefix route */
	const char *body; /* NUL-terminated; "" when none */
	size_t body_len;

	/* response headers added by the handler before replying */
	struct http_header headers[HTTP_MAX_HEADERS];
	size_t nheaders;

	/* the server's auth context (http_server_opts.auth, opaque here): what
	 * the before-hook and the auth helpers read, so that auth needs no
	 * knowledge of the application context */
	void *auth;
	/* auth context, filled by the application (opaque here) */
	void *session;
	/* set by the application when replies carry a per-session secret (the
	 * CSRF token of an officer's page) beside reflected input: such a reply
	 * is never compressed, or over TLS its secret could be recovered from
	 * the compressed length (BREACH).  Static assets are still compressed. */
	bool no_gzip;
	/* a handler's own state across http_suspend() (arena memory) */
	void *handler_ctx;

	/* private to the http layer */
	struct http_private *priv;
};

struct http_server_opts {
	const char *listen; /* "ADDR:PORT"; port 0 picks a free port */
	size_t max_body;
	size_t max_header;
	unsigned threads;
	unsigned max_connections;
	unsigned timeout_s;
	bool access_log;
	bool log_client_ip;
	const struct http_route *routes;
	size_t nroutes;
	void *app;
	void *auth; /* given to every request as req->auth (the auth guard) */
	/* called for every request before routing (auth, CSRF); may reply and
	 * return 1 to stop, 0 to continue, -1 on internal error */
	int (*before)(struct http_request *req);
	/* called when the route table has no match, before the 404 problem */
	int (*not_found)(struct http_request *req);
};

int http_server_start(struct http_server **out, const struct http_server_opts *o,
		      struct errbuf *eb);
int http_server_port(const struct http_server *s);
/* Stop accepting, let in-flight requests finish (up to grace_ms), stop. */
void http_server_stop(struct http_server *s, int grace_ms);

/* --- routing (pure; used by the server and tested alone) ----------------- */

enum http_match { HTTP_MATCH_NONE, HTTP_MATCH_OK, HTTP_MATCH_WRONG_METHOD };

/*
 * Find the route for method and path.  On HTTP_MATCH_OK *route is set and
 * params/rest point into the arena.  On HTTP_MATCH_WRONG_METHOD, allow gets
 * a comma-separated list of the methods that would match.
 */
enum http_match http_route_find(const struct http_route *routes, size_t n, const char *method,
				const char *path, struct arena *a, const struct http_route **route,
				const char **params, size_t *nparams, const char **rest,
				char *allow, size_t allowsz);

/* --- request accessors --------------------------------------------------- */

const char *http_header_get(struct http_request *req, const char *name);
const char *http_query_get(struct http_request *req, const char *name);
const char *http_cookie_get(struct http_request *req, const char *name);
/* Client address as text, for rate limiting only; never stored or logged
 * unless log_client_ip is set. */
const char *http_client_addr(struct http_request *req);
void http_header_add(struct http_request *req, const char *name, const char *value);
bool http_is_head(const struct http_request *req);

/* --- compression (gzip.c; pure, used by the replies below) -------------- */

/* Accept-Encoding allows gzip ("gzip", "x-gzip" or "*", not with q=0). */
bool http_accepts_gzip(const char *accept_encoding);
/* Content type that is worth compressing (text, JSON, JavaScript, SVG, CSV). */
bool http_gzip_type(const char *content_type);

/* --- replies: each returns 0, or -1 when the response could not be queued.
 * Replies from memory and assets are gzip-compressed when the client allows
 * it and the type is text (gzip.c); streams are sent as they are. */

int http_reply_bytes(struct http_request *req, int status, const char *content_type,
		     const void *data, size_t len);
/* Takes ownership of the buffer's memory. */
int http_reply_buf(struct http_request *req, int status, const char *content_type, struct buf *b);
/* Takes the reference to json. */
int http_reply_json(struct http_request *req, int status, json_t *json);
/* application/problem+json from an errbuf (status from its kind). */
int http_reply_problem(struct http_request *req, const struct errbuf *eb);
int http_reply_error(struct http_request *req, enum err kind, const char *fmt, ...)
	ATTR_PRINTF(3, 4);
/* Embedded asset with ETag; answers If-None-Match with 304. */
int http_reply_asset(struct http_request *req, const struct asset *a, const char *cache_control);
int http_reply_redirect(struct http_request *req, int status, const char *location);

/* Streaming reply: fill() writes up to max bytes into out and returns the
 * count, 0 at the end, -1 on error.  cleanup() runs once at completion. */
typedef long (*http_fill_fn)(void *arg, uint64_t pos, char *out, size_t max);
int http_reply_stream(struct http_request *req, int status, const char *content_type,
		      http_fill_fn fill, void (*cleanup)(void *), void *arg);

/* --- waiting without holding a worker thread ---------------------------- */

/* Suspend the request; cont(req) runs on a worker thread after resume and
 * must reply.  Call from the handler only, before starting the wait. */
void http_suspend(struct http_request *req, http_handler cont);
/* Thread-safe: wake a suspended request. */
void http_resume(struct http_request *req);

#endif
