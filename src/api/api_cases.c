/*
 * api_cases.c - the officers' case API:
 *   GET  /api/v1/cases                          scoped list, cursor pagination
 *   GET  /api/v1/cases/{id}                     detail
 *   POST /api/v1/cases/{id}/transitions         a workflow step
 *   POST /api/v1/cases/{id}/assign              {"username"} ("" unassigns)
 *   POST /api/v1/cases/claim                    {"n"}: a batch of unassigned cases
 *   POST /api/v1/cases/bulk                     {"ids", "action" | "assign", ...}
 *   POST /api/v1/cases/{id}/notes               {"body"}
 *   POST /api/v1/cases/{id}/merge               {"into", "reason"}
 *   GET  /api/v1/cases/{id}/duplicates
 *   POST /api/v1/cases/{id}/pelapor             {"reason", "passphrase"} (custodian)
 *   GET  /api/v1/cases/{id}/evidence/{sha256}   the file, as an attachment
 * Scope is enforced by the case service in every store query: a case
 * outside the caller's region is "not found", whatever the endpoint.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/api.h"
#include "api/api_util.h"
#include "app/app.h"
#include "auth/auth.h"
#include "cases/cases.h"
#include "cases/evidence.h"
#include "core/jsonw.h"
#include "store/store_cases.h"

int
api_cases_list(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct store_case_filter f;
	const char *assigned = http_query_get(req, "assigned");
	const char *v;
	int64_t next = 0, n;
	struct errbuf eb;
	struct buf b = BUF_INIT;

	memset(&f, 0, sizeof(f));
	f.state = http_query_get(req, "state");
	f.election = http_query_get(req, "election");
	f.kind = http_query_get(req, "kind");
	f.q = http_query_get(req, "q");
	f.overdue = (v = http_query_get(req, "overdue")) && strcmp(v, "1") == 0;
	f.due_soon = (v = http_query_get(req, "due_soon")) && strcmp(v, "1") == 0;
	if (assigned && strcmp(assigned, "me") == 0)
		f.assigned_to = who->user_id ? who->user_id : -1;
	else if (assigned && strcmp(assigned, "none") == 0)
		f.unassigned = true;
	if ((v = http_query_get(req, "limit"))) {
		if (str_to_i64(str_from(v), &n) < 0 || n < 1 || n > 500)
			return http_reply_error(req, ERR_INVALID_INPUT, "limit harus 1 sampai 500");
		f.limit = (int)n;
	}
	if ((v = http_query_get(req, "cursor"))) {
		if (str_to_i64(str_from(v), &n) < 0 || n < 1)
			return http_reply_error(req, ERR_INVALID_INPUT, "cursor tidak valid");
		f.before_id = n;
	}
	BUF_ADDLIT(&b, "{\"items\":");
	if (cases_list_write(&app->cases, who, &f, &b, &next, &eb) < 0) {
		buf_release(&b);
		return http_reply_problem(req, &eb);
	}
	BUF_ADDLIT(&b, ",\"next_cursor\":");
	if (next) {
		buf_addch(&b, '"');
		jsonw_int(&b, next);
		buf_addch(&b, '"');
	} else {
		BUF_ADDLIT(&b, "null");
	}
	buf_addch(&b, '}');
	return http_reply_buf(req, 200, "application/json; charset=utf-8", &b);
}

int
api_cases_get(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *out;

	if (id < 0)
		return 0;
	if (cases_detail(&app->cases, auth_principal(req), id, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

static void
transition_from_json(json_t *b, struct transition_req *rq)
{
	json_t *v;

	memset(rq, 0, sizeof(*rq));
	rq->action = api_str(b, "action");
	v = json_object_get(b, "track_id");
	rq->track_id = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
	rq->reason = api_str(b, "reason");
	rq->level = api_str(b, "level");
	v = json_object_get(b, "items");
	rq->items = json_is_array(v) ? v : NULL;
	rq->ppk_office = api_str(b, "ppk_office");
	rq->sk_number = api_str(b, "sk_number");
	rq->sk_date = api_str(b, "sk_date");
	rq->form = api_str(b, "form");
	rq->sanction_level = api_str(b, "sanction_level");
	rq->escalation = api_str(b, "escalation");
}

int
api_cases_transition(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct transition_req rq;
	struct errbuf eb;
	json_t *b, *out;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	transition_from_json(b, &rq);
	rc = cases_transition(&app->cases, auth_principal(req), id, &rq, &out, &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

int
api_cases_assign(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *b;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	rc = cases_assign(&app->cases, auth_principal(req), id, api_str(b, "username"), &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, json_pack("{s:b}", "ok", 1));
}

int
api_cases_claim(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	json_t *b, *ids;
	int rc;

	b = api_body_json(req);
	if (b == NULL)
		return 0;
	rc = cases_claim(&app->cases, auth_principal(req),
			 (int)json_integer_value(json_object_get(b, "n")), &ids, &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, json_pack("{s:o}", "claimed", ids));
}

int
api_cases_bulk(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	json_t *b, *ids, *v, *results;
	struct transition_req rq;
	const char *assign;
	size_t i;

	b = api_body_json(req);
	if (b == NULL)
		return 0;
	ids = json_object_get(b, "ids");
	if (!json_is_array(ids) || json_array_size(ids) == 0 || json_array_size(ids) > 500) {
		json_decref(b);
		return http_reply_error(req, ERR_INVALID_INPUT,
					"ids harus daftar 1 sampai 500 kasus");
	}
	transition_from_json(b, &rq);
	assign = api_str(b, "assign");
	if (rq.action == NULL && assign == NULL) {
		json_decref(b);
		return http_reply_error(req, ERR_INVALID_INPUT, "sebutkan action atau assign");
	}
	results = json_array();
	json_array_foreach(ids, i, v)
	{
		struct errbuf eb;
		json_t *out = NULL;
		int64_t id = json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
		int rc;

		errbuf_clear(&eb);
		if (id <= 0)
			rc = errbuf_set(&eb, ERR_INVALID_INPUT, "id tidak valid");
		else if (assign)
			rc = cases_assign(&app->cases, who, id, assign, &eb);
		else
			rc = cases_transition(&app->cases, who, id, &rq, &out, &eb);
		json_decref(out);
		if (rc == 0)
			json_array_append_new(results, json_pack("{s:O, s:b}", "id", v, "ok", 1));
		else
			json_array_append_new(results, json_pack("{s:O, s:b, s:s, s:s}", "id", v,
								 "ok", 0, "code", errbuf_code(&eb),
								 "detail", eb.msg));
	}
	json_decref(b);
	return http_reply_json(req, 200, json_pack("{s:o}", "results", results));
}

int
api_cases_note(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *b;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	rc = cases_note(&app->cases, auth_principal(req), id, api_str(b, "body"), &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 201, json_pack("{s:b}", "ok", 1));
}

int
api_cases_merge(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *b;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	rc = cases_merge(&app->cases, auth_principal(req), id,
			 (int64_t)json_integer_value(json_object_get(b, "into")),
			 api_str(b, "reason"), &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, json_pack("{s:b}", "ok", 1));
}

int
api_cases_duplicates(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *out;

	if (id < 0)
		return 0;
	if (cases_duplicates(&app->cases, auth_principal(req), id, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, json_pack("{s:o}", "candidates", out));
}

int
api_cases_unseal(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *b, *identity;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	rc = cases_unseal(&app->cases, auth_principal(req), id, api_str(b, "reason"),
			  api_str(b, "passphrase"), &identity, &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	http_header_add(req, "Cache-Control", "no-store");
	return http_reply_json(req, 200, json_pack("{s:o}", "pelapor", identity));
}

int
api_cases_evidence(struct http_request *req)
{
	struct app *app = req->app;
	int64_t id = api_param_id(req, 0);
	const char *sha = req->nparams > 1 ? req->params[1] : "";
	struct errbuf eb;
	json_t *detail, *ev, *e;
	const char *mime = NULL;
	char path[1024];
	struct buf data;
	size_t i;
	int fd;

	if (id < 0)
		return 0;
	if (cases_detail(&app->cases, auth_principal(req), id, &detail, &eb) < 0)
		return http_reply_problem(req, &eb);
	ev = json_object_get(detail, "evidence");
	json_array_foreach(ev, i, e)
	{
		const char *s = json_string_value(json_object_get(e, "sha256"));

		if (s && strcmp(s, sha) == 0)
			mime = arena_strdup(&req->arena,
					    json_string_value(json_object_get(e, "mime")));
	}
	json_decref(detail);
	if (mime == NULL || evidence_path(config_files_dir(&app->cfg), sha, path, sizeof(path)) < 0)
		return http_reply_error(req, ERR_NOT_FOUND, "bukti tidak ditemukan");
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return http_reply_error(req, ERR_NOT_FOUND,
					"berkas bukti tidak ada di penyimpanan");
	buf_init(&data, (size_t)app->cfg.evidence_max_bytes + 1);
	for (;;) {
		char chunk[65536];
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n <= 0)
			break;
		buf_add(&data, chunk, (size_t)n);
	}
	close(fd);
	if (buf_failed(&data)) {
		buf_release(&data);
		return http_reply_error(req, ERR_INTERNAL, "berkas bukti terlalu besar");
	}
	http_header_add(req, "Content-Disposition",
			arena_printf(&req->arena, "attachment; filename=\"bukti-%.12s\"", sha));
	http_header_add(req, "Content-Security-Policy", "sandbox; default-src 'none'");
	http_header_add(req, "Cache-Control", "private, no-store");
	return http_reply_buf(req, 200, mime, &data);
}
