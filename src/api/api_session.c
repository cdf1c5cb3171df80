/*
 * api_session.c - signing in and out: POST /api/v1/session (JSON
 * {"username","password"} -> 201 {"user", "csrf"} and the session cookie),
 * DELETE /api/v1/session (ends the cookie session, 204), GET /api/v1/me
 * (who is asking, what they may do and see; 401 for the public).
 *
 * The work is in auth/auth_http.c (throttling, cookie, CSRF); this file
 * only parses and renders JSON.  Login accepts application/json only, so a
 * cross-site HTML form cannot post it.
 */
#include <string.h>
#include <strings.h>

#include "api/api.h"
#include "auth/auth.h"
#include "store/store.h"

#define LOGIN_BODY_MAX 4096

static json_t *
principal_json(const struct principal *p)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:{s:I, s:s, s:s, s:s, s:s, s:s, s:s}}", "id",
			 (json_int_t)p->user_id, "username", p->username, "full_name", p->full_name,
			 "role", role_name(p->role), "via", p->via_cookie ? "cookie" : "bearer",
			 "office", "id", (json_int_t)p->office_id, "code", p->office_code, "name",
			 p->office_name, "kind", p->office_kind, "level", p->office_level, "region",
			 p->region_prefix, "tz", p->tz);
}

static bool
is_json(const char *ct)
{
	size_t n = strlen("application/json");

	return ct && strncasecmp(ct, "application/json", n) == 0 &&
	       (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

int
api_session_create(struct http_request *req)
{
	const char *username, *password;
	struct principal p;
	struct errbuf eb;
	json_error_t jerr;
	json_t *in, *out;

	errbuf_clear(&eb);
	if (!is_json(http_header_get(req, "Content-Type")))
		return http_reply_error(
			req, ERR_UNSUPPORTED_MEDIA,
			"kirim {\"username\", \"password\"} sebagai application/json");
	if (req->body_len > LOGIN_BODY_MAX)
		return http_reply_error(req, ERR_PAYLOAD_TOO_LARGE, "data masuk terlalu besar");
	in = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &jerr);
	if (in == NULL || !json_is_object(in)) {
		json_decref(in);
		return http_reply_error(req, ERR_INVALID_INPUT, "JSON tidak sah");
	}
	username = json_string_value(json_object_get(in, "username"));
	password = json_string_value(json_object_get(in, "password"));
	if (username == NULL || password == NULL) {
		errbuf_set_field(&eb, ERR_INVALID_INPUT, username ? "password" : "username",
				 "nama pengguna dan kata sandi wajib diisi");
		json_decref(in);
		return http_reply_problem(req, &eb);
	}
	if (auth_http_login(req, username, password, &p, &eb) < 0) {
		json_decref(in);
		return http_reply_problem(req, &eb);
	}
	json_decref(in);
	out = json_pack("{s:o, s:s}", "user", principal_json(&p), "csrf", p.csrf);
	return http_reply_json(req, 201, out);
}

int
api_session_delete(struct http_request *req)
{
	struct errbuf eb;

	errbuf_clear(&eb);
	if (auth_http_logout(req, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_bytes(req, 204, NULL, "", 0);
}

int
api_me(struct http_request *req)
{
	const struct principal *p = auth_principal(req);
	struct store_scope sc;
	json_t *perms, *out;
	int i;

	if (p->user_id <= 0)
		return http_reply_error(req, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	perms = json_array();
	for (i = 0; i < PERM__COUNT; i++)
		if (auth_can(p, (enum perm)i))
			json_array_append_new(perms, json_string(perm_name((enum perm)i)));
	auth_scope(p, &sc);
	out = json_pack("{s:o, s:o, s:{s:s, s:b, s:I}}", "user", principal_json(p), "permissions",
			perms, "scope", "region", sc.region_prefix, "recommended_only",
			sc.recommended_only, "ppk_office_id", (json_int_t)sc.ppk_office_id);
	if (p->via_cookie)
		json_object_set_new(out, "csrf", json_string(p->csrf));
	http_header_add(req, "Cache-Control", "no-store");
	return http_reply_json(req, 200, out);
}
