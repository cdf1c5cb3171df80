/*
 * boleh_query.c - /boleh query parameters to a check request (see
 * boleh_query.h).  Nothing is judged here: the evaluator decides.
 */
#include <string.h>

#include "core/str.h"
#include "web/boleh_query.h"
#include "web/lapor_form.h"

static void
put(json_t *req, const char *key, const struct form *q, const char *name)
{
	const char *v = form_get(q, name);
	struct str t = str_trim(str_from(v ? v : ""));

	if (t.len)
		json_object_set_new(req, key, json_stringn(t.ptr, t.len));
}

json_t *
boleh_request_json(const struct form *q, bool *asked)
{
	json_t *req = json_object(), *mods = json_object();
	const char *vals[BOLEH_MAX_MODIFIERS];
	const char *d = form_get(q, "tanggal");
	struct str dt = str_trim(str_from(d ? d : ""));
	char typed[16], iso[11];
	size_t n, i;

	put(req, "item", q, "butir");
	put(req, "text", q, "teks");
	if (json_object_get(req, "text") == NULL)
		put(req, "text", q, "q"); /* the search-style alias; teks wins */
	put(req, "status", q, "status");
	put(req, "election", q, "pemilihan");
	if (dt.len < sizeof(typed) && str_copy(dt, typed, sizeof(typed)) == 0 &&
	    lapor_date_dmy(typed, iso) == 0)
		json_object_set_new(req, "date", json_string(iso));
	else
		put(req, "date", q, "tanggal");
	n = form_get_all(q, "m", vals, BOLEH_MAX_MODIFIERS);
	for (i = 0; i < n; i++) {
		struct str t = str_trim(str_from(vals[i]));

		if (t.len && t.len < 64)
			json_object_setn_new(mods, t.ptr, t.len, json_true());
	}
	if (json_object_size(mods))
		json_object_set_new(req, "modifiers", mods);
	else
		json_decref(mods);
	*asked = json_object_get(req, "item") != NULL || json_object_get(req, "text") != NULL;
	return req;
}

const char *
boleh_form_field(const char *check_field)
{
	static const struct {
		const char *check, *form;
	} map[] = {
		{"item", "butir"},   {"text", "teks"},          {"status", "status"},
		{"date", "tanggal"}, {"election", "pemilihan"}, {"modifiers", "m"},
	};
	size_t i;

	for (i = 0; check_field && i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(check_field, map[i].check) == 0)
			return map[i].form;
	return "";
}
