/*
 * fuzz_lapor_form.c - the public forms on arbitrary urlencoded bodies: the
 * laporan form to its report JSON and its per-field checks, and the /boleh
 * query to a check request.  Invariants: the JSON is always an object that
 * the case service's parser accepts or refuses without crashing; every
 * error names a field of the form or none, and its HTML id is made of
 * safe characters only; at most LAPOR_MAX_ERRORS errors, one per field.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cases/report.h"
#include "web/boleh_query.h"
#include "web/lapor_form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_id(const char *field)
{
	char id[LAPOR_FIELD_MAX + 8];
	const char *p;

	lapor_field_id(field, id, sizeof(id));
	for (p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct form f;
	struct lapor_errors errs = {.n = 0};
	struct report *r;
	struct errbuf eb;
	json_t *doc, *req;
	char *text;
	bool asked;
	size_t i, k;

	arena_init(&a, 4096);
	if (form_parse(&a, (const char *)data, size, &f, NULL) < 0)
		goto out;
	doc = lapor_form_to_json(&f);
	if (!json_is_object(doc))
		abort();
	lapor_form_check(&a, &f, doc, NULL, &errs);
	if (errs.n > LAPOR_MAX_ERRORS)
		abort();
	for (i = 0; i < errs.n; i++) {
		check_id(errs.v[i].field);
		for (k = 0; k < i; k++)
			if (errs.v[i].field[0] && strcmp(errs.v[i].field, errs.v[k].field) == 0)
				abort();
	}
	text = json_dumps(doc, JSON_COMPACT);
	if (text == NULL)
		abort();
	r = arena_alloc(&a, sizeof(*r));
	(void)report_parse_json(&a, text, strlen(text), r, &eb);
	free(text);
	json_decref(doc);
	req = boleh_request_json(&f, &asked);
	if (!json_is_object(req) ||
	    asked != (json_object_get(req, "item") || json_object_get(req, "text")))
		abort();
	json_decref(req);
out:
	arena_release(&a);
	return 0;
}
