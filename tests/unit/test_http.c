/*
 * test_http.c - the HTTP layer in-process on a loopback port: replies,
 * body and header limits, the server serving on after a 413, query
 * decoding, suspend/resume from another thread, problem+json shape.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core/log.h"
#include "http/http.h"

static struct http_server *srv;
static int port;

static int
h_echo(struct http_request *req)
{
	json_t *j = json_pack("{s:s, s:I, s:s?}", "path", req->path, "len",
			      (json_int_t)req->body_len, "q", http_query_get(req, "q"));

	return http_reply_json(req, 200, j);
}

static int
h_param(struct http_request *req)
{
	return http_reply_bytes(req, 200, "text/plain", req->params[0], strlen(req->params[0]));
}

static int
h_later_cont(struct http_request *req)
{
	return http_reply_bytes(req, 202, "text/plain", "resumed", 7);
}

static void *
resumer(void *arg)
{
	usleep(20000);
	http_resume(arg);
	return NULL;
}

static int
h_later(struct http_request *req)
{
	pthread_t t;

	http_suspend(req, h_later_cont);
	pthread_create(&t, NULL, resumer, req);
	pthread_detach(t);
	return 0;
}

static int
h_silent(struct http_request *req)
{
	(void)req;
	return 0; /* forgets to reply: the layer must answer 500 */
}

static const struct http_route routes[] = {
	{"GET", "/echo", h_echo, 0},     {"POST", "/echo", h_echo, 0},
	{"GET", "/p/{x}", h_param, 0},   {"GET", "/later", h_later, 0},
	{"GET", "/silent", h_silent, 0},
};

static int
start(void **state)
{
	struct http_server_opts o;
	struct errbuf eb;

	(void)state;
	log_set_level(LOG_ERROR);
	memset(&o, 0, sizeof(o));
	o.listen = "127.0.0.1:0";
	o.max_body = 1024;
	o.max_header = 4096;
	o.threads = 2;
	o.max_connections = 64;
	o.timeout_s = 5;
	o.routes = routes;
	o.nroutes = sizeof(routes) / sizeof(routes[0]);
	if (http_server_start(&srv, &o, &eb) < 0)
		return -1;
	port = http_server_port(srv);
	return 0;
}

static int
stop(void **state)
{
	(void)state;
	http_server_stop(srv, 2000);
	return 0;
}

/* Send raw bytes, read the whole response (Connection: close). */
static char *
roundtrip(const char *req, size_t len)
{
	struct sockaddr_in sin;
	size_t cap = 65536, n = 0;
	char *out = calloc(1, cap);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	ssize_t r;

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	while (len) {
		r = send(fd, req, len, MSG_NOSIGNAL);
		if (r <= 0)
			break; /* the server may close early (413) */
		req += r;
		len -= (size_t)r;
	}
	while (n + 1 < cap && (r = recv(fd, out + n, cap - n - 1, 0)) > 0)
		n += (size_t)r;
	close(fd);
	return out;
}

static int
status_of(const char *resp)
{
	int code = 0;

	sscanf(resp, "HTTP/1.%*d %d", &code);
	return code;
}

static void
test_basic_and_query(void **state)
{
	const char *rq =
		"GET /echo?q=kutai+timur%21 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	char *r = roundtrip(rq, strlen(rq));

	(void)state;
	assert_int_equal(status_of(r), 200);
	assert_non_null(strstr(r, "\"q\":\"kutai timur!\""));
	assert_non_null(strstr(r, "X-Content-Type-Options: nosniff"));
	free(r);
	rq = "GET /p/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	r = roundtrip(rq, strlen(rq));
	assert_int_equal(status_of(r), 200);
	assert_non_null(strstr(r, "\r\n\r\nabc"));
	free(r);
}

static void
test_body_limits(void **state)
{
	char big[4096], *r;
	const char *ok = "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
			 "5\r\n\r\nhalo!";
	int n;

	(void)state;
	r = roundtrip(ok, strlen(ok));
	assert_int_equal(status_of(r), 200);
	assert_non_null(strstr(r, "\"len\":5"));
	free(r);
	/* declared too large: refused before the body is read */
	n = snprintf(big, sizeof(big),
		     "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: "
		     "2000\r\n\r\n");
	memset(big + n, 'a', 2000);
	r = roundtrip(big, (size_t)n + 2000);
	assert_int_equal(status_of(r), 413);
	assert_non_null(strstr(r, "application/problem+json"));
	assert_non_null(strstr(r, "\"code\":\"payload_too_large\""));
	free(r);
	/* chunked, no length: counted while reading */
	n = snprintf(big, sizeof(big),
		     "POST /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: "
		     "chunked\r\n\r\n7d0\r\n");
	memset(big + n, 'b', 2000);
	memcpy(big + n + 2000, "\r\n0\r\n\r\n", 7);
	r = roundtrip(big, (size_t)n + 2007);
	assert_int_equal(status_of(r), 413);
	free(r);
	/* the server still serves */
	r = roundtrip(ok, strlen(ok));
	assert_int_equal(status_of(r), 200);
	free(r);
}

static void
test_header_limit(void **state)
{
	char *huge = malloc(20000), *r;
	int n;

	(void)state;
	n = snprintf(huge, 20000, "GET /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ");
	memset(huge + n, 'h', 8000);
	memcpy(huge + n + 8000, "\r\n\r\n", 4);
	r = roundtrip(huge, (size_t)n + 8004);
	/* libmicrohttpd answers an oversized header block itself */
	assert_true(status_of(r) == 431 || status_of(r) == 413 || status_of(r) == 414);
	free(r);
	free(huge);
}

static void
test_suspend_resume_and_errors(void **state)
{
	const char *rq = "GET /later HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	char *r = roundtrip(rq, strlen(rq));

	(void)state;
	assert_int_equal(status_of(r), 202);
	assert_non_null(strstr(r, "resumed"));
	free(r);
	rq = "GET /silent HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	r = roundtrip(rq, strlen(rq));
	assert_int_equal(status_of(r), 500);
	assert_non_null(strstr(r, "\"code\":\"internal\""));
	free(r);
	rq = "DELETE /echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	r = roundtrip(rq, strlen(rq));
	assert_int_equal(status_of(r), 405);
	assert_non_null(strstr(r, "Allow: GET, POST"));
	free(r);
	rq = "GET /nothing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
	r = roundtrip(rq, strlen(rq));
	assert_int_equal(status_of(r), 404);
	assert_non_null(strstr(r, "\"code\":\"not_found\""));
	free(r);
}

/* Accept-Encoding and the compressible types (gzip.c, pure). */
static void
test_gzip_negotiation(void **state)
{
	(void)state;
	assert_true(http_accepts_gzip("gzip"));
	assert_true(http_accepts_gzip("gzip, deflate, br"));
	assert_true(http_accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
	assert_true(http_accepts_gzip("x-gzip"));
	assert_true(http_accepts_gzip("*"));
	assert_true(http_accepts_gzip(" GZIP ; q=0.5"));
	assert_false(http_accepts_gzip(NULL));
	assert_false(http_accepts_gzip(""));
	assert_false(http_accepts_gzip("identity"));
	assert_false(http_accepts_gzip("br, deflate"));
	assert_false(http_accepts_gzip("gzip;q=0"));
	assert_false(http_accepts_gzip("gzip;q=0.000, br"));
	assert_false(http_accepts_gzip("*;q=0"));
	assert_false(http_accepts_gzip("gzip;q=0, *"));    /* gzip named: its q decides */
	assert_false(http_accepts_gzip("gzipped, gzip2")); /* whole codings only */

	assert_true(http_gzip_type("text/html; charset=utf-8"));
	assert_true(http_gzip_type("text/css; charset=utf-8"));
	assert_true(http_gzip_type("text/javascript; charset=utf-8"));
	assert_true(http_gzip_type("application/javascript"));
	assert_true(http_gzip_type("application/json; charset=utf-8"));
	assert_true(http_gzip_type("application/problem+json; charset=utf-8"));
	assert_true(http_gzip_type("image/svg+xml"));
	assert_true(http_gzip_type("text/csv; charset=utf-8"));
	assert_false(http_gzip_type(NULL));
	assert_false(http_gzip_type("image/png"));
	assert_false(http_gzip_type("application/zip"));
	assert_false(http_gzip_type(
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	assert_false(http_gzip_type("font/woff2"));
	assert_false(http_gzip_type("text/htmlx"));
}

/* Fingerprinted static URLs carry the content hash of the embedded file. */
static void
test_static_url(void **state)
{
	const struct asset *a = asset_find("static/netra.css");
	char url[128], want[128];
	size_t n;

	(void)state;
	assert_non_null(a);
	n = asset_static_url("netra.css", url, sizeof(url));
	snprintf(want, sizeof(want), "/static/netra.css?v=%.16s", a->etag + 1);
	assert_string_equal(url, want);
	assert_int_equal(n, strlen(want));
	assert_true(asset_fingerprint_is(a, url + strlen("/static/netra.css?v=")));
	assert_false(asset_fingerprint_is(a, "0123456789abcdef"));
	assert_false(asset_fingerprint_is(a, ""));
	assert_false(asset_fingerprint_is(a, NULL));
	/* not embedded: the plain URL */
	asset_static_url("nope.css", url, sizeof(url));
	assert_string_equal(url, "/static/nope.css");
	/* truncated, still terminated */
	n = asset_static_url("netra.css", url, 10);
	assert_int_equal(n, 9);
	assert_int_equal(strlen(url), 9);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_and_query),
		cmocka_unit_test(test_body_limits),
		cmocka_unit_test(test_header_limit),
		cmocka_unit_test(test_suspend_resume_and_errors),
		cmocka_unit_test(test_gzip_negotiation),
		cmocka_unit_test(test_static_url),
	};

	return cmocka_run_group_tests(tests, start, stop);
}
