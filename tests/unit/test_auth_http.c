/*
 * test_auth_http.c - the HTTP side of auth in-process: the before-hook
 * puts a principal in every request (anonymous, bearer, cookie), the CSRF
 * gate answers before routing, the public-intake limiter answers 429 with
 * Retry-After, and a server without a guard still runs (anonymous).
 * The e2e test 0100-auth covers the same through the real binary.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "app/app.h"
#include "auth/admin.h"
#include "auth/auth.h"
#include "core/log.h"
#include "http/http.h"
#include "store/store.h"
#include "store/store_users.h"

static char dir[256];
static struct app app;
static struct http_server *srv;
static int port;
static char api[AUTH_TOKEN_LEN], session[AUTH_TOKEN_LEN], csrf[48];

static int
h_who(struct http_request *req)
{
	const struct principal *p = auth_principal(req);
	const char *name = role_name(p->role);

	return http_reply_bytes(req, 200, "text/plain", name, strlen(name));
}

static int
h_lapor(struct http_request *req)
{
	if (auth_http_intake_limit(req))
		return 0;
	return http_reply_bytes(req, 201, "text/plain", "diterima", 8);
}

static const struct http_route routes[] = {
	{"GET", "/who", h_who, 0},
	{"POST", "/who", h_who, 0},
	{"POST", "/lapor", h_lapor, 0},
};

static int
start_server(struct app *a)
{
	struct http_server_opts o;
	struct errbuf eb;

	memset(&o, 0, sizeof(o));
	o.listen = "127.0.0.1:0";
	o.max_body = 65536;
	o.max_header = 8192;
	o.threads = 2;
	o.max_connections = 64;
	o.timeout_s = 5;
	o.routes = routes;
	o.nroutes = sizeof(routes) / sizeof(routes[0]);
	o.app = a;
	o.auth = a->auth;
	o.before = auth_http_before;
	if (http_server_start(&srv, &o, &eb) < 0)
		return -1;
	port = http_server_port(srv);
	return 0;
}

static int
setup(void **state)
{
	struct store_opts so = {dir, NULL, 2, 256, false};
	struct auth_office_new o = {
		"bawaslu-6408", "Bawaslu Kutai Timur", "bawaslu", "kabkota", "64.08", NULL, "WITA"};
	struct auth_user_new u = {"budi", NULL, ROLE_PENGAWAS, "bawaslu-6408", "kuda-laut-biru-7"};
	struct store_user user;
	struct principal p;
	struct errbuf eb;
	int applied;

	(void)state;
	log_set_level(LOG_ERROR);
	snprintf(dir, sizeof(dir), "/tmp/netra-test-authhttp.XXXXXX");
	assert_non_null(mkdtemp(dir));
	so.data_dir = dir;
	memset(&app, 0, sizeof(app));
	assert_int_equal(store_open(&app.store, &so, &eb), 0);
	assert_int_equal(store_migrate(app.store, &applied, &eb), 0);
	assert_int_equal(auth_office_add(app.store, &o, NULL, &eb), 0);
	assert_int_equal(auth_user_add(app.store, &u, &user, &eb), 0);
	assert_int_equal(auth_token_create(app.store, user.id, "tes", api, &eb), 0);
	assert_int_equal(auth_login(app.store, "budi", "kuda-laut-biru-7", session, &p, &eb), 0);
	snprintf(csrf, sizeof(csrf), "%s", p.csrf);
	app.auth = auth_guard_new(&(struct auth_guard_opts){
		.store = app.store, .intake_per_minute = 3, .intake_burst = 3});
	return start_server(&app);
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	http_server_stop(srv, 2000);
	auth_guard_free(app.auth);
	store_close(app.store);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

static char *
roundtrip(const char *fmt, ...)
{
	struct sockaddr_in sin;
	char req[2048];
	size_t cap = 65536, n = 0, len;
	char *out = calloc(1, cap);
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	ssize_t r;
	va_list ap;

	va_start(ap, fmt);
	len = (size_t)vsnprintf(req, sizeof(req), fmt, ap);
	va_end(ap);
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((uint16_t)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(connect(fd, (struct sockaddr *)&sin, sizeof(sin)), 0);
	assert_int_equal(send(fd, req, len, MSG_NOSIGNAL), (ssize_t)len);
	for (;;) {
		r = recv(fd, out + n, cap - n - 1, 0);
		if (r <= 0 || n + (size_t)r + 1 >= cap)
			break;
		n += (size_t)r;
	}
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

static const char *
body_of(const char *resp)
{
	const char *b = strstr(resp, "\r\n\r\n");

	return b ? b + 4 : "";
}

static void
test_principal(void **state)
{
	char bad[AUTH_TOKEN_LEN], *r;

	(void)state;
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
	assert_int_equal(status_of(r), 200);
	assert_string_equal(body_of(r), "anonim");
	free(r);
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
		      "Connection: close\r\n\r\n",
		      api);
	assert_string_equal(body_of(r), "pengawas");
	free(r);
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nCookie: a=b; netra_sesi=%s\r\n"
		      "Connection: close\r\n\r\n",
		      session);
	assert_string_equal(body_of(r), "pengawas");
	free(r);
	/* a bearer header that is not Bearer falls back to the cookie */
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nAuthorization: Basic eDp5\r\n"
		      "Cookie: netra_sesi=%s\r\nConnection: close\r\n\r\n",
		      session);
	assert_string_equal(body_of(r), "pengawas");
	free(r);
	/* a bad bearer wins over a good cookie: anonymous, no mixing */
	memcpy(bad, api, sizeof(bad));
	bad[0] = bad[0] == 'x' ? 'y' : 'x';
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
		      "Cookie: netra_sesi=%s\r\nConnection: close\r\n\r\n",
		      bad, session);
	assert_string_equal(body_of(r), "anonim");
	free(r);
}

static void
test_csrf_gate(void **state)
{
	char *r;

	(void)state;
	r = roundtrip("POST /who HTTP/1.1\r\nHost: x\r\nCookie: netra_sesi=%s\r\n"
		      "Content-Length: 0\r\nConnection: close\r\n\r\n",
		      session);
	assert_int_equal(status_of(r), 403);
	assert_non_null(strstr(r, "\"code\":\"csrf\""));
	free(r);
	r = roundtrip("POST /who HTTP/1.1\r\nHost: x\r\nCookie: netra_sesi=%s\r\n"
		      "X-CSRF-Token: %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
		      session, csrf);
	assert_int_equal(status_of(r), 200);
	free(r);
	r = roundtrip("POST /who HTTP/1.1\r\nHost: x\r\nCookie: netra_sesi=%s\r\n"
		      "Content-Type: application/x-www-form-urlencoded\r\n"
		      "Content-Length: %zu\r\nConnection: close\r\n\r\ncsrf=%s",
		      session, strlen(csrf) + 5, csrf);
	assert_int_equal(status_of(r), 200);
	free(r);
	/* the gate runs before routing: even a path without a route */
	r = roundtrip("DELETE /tidak-ada HTTP/1.1\r\nHost: x\r\nCookie: netra_sesi=%s\r\n"
		      "Connection: close\r\n\r\n",
		      session);
	assert_int_equal(status_of(r), 403);
	free(r);
	r = roundtrip("POST /who HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
		      "Content-Length: 0\r\nConnection: close\r\n\r\n",
		      api);
	assert_int_equal(status_of(r), 200);
	free(r);
}

static void
test_intake_limit(void **state)
{
	char *r;
	int i;

	(void)state;
	for (i = 0; i < 3; i++) {
		r = roundtrip("POST /lapor HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
			      "Connection: close\r\n\r\n");
		assert_int_equal(status_of(r), 201);
		free(r);
	}
	r = roundtrip("POST /lapor HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
		      "Connection: close\r\n\r\n");
	assert_int_equal(status_of(r), 429);
	assert_non_null(strstr(r, "\"code\":\"rate_limited\""));
	assert_non_null(strstr(r, "Retry-After: 20\r\n"));
	free(r);
}

static void
test_without_guard(void **state)
{
	struct app bare;
	char *r;

	(void)state;
	http_server_stop(srv, 2000);
	memset(&bare, 0, sizeof(bare));
	assert_int_equal(start_server(&bare), 0);
	r = roundtrip("GET /who HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\n"
		      "Connection: close\r\n\r\n",
		      api);
	assert_int_equal(status_of(r), 200);
	assert_string_equal(body_of(r), "anonim");
	free(r);
	r = roundtrip("POST /lapor HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
		      "Connection: close\r\n\r\n");
	assert_int_equal(status_of(r), 201); /* no guard, no limiter */
	free(r);
	http_server_stop(srv, 2000);
	assert_int_equal(start_server(&app), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_principal),
		cmocka_unit_test(test_csrf_gate),
		cmocka_unit_test(test_intake_limit),
		cmocka_unit_test(test_without_guard),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
