/*
 * auth_http.c - the HTTP side of auth: the before-hook that turns a cookie
 * or a bearer token into req->session, the CSRF gate, login/logout with
 * failed-login throttling, and the public-intake rate limit.
 *
 * Invariants: req->session is set for every request that reaches a
 * handler (anonymous when nobody); a cookie session never passes an
 * unsafe method without its CSRF token; an invalid session cookie is
 * cleared in the reply; client addresses are used as rate-limit keys only
 * (hashed, see ratelimit.c) and never logged here.  The guard is the
 * server's auth context (http_server_opts.auth, req->auth): whoever starts
 * the server passes it in (netra serve: the one app_open() created), so
 * auth depends on http only, never on the application above it.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/auth_internal.h"
#include "core/datetime.h"
#include "core/xalloc.h"
#include "http/http.h"

struct auth_guard {
	struct store *store;
	bool secure_cookie;
	unsigned intake_per_minute;
	struct ratelimit *login_user;
	struct ratelimit *login_client;
	struct ratelimit *intake;
};

struct auth_guard *
auth_guard_new(const struct auth_guard_opts *o)
{
	struct auth_guard *g = xcalloc(1, sizeof(*g));

	g->store = o->store;
	g->secure_cookie = o->secure_cookie;
	g->intake_per_minute = o->intake_per_minute;
	g->login_user = ratelimit_new(AUTH_LOGIN_USER_PER_MIN, AUTH_LOGIN_USER_BURST);
	g->login_client = ratelimit_new(AUTH_LOGIN_CLIENT_PER_MIN, AUTH_LOGIN_CLIENT_BURST);
	g->intake = ratelimit_new(o->intake_per_minute, o->intake_burst);
	return g;
}

void
auth_guard_free(struct auth_guard *g)
{
	if (g == NULL)
		return;
	ratelimit_free(g->login_user);
	ratelimit_free(g->login_client);
	ratelimit_free(g->intake);
	free(g);
}

static struct auth_guard *
guard_of(const struct http_request *req)
{
	return req->auth;
}

static const struct principal anonymous = {.role = ROLE_NONE, .username = "anonim"};

const struct principal *
auth_principal(const struct http_request *req)
{
	return req->session ? req->session : &anonymous;
}

static void
cookie_clear(struct http_request *req, const struct auth_guard *g)
{
	http_header_add(req, "Set-Cookie",
			g->secure_cookie ? AUTH_COOKIE "=; Path=/; Max-Age=0; HttpOnly; "
						       "SameSite=Strict; Secure"
					 : AUTH_COOKIE "=; Path=/; Max-Age=0; HttpOnly; "
						       "SameSite=Strict");
}

/* Resolve credentials into p; 1 when a reply was sent (store failure). */
static int
resolve(struct http_request *req, struct auth_guard *g, struct principal *p)
{
	const char *authz = http_header_get(req, "Authorization");
	const char *cookie;
	struct errbuf eb;
	struct str tok;
	int64_t now = clock_now();

	errbuf_clear(&eb);
	if (authz && auth_parse_bearer(authz, strlen(authz), &tok) == 0) {
		if (auth_resolve(g->store, AUTH_VIA_BEARER, tok.ptr, tok.len, now, p, NULL, &eb) <
			    0 &&
		    eb.kind != ERR_UNAUTHORIZED)
			goto store_failed;
		return 0;
	}
	cookie = http_header_get(req, "Cookie");
	if (cookie == NULL || auth_cookie_find(cookie, strlen(cookie), AUTH_COOKIE, &tok) < 0)
		return 0;
	if (auth_resolve(g->store, AUTH_VIA_COOKIE, tok.ptr, tok.len, now, p, NULL, &eb) < 0) {
		if (eb.kind != ERR_UNAUTHORIZED)
			goto store_failed;
		cookie_clear(req, g); /* stale or forged: make the browser forget it */
	}
	return 0;
store_failed:
	auth_principal_anonymous(p);
	http_reply_problem(req, &eb);
	return 1;
}

int
auth_http_before(struct http_request *req)
{
	struct principal *p = arena_alloc(&req->arena, sizeof(*p));
	struct auth_guard *g = guard_of(req);
	struct errbuf eb;

	auth_principal_anonymous(p);
	req->session = p;
	if (g == NULL || g->store == NULL)
		return 0;
	if (resolve(req, g, p) != 0)
		return 1;
	/* a signed-in page carries the session's CSRF token: no gzip (BREACH) */
	req->no_gzip = p->user_id != 0;
	if (!auth_csrf_ok(p, req->method, http_header_get(req, "X-CSRF-Token"),
			  http_header_get(req, "Content-Type"), req->body, req->body_len)) {
		errbuf_clear(&eb);
		errbuf_set_code(&eb, ERR_FORBIDDEN, "csrf",
				"token CSRF tidak ada atau tidak cocok; muat ulang halaman lalu "
				"coba lagi");
		http_reply_problem(req, &eb);
		return 1;
	}
	return 0;
}

/* --- login and logout ------------------------------------------------------ */

/* Throttle key of a username: case-folded, so "Budi" and "budi" share. */
static void
user_key(const char *username, char out[72])
{
	size_t i;

	memcpy(out, "user:", 5);
	for (i = 0; username && username[i] && i < 64; i++) {
		char c = username[i];

		out[5 + i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
	}
	out[5 + i] = '\0';
}

int
auth_http_login(struct http_request *req, const char *username, const char *password,
		struct principal *p, struct errbuf *eb)
{
	struct auth_guard *g = guard_of(req);
	const char *client = http_client_addr(req);
	char token[AUTH_TOKEN_LEN], ukey[72];
	struct errbuf leb;
	int64_t now = clock_now();

	auth_principal_anonymous(p);
	if (g == NULL || g->store == NULL)
		return errbuf_set(eb, ERR_UNAVAILABLE, "layanan masuk tidak tersedia");
	user_key(username, ukey);
	if (!ratelimit_peek(g->login_user, ukey, now) ||
	    !ratelimit_peek(g->login_client, client, now)) {
		http_header_add(req, "Retry-After", "60");
		return errbuf_set_code(eb, ERR_RATE_LIMITED, "login_throttled",
				       "terlalu banyak percobaan masuk yang gagal; "
				       "coba lagi dalam satu menit");
	}
	errbuf_clear(&leb);
	if (auth_login(g->store, username, password, token, p, &leb) < 0) {
		if (leb.kind == ERR_UNAUTHORIZED) {
			ratelimit_take(g->login_user, ukey, now);
			ratelimit_take(g->login_client, client, now);
		}
		if (eb)
			*eb = leb;
		return -1;
	}
	http_header_add(req, "Set-Cookie",
			arena_printf(&req->arena, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s",
				     AUTH_COOKIE, token, g->secure_cookie ? "; Secure" : ""));
	http_header_add(req, "Cache-Control", "no-store");
	sodium_memzero(token, sizeof(token));
	return 0;
}

int
auth_http_logout(struct http_request *req, struct errbuf *eb)
{
	struct auth_guard *g = guard_of(req);
	const struct principal *p = auth_principal(req);
	const char *cookie = http_header_get(req, "Cookie");
	char token[AUTH_TOKEN_LEN];
	struct str tok;

	if (g == NULL || g->store == NULL)
		return errbuf_set(eb, ERR_UNAVAILABLE, "layanan tidak tersedia");
	if (!p->via_cookie || cookie == NULL ||
	    auth_cookie_find(cookie, strlen(cookie), AUTH_COOKIE, &tok) < 0 ||
	    str_copy(tok, token, sizeof(token)) < 0)
		return errbuf_set(eb, ERR_UNAUTHORIZED, "tidak ada sesi yang bisa diakhiri");
	if (auth_logout(g->store, token, eb) < 0)
		return -1;
	cookie_clear(req, g);
	return 0;
}

/* --- public intake ----------------------------------------------------------- */

bool
auth_http_intake_take(struct http_request *req, unsigned *retry_after)
{
	struct auth_guard *g = guard_of(req);

	*retry_after = 0;
	if (g == NULL || ratelimit_take(g->intake, http_client_addr(req), clock_now()))
		return true;
	*retry_after =
		g->intake_per_minute ? (60 + g->intake_per_minute - 1) / g->intake_per_minute : 60;
	return false;
}

int
auth_http_intake_limit(struct http_request *req)
{
	struct errbuf eb;
	unsigned wait;

	if (auth_http_intake_take(req, &wait))
		return 0;
	http_header_add(req, "Retry-After", arena_printf(&req->arena, "%u", wait));
	errbuf_clear(&eb);
	errbuf_set(&eb, ERR_RATE_LIMITED,
		   "terlalu banyak laporan dari sambungan ini; coba lagi sebentar lagi");
	http_reply_problem(req, &eb);
	return 1;
}
