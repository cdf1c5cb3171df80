/*
 * pages_login.c - /masuk (the officers' login form) and /keluar (logout).
 * The form posts to itself; a failed login re-renders it with the reason
 * (throttled logins say when to try again).  "next" may only be a local
 * path, so the login page cannot send anyone to another site.
 */
#include <string.h>

#include "auth/auth.h"
#include "web/web.h"

static const char *
safe_next(const char *next)
{
	/* a path on this site only: "/x", never "//host" or "http:" */
	if (next && next[0] == '/' && next[1] != '/' && next[1] != '\\')
		return next;
	return "/kantor";
}

static int
render_login(struct http_request *req, int status, const char *error, const char *username,
	     const char *next)
{
	json_t *ctx = web_page_ctx(req, "masuk.title");

	json_object_set_new(ctx, "next", json_string(safe_next(next)));
	if (username)
		json_object_set_new(ctx, "username", json_string(username));
	if (error)
		json_object_set_new(ctx, "error", json_string(error));
	return web_render(req, status, "masuk", ctx);
}

int
web_login_page(struct http_request *req)
{
	if (auth_principal(req)->user_id)
		return http_reply_redirect(req, 303, safe_next(http_query_get(req, "next")));
	return render_login(req, 200, NULL, NULL, http_query_get(req, "next"));
}

int
web_login_post(struct http_request *req)
{
	struct principal p;
	struct errbuf eb;
	struct form f;
	const char *user, *pass, *next;

	if (web_form(req, &f) < 0)
		return 0;
	user = form_get(&f, "username");
	pass = form_get(&f, "password");
	next = form_get(&f, "next");
	if (user == NULL || pass == NULL || user[0] == '\0' || pass[0] == '\0')
		return render_login(req, 400, "Isi nama pengguna dan kata sandi.", user, next);
	errbuf_clear(&eb);
	if (auth_http_login(req, user, pass, &p, &eb) < 0)
		return render_login(req, eb.kind == ERR_RATE_LIMITED ? 429 : 401,
				    eb.kind == ERR_RATE_LIMITED
					    ? "Terlalu banyak percobaan gagal. Coba lagi beberapa "
					      "menit lagi."
					    : "Nama pengguna atau kata sandi salah.",
				    user, next);
	return http_reply_redirect(req, 303, safe_next(next));
}

int
web_logout_post(struct http_request *req)
{
	struct errbuf eb;

	auth_http_logout(req, &eb);
	return http_reply_redirect(req, 303, "/");
}
