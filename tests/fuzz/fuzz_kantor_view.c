/*
 * fuzz_kantor_view.c - the officers' view helpers on arbitrary JSON: the
 * input, when it parses, is given to the timeline, deadline, evidence and
 * preview builders both as the list itself and wrapped as a list's member.
 * They must not crash, must return an array (or an object for the
 * preview), and must never turn a non-http(s) URL into a link.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/kantor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_links(json_t *evidence)
{
	json_t *e;
	size_t i;

	json_array_foreach(evidence, i, e)
	{
		const char *link = json_string_value(json_object_get(e, "link"));

		if (link && !kantor_url_safe(link))
			abort();
	}
}

static void
run(json_t *v)
{
	json_t *out;

	out = kantor_timeline(v, v, "WIT", NULL);
	if (!json_is_array(out))
		abort();
	json_decref(out);
	out = kantor_deadlines(v, v, "2024-02-09", "2024-02-11", NULL);
	if (!json_is_array(out))
		abort();
	json_decref(out);
	out = kantor_evidence(v, 1, NULL);
	if (!json_is_array(out))
		abort();
	check_links(out);
	json_decref(out);
	out = kantor_preview(v, NULL);
	if (!json_is_object(out))
		abort();
	json_decref(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	json_t *v = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL), *wrap;

	if (v == NULL)
		return 0;
	run(v);
	wrap = json_array();
	json_array_append(wrap, v);
	run(wrap);
	json_decref(wrap);
	json_decref(v);
	return 0;
}
