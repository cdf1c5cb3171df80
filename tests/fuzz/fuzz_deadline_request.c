/*
 * fuzz_deadline_request.c - one line of `netra deadline --json` (the body
 * of POST /api/v1/deadlines): parse, resolve, compute and serialise, on
 * arbitrary bytes, against the built-in calendar.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "calendar/deadline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct calendar *cal;

static void
release(void)
{
	calendar_free(cal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct deadline_request req;
	struct deadline_result res;
	struct calendar_opts o;
	struct errbuf eb;
	json_t *j;

	if (cal == NULL) {
		if (calendar_load(&cal, NULL, &eb) < 0)
			abort();
		atexit(release);
	}
	calendar_opts_init(&o);
	o.cuti_bersama_is_workday = size % 2;
	if (deadline_request_parse((const char *)data, size, &req, &eb) < 0) {
		j = deadline_error_to_json(&req, &eb);
		json_decref(j);
		return 0;
	}
	deadline_result_init(&res);
	if (deadline_request_run(cal, &req, &o, &res, &eb) < 0)
		j = deadline_error_to_json(&req, &eb);
	else
		j = deadline_result_to_json(&req, &res);
	if (j == NULL)
		abort();
	json_decref(j);
	deadline_result_release(&res);
	return 0;
}
