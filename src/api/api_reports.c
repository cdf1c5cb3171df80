/*
 * api_reports.c - public intake and status:
 *   POST /api/v1/reports        a laporan (or, signed in, a temuan) as JSON,
 *                               or multipart with a "laporan" JSON part and
 *                               the evidence files;
 *   GET  /api/v1/status/{code}  the public status, without personal data.
 * The 201 receipt is sent only after the group commit that stores the report
 * has been fsync'd; meanwhile the request waits suspended, holding no worker
 * thread, so many reports share one fsync.
 */
#include <stdbool.h>
#include <string.h>

#include "api/api.h"
#include "api/api_util.h"
#include "app/app.h"
#include "auth/auth.h"
#include "cases/cases.h"
#include "http/multipart.h"

struct intake_req {
	struct intake in;
	struct http_request *req;
	int rc;
	struct errbuf eb;
};

static void
intake_done(struct intake *in, int rc, const struct errbuf *eb)
{
	struct intake_req *ir = in->done_arg;

	ir->rc = rc;
	if (rc != 0 && eb)
		ir->eb = *eb;
	http_resume(ir->req);
}

static int
intake_reply(struct http_request *req)
{
	struct intake_req *ir = req->handler_ctx;
	struct app *app = req->app;
	int rc;

	if (ir->rc != 0)
		rc = http_reply_problem(req, &ir->eb);
	else {
		struct buf b = BUF_INIT;

		http_header_add(req, "Location",
				arena_printf(&req->arena, "/api/v1/status/%s", ir->in.code));
		cases_intake_receipt_write(&app->cases, &ir->in, &b);
		rc = http_reply_buf(req, 201, "application/json; charset=utf-8", &b);
	}
	cases_intake_release(&ir->in);
	return rc;
}

/* Give every file part to the bukti that names it; unnamed files become
 * evidence of their own. */
static int
attach_files(struct report *r, struct multipart_part *parts, size_t n, struct errbuf *eb)
{
	size_t i, k;

	for (i = 0; i < r->nbukti; i++) {
		struct report_bukti *b = &r->bukti[i];

		if (b->kind != BUKTI_BERKAS)
			continue;
		for (k = 0; k < n; k++)
			if (parts[k].filename && strcmp(parts[k].name, b->berkas) == 0)
				break;
		if (k == n)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "bukti",
						"berkas untuk bukti '%s' tidak ada dalam kiriman",
						b->berkas);
		b->data = parts[k].data;
		b->len = parts[k].len;
		b->filename = parts[k].filename;
	}
	for (k = 0; k < n; k++) {
		bool used = false;

		if (parts[k].filename == NULL || parts[k].len == 0)
			continue;
		for (i = 0; i < r->nbukti; i++)
			if (r->bukti[i].kind == BUKTI_BERKAS && r->bukti[i].data == parts[k].data)
				used = true;
		if (used)
			continue;
		if (r->nbukti == REPORT_MAX_BUKTI)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "bukti",
						"paling banyak %d bukti", REPORT_MAX_BUKTI);
		memset(&r->bukti[r->nbukti], 0, sizeof(r->bukti[0]));
		r->bukti[r->nbukti].kind = BUKTI_BERKAS;
		r->bukti[r->nbukti].berkas = parts[k].name;
		r->bukti[r->nbukti].data = parts[k].data;
		r->bukti[r->nbukti].len = parts[k].len;
		r->bukti[r->nbukti].filename = parts[k].filename;
		r->nbukti++;
	}
	return 0;
}

/* Parse the body into ir->in.report (JSON or multipart). */
static int
parse_body(struct http_request *req, struct report *r, struct errbuf *eb)
{
	struct app *app = req->app;

	if (api_content_type_is(req, "application/json"))
		return report_parse_json(&req->arena, req->body, req->body_len, r, eb);
	if (api_content_type_is(req, "multipart/form-data")) {
		struct multipart_limits lim = {REPORT_MAX_BUKTI + 4,
					       (size_t)app->cfg.evidence_max_bytes, 8192};
		struct multipart_part *parts;
		size_t n, k;

		if (multipart_parse(&req->arena, http_header_get(req, "Content-Type"), req->body,
				    req->body_len, &lim, &parts, &n, eb) < 0)
			return -1;
		for (k = 0; k < n; k++)
			if (parts[k].filename == NULL && strcmp(parts[k].name, "laporan") == 0)
				break;
		if (k == n)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, "laporan",
						"kiriman multipart harus memuat bagian 'laporan' "
						"berisi JSON");
		if (report_parse_json(&req->arena, parts[k].data, parts[k].len, r, eb) < 0)
			return -1;
		return attach_files(r, parts, n, eb);
	}
	return errbuf_set(eb, ERR_UNSUPPORTED_MEDIA,
			  "kirim laporan sebagai application/json atau multipart/form-data");
}

int
api_reports_create(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	struct intake_req *ir;
	struct errbuf eb;

	errbuf_clear(&eb);
	if (who->user_id == 0 && auth_http_intake_limit(req) != 0)
		return 0;
	ir = arena_zalloc(&req->arena, sizeof(*ir));
	cases_intake_init(&ir->in);
	ir->req = req;
	if (parse_body(req, &ir->in.report, &eb) < 0)
		return http_reply_problem(req, &eb);
	ir->in.who = who;
	ir->in.channel = "api";
	if (cases_intake_prepare(&app->cases, &req->arena, &ir->in, &eb) < 0) {
		cases_intake_release(&ir->in);
		return http_reply_problem(req, &eb);
	}
	ir->in.done = intake_done;
	ir->in.done_arg = ir;
	req->handler_ctx = ir;
	http_suspend(req, intake_reply);
	cases_intake_submit(&app->cases, &ir->in);
	return 0;
}

int
api_status_get(struct http_request *req)
{
	struct app *app = req->app;
	struct errbuf eb;
	json_t *out;

	if (cases_public_status(&app->cases, req->params[0], &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	http_header_add(req, "Cache-Control", "no-store");
	return http_reply_json(req, 200, out);
}
