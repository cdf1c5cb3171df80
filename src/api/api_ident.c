/*
 * api_ident.c - identifiers and regions:
 *   GET /api/v1/ident/{number}   decode a NIP, NI PPPK or NIK
 *   GET /api/v1/regions          search: q, level, parent, limit
 *   GET /api/v1/regions/{code}   one region with its ancestors and children
 *
 * A valid identifier answers 200 with the decoded document; an invalid one
 * 422 application/problem+json with a stable code (invalid_identifier,
 * invalid_nip, invalid_nik), the offending digit positions and the fault
 * of every reading tried.  Identifier answers are personal data: they are
 * marked no-store.  Region answers carry the data attribution.  The region
 * table and the limits are loaded once at server start (app_open).
 */
#include <stdlib.h>
#include <string.h>

#include "api/api.h"
#include "app/app.h"
#include "core/datetime.h"
#include "core/str.h"
#include "ident/ident.h"
#include "ident/ident_json.h"
#include "ident/region.h"

static int
regions_unavailable(struct http_request *req)
{
	return http_reply_error(req, ERR_UNAVAILABLE, "tabel wilayah tidak dimuat di server ini");
}

int
api_ident_get(struct http_request *req)
{
	struct app *app = req->app;
	const char *number = req->nparams > 0 ? req->params[0] : "";
	struct ident_result *r = arena_zalloc(&req->arena, sizeof(*r));
	struct ident_opts o;
	struct errbuf eb;

	memset(&o, 0, sizeof(o));
	o.regions = app->regions;
	o.limits = app->ident_limits;
	o.today = time_local_date(clock_now(), tz_wib.offset_min);
	errbuf_clear(&eb);
	http_header_add(req, "Cache-Control", "no-store");
	if (ident_parse(number, strlen(number), &o, r, &eb) == 0)
		return http_reply_json(req, 200, ident_result_json(r));
	if (eb.kind != ERR_UNPROCESSABLE)
		return http_reply_problem(req, &eb);
	{
		json_t *j = ident_problem_json(r);
		char *text = json_dumps(j, JSON_COMPACT | JSON_ENSURE_ASCII);
		int rc;

		json_decref(j);
		if (text == NULL)
			return http_reply_problem(req, &eb);
		rc = http_reply_bytes(req, 422, "application/problem+json", text, strlen(text));
		free(text);
		return rc;
	}
}

/* An optional integer query parameter in [lo, hi]. */
static int
query_int(struct http_request *req, const char *name, long lo, long hi, long def, long *out,
	  struct errbuf *eb)
{
	const char *v = http_query_get(req, name);
	int64_t n;

	*out = def;
	if (v == NULL || v[0] == '\0')
		return 0;
	if (str_to_i64(str_from(v), &n) < 0 || n < lo || n > hi)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, name,
					"%s harus bilangan bulat %ld-%ld", name, lo, hi);
	*out = (long)n;
	return 0;
}

static json_t *
ancestors_json(const struct region_table *t, const char *code)
{
	struct region chain[4];
	size_t n = region_parent_chain(t, code, chain), i;
	json_t *a = json_array();

	for (i = 1; i < n; i++)
		json_array_append_new(a, region_json(&chain[i]));
	return a;
}

int
api_regions_search(struct http_request *req)
{
	struct app *app = req->app;
	const char *q = http_query_get(req, "q");
	const char *parent = http_query_get(req, "parent");
	struct region_hit *hits;
	struct errbuf eb;
	size_t nhits, total, i;
	long level, limit;
	json_t *j, *arr;

	if (app->regions == NULL)
		return regions_unavailable(req);
	errbuf_clear(&eb);
	if (query_int(req, "level", 0, 4, 0, &level, &eb) < 0 ||
	    query_int(req, "limit", 1, REGION_LIMIT_MAX, REGION_LIMIT_DEFAULT, &limit, &eb) < 0)
		return http_reply_problem(req, &eb);
	hits = arena_array(&req->arena, (size_t)limit, sizeof(*hits));
	if (region_search(app->regions, q ? q : "", (int)level, parent, (size_t)limit, hits, &nhits,
			  &total, &eb) < 0)
		return http_reply_problem(req, &eb);
	arr = json_array();
	for (i = 0; i < nhits; i++) {
		json_t *h = region_json(&hits[i].region);

		json_object_set_new(h, "match", json_string(region_match_name(hits[i].match)));
		json_object_set_new(h, "ancestors",
				    ancestors_json(app->regions, hits[i].region.code));
		json_array_append_new(arr, h);
	}
	j = json_object();
	json_object_set_new(j, "query", json_string(q ? q : ""));
	json_object_set_new(j, "total", json_integer((json_int_t)total));
	json_object_set_new(j, "count", json_integer((json_int_t)nhits));
	json_object_set_new(j, "results", arr);
	json_object_set_new(j, "attribution", json_string(region_table_attribution(app->regions)));
	http_header_add(req, "Cache-Control", "public, max-age=300");
	return http_reply_json(req, 200, j);
}

int
api_region_get(struct http_request *req)
{
	struct app *app = req->app;
	const char *code = req->nparams > 0 ? req->params[0] : "";
	struct region reg, *kids;
	size_t nk = 0, i;
	json_t *j, *ch;

	if (app->regions == NULL)
		return regions_unavailable(req);
	if (region_find(app->regions, code, &reg) < 0)
		return http_reply_error(
			req, ERR_NOT_FOUND,
			"wilayah dengan kode itu tidak ada dalam tabel (contoh kode: "
			"64.08 atau 64.08.01.2001)");
	if (region_children(app->regions, reg.code, NULL, 0, &nk) < 0)
		return http_reply_error(req, ERR_INTERNAL, "anak wilayah tidak dapat dibaca");
	kids = arena_array(&req->arena, nk ? nk : 1, sizeof(*kids));
	if (region_children(app->regions, reg.code, kids, nk, &nk) < 0)
		return http_reply_error(req, ERR_INTERNAL, "anak wilayah tidak dapat dibaca");
	j = region_json(&reg);
	ch = json_array();
	for (i = 0; i < nk; i++)
		json_array_append_new(ch, region_json(&kids[i]));
	json_object_set_new(j, "ancestors", ancestors_json(app->regions, reg.code));
	json_object_set_new(j, "children", ch);
	json_object_set_new(j, "attribution", json_string(region_table_attribution(app->regions)));
	http_header_add(req, "Cache-Control", "public, max-age=300");
	return http_reply_json(req, 200, j);
}
