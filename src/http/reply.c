/*
 * reply.c - building responses: bytes, JSON, problem+json, assets with
 * ETag/304, redirects and streams; gzip where it pays (gzip.c).  Every
 * response gets the baseline
 * security headers; HTML gets the Content-Security-Policy (no inline
 * script or style anywhere in netra).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonw.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "http/http_internal.h"

static const char csp[] = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
			  "script-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			  "base-uri 'none'; object-src 'none'";

int
http_set_response(struct http_request *req, int status, struct MHD_Response *resp,
		  const char *content_type, size_t bytes)
{
	struct http_private *p = req->priv;
	size_t i;

	if (resp == NULL)
		return -1;
	if (p->response) {
		/* a second reply is a bug in the handler: keep the first */
		log_error("http: second reply for %s %s ignored", req->method, req->path);
		MHD_destroy_response(resp);
		return -1;
	}
	if (content_type)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, content_type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	if (content_type && strncmp(content_type, "text/html", 9) == 0)
		MHD_add_response_header(resp, "Content-Security-Policy", csp);
	for (i = 0; i < req->nheaders; i++)
		MHD_add_response_header(resp, req->headers[i].name, req->headers[i].value);
	p->response = resp;
	p->status = status;
	p->bytes = bytes;
	return 0;
}

/*
 * A response over len bytes of data (owned: malloc'd, freed here), gzip-
 * compressed when http_gzip_wanted() says so and it gets smaller.
 */
static int
reply_memory(struct http_request *req, int status, const char *content_type, const void *data,
	     size_t len, bool owned)
{
	struct MHD_Response *r;
	unsigned char *gz = NULL;
	size_t gzlen = 0;

	if (http_gzip_type(content_type))
		http_header_add(req, "Vary", "Accept-Encoding");
	if (!req->no_gzip && http_gzip_wanted(req, content_type, len) &&
	    http_gzip_compress(data, len, &gz, &gzlen) == 0 && gzlen < len) {
		if (owned)
			free((void *)(uintptr_t)data);
		r = MHD_create_response_from_buffer(gzlen, gz, MHD_RESPMEM_MUST_FREE);
		if (r == NULL) {
			free(gz);
			return -1;
		}
		http_header_add(req, "Content-Encoding", "gzip");
		return http_set_response(req, status, r, content_type, gzlen);
	}
	free(gz);
	if (owned) {
		r = MHD_create_response_from_buffer(len, (void *)(uintptr_t)data,
						    MHD_RESPMEM_MUST_FREE);
		if (r == NULL)
			free((void *)(uintptr_t)data);
	} else {
		r = MHD_create_response_from_buffer(len, (void *)(uintptr_t)data,
						    MHD_RESPMEM_MUST_COPY);
	}
	return http_set_response(req, status, r, content_type, len);
}

int
http_reply_bytes(struct http_request *req, int status, const char *content_type, const void *data,
		 size_t len)
{
	return reply_memory(req, status, content_type, data, len, false);
}

int
http_reply_buf(struct http_request *req, int status, const char *content_type, struct buf *b)
{
	size_t len;
	char *data = buf_detach(b, &len);

	return reply_memory(req, status, content_type, data, len, true);
}

int
http_reply_json(struct http_request *req, int status, json_t *json)
{
	struct buf b = BUF_INIT;

	if (json == NULL)
		return -1;
	jsonw_dump(&b, json);
	json_decref(json);
	return http_reply_buf(req, status, "application/json; charset=utf-8", &b);
}

int
http_reply_problem(struct http_request *req, const struct errbuf *eb)
{
	const struct err_info *info = err_info(eb->kind == ERR_NONE ? ERR_INTERNAL : eb->kind);
	const char *code = errbuf_code(eb);
	json_t *j = json_object();
	char *text;
	size_t len;

	json_object_set_new(j, "type", json_sprintf("urn:netra:problem:%s", code));
	json_object_set_new(j, "title", json_string(info->title_id));
	json_object_set_new(j, "status", json_integer(info->http_status));
	json_object_set_new(j, "code", json_string(code));
	if (eb->msg[0])
		json_object_set_new(j, "detail", json_string(eb->msg));
	if (eb->field[0])
		json_object_set_new(j, "field", json_string(eb->field));
	text = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (text == NULL)
		return -1;
	len = strlen(text);
	return reply_memory(req, info->http_status, "application/problem+json; charset=utf-8", text,
			    len, true);
}

int
http_reply_error(struct http_request *req, enum err kind, const char *fmt, ...)
{
	struct errbuf eb;
	va_list ap;

	errbuf_clear(&eb);
	eb.kind = kind;
	va_start(ap, fmt);
	vsnprintf(eb.msg, sizeof(eb.msg), fmt, ap);
	va_end(ap);
	return http_reply_problem(req, &eb);
}

/* If-None-Match names tag (a list, or "*"). */
static bool
etag_matches(const char *inm, const char *tag)
{
	size_t n = strlen(tag);
	const char *p;

	if (inm == NULL)
		return false;
	if (strcmp(inm, "*") == 0)
		return true;
	for (p = strstr(inm, tag); p; p = strstr(p + 1, tag)) {
		/* whole tags only: "abc" must not match inside "abc-gz" */
		if ((p == inm || p[-1] == ' ' || p[-1] == ',' || p[-1] == '/') &&
		    (p[n] == '\0' || p[n] == ',' || p[n] == ' '))
			return true;
	}
	return false;
}

int
http_reply_asset(struct http_request *req, const struct asset *a, const char *cache_control)
{
	const char *inm = http_header_get(req, "If-None-Match");
	struct http_gzip_blob gz;
	struct MHD_Response *r;
	bool use_gz = false;
	const char *etag = a->etag;

	if (http_gzip_type(a->mime)) {
		http_header_add(req, "Vary", "Accept-Encoding");
		use_gz = http_gzip_wanted(req, a->mime, a->len) && http_gzip_asset(a, &gz) == 0;
		if (use_gz)
			etag = gz.etag;
	}
	http_header_add(req, "ETag", etag);
	if (cache_control)
		http_header_add(req, "Cache-Control", cache_control);
	if (etag_matches(inm, etag)) {
		if (use_gz && gz.owned)
			free(gz.data);
		r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);
		return http_set_response(req, 304, r, NULL, 0);
	}
	if (use_gz) {
		http_header_add(req, "Content-Encoding", "gzip");
		if (gz.owned) {
			r = MHD_create_response_from_buffer(gz.len, gz.data, MHD_RESPMEM_MUST_FREE);
			if (r == NULL)
				free(gz.data);
		} else {
			r = MHD_create_response_from_buffer(gz.len, gz.data,
							    MHD_RESPMEM_PERSISTENT);
		}
		return http_set_response(req, 200, r, a->mime, gz.len);
	}
	r = MHD_create_response_from_buffer(a->len, (void *)(uintptr_t)a->data,
					    MHD_RESPMEM_PERSISTENT);
	return http_set_response(req, 200, r, a->mime, a->len);
}

int
http_reply_redirect(struct http_request *req, int status, const char *location)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(0, NULL, MHD_RESPMEM_PERSISTENT);

	http_header_add(req, "Location", location);
	return http_set_response(req, status, r, "text/plain; charset=utf-8", 0);
}

struct stream_ctx {
	http_fill_fn fill;
	void (*cleanup)(void *);
	void *arg;
};

static ssize_t
stream_reader(void *cls, uint64_t pos, char *out, size_t max)
{
	struct stream_ctx *s = cls;
	long n = s->fill(s->arg, pos, out, max);

	if (n < 0)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	if (n == 0)
		return MHD_CONTENT_READER_END_OF_STREAM;
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream_ctx *s = cls;

	if (s->cleanup)
		s->cleanup(s->arg);
	free(s);
}

int
http_reply_stream(struct http_request *req, int status, const char *content_type, http_fill_fn fill,
		  void (*cleanup)(void *), void *arg)
{
	struct stream_ctx *s = xmalloc(sizeof(*s));
	struct MHD_Response *r;

	s->fill = fill;
	s->cleanup = cleanup;
	s->arg = arg;
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 64 * 1024, stream_reader, s,
					      stream_free);
	if (r == NULL) {
		stream_free(s);
		return -1;
	}
	return http_set_response(req, status, r, content_type, 0);
}
