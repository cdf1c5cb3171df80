/*
 * api_audit.c - GET /api/v1/audit/verify: walk the hash chain (auditors
 * and administrators).
 */
#include <sodium.h>

#include "api/api.h"
#include "app/app.h"
#include "audit/audit.h"
#include "auth/auth.h"

int
api_audit_verify(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct audit_report r;
	struct errbuf eb;
	char head[AUDIT_HASH_LEN * 2 + 1];
	json_t *out;
	int rc;

	if (who->user_id == 0)
		return http_reply_error(req, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, PERM_AUDIT_READ))
		return http_reply_error(req, ERR_FORBIDDEN,
					"peran Anda tidak dapat membaca log audit");
	rc = audit_verify(app->store, &r, &eb);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	sodium_bin2hex(head, sizeof(head), r.head, AUDIT_HASH_LEN);
	out = json_pack("{s:b, s:I, s:s}", "intact", rc == 0, "checked", (json_int_t)r.checked,
			"head", head);
	if (rc) {
		json_object_set_new(out, "first_bad_id", json_integer(r.bad_id));
		json_object_set_new(out, "problem", json_string(r.problem));
	}
	return http_reply_json(req, 200, out);
}
