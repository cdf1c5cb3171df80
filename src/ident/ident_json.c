/*
 * ident_json.c - JSON documents for identifiers and regions (see
 * ident_json.h).  All text put into JSON is either ASCII digits, our own
 * Indonesian messages, or names from the region table, which the loader
 * checked to be UTF-8; jansson refuses anything else, so a NULL from
 * json_string() here would be a bug, and json_object_set_new() ignores it.
 */
#include <string.h>

#include "core/buf.h"
#include "ident/ident_json.h"

static json_t *
date_json(struct date d)
{
	char s[DATE_STRLEN];

	date_format(d, s);
	return json_string(s);
}

static json_t *
fault_json(const struct ident_fault *f)
{
	return json_pack("{s:s, s:i, s:i, s:s}", "code", f->code ? f->code : "invalid", "from",
			 f->from, "to", f->to, "message", f->msg);
}

static json_t *
nip_json(const struct ident_nip_reading *n)
{
	char tmt[DATE_STRLEN];
	struct date t = {n->tmt_year, n->tmt_month, 1};

	if (!n->valid)
		return json_pack("{s:b, s:o}", "valid", 0, "error", fault_json(&n->fault));
	date_format(t, tmt);
	return json_pack("{s:b, s:o, s:s, s:i, s:s, s:i, s:i}", "valid", 1, "birth_date",
			 date_json(n->birth), "tmt_cpns", tmt, "age_at_tmt", n->age_at_tmt, "sex",
			 ident_sex_name(n->sex), "sex_digit", (int)n->sex, "sequence", n->sequence);
}

static json_t *
pppk_json(const struct ident_pppk_reading *p)
{
	if (!p->valid)
		return json_pack("{s:b, s:o}", "valid", 0, "error", fault_json(&p->fault));
	return json_pack("{s:b, s:o, s:i, s:s, s:s, s:s, s:i, s:i}", "valid", 1, "birth_date",
			 date_json(p->birth), "appointment_year", p->appointment_year,
			 "field_13_14", p->field, "field_13_14_note",
			 "arti kode 2 digit ini belum dipastikan sumber; disimpan apa adanya",
			 "sex", ident_sex_name(p->sex), "sex_digit", (int)p->sex, "sequence",
			 p->sequence);
}

static json_t *
nik_region_json(const struct ident_nik_region *reg)
{
	return json_pack("{s:s, s:o, s:b}", "code", reg->code, "name",
			 reg->name ? json_string(reg->name) : json_null(), "known",
			 reg->name != NULL);
}

static json_t *
nik_json(const struct ident_nik_reading *k)
{
	json_t *births;
	size_t i;

	if (!k->valid)
		return json_pack("{s:b, s:o}", "valid", 0, "error", fault_json(&k->fault));
	births = json_array();
	for (i = 0; i < k->nbirth; i++)
		json_array_append_new(births, date_json(k->birth[i]));
	return json_pack("{s:b, s:o, s:o, s:o, s:i, s:i, s:i, s:i, s:s, s:o, s:i}", "valid", 1,
			 "province", nik_region_json(&k->province), "kabkota",
			 nik_region_json(&k->kabkota), "kecamatan", nik_region_json(&k->kecamatan),
			 "dd", k->dd, "day", k->day, "month", k->month, "yy", k->yy, "sex",
			 ident_sex_name(k->sex), "birth_dates", births, "sequence", k->sequence);
}

static json_t *
warnings_json(const struct ident_result *r)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < r->nwarnings; i++) {
		const struct ident_warning *w = &r->warnings[i];

		json_array_append_new(
			a, json_pack("{s:s, s:o, s:i, s:i, s:s}", "code", w->code, "reading",
				     w->reading == IDENT_UNKNOWN
					     ? json_null()
					     : json_string(ident_kind_name(w->reading)),
				     "from", w->from, "to", w->to, "message", w->msg));
	}
	return a;
}

static json_t *
explanation_json(const struct ident_result *r)
{
	struct buf b = BUF_INIT;
	json_t *a = json_array();
	const char *p, *nl;
	size_t len;

	ident_explain(r, &b);
	p = buf_cstr(&b);
	while (*p) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		json_array_append_new(a, json_stringn(p, len));
		p += len + (nl ? 1 : 0);
	}
	buf_release(&b);
	return a;
}

static void
add_readings(json_t *j, const struct ident_result *r)
{
	if (r->has_nip)
		json_object_set_new(j, "nip", nip_json(&r->nip));
	if (r->has_pppk)
		json_object_set_new(j, "ni_pppk", pppk_json(&r->pppk));
	if (r->has_nik)
		json_object_set_new(j, "nik", nik_json(&r->nik));
}

json_t *
ident_result_json(const struct ident_result *r)
{
	json_t *j = json_object();

	json_object_set_new(j, "number", r->number[0] ? json_string(r->number) : json_null());
	json_object_set_new(j, "valid", json_boolean(r->valid));
	json_object_set_new(j, "kind", json_string(ident_kind_name(r->kind)));
	json_object_set_new(j, "kind_label", json_string(ident_kind_label(r->kind)));
	json_object_set_new(j, "likely_kind",
			    r->likely == IDENT_UNKNOWN ? json_null()
						       : json_string(ident_kind_name(r->likely)));
	add_readings(j, r);
	if (!r->valid)
		json_object_set_new(j, "error", fault_json(&r->fault));
	json_object_set_new(j, "warnings", warnings_json(r));
	json_object_set_new(j, "explanation", explanation_json(r));
	return j;
}

json_t *
ident_problem_json(const struct ident_result *r)
{
	const struct err_info *info = err_info(ERR_UNPROCESSABLE);
	const char *code = r->fault.code ? r->fault.code : info->code;
	json_t *j = json_object();

	json_object_set_new(j, "type", json_sprintf("urn:netra:problem:%s", code));
	json_object_set_new(j, "title", json_string(info->title_id));
	json_object_set_new(j, "status", json_integer(info->http_status));
	json_object_set_new(j, "code", json_string(code));
	json_object_set_new(j, "detail", json_string(r->fault.msg));
	json_object_set_new(j, "field", json_string("number"));
	json_object_set_new(
		j, "position",
		r->fault.from ? json_pack("{s:i, s:i}", "from", r->fault.from, "to", r->fault.to)
			      : json_null());
	json_object_set_new(j, "kind", json_string(ident_kind_name(r->kind)));
	add_readings(j, r);
	return j;
}

json_t *
region_json(const struct region *reg)
{
	return json_pack("{s:s, s:s, s:i, s:s, s:o}", "code", reg->code, "name", reg->name, "level",
			 reg->level, "kind", region_kind_name(reg), "parent",
			 reg->parent[0] ? json_string(reg->parent) : json_null());
}
