/*
 * deadline_request.c - the request and reply shapes shared by
 * `netra deadline --json` and POST /api/v1/deadlines:
 *   in:  {"rule": "pemilu.laporan", "start": "2024-02-09", "region": "64.08"}
 *   out: {"rule", "start", "due", "unit", "explanation", "skipped": [...], ...}
 *
 * A start may be a date (the region only labels the result) or a
 * timestamp with an offset, which needs a region: the moment is converted
 * to the local date of the region's zone before counting.  Parsing is
 * strict (unknown keys, wrong types and oversize values are refused) and
 * bounded, so it can face untrusted input and the fuzzer.
 */
#include <stdio.h>
#include <string.h>

#include "calendar/cal_internal.h"

static int
get_string(json_t *obj, const char *key, bool required, char *dst, size_t dstsz, struct errbuf *eb)
{
	json_t *v = json_object_get(obj, key);
	size_t n;

	if (v == NULL || json_is_null(v)) {
		if (required)
			return errbuf_set_field(eb, ERR_INVALID_INPUT, key,
						"kolom \"%s\" wajib diisi", key);
		dst[0] = '\0';
		return 0;
	}
	if (!json_is_string(v))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, key,
					"kolom \"%s\" harus berupa teks", key);
	n = json_string_length(v);
	if (n >= dstsz || memchr(json_string_value(v), '\0', n))
		return errbuf_set_field(eb, ERR_INVALID_INPUT, key,
					"kolom \"%s\" terlalu panjang (paling banyak %zu byte)",
					key, dstsz - 1);
	if (required && n == 0)
		return errbuf_set_field(eb, ERR_INVALID_INPUT, key, "kolom \"%s\" kosong", key);
	memcpy(dst, json_string_value(v), n);
	dst[n] = '\0';
	return 0;
}

int
deadline_request_from_json(json_t *obj, struct deadline_request *req, struct errbuf *eb)
{
	const char *key;
	json_t *v;

	memset(req, 0, sizeof(*req));
	if (!json_is_object(obj))
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "permintaan harus objek JSON {\"rule\", \"start\", \"region\"}");
	json_object_foreach(obj, key, v)
	{
		(void)v;
		if (strcmp(key, "rule") != 0 && strcmp(key, "start") != 0 &&
		    strcmp(key, "region") != 0 && strcmp(key, "id") != 0)
			return errbuf_set_field(
				eb, ERR_INVALID_INPUT, key,
				"kolom \"%.40s\" tidak dikenal (yang dikenal: rule, "
				"start, region, id)",
				key);
	}
	if (get_string(obj, "rule", true, req->rule, sizeof(req->rule), eb) < 0 ||
	    get_string(obj, "start", true, req->start, sizeof(req->start), eb) < 0 ||
	    get_string(obj, "region", false, req->region, sizeof(req->region), eb) < 0 ||
	    get_string(obj, "id", false, req->id, sizeof(req->id), eb) < 0)
		return -1;
	return 0;
}

int
deadline_request_parse(const char *p, size_t n, struct deadline_request *req, struct errbuf *eb)
{
	json_error_t je;
	json_t *obj;
	int rc;

	memset(req, 0, sizeof(*req));
	if (n > DEADLINE_REQUEST_MAX)
		return errbuf_set(eb, ERR_INVALID_INPUT,
				  "baris permintaan terlalu panjang (paling banyak %d byte)",
				  DEADLINE_REQUEST_MAX);
	obj = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je);
	if (obj == NULL)
		return errbuf_set(eb, ERR_INVALID_INPUT, "JSON tidak sah (kolom %d): %s", je.column,
				  je.text);
	rc = deadline_request_from_json(obj, req, eb);
	json_decref(obj);
	return rc;
}

int
deadline_request_run(const struct calendar *cal, const struct deadline_request *req,
		     const struct calendar_opts *opts, struct deadline_result *res,
		     struct errbuf *eb)
{
	const struct deadline_rule *rule;
	const struct province_zone *prov = NULL;
	const struct tz *zone = NULL;
	struct date start;
	bool stamped = false;
	int64_t t = 0;
	size_t i, slen = strlen(req->start);
	char preface[256] = "";

	for (i = 0; i < cal->nrules; i++)
		if (strcmp(cal->rules[i].id, req->rule) == 0)
			break;
	if (i == cal->nrules)
		return deadline_rule_find(cal, req->rule, (struct date){2000, 1, 1}, eb) ? 0 : -1;
	if (req->region[0] && calendar_region_zone(cal, req->region, &zone, &prov, eb) < 0)
		return -1;
	if (slen == 10) {
		if (date_parse(str_make(req->start, slen), &start) < 0)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "invalid_date",
					       "tanggal mulai \"%s\" tidak sah; gunakan YYYY-MM-DD "
					       "(mis. 2024-02-09)",
					       req->start);
	} else {
		int off = 0;

		if (time_parse_iso(str_make(req->start, slen), &t, &off) < 0)
			return errbuf_set_code(
				eb, ERR_INVALID_INPUT, "invalid_date",
				"waktu mulai \"%s\" tidak sah; gunakan YYYY-MM-DD atau "
				"YYYY-MM-DDTHH:MM:SS+hh:mm (mis. "
				"2024-02-09T23:30:00+08:00)",
				req->start);
		if (zone == NULL)
			return errbuf_set_code(eb, ERR_INVALID_INPUT, "region_required",
					       "waktu mulai dengan jam memerlukan kode wilayah "
					       "(\"region\") untuk menentukan tanggal lokalnya");
		start = time_local_date(t, zone->offset_min);
		stamped = true;
	}
	rule = deadline_rule_find(cal, req->rule, start, eb);
	if (rule == NULL)
		return -1;
	if (deadline_compute(cal, rule, start, zone, opts, res, eb) < 0)
		return -1;
	if (stamped) {
		char day[64];
		int secs = time_local_seconds(t, zone->offset_min);

		date_format_long_id(start, day, sizeof(day));
		snprintf(preface, sizeof(preface),
			 "Waktu mulai %.40s = pukul %02d:%02d %s, %s (wilayah %s, %s); tanggal "
			 "lokal itu menjadi hari mulai. ",
			 req->start, secs / 3600, secs / 60 % 60, zone->name, day, req->region,
			 prov->name);
		{
			struct buf b;

			buf_init(&b, res->explanation.max);
			buf_addstr(&b, preface);
			buf_add(&b, buf_cstr(&res->explanation), res->explanation.len);
			buf_release(&res->explanation);
			res->explanation = b;
		}
	}
	return 0;
}

/* A JSON string from text that a bounded copy may have cut inside a UTF-8
 * sequence: the incomplete tail is dropped. */
static json_t *
jstr(const char *s)
{
	size_t n = strlen(s), k;

	for (k = 0; k < 4 && k <= n; k++)
		if (utf8_valid(s, n - k))
			return json_stringn(s, n - k);
	return json_string("");
}

static void
set_common(json_t *j, const struct deadline_request *req)
{
	if (req->id[0])
		json_object_set_new(j, "id", jstr(req->id));
	if (req->rule[0])
		json_object_set_new(j, "rule", jstr(req->rule));
	if (req->start[0])
		json_object_set_new(j, "start", jstr(req->start));
	if (req->region[0])
		json_object_set_new(j, "region", jstr(req->region));
}

json_t *
deadline_result_to_json(const struct deadline_request *req, const struct deadline_result *res)
{
	json_t *j = json_object(), *skipped = json_array();
	char ds[DATE_STRLEN];
	size_t i;

	set_common(j, req);
	date_format(res->start, ds);
	json_object_set_new(j, "start_date", json_string(ds));
	if (res->zone)
		json_object_set_new(j, "zone", json_string(res->zone->name));
	date_format(res->due, ds);
	json_object_set_new(j, "due", json_string(ds));
	json_object_set_new(j, "unit", json_string(deadline_unit_name(res->unit)));
	json_object_set_new(j, "count", json_integer(res->count));
	json_object_set_new(j, "title", json_string(res->rule->title));
	json_object_set_new(j, "basis", json_string(res->rule->basis));
	json_object_set_new(j, "confidence", json_string(res->rule->confidence));
	json_object_set_new(j, "explanation", jstr(buf_cstr(&res->explanation)));
	for (i = 0; i < res->nskipped; i++) {
		date_format(res->skipped[i].date, ds);
		json_t *item = json_object();

		json_object_set_new(item, "date", json_string(ds));
		json_object_set_new(item, "reason", jstr(res->skipped[i].reason));
		json_array_append_new(skipped, item);
	}
	json_object_set_new(j, "skipped", skipped);
	json_object_set_new(j, "provisional", json_boolean(res->provisional));
	if (res->provisional) {
		json_t *years = json_array();

		json_object_set_new(j, "provisional_reason", jstr(res->provisional_reason));
		for (i = 0; i < res->nprovisional_years; i++)
			json_array_append_new(years, json_integer(res->provisional_years[i]));
		json_object_set_new(j, "provisional_years", years);
		date_format(deadline_latest_due(res->start, res->due, res->unit, res->count, true),
			    ds);
		json_object_set_new(j, "due_latest", json_string(ds));
	}
	return j;
}

json_t *
deadline_error_to_json(const struct deadline_request *req, const struct errbuf *eb)
{
	json_t *j = json_object(), *e;

	set_common(j, req);
	e = json_object();
	json_object_set_new(e, "code", json_string(errbuf_code(eb)));
	json_object_set_new(e, "message", jstr(eb->msg));
	if (eb->field[0])
		json_object_set_new(e, "field", jstr(eb->field));
	json_object_set_new(j, "error", e);
	return j;
}
