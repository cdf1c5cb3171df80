/*
 * api_screening.c - the officers' screening queue (PERM_SCREENING; scope
 * enforced by the store query):
 *   GET  /api/v1/screening                  queue, best first:
 *        ?state=baru|dikonfirmasi|diabaikan &label= &min_score= &asn=1
 *        &cursor= &limit=
 *   GET  /api/v1/screening/stats            decisions per score band
 *   GET  /api/v1/screening/{id}             item, spans, explanation
 *   POST /api/v1/screening/{id}/confirm     {"region","pemilihan","terlapor","note"}
 *                                           -> 201 {"item","case","receipt"}
 *   POST /api/v1/screening/{id}/dismiss     {"reason"}
 *   POST /api/v1/screening/ingest           JSON lines, as `netra monitor`
 *        ?election= &region= &threshold=
 * Handlers only translate HTTP to src/screening calls.  The ingest waits
 * for its group commits on the worker thread; bodies are bounded by the
 * server's max_body.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "api/api_util.h"
#include "app/app.h"
#include "auth/auth.h"
#include "calendar/calendar.h"
#include "ident/region.h"
#include "screening/screening.h"
#include "store/store_screening.h"

static struct screening_ctx
ctx_of(struct http_request *req)
{
	struct app *app = req->app;
	struct screening_ctx sx = {&app->cases, app->scan};

	return sx;
}

int
api_screening_list(struct http_request *req)
{
	struct screening_ctx sx = ctx_of(req);
	struct screening_query q;
	struct errbuf eb;
	const char *v;
	json_t *out;
	int64_t n;

	memset(&q, 0, sizeof(q));
	q.state = http_query_get(req, "state");
	q.label = http_query_get(req, "label");
	q.min_score = http_query_get(req, "min_score");
	q.cursor = http_query_get(req, "cursor");
	q.asn_only = (v = http_query_get(req, "asn")) && strcmp(v, "1") == 0;
	if ((v = http_query_get(req, "limit"))) {
		if (str_to_i64(str_from(v), &n) < 0 || n < 1 || n > STORE_SCREENED_LIMIT_MAX)
			return http_reply_error(req, ERR_INVALID_INPUT, "limit harus 1 sampai %d",
						STORE_SCREENED_LIMIT_MAX);
		q.limit = (int)n;
	}
	if (screening_queue(&sx, auth_principal(req), &q, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

int
api_screening_stats(struct http_request *req)
{
	struct screening_ctx sx = ctx_of(req);
	struct errbuf eb;
	json_t *out;

	if (screening_stats(&sx, auth_principal(req), &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

int
api_screening_get(struct http_request *req)
{
	struct screening_ctx sx = ctx_of(req);
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *out;

	if (id < 0)
		return 0;
	if (screening_item(&sx, auth_principal(req), id, &out, &eb) < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

/* Refuse keys outside allowed: a misspelt key would be dropped silently. */
static int
check_keys(struct http_request *req, json_t *b, const char *const *allowed)
{
	const char *key;
	json_t *v;

	json_object_foreach(b, key, v)
	{
		size_t i;

		for (i = 0; allowed[i]; i++)
			if (strcmp(key, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL) {
			struct errbuf eb;

			errbuf_clear(&eb);
			errbuf_set_field(&eb, ERR_INVALID_INPUT, key, "kunci '%s' tidak dikenal",
					 key);
			http_reply_problem(req, &eb);
			return -1;
		}
	}
	return 0;
}

int
api_screening_confirm(struct http_request *req)
{
	static const char *const keys[] = {"region", "pemilihan", "terlapor", "note", NULL};
	struct screening_ctx sx = ctx_of(req);
	int64_t id = api_param_id(req, 0);
	struct screening_confirm_req rq;
	struct errbuf eb;
	json_t *b, *out, *t;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	if (check_keys(req, b, keys) < 0) {
		json_decref(b);
		return 0;
	}
	memset(&rq, 0, sizeof(rq));
	rq.region = api_str(b, "region");
	rq.pemilihan = api_str(b, "pemilihan");
	rq.note = api_str(b, "note");
	t = json_object_get(b, "terlapor");
	if (t && !json_is_array(t) && !json_is_null(t)) {
		json_decref(b);
		return http_reply_error(req, ERR_INVALID_INPUT, "terlapor harus berupa daftar");
	}
	rq.terlapor = json_is_array(t) ? t : NULL;
	rc = screening_confirm(&sx, auth_principal(req), id, &rq, &req->arena, &out, &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 201, out);
}

int
api_screening_dismiss(struct http_request *req)
{
	static const char *const keys[] = {"reason", NULL};
	struct screening_ctx sx = ctx_of(req);
	int64_t id = api_param_id(req, 0);
	struct errbuf eb;
	json_t *b, *out;
	int rc;

	if (id < 0)
		return 0;
	b = api_body_json(req);
	if (b == NULL)
		return 0;
	if (check_keys(req, b, keys) < 0) {
		json_decref(b);
		return 0;
	}
	rc = screening_dismiss(&sx, auth_principal(req), id, api_str(b, "reason"), &out, &eb);
	json_decref(b);
	if (rc < 0)
		return http_reply_problem(req, &eb);
	return http_reply_json(req, 200, out);
}

#define INGEST_ERRORS_SHOWN 20

static void
ingest_error(void *arg, const char *where, const char *msg)
{
	json_t *arr = arg;

	if (json_array_size(arr) < INGEST_ERRORS_SHOWN)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "where", where, "message", msg));
}

static json_t *
labels_json(const uint64_t *v)
{
	json_t *o = json_object();
	int i;

	for (i = 0; i < SCAN_LABEL__COUNT; i++)
		json_object_set_new(o, scan_label_name((enum scan_label)i),
				    json_integer((json_int_t)v[i]));
	return o;
}

int
api_screening_ingest(struct http_request *req)
{
	struct app *app = req->app;
	const struct principal *who = auth_principal(req);
	const char *election = http_query_get(req, "election");
	const char *region = http_query_get(req, "region");
	const char *th = http_query_get(req, "threshold");
	struct screening_accounts *acc = NULL;
	struct screening_ingest_opts o;
	struct screening_ingest_stats st;
	struct screening_ingest *g;
	char code[REGION_CODE_MAX];
	struct errbuf eb;
	json_t *errors;
	int rc;

	if (who->user_id == 0)
		return http_reply_error(req, ERR_UNAUTHORIZED, "silakan masuk terlebih dahulu");
	if (!auth_can(who, PERM_SCREENING))
		return http_reply_error(req, ERR_FORBIDDEN,
					"peran Anda tidak berwenang untuk tindakan ini");
	if (!api_content_type_is(req, "application/x-ndjson") &&
	    !api_content_type_is(req, "application/jsonl") &&
	    !api_content_type_is(req, "application/json"))
		return http_reply_error(req, ERR_UNSUPPORTED_MEDIA,
					"kirim butir sebagai JSON lines (application/x-ndjson)");
	memset(&o, 0, sizeof(o));
	if (th) {
		char *end;
		double d = strtod(th, &end);

		if (end == th || *end || !(d > 0 && d <= 1))
			return http_reply_error(req, ERR_INVALID_INPUT,
						"threshold harus angka 0 < X <= 1");
		o.threshold = (float)d;
	}
	if (election && calendar_election_find(app_cal(app), election) == NULL)
		return http_reply_error(req, ERR_INVALID_INPUT, "pemilihan '%s' tidak dikenal",
					election);
	/* items without an account region take the request's, else the officer's */
	if (region == NULL || region[0] == '\0')
		region = who->region_prefix;
	if (region[0]) {
		struct region reg;
		uint64_t key;
		int level;

		if (region_code_parse(region, strlen(region), &key, &level) < 0)
			return http_reply_error(req, ERR_INVALID_INPUT, "kode wilayah tidak sah");
		region_code_format(key, level, code);
		if (app->regions && region_find(app->regions, code, &reg) < 0)
			return http_reply_error(req, ERR_INVALID_INPUT,
						"kode wilayah %s tidak ada dalam daftar wilayah",
						code);
		if (!auth_region_allows(who, code))
			return http_reply_error(req, ERR_FORBIDDEN,
						"wilayah %s di luar cakupan kantor Anda", code);
		region = code;
	}
	if (screening_accounts_load(&acc, app->store, &eb) < 0)
		return http_reply_problem(req, &eb);
	errors = json_array();
	o.store = app->store;
	o.lex = app->scan;
	o.accounts = acc;
	o.election = election;
	o.region = region;
	o.channel = "api";
	o.actor = who->username;
	o.user_id = who->user_id;
	o.on_error = ingest_error;
	o.error_arg = errors;
	g = screening_ingest_new(&o);
	screening_ingest_lines(g, req->body, req->body_len, "body");
	rc = screening_ingest_finish(g, &st, &eb);
	screening_ingest_free(g);
	screening_accounts_free(acc);
	if (rc < 0) {
		json_decref(errors);
		return http_reply_problem(req, &eb);
	}
	return http_reply_json(
		req, 200,
		json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:f, s:o, s:o, s:o}", "read",
			  (json_int_t)st.read, "errors", (json_int_t)st.errors, "stored",
			  (json_int_t)st.stored, "duplicates", (json_int_t)st.duplicates, "below",
			  (json_int_t)st.below, "watched", (json_int_t)st.watched, "untimed",
			  (json_int_t)st.untimed, "threshold", (double)st.threshold, "by_label",
			  labels_json(st.by_label), "stored_by_label",
			  labels_json(st.stored_by_label), "error_lines", errors));
}
